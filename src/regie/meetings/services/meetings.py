"""Meetings of a series: planning, attendees (a deelnemer with a reason and the confidentiality statement), the
agenda (cases the chair may see, free items without personal data) and grants for one item of one meeting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone

from regie.access.case_access import case_person_ids, cases_visible_to, may_see_cases
from regie.access.meetings_access import case_for_agenda
from regie.accounts.models import User
from regie.cases.models import CaseStatus, DataCategory
from regie.meetings.models import (
    CONFIDENTIALITY_VERSION,
    AgendaItem,
    ItemGrant,
    Meeting,
    MeetingAttendee,
    MeetingSeries,
)
from regie.processing_log.services import log_processing

MAX_AGENDA = 60
GRANT_AFTER_MEETING = timedelta(days=7)  # a grant ends at the latest a week after the meeting


def meeting_plan(
    *,
    actor: User,
    series: MeetingSeries,
    starts_at: datetime | None,
    place: str = "",
    online_link: str = "",
    request: HttpRequest | None = None,
) -> Meeting:
    errors: dict[str, str] = {}
    if starts_at is None:
        errors["starts_at"] = "Geef de datum en het tijdstip van het overleg."
    elif starts_at < timezone.now():
        errors["starts_at"] = "Het overleg ligt in het verleden; kies een moment vanaf nu."
    if not place.strip() and not online_link.strip():
        errors["place"] = "Geef een plaats of een link voor online deelname."
    if not series.active:
        errors["starts_at"] = "Dit overleg is opgeheven; er kunnen geen bijeenkomsten meer bij."
    if errors:
        raise ValidationError(errors)
    assert starts_at is not None
    with transaction.atomic():
        meeting = Meeting.objects.create(
            series=series,
            starts_at=starts_at,
            place=place.strip(),
            online_link=online_link.strip(),
            created_by=actor,
        )
        log_processing(
            action="meeting.planned",
            actor=actor,
            request=request,
            object_type="meeting",
            object_id=meeting.pk,
            details={"series": series.name, "startsAt": meeting.starts_at.isoformat()},
        )
    return meeting


def attendee_add(
    *, actor: User, meeting: Meeting, user: User | None, reason: str = "", request: HttpRequest | None = None
) -> MeetingAttendee:
    """Invite someone. From a covenant partner no reason is needed; anyone else is a deelnemer and needs one."""
    errors: dict[str, str] = {}
    series = meeting.series
    if user is None or not may_see_cases(user) or user.organisation is None:
        errors["user"] = "Kies een actieve medewerker of ketenpartner die aan casussen werkt."
    elif user.organisation.municipality_id != series.municipality_id:
        errors["user"] = "Deze persoon hoort niet bij deze gemeente."
    elif MeetingAttendee.objects.filter(meeting=meeting, user=user).exists():
        errors["user"] = "Deze persoon staat al op de deelnemerslijst."
    elif user.pk in (series.chair_id, series.secretary_id):
        errors["user"] = "De voorzitter en de secretaris zijn er altijd bij."
    else:
        partner = series.organisations.filter(pk=user.organisation.pk).exists()
        if not partner and not reason.strip():
            errors["reason"] = (
                "Deze persoon hoort niet bij een convenantpartner van dit overleg: geef de reden van de uitnodiging."
            )
        if partner:
            reason = ""
    if errors:
        raise ValidationError(errors)
    assert user is not None
    with transaction.atomic():
        attendee = MeetingAttendee.objects.create(
            meeting=meeting, user=user, reason=reason.strip(), added_by=actor
        )
        log_processing(
            action="meeting.attendee_added",
            actor=actor,
            request=request,
            object_type="meeting",
            object_id=meeting.pk,
            details={"attendee": user.username, "deelnemer": attendee.incidental, "reason": attendee.reason},
        )
    return attendee


def confidentiality_confirm(
    *, actor: User, attendee: MeetingAttendee, request: HttpRequest | None = None
) -> MeetingAttendee:
    if attendee.user_id != actor.pk:
        raise ValidationError({"confirm": "Alleen de deelnemer zelf kan de verklaring bevestigen."})
    with transaction.atomic():
        attendee.confirmed_at = timezone.now()
        attendee.confirmed_version = CONFIDENTIALITY_VERSION
        attendee.save(update_fields=["confirmed_at", "confirmed_version", "updated_at"])
        log_processing(
            action="meeting.confidentiality_confirmed",
            actor=actor,
            request=request,
            object_type="meeting",
            object_id=attendee.meeting_id,
            details={"version": CONFIDENTIALITY_VERSION},
        )
    return attendee


def item_add(
    *,
    actor: User,
    meeting: Meeting,
    case_number: str = "",
    title: str = "",
    question: str = "",
    source: tuple[str, str, str] = ("", "", ""),
    request: HttpRequest | None = None,
) -> AgendaItem:
    """Put a case (one the actor sees through its door) or a free item (a subject without personal data) on the
    agenda; `source` is (key, reference, url) of an item another app proposed (a PGA referral awaiting triage)."""
    errors: dict[str, str] = {}
    case = None
    if case_number.strip():
        case = case_for_agenda(actor, case_number)
        if case is None:
            errors["case_number"] = (
                "Deze casus bestaat niet of u mag haar niet inzien; u kunt haar niet agenderen."
            )
        elif case.status == CaseStatus.CLOSED:
            errors["case_number"] = "Deze casus is gesloten."
        elif AgendaItem.objects.filter(meeting=meeting, case=case).exists():
            errors["case_number"] = "Deze casus staat al op de agenda."
        elif not question.strip():
            errors["question"] = "Geef de vraag aan het overleg over deze casus."
    elif not title.strip():
        errors["title"] = "Geef een casusnummer of het onderwerp van een vrij agendapunt."
    elif (
        source[1]
        and AgendaItem.objects.filter(meeting=meeting, source=source[0], source_ref=source[1]).exists()
    ):
        errors["title"] = "Dit voorstel staat al op de agenda."
    if len(title) > 200:
        errors["title"] = "Een onderwerp is hoogstens 200 tekens."
    if AgendaItem.objects.filter(meeting=meeting).count() >= MAX_AGENDA:
        errors["title"] = f"Een agenda heeft hoogstens {MAX_AGENDA} punten."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        last = AgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("position"))["m"] or 0
        item = AgendaItem.objects.create(
            meeting=meeting,
            position=last + 1,
            case=case,
            title=title.strip(),
            question=question.strip(),
            source=source[0],
            source_ref=source[1],
            source_url=source[2],
            added_by=actor,
        )
        log_processing(
            action="meeting_item.added",
            actor=actor,
            request=request,
            object_type="meeting_item",
            object_id=item.pk,
            persons=case_person_ids([case.pk]) if case else [],
            details={"meeting": str(meeting.pk), **({"case": case.number} if case else {})},
        )
    return item


def item_grant(
    *,
    actor: User,
    item: AgendaItem,
    user: User | None,
    reason: str,
    categories: Sequence[str],
    ends_at: datetime | None,
    request: HttpRequest | None = None,
) -> ItemGrant:
    """Let one attendee who is not on the case's team see this item of this meeting: with a reason, data
    categories and an end no later than a week after the meeting. Only the chair grants."""
    errors: dict[str, str] = {}
    meeting = item.meeting
    if item.case_id is None:
        errors["user"] = "Een vrij agendapunt ziet iedere deelnemer al."
    elif user is None or not MeetingAttendee.objects.filter(meeting=meeting, user=user).exists():
        errors["user"] = "Kies een deelnemer aan dit overleg."
    elif cases_visible_to(user).filter(pk=item.case_id).exists():
        errors["user"] = "Deze deelnemer ziet de casus al via het casusteam."
    if not reason.strip():
        errors["reason"] = "Geef de reden waarom deze deelnemer dit agendapunt moet zien."
    if not categories:
        errors["categories"] = "Kies ten minste één gegevenscategorie."
    elif any(c not in DataCategory.values for c in categories):
        errors["categories"] = "Kies een gegevenscategorie: algemeen, zorg of justitie."
    if ends_at is None:
        errors["ends_at"] = "Geef aan tot wanneer de toegang geldt."
    elif ends_at <= timezone.now():
        errors["ends_at"] = "Het einde van de toegang ligt in het verleden."
    elif ends_at > meeting.starts_at + GRANT_AFTER_MEETING:
        errors["ends_at"] = "De toegang geldt voor dit overleg: hoogstens een week na het overleg."
    if errors:
        raise ValidationError(errors)
    assert user is not None and ends_at is not None
    try:
        with transaction.atomic():
            grant = ItemGrant.objects.create(
                item=item,
                user=user,
                reason=reason.strip(),
                categories=sorted(set(categories)),
                ends_at=ends_at,
                granted_by=actor,
            )
            log_processing(
                action="meeting_item.granted",
                actor=actor,
                request=request,
                object_type="meeting_item",
                object_id=item.pk,
                persons=case_person_ids([item.case_id]),
                purpose=grant.reason,
                details={
                    "attendee": user.username,
                    "categories": grant.categories,
                    "endsAt": ends_at.isoformat(),
                },
            )
    except IntegrityError:
        raise ValidationError({"user": "Deze deelnemer heeft al toegang tot dit agendapunt."}) from None
    return grant
