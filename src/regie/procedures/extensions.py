"""Extension points of the procedures app, filled by the apps above it when Django starts (decision 0010)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from regie.core.extensions import ExtensionPoint
from regie.procedures.models import Procedure

# Exemptions that protect an addressee from enforcement (persoonsgebonden beschikking, tolerance decision,
# phasing-out arrangement): each source returns Dutch descriptions of those valid on the date for the procedure's
# lot or addressees. The park app contributes its register.
ExemptionSource = Callable[[Procedure, date], list[str]]
exemption_sources: ExtensionPoint[ExemptionSource] = ExtensionPoint("vrijstellingen bij een besluit")


def exemptions_for(procedure: Procedure, on_date: date) -> list[str]:
    return [text for source in exemption_sources for text in source(procedure, on_date)]
