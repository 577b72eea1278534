"""Writes of the privacy workplace: requests of data subjects, in one transaction with their log entry."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.core.errors import ConflictError
from regie.core.periods import add_months
from regie.privacy.models import DataSubjectRequest, RequestStatus
from regie.processing_log.services import log_processing
from regie.subjects.models import Person

PURPOSE = "Verzoek van een betrokkene (AVG art. 15)"


def _next_reference(year: int) -> str:
    prefix = f"AVG-{year}-"
    last = (
        DataSubjectRequest.objects.select_for_update()
        .filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def data_subject_request_create(
    *,
    actor: Any,
    person: Person,
    received_on: date,
    identity_check: str,
    request: HttpRequest | None = None,
) -> DataSubjectRequest:
    """Register a request of access; the identity must have been checked, the deadline is one month (art. 12(3))."""
    errors: dict[str, str] = {}
    if not identity_check.strip():
        errors["identity_check"] = (
            "Leg vast hoe u de identiteit van de verzoeker hebt vastgesteld (bijv. paspoort gezien aan de balie)."
        )
    if received_on > timezone.localdate():
        errors["received_on"] = "De datum van ontvangst ligt in de toekomst."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        dsr = DataSubjectRequest.objects.create(
            reference=_next_reference(received_on.year),
            person=person,
            received_on=received_on,
            deadline=add_months(received_on, 1),
            identity_check=identity_check.strip(),
            identity_checked_by=actor,
        )
        log_processing(
            action="data_subject_request.created",
            actor=actor,
            request=request,
            object_type="data_subject_request",
            object_id=dsr.pk,
            persons=[person.pk],
            purpose=PURPOSE,
            details={"reference": dsr.reference, "deadline": dsr.deadline.isoformat()},
        )
    return dsr


def _locked(dsr: DataSubjectRequest, version: int | None) -> DataSubjectRequest:
    current = DataSubjectRequest.objects.select_for_update().get(pk=dsr.pk)
    if version is not None and current.version != version:
        raise ConflictError("Iemand anders heeft dit verzoek intussen gewijzigd. Bekijk het opnieuw.")
    if current.status == RequestStatus.DONE:
        raise ValidationError({"__all__": "Dit verzoek is al afgehandeld."})
    return current


def data_subject_request_extend(
    *,
    actor: Any,
    dsr: DataSubjectRequest,
    months: int,
    reason: str,
    version: int | None = None,
    request: HttpRequest | None = None,
) -> DataSubjectRequest:
    """Extend the deadline by at most two months (art. 12(3)), with the reason the data subject is told."""
    if months not in (1, 2):
        raise ValidationError({"months": "Verlengen kan met één of twee maanden (AVG art. 12 lid 3)."})
    if not reason.strip():
        raise ValidationError(
            {"reason": "Geef de reden van de verlenging; de betrokkene krijgt die te horen."}
        )
    with transaction.atomic():
        current = _locked(dsr, version)
        if current.extended_to:
            raise ValidationError({"months": "De termijn is al verlengd; verder verlengen kan niet."})
        current.extended_to = add_months(current.deadline, months)
        current.extension_reason = reason.strip()
        current.version += 1
        current.save(update_fields=["extended_to", "extension_reason", "version", "updated_at"])
        log_processing(
            action="data_subject_request.extended",
            actor=actor,
            request=request,
            object_type="data_subject_request",
            object_id=current.pk,
            persons=[current.person_id],
            purpose=PURPOSE,
            details={"extendedTo": current.extended_to.isoformat()},
        )
    return current


def data_subject_request_complete(
    *, actor: Any, dsr: DataSubjectRequest, version: int | None = None, request: HttpRequest | None = None
) -> DataSubjectRequest:
    """Record that the answer was sent."""
    with transaction.atomic():
        current = _locked(dsr, version)
        current.status = RequestStatus.DONE
        current.completed_at = timezone.now()
        current.version += 1
        current.save(update_fields=["status", "completed_at", "version", "updated_at"])
        log_processing(
            action="data_subject_request.completed",
            actor=actor,
            request=request,
            object_type="data_subject_request",
            object_id=current.pk,
            persons=[current.person_id],
            purpose=PURPOSE,
            details={"reference": current.reference},
        )
    return current
