"""Follow-ups after an inspection: an enforcement procedure, a BRP referral, a care signal.

Enforcement and BRP stay apart (domain.md): the inspection side only *refers* to burgerzaken; the address
investigation is started, run and decided by a BRP employee in its own case and procedure.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.access import park_access
from regie.access.case_access import access_to
from regie.accounts.models import Role, User
from regie.cases.models import Case, CaseType, SubjectRole
from regie.cases.services.case import SubjectRef, case_create
from regie.core.terms import format_date
from regie.intake.models import SignalCategory, SubjectKind
from regie.intake.services.inputs import SubjectInput
from regie.intake.services.receive import signal_create_from_inspection
from regie.park.models import FollowUp, FollowUpKind, Inspection, Outcome
from regie.park.selectors import brp_registrations
from regie.procedures.services.engine import procedure_start
from regie.processing_log.services import log_processing

BRP_CASE_TYPE = "brp-adresonderzoek"
CARE_CATEGORY = "zorg-en-veiligheid"


def _existing(inspection: Inspection, kind: str) -> FollowUp | None:
    return FollowUp.objects.filter(inspection=inspection, kind=kind).first()


def _summary(inspection: Inspection) -> str:
    return (
        f"Inspectie {format_date(inspection.inspected_on, weekday=False)} op {inspection.lot.location.name}: "
        f"{Outcome(inspection.outcome).label.lower()}."
    )


def follow_up_start_procedure(
    *, actor: User, inspection: Inspection, request: HttpRequest | None = None
) -> FollowUp:
    """Start the permanent-residence enforcement procedure on the lot's case (once per inspection)."""

    found = _existing(inspection, FollowUpKind.PROCEDURE)
    if found is not None:
        return found
    if not park_access.may_set_status(actor) or inspection.case is None:
        raise PermissionDenied
    access = access_to(actor, inspection.case)
    if not access.can_edit:
        raise PermissionDenied
    with transaction.atomic():
        result = procedure_start(
            actor=actor,
            access=access,
            type_code="permanent-residence",
            on_date=timezone.localdate(),
            data={"signal": _summary(inspection) + "\n" + inspection.findings},
            request=request,
        )
        follow_up = FollowUp.objects.create(
            inspection=inspection,
            kind=FollowUpKind.PROCEDURE,
            created_by=actor,
            reference=str(result.procedure.pk),
        )
        log_processing(
            action="park_follow_up.procedure_started",
            actor=actor,
            request=request,
            object_type="park_inspection",
            object_id=inspection.pk,
            details={"procedure": str(result.procedure.pk)},
        )
    return follow_up


def follow_up_refer_brp(
    *, actor: User, inspection: Inspection, note: str, request: HttpRequest | None = None
) -> FollowUp:
    """Refer the lot to burgerzaken for an address investigation; this decides nothing about the BRP."""
    found = _existing(inspection, FollowUpKind.BRP)
    if found is not None:
        return found
    if not park_access.may_inspect(actor, inspection.round) and not park_access.may_set_status(actor):
        raise PermissionDenied
    if not note.strip():
        raise ValidationError({"note": "Beschrijf waarom burgerzaken een adresonderzoek zou moeten doen."})
    with transaction.atomic():
        follow_up = FollowUp.objects.create(
            inspection=inspection, kind=FollowUpKind.BRP, created_by=actor, note=note.strip()
        )
        log_processing(
            action="park_follow_up.brp_referred",
            actor=actor,
            request=request,
            object_type="park_inspection",
            object_id=inspection.pk,
        )
    return follow_up


def follow_up_refer_care(
    *, actor: User, inspection: Inspection, note: str, request: HttpRequest | None = None
) -> FollowUp:
    """Refer social problems to the process director: a signal (source `inspectie`) into triage."""
    found = _existing(inspection, FollowUpKind.CARE)
    if found is not None:
        return found
    if not park_access.may_inspect(actor, inspection.round) and not park_access.may_set_status(actor):
        raise PermissionDenied
    if not note.strip():
        raise ValidationError({"note": "Beschrijf wat u hebt gezien (de sociale problematiek)."})
    name = inspection.lot.location.name
    category = (
        CARE_CATEGORY if SignalCategory.objects.filter(code=CARE_CATEGORY, active=True).exists() else ""
    )
    with transaction.atomic():
        signal = signal_create_from_inspection(
            actor=actor,
            description=f"{_summary(inspection)}\nGezien bij de inspectie: {note.strip()}",
            location_kind="park-lot",
            location_text=name,
            subjects=[
                SubjectInput(kind=SubjectKind.LOCATION, data={"name": name, "location_kind": "park-lot"})
            ],
            category_code=category,
            request=request,
        )
        follow_up = FollowUp.objects.create(
            inspection=inspection,
            kind=FollowUpKind.CARE,
            created_by=actor,
            note=note.strip(),
            reference=signal.reference,
        )
        log_processing(
            action="park_follow_up.care_referred",
            actor=actor,
            request=request,
            object_type="park_inspection",
            object_id=inspection.pk,
            details={"signal": signal.reference},
        )
    return follow_up


def brp_referral_take_up(*, actor: User, follow_up: FollowUp, request: HttpRequest | None = None) -> Case:
    """Burgerzaken takes up a referral: its own case and its own address-investigation procedure."""

    if actor.role != Role.BRP or actor.organisation is None:
        raise PermissionDenied
    if follow_up.kind != FollowUpKind.BRP:
        raise ValidationError({"follow_up": "Dit is geen doorverwijzing naar burgerzaken."})
    if follow_up.taken_up_case_id is not None:
        raise ValidationError({"follow_up": "Burgerzaken heeft deze doorverwijzing al opgepakt."})
    case_type = CaseType.objects.filter(code=BRP_CASE_TYPE, active=True).first()
    if case_type is None:
        raise ValidationError({"case": "Het casustype BRP-adresonderzoek bestaat niet of is niet actief."})
    lot = follow_up.inspection.lot
    subjects = [SubjectRef(role=SubjectRole.LOCATION, location=lot.location)]
    if lot.location.address is not None:
        subjects.append(SubjectRef(role=SubjectRole.LOCATION, address=lot.location.address))
    subjects += [SubjectRef(role=SubjectRole.RESIDENT, person=p) for p in brp_registrations(lot)]
    with transaction.atomic():
        case = case_create(
            actor=actor,
            case_type=case_type,
            title=f"Adresonderzoek {lot.location.name}",
            coordinator=actor,
            municipality=actor.organisation.municipality,
            subjects=subjects,
            request=request,
        )
        procedure_start(
            actor=actor,
            access=access_to(actor, case),
            type_code="brp-address-investigation",
            on_date=timezone.localdate(),
            data={
                "reason": f"Doorverwijzing na {_summary(follow_up.inspection)} {follow_up.note}",
                "reporter": "Toezicht en Handhaving (inspectie vakantiepark)",
                "in_research": "ja",
            },
            request=request,
        )
        follow_up.taken_up_case = case
        follow_up.save(update_fields=["taken_up_case"])
        log_processing(
            action="park_follow_up.brp_taken_up",
            actor=actor,
            request=request,
            object_type="park_inspection",
            object_id=follow_up.inspection_id,
            details={"case": case.number},
        )
    return case
