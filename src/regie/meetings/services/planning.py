"""What comes onto an agenda besides what the chair types: cases their coordinator asks to discuss ("bespreken",
with the question for the meeting) and proposals of other apps (cases.extensions.agenda_proposals), such as the
PGA referrals awaiting triage."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.access.case_access import CaseAccess, case_person_ids
from regie.access.meetings_access import series_open_to_requests
from regie.accounts.models import User
from regie.cases.extensions import AgendaProposal, AgendaProposalSource, agenda_proposals
from regie.cases.models import CaseStatus
from regie.meetings.models import AgendaItem, DiscussionRequest, Meeting, MeetingSeries, RequestStatus
from regie.meetings.services.meetings import item_add
from regie.processing_log.services import log_processing

MAX_QUESTION = 2000


def may_request(actor: User, access: CaseAccess) -> bool:
    """Only the case's coordinator flags a case "bespreken"."""
    return access.case.coordinator_id == actor.pk and access.case.status != CaseStatus.CLOSED


def discussion_request(
    *,
    actor: User,
    access: CaseAccess,
    series: MeetingSeries | None,
    question: str,
    request: HttpRequest | None = None,
) -> DiscussionRequest:
    if not may_request(actor, access):
        raise PermissionDenied(
            "Alleen de coördinator van een open casus kan haar aanmelden voor een overleg."
        )
    errors: dict[str, str] = {}
    if series is None or not series_open_to_requests(actor).filter(pk=series.pk).exists():
        errors["series"] = "Kies een overleg van uw gemeente."
    if not question.strip():
        errors["question"] = "Geef de vraag aan het overleg."
    elif len(question) > MAX_QUESTION:
        errors["question"] = f"Een vraag is hoogstens {MAX_QUESTION} tekens."
    if errors:
        raise ValidationError(errors)
    assert series is not None
    try:
        with transaction.atomic():
            found = DiscussionRequest.objects.create(
                case=access.case, series=series, question=question.strip(), requested_by=actor
            )
            log_processing(
                action="meeting_request.created",
                actor=actor,
                request=request,
                object_type="case",
                object_id=access.case.pk,
                persons=case_person_ids([access.case.pk]),
                details={"series": series.name},
            )
    except IntegrityError:
        raise ValidationError({"series": "Deze casus is al aangemeld voor dit overleg."}) from None
    return found


def discussion_withdraw(
    *, actor: User, access: CaseAccess, found: DiscussionRequest, request: HttpRequest | None = None
) -> DiscussionRequest:
    if not may_request(actor, access) or found.case_id != access.case.pk:
        raise PermissionDenied("Alleen de coördinator van de casus kan de aanmelding intrekken.")
    with transaction.atomic():
        updated = DiscussionRequest.objects.filter(pk=found.pk, status=RequestStatus.OPEN).update(
            status=RequestStatus.WITHDRAWN, updated_at=timezone.now()
        )
        if not updated:
            raise ValidationError({"request": "Deze aanmelding is al geagendeerd of ingetrokken."})
        log_processing(
            action="meeting_request.withdrawn",
            actor=actor,
            request=request,
            object_type="case",
            object_id=access.case.pk,
            details={"series": str(found.series_id)},
        )
    return found


def request_to_agenda(
    *, actor: User, meeting: Meeting, found: DiscussionRequest, request: HttpRequest | None = None
) -> AgendaItem:
    """Put a requested case on the agenda with its question (the chair must see the case through its door)."""
    with transaction.atomic():
        locked = DiscussionRequest.objects.select_for_update().select_related("case").get(pk=found.pk)
        if locked.status != RequestStatus.OPEN or locked.series_id != meeting.series_id:
            raise ValidationError({"request": "Deze aanmelding is al geagendeerd of ingetrokken."})
        item = item_add(
            actor=actor,
            meeting=meeting,
            case_number=locked.case.number,
            question=locked.question,
            request=request,
        )
        locked.status = RequestStatus.ON_AGENDA
        locked.item = item
        locked.save(update_fields=["status", "item", "updated_at"])
    return item


def sources_of(series: MeetingSeries) -> list[AgendaProposalSource]:
    return [source for source in agenda_proposals if source.key in series.agenda_sources]


def proposals_for(actor: User, meeting: Meeting) -> list[tuple[AgendaProposalSource, list[AgendaProposal]]]:
    """Per source of the series: what the actor may propose and is not yet on this meeting's agenda."""
    on_agenda = set(
        AgendaItem.objects.filter(meeting=meeting).exclude(source="").values_list("source", "source_ref")
    )
    result = []
    for source in sources_of(meeting.series):
        rows = [p for p in source.proposals(actor) if (source.key, p.reference) not in on_agenda]
        result.append((source, rows))
    return result


def proposal_to_agenda(
    *, actor: User, meeting: Meeting, key: str, reference: str, request: HttpRequest | None = None
) -> AgendaItem:
    for source in sources_of(meeting.series):
        if source.key != key:
            continue
        for proposal in source.proposals(actor):
            if proposal.reference == reference:
                return item_add(
                    actor=actor,
                    meeting=meeting,
                    case_number=proposal.case.number if proposal.case else "",
                    title="" if proposal.case else proposal.title,
                    question=proposal.question,
                    source=(key, reference, proposal.url),
                    request=request,
                )
    raise ValidationError({"reference": "Dit voorstel bestaat niet (meer) of is niet voor dit overleg."})
