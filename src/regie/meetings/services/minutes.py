"""Minutes per agenda item (a note on the case in its data category; corrections as addenda) and agreements that
become tasks of the case through the case's own task service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.access.case_access import access_to, case_person_ids
from regie.accounts.models import User
from regie.cases.models import DataCategory
from regie.cases.services.notes import note_create
from regie.cases.services.tasks import task_create
from regie.core.errors import ConflictError
from regie.meetings.models import AgendaItem, AgreedAction, Meeting, MinutesEntry
from regie.processing_log.services import log_processing

MAX_MINUTES = 20000


def minutes_record(
    *,
    actor: User,
    item: AgendaItem,
    version: int | None,
    text: str,
    category: str,
    request: HttpRequest | None = None,
) -> MinutesEntry:
    """Record the minutes of an item; once there are minutes, a further entry is an addendum (nothing is ever
    overwritten). A stale version (someone recorded meanwhile) is a conflict and nothing is saved."""
    errors: dict[str, str] = {}
    if not text.strip():
        errors["text"] = "Het verslag is leeg."
    elif len(text) > MAX_MINUTES:
        errors["text"] = f"Een verslag is hoogstens {MAX_MINUTES} tekens."
    if category not in DataCategory.values:
        errors["category"] = "Kies een gegevenscategorie: algemeen, zorg of justitie."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        # The meeting first (as the chair's approval locks it), then the item: an entry and the approval never
        # cross; after the approval every entry is an addendum.
        meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
        approved = meeting.minutes_approved_at is not None
        locked = (
            AgendaItem.objects.select_for_update(of=("self",))
            .select_related("case", "meeting__series")
            .get(pk=item.pk)
        )
        if version is not None and locked.version != version:
            raise ConflictError(
                "Het verslag van dit agendapunt is intussen door iemand anders aangevuld. Uw tekst staat hieronder "
                "nog in het formulier: lees het verslag en sla dan opnieuw op."
            )
        addendum = approved or MinutesEntry.objects.filter(item=locked).exists()
        note = None
        if locked.case is not None:
            heading = (
                "Aanvulling op het vastgestelde verslag"
                if approved
                else ("Aanvulling op het verslag" if addendum else "Verslag")
            )
            note = note_create(
                actor=actor,
                access=access_to(actor, locked.case),
                category=category,
                text=f"{heading} van {locked.meeting.series.name} ({locked.meeting.starts_at:%d-%m-%Y}):\n\n"
                + text.strip(),
                request=request,
            )
        elif category != DataCategory.GENERAL:
            raise ValidationError(
                {"category": "Een vrij agendapunt bevat geen persoonsgegevens: kies algemeen."}
            )
        entry = MinutesEntry.objects.create(
            item=locked,
            text=text.strip(),
            category=category,
            note=note,
            addendum=addendum,
            after_approval=approved,
            author=actor,
        )
        locked.version += 1
        locked.save(update_fields=["version", "updated_at"])
        log_processing(
            action="meeting_item.minutes_recorded",
            actor=actor,
            request=request,
            object_type="meeting_item",
            object_id=locked.pk,
            persons=case_person_ids([locked.case_id]) if locked.case_id else [],
            details={"category": category, "addendum": addendum, "afterApproval": approved},
        )
    return entry


def minutes_approve(
    *, actor: User, meeting: Meeting, seen: int | None, request: HttpRequest | None = None
) -> Meeting:
    """The chair approves the minutes as they read them (`seen`: the number of entries on their page). Approval
    freezes them: what follows is an addendum. An entry recorded meanwhile is a conflict: nothing is approved."""
    if meeting.series.chair_id != actor.pk:
        raise PermissionDenied("Alleen de voorzitter stelt het verslag vast.")
    if seen is None:
        raise ValidationError({"seen": "Het formulier is onvolledig; laad de pagina opnieuw."})
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.minutes_approved_at is not None:
            raise ConflictError("Het verslag van dit overleg is al vastgesteld.")
        entries = MinutesEntry.objects.filter(item__meeting=locked).count()
        if entries == 0:
            raise ValidationError({"seen": "Er is nog geen verslag om vast te stellen."})
        if entries != seen:
            raise ConflictError(
                "Intussen is er verslag bijgekomen. Lees het verslag opnieuw en stel het dan vast."
            )
        locked.minutes_approved_at = timezone.now()
        locked.minutes_approved_by = actor
        locked.save(update_fields=["minutes_approved_at", "minutes_approved_by", "updated_at"])
        log_processing(
            action="meeting.minutes_approved",
            actor=actor,
            request=request,
            object_type="meeting",
            object_id=locked.pk,
            details={"entries": entries},
        )
    return locked


def minutes_count(meeting: Meeting) -> int:
    return MinutesEntry.objects.filter(item__meeting=meeting).count()


@dataclass(frozen=True)
class Agreement:
    title: str
    owner: User | None
    due_date: date | None


def action_agree(
    *, actor: User, item: AgendaItem, agreement: Agreement, request: HttpRequest | None = None
) -> AgreedAction:
    """An agreement at a case item becomes a task of the case (owner, due date) through the task service."""
    if item.case is None:
        raise ValidationError(
            {"title": "Afspraken horen bij een casus; een vrij agendapunt heeft geen taken."}
        )
    if agreement.owner is None:
        raise ValidationError({"owner": "Kies wie de afspraak uitvoert."})
    if agreement.due_date is None:
        raise ValidationError({"due_date": "Geef de datum waarop de afspraak uitgevoerd moet zijn."})
    with transaction.atomic():
        task = task_create(
            actor=actor,
            case=item.case,
            title=agreement.title,
            owner=agreement.owner,
            due_date=agreement.due_date,
            request=request,
        )
        action = AgreedAction.objects.create(item=item, task=task, created_by=actor)
        log_processing(
            action="meeting_item.action_agreed",
            actor=actor,
            request=request,
            object_type="meeting_item",
            object_id=item.pk,
            persons=case_person_ids([item.case_id]),
            details={"case": item.case.number, "owner": agreement.owner.username},
        )
    return action
