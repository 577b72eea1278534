"""The triage decisions: start a case, add to a case, refer to a partner, merge with a duplicate, close.

Each decision locks the signal (claiming it for the actor when unclaimed), runs in one transaction with the case
changes it causes, is logged, and enqueues the reporter's update mail when the reporter left an e-mail address.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.access.case_access import CaseAccess, get_case_for
from regie.access.signal_access import signal_person_ids
from regie.accounts.models import Organisation, OrganisationKind, User
from regie.cases.models import Case, CaseStatus, CaseSubject, CaseType, DataCategory, SubjectRole
from regie.cases.services.case import SubjectRef, case_create, case_subject_add
from regie.cases.services.documents import document_upload, storage_root
from regie.cases.services.notes import note_create
from regie.core.dates import format_moment
from regie.core.errors import ConflictError
from regie.intake.models import SIGNAL_TRANSITIONS, Decision, Signal, SignalSubject, Status, SubjectKind
from regie.intake.services.claim import lock_for_work, lock_signal
from regie.intake.services.history import enqueue, record
from regie.processing_log.services import log_processing
from regie.subjects.models import Address
from regie.subjects.services import address_get_or_create, business_create, person_create

MAX_REASON = 2000
DECISION_FIELDS = [
    "decision",
    "decision_reason",
    "decided_by",
    "decided_at",
    "status",
    "first_action_at",
    "reminded_at",
    "escalated_at",
    "case",
    "referred_to",
    "referral_shared",
    "merged_into",
    "version",
    "updated_at",
]


def _person_for(actor: User, subject: SignalSubject, reference: str, request: HttpRequest | None) -> Any:
    if subject.person is not None:
        return subject.person
    data = subject.data
    if not data.get("surname"):
        return None
    address = None
    if data.get("postcode") and data.get("house_number"):
        address = Address.objects.filter(postcode=data["postcode"], house_number=data["house_number"]).first()
    try:
        person = person_create(
            actor=actor,
            surname=data["surname"],
            given_names=data.get("given_names", ""),
            prefix=data.get("prefix", ""),
            bsn=data.get("bsn"),
            birth_date=_date(data.get("birth_date")),
            address=address,
            request=request,
            source=f"signaal {reference}",
        )
    except ValidationError as exc:
        messages = (
            "; ".join(m for ms in exc.message_dict.values() for m in ms) if hasattr(exc, "error_dict") else ""
        )
        raise ValidationError(
            {"subjects": f"{data.get('surname', 'Persoon')}: {messages or exc.messages[0]}"}
        ) from exc
    subject.person, subject.confirmed_by, subject.confirmed_at = person, actor, timezone.now()
    subject.save(update_fields=["person", "confirmed_by", "confirmed_at", "updated_at"])
    return person


def _date(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def subject_refs(*, actor: User, signal: Signal, request: HttpRequest | None) -> list[SubjectRef]:
    """The signal's subjects as case subjects: confirmed ones as they are, new persons created from the data."""
    refs: list[SubjectRef] = []
    for subject in signal.subjects.select_related("person", "address", "location", "business"):
        data = subject.data
        role = subject.role if subject.role in SubjectRole.values else SubjectRole.INVOLVED
        if subject.kind == SubjectKind.PERSON:
            person = _person_for(actor, subject, signal.reference, request)
            if person is not None:
                refs.append(SubjectRef(role=role, person=person))
        elif subject.kind == SubjectKind.ADDRESS:
            address = subject.address
            if address is None and data.get("street") and data.get("city"):
                address = address_get_or_create(
                    actor=actor,
                    postcode=data["postcode"],
                    house_number=int(data["house_number"]),
                    street=data["street"],
                    city=data["city"],
                    house_letter=data.get("house_letter", ""),
                    addition=data.get("addition", ""),
                )
            if address is not None:
                refs.append(SubjectRef(role=SubjectRole.LOCATION, address=address))
        elif subject.kind == SubjectKind.LOCATION and subject.location is not None:
            refs.append(SubjectRef(role=SubjectRole.LOCATION, location=subject.location))
        elif subject.kind == SubjectKind.BUSINESS:
            business = subject.business
            if business is None and data.get("kvk_number") and data.get("name"):
                business = business_create(
                    actor=actor, kvk_number=data["kvk_number"], name=data["name"], request=request
                )
            if business is not None:
                refs.append(SubjectRef(role=role, business=business))
    return refs


def _carry_over(*, actor: User, signal: Signal, access: CaseAccess, request: HttpRequest | None) -> None:
    """The signal's text as a note, and its attachments as documents, in the case."""
    category = (
        DataCategory.GENERAL if DataCategory.GENERAL in access.categories else sorted(access.categories)[0]
    )
    received = format_moment(signal.received_at)
    note_create(
        actor=actor,
        access=access,
        category=category,
        text=f"Signaal {signal.reference} (ontvangen {received}):\n\n{signal.description}",
        request=request,
    )
    for attachment in signal.attachments.all():
        with (storage_root() / attachment.storage_name).open("rb") as handle:
            document_upload(
                actor=actor,
                access=access,
                category=category,
                title=f"Bijlage bij signaal {signal.reference}",
                document_type="overig",
                filename=attachment.filename,
                content=io.BytesIO(handle.read()),
                request=request,
            )


def _decide(
    locked: Signal,
    actor: User,
    decision: str,
    *,
    reason: str = "",
    acted: bool,
    request: HttpRequest | None,
    details: dict[str, Any] | None = None,
) -> None:
    SIGNAL_TRANSITIONS.check(locked.status, Status.DONE, field="signal", again=False)
    moment = timezone.now()
    locked.decision, locked.decision_reason = decision, reason.strip()
    locked.decided_by, locked.decided_at, locked.status = actor, moment, Status.DONE
    if acted and locked.first_action_at is None:
        locked.first_action_at = moment
    if locked.first_action_at is None:
        locked.reminded_at = locked.escalated_at = None  # the first-action phase gets its own reminder
    locked.version += 1
    locked.save(update_fields=DECISION_FIELDS)
    record(signal=locked, actor=actor, kind="signal.decided", summary=f"Besluit: {Decision(decision).label}")
    log_processing(
        action="signal.triaged",
        actor=actor,
        request=request,
        object_type="signal",
        object_id=locked.pk,
        persons=signal_person_ids(locked),
        details={"reference": locked.reference, "decision": decision, **(details or {})},
    )
    if locked.reporter_email:
        enqueue("intake.send_signal_mail", signal_id=str(locked.pk), kind="update")


def signal_start_case(
    *,
    actor: User,
    signal: Signal,
    case_type: CaseType,
    title: str,
    coordinator: User,
    priority: str,
    request: HttpRequest | None = None,
) -> Case:
    """Start a new case from the signal: its subjects, text and attachments go with it."""
    with transaction.atomic():
        locked = lock_for_work(actor=actor, signal=signal)
        case = case_create(
            actor=actor,
            case_type=case_type,
            title=title.strip() or f"Signaal {locked.reference}",
            coordinator=coordinator,
            municipality=locked.municipality,
            priority=priority,
            subjects=subject_refs(actor=actor, signal=locked, request=request),
            request=request,
        )
        _carry_over(
            actor=actor, signal=locked, access=get_case_for(actor, case.pk, log=False), request=request
        )
        locked.case = case
        _decide(locked, actor, Decision.NEW_CASE, acted=False, request=request, details={"case": case.number})
    return case


def signal_add_to_case(
    *, actor: User, signal: Signal, access: CaseAccess, request: HttpRequest | None = None
) -> Case:
    """Add the signal to a case the actor may edit (it came through the access door)."""
    case = access.case
    if not access.can_edit or case.status == CaseStatus.CLOSED:
        raise ValidationError(
            {"case": "U kunt aan deze casus niets toevoegen: u mag er alleen in lezen of hij is gesloten."}
        )
    if case.municipality_id != signal.municipality_id:
        raise ValidationError({"case": "Deze casus hoort bij een andere gemeente."})
    with transaction.atomic():
        locked = lock_for_work(actor=actor, signal=signal)
        for ref in subject_refs(actor=actor, signal=locked, request=request):
            present = CaseSubject.objects.filter(
                case=case,
                person=ref.person,
                address=ref.address,
                location=ref.location,
                business=ref.business,
            ).exists()
            if not present:
                case_subject_add(actor=actor, case=case, ref=ref, request=request)
        _carry_over(actor=actor, signal=locked, access=access, request=request)
        locked.case = case
        _decide(
            locked, actor, Decision.ADD_TO_CASE, acted=False, request=request, details={"case": case.number}
        )
    return case


def signal_refer(
    *,
    actor: User,
    signal: Signal,
    partner: Organisation | None,
    reason: str,
    shared: str,
    request: HttpRequest | None = None,
) -> Signal:
    """Refer the signal to a partner; the reason and what was shared with them are recorded and logged."""
    errors: dict[str, str] = {}
    if partner is None or partner.kind != OrganisationKind.PARTNER or not partner.active:
        errors["partner"] = "Kies een actieve partnerorganisatie."
    elif partner.municipality_id != signal.municipality_id:
        errors["partner"] = "Deze partner werkt niet voor deze gemeente."
    if not reason.strip():
        errors["reason"] = "Geef de reden van de doorverwijzing."
    if not shared.strip():
        errors["shared"] = "Leg vast welke gegevens u met de partner heeft gedeeld (of 'geen')."
    for key, text in (("reason", reason), ("shared", shared)):
        if len(text) > MAX_REASON:
            errors[key] = f"Hoogstens {MAX_REASON} tekens."
    if errors:
        raise ValidationError(errors)
    assert partner is not None
    with transaction.atomic():
        locked = lock_for_work(actor=actor, signal=signal)
        locked.referred_to, locked.referral_shared = partner, shared.strip()
        _decide(
            locked,
            actor,
            Decision.REFER,
            reason=reason,
            acted=True,
            request=request,
            details={"partner": partner.name, "reason": reason.strip(), "shared": shared.strip()},
        )
    return locked


def signal_merge(
    *, actor: User, signal: Signal, target: Signal, request: HttpRequest | None = None
) -> Signal:
    """Merge a duplicate into an earlier signal (which came through the door); the duplicate is then done."""
    if target.pk == signal.pk:
        raise ValidationError({"duplicate_of": "Een signaal kan niet met zichzelf worden samengevoegd."})
    if target.municipality_id != signal.municipality_id:
        raise ValidationError({"duplicate_of": "Dit signaal hoort bij een andere gemeente."})
    with transaction.atomic():
        locked = lock_for_work(actor=actor, signal=signal)
        other = lock_signal(target)
        if other.merged_into_id is not None:
            raise ValidationError(
                {
                    "duplicate_of": "Dat signaal is zelf al samengevoegd; kies het signaal waarin het is opgegaan."
                }
            )
        if other.merged_into_id == locked.pk:
            raise ConflictError("Dat signaal is al met dit signaal samengevoegd.")
        locked.merged_into = other
        record(
            signal=other,
            actor=actor,
            kind="signal.duplicate_merged",
            summary=f"Signaal {locked.reference} is hiermee samengevoegd",
        )
        _decide(locked, actor, Decision.MERGE, acted=True, request=request, details={"into": other.reference})
    return locked


def signal_close(*, actor: User, signal: Signal, reason: str, request: HttpRequest | None = None) -> Signal:
    """Close the signal without action; the reason is required."""
    if not reason.strip():
        raise ValidationError({"reason": "Geef de reden waarom dit signaal zonder actie wordt gesloten."})
    if len(reason) > MAX_REASON:
        raise ValidationError({"reason": f"Hoogstens {MAX_REASON} tekens."})
    with transaction.atomic():
        locked = lock_for_work(actor=actor, signal=signal)
        _decide(locked, actor, Decision.CLOSE, reason=reason, acted=True, request=request)
    return locked
