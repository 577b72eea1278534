"""The residence status of a lot: only ever appended to its history (the current status is derived)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import User
from regie.park.models import EvidenceKind, ParkLot, ResidenceStatus, ResidenceStatusChange
from regie.processing_log.services import log_processing


def residence_status_set(
    *,
    actor: User | None,
    lot: ParkLot,
    status: str,
    on_date: date,
    evidence_kind: str,
    evidence: str,
    inspection: Any = None,
    request: HttpRequest | None = None,
) -> ResidenceStatusChange:
    """Append a dated residence-status change with its evidence and who set it (never a BRP outcome)."""
    errors: dict[str, str] = {}
    if status not in ResidenceStatus.values:
        errors["status"] = "Kies een bestaande bewoningsstatus."
    if evidence_kind not in EvidenceKind.values:
        errors["evidence_kind"] = "Kies het soort bewijs: inspectie, BRP-gegevens, brief of overig."
    if not evidence.strip():
        errors["evidence"] = "Beschrijf het bewijs voor deze status."
    if not isinstance(on_date, date):
        errors["on_date"] = "Vul een geldige datum in."
    elif on_date > timezone.localdate():
        errors["on_date"] = "Een bewoningsstatus kan niet in de toekomst ingaan."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        change = ResidenceStatusChange.objects.create(
            lot=lot,
            status=status,
            on_date=on_date,
            evidence_kind=evidence_kind,
            evidence=evidence.strip()[:500],
            set_by=actor,
            inspection=inspection,
        )
        log_processing(
            action="park_lot.status_set",
            actor=actor,
            request=request,
            object_type="park_lot",
            object_id=lot.pk,
            details={"lot": lot.number, "status": status, "on": on_date.isoformat()},
        )
    return change
