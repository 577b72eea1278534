"""What the PGA holds about a data subject, for the privacy officer's access export (AVG art. 15, issue 18).

Registered on `subjects.extensions.subject_exports`; reads through the officer's door (access/privacy_access.py)
and shows metadata only: referrals and PGA cases with their dates, level and status, never the reasons or plans."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from regie.access import privacy_access
from regie.core.terms import format_date
from regie.subjects.extensions import SubjectExportSection, subject_exports
from regie.subjects.models import Person

CATEGORIES = (
    "Identificerende gegevens",
    "Zorggegevens (AVG art. 9)",
    "Gegevens over leefgebieden (zelfredzaamheid)",
)


def pga_section(user: Any, person: Person) -> SubjectExportSection | None:
    referrals, cases = privacy_access.pga_records_of(user, person)
    if not referrals and not cases:
        return None
    rows: list[tuple[str, ...]] = []
    for referral in referrals:
        outcome = referral.get_decision_display() if referral.decision else referral.get_status_display()
        rows.append(
            ("Aanmelding", format_date(timezone.localdate(referral.created_at), weekday=False), "", outcome)
        )
    for pga_case in cases:
        period = format_date(pga_case.included_on, weekday=False)
        if pga_case.exited_on:
            period += f" – {format_date(pga_case.exited_on, weekday=False)}"
        rows.append(
            (
                f"PGA-casus {pga_case.case.number}",
                period,
                pga_case.get_level_display(),
                pga_case.get_status_display(),
            )
        )
    return SubjectExportSection(
        title="Persoonsgerichte aanpak",
        categories=CATEGORIES,
        columns=("Wat", "Datum of periode", "Niveau", "Stand"),
        rows=tuple(rows),
    )


def register() -> None:
    subject_exports.register(pga_section)
