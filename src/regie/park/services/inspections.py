"""Submitting the inspection of one lot: the report of findings on the lot's case, photos, and the status.

Idempotent: one inspection per lot and round; a second submit is recognised and changes nothing.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.access import park_access
from regie.access.case_access import access_to
from regie.accounts.models import User
from regie.cases.models import Case, CaseType, DataCategory, SubjectRole
from regie.cases.services.case import SubjectRef, case_create
from regie.cases.services.documents import document_upload, sniff_content_type
from regie.cases.services.team import case_member_add
from regie.core.terms import format_date
from regie.park.indicator_selectors import indicator_labels, indicators_in_force
from regie.park.models import (
    OUTCOME_STATUS,
    EvidenceKind,
    Inspection,
    InspectionRound,
    Outcome,
    ParkLot,
    ResidenceStatus,
    RoundLot,
)
from regie.park.selectors import current_status, open_lot_case
from regie.park.services.indicators import indicator_policy_ensure
from regie.park.services.status import residence_status_set
from regie.processing_log.services import log_processing

ENFORCEMENT_CASE_TYPE = "handhaving-permanente-bewoning"
PHOTO_TYPES = {"image/png", "image/jpeg"}
MAX_PHOTOS = 10
NOT_IN_ROUND = "Deze kavel hoort niet bij deze inspectieronde."
ROUND_CANCELLED = "Deze inspectieronde is geannuleerd: er kunnen geen inspecties meer op worden ingediend."

UNKNOWN_INDICATOR = "Kies alleen indicatoren uit de lijst."


@dataclass(frozen=True)
class Photo:
    filename: str
    data: bytes


@dataclass(frozen=True)
class Submitted:
    inspection: Inspection
    created: bool  # False: this lot was already inspected in this round (the second submit is recognised)
    status_changed: bool = False


def _validate(
    *,
    indicators: Sequence[str],
    outcome: str,
    findings: str,
    photos: Sequence[Photo],
) -> dict[str, str]:
    """What is wrong with the input; indicators must be offered ones of the version in force."""
    errors: dict[str, str] = {}
    offered = {i.code for i in indicators_in_force()}
    if any(i not in offered for i in indicators):
        errors["indicators"] = UNKNOWN_INDICATOR
    if outcome not in Outcome.values:
        errors["outcome"] = "Kies de uitkomst van de inspectie."
    if not findings.strip():
        errors["findings"] = "Beschrijf wat u hebt gezien en gehoord (de bevindingen)."
    if len(photos) > MAX_PHOTOS:
        errors["photos"] = f"Voeg hoogstens {MAX_PHOTOS} foto's toe."
    limit = settings.REGIE_MAX_UPLOAD_MB * 1024 * 1024
    for photo in photos:
        if len(photo.data) > limit:
            errors["photos"] = f"De foto {photo.filename} is groter dan {settings.REGIE_MAX_UPLOAD_MB} MB."
        elif sniff_content_type(photo.data[:8192]) not in PHOTO_TYPES:
            errors["photos"] = (
                f"{photo.filename or 'Het bestand'} is geen foto: alleen JPEG en PNG zijn toegestaan."
            )
    return errors


def lot_case_for(*, actor: User, lot: ParkLot, request: HttpRequest | None = None) -> Case:
    """The lot's open enforcement case; opened (coordinated by the park's project leader) when there is none."""
    case = open_lot_case(lot)
    if case is not None:
        return case
    case_type = CaseType.objects.filter(code=ENFORCEMENT_CASE_TYPE, active=True).first()
    if case_type is None:
        raise ValidationError(
            {"case": "Het casustype handhaving permanente bewoning bestaat niet of is niet actief."}
        )
    subjects = [SubjectRef(role=SubjectRole.LOCATION, location=lot.location)]
    if lot.location.address is not None:
        subjects.append(SubjectRef(role=SubjectRole.LOCATION, address=lot.location.address))
    if lot.owner_person is not None:
        subjects.append(SubjectRef(role=SubjectRole.OWNER, person=lot.owner_person))
    if lot.owner_business is not None:
        subjects.append(SubjectRef(role=SubjectRole.OWNER, business=lot.owner_business))
    today = timezone.localdate()
    for occupancy in lot.occupancies.select_related("person"):
        if occupancy.to_date is None or occupancy.to_date >= today:
            subjects.append(SubjectRef(role=SubjectRole.RESIDENT, person=occupancy.person))
    coordinator = lot.park.project_leader or actor
    return case_create(
        actor=actor,
        case_type=case_type,
        title=f"Permanente bewoning {lot.location.name}",
        coordinator=coordinator,
        municipality=lot.park.municipality,
        subjects=subjects,
        request=request,
    )


def _report_text(inspection: Inspection, photos: int) -> bytes:
    lot = inspection.lot
    lines = [
        "RAPPORT VAN BEVINDINGEN",
        f"{lot.park.name}, kavel {lot.number}",
        f"Adres: {lot.location.address or 'onbekend'}",
        f"Datum inspectie: {format_date(inspection.inspected_on)}",
        f"Toezichthouder: {inspection.inspector} ({inspection.inspector.organisation or ''})",
        f"Gezamenlijke inspectieronde van {format_date(inspection.round.planned_on)}",
        "",
        "Toestemming om binnen te treden: "
        + ("ja" if inspection.entry_consent else "nee (niet binnen geweest)"),
        "",
        "Waargenomen aanwijzingen voor hoofdverblijf:",
    ]
    lines += [f"- {label}" for label in indicator_labels(inspection)] or ["- geen"]
    lines += [
        "",
        "Bevindingen:",
        inspection.findings.strip(),
        "",
        f"Uitkomst: {Outcome(inspection.outcome).label}",
    ]
    lines += [f"Foto's: {photos} (als afzonderlijke documenten bij de casus)"]
    lines += ["", "Dit rapport stelt geen BRP-uitkomst vast; een adresonderzoek is aan burgerzaken."]
    return ("\n".join(lines) + "\n").encode()


def inspection_submit(
    *,
    actor: User,
    inspection_round: InspectionRound,
    lot: ParkLot,
    indicators: Sequence[str],
    entry_consent: bool,
    findings: str,
    outcome: str,
    photos: Sequence[Photo] = (),
    on_date: date | None = None,
    request: HttpRequest | None = None,
) -> Submitted:
    """Record the inspection, write the report on the lot's case and update the residence status if found."""
    if not park_access.may_inspect(actor, inspection_round):
        raise PermissionDenied
    if not RoundLot.objects.filter(round=inspection_round, lot=lot).exists():
        raise ValidationError({"lot": NOT_IN_ROUND})
    if inspection_round.is_cancelled:
        raise ValidationError({"round": ROUND_CANCELLED})
    existing = Inspection.objects.filter(round=inspection_round, lot=lot).first()
    if existing is not None:
        return Submitted(existing, created=False)
    errors = _validate(indicators=indicators, outcome=outcome, findings=findings, photos=photos)
    today = timezone.localdate()
    if on_date is not None and on_date > today:
        errors["on_date"] = "Een inspectie kan niet in de toekomst zijn gedaan."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        # The round lot's row lock orders this submit against a concurrent one, and against a change or a
        # cancellation of the round (those lock every round lot): re-read what they may have committed.
        if RoundLot.objects.select_for_update().filter(round=inspection_round, lot=lot).first() is None:
            raise ValidationError({"lot": NOT_IN_ROUND})
        existing = Inspection.objects.filter(round=inspection_round, lot=lot).first()
        if existing is not None:  # a concurrent submit won the row lock
            return Submitted(existing, created=False)
        if InspectionRound.objects.filter(pk=inspection_round.pk, cancelled_at__isnull=False).exists():
            raise ValidationError({"round": ROUND_CANCELLED})
        case = lot_case_for(actor=actor, lot=lot, request=request)
        access = access_to(actor, case)
        if not access.can_edit:
            case_member_add(
                actor=actor,
                case=case,
                case_role="inspecteur vakantiepark",
                categories=[DataCategory.GENERAL],
                user=actor,
                request=request,
            )
            access = access_to(actor, case)
        inspection = Inspection.objects.create(
            round=inspection_round,
            lot=lot,
            inspector=actor,
            inspected_on=on_date or today,
            indicators=list(dict.fromkeys(indicators)),
            indicator_policy=indicator_policy_ensure(),  # the version ticked from: labels are read from it
            entry_consent=entry_consent,
            findings=findings.strip(),
            outcome=outcome,
            case=case,
        )
        report = document_upload(
            actor=actor,
            access=access,
            category=DataCategory.GENERAL,
            title=f"Rapport van bevindingen kavel {lot.number} ({format_date(inspection.inspected_on, weekday=False)})",
            document_type="rapport van bevindingen",
            filename=f"rapport-van-bevindingen-kavel-{lot.number}-{inspection.inspected_on.isoformat()}.txt",
            content=io.BytesIO(_report_text(inspection, len(photos))),
            request=request,
        )
        inspection.report = report
        inspection.save(update_fields=["report"])
        for number, photo in enumerate(photos, start=1):
            document_upload(
                actor=actor,
                access=access,
                category=DataCategory.GENERAL,
                title=f"Foto {number} inspectie kavel {lot.number}",
                document_type="foto",
                filename=photo.filename or f"foto-{number}",
                content=io.BytesIO(photo.data),
                request=request,
            )
        changed = False
        new_status = OUTCOME_STATUS.get(Outcome(outcome))
        current = current_status(lot)
        tolerated = current == ResidenceStatus.TOLERATED and new_status in (
            ResidenceStatus.SUSPECTED,
            ResidenceStatus.PERMANENT,
        )
        if new_status is not None and new_status != current and not tolerated:
            residence_status_set(
                actor=actor,
                lot=lot,
                status=new_status,
                on_date=inspection.inspected_on,
                evidence_kind=EvidenceKind.INSPECTION,
                evidence=f"Inspectie {format_date(inspection.inspected_on, weekday=False)}: "
                f"{Outcome(outcome).label.lower()}",
                inspection=inspection,
                request=request,
            )
            changed = True
        log_processing(
            action="park_inspection.submitted",
            actor=actor,
            request=request,
            object_type="park_inspection",
            object_id=inspection.pk,
            details={"lot": lot.number, "outcome": outcome, "case": case.number, "photos": len(photos)},
        )
    return Submitted(inspection, created=True, status_changed=changed)
