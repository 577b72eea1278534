"""The door for case meetings (issue 15): who sees which series, meeting, agenda item, minutes and agreement.

Rules (default deny):
- a series is seen by the administrator of its municipality (who sets it up; never a meeting's agenda), its chair
  and secretary, the people of its covenant partners and whoever attends one of its meetings;
- a meeting is seen by the series' chair and secretary and by its attendees; a deelnemer (invited from outside the
  partners, with a reason) sees nothing of it until they confirmed the confidentiality statement;
- an agenda item: a free item (no personal data) is seen by everyone who sees the meeting; a case item only by who
  may see the case through its own door (coordinator, team, break-the-glass) or who holds a running grant for this
  item of this meeting; anything else is the same 404 as an item that does not exist;
- within a case item, minutes of a data category show only to who holds that category (on the case, or in the
  grant); the agreements are the case's tasks;
- every read of an agenda with cases names the persons of those cases in the processing log.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from regie.access.case_access import (
    VISIBLE_CASE_IDS_SQL,
    CaseAccess,
    access_to,
    case_person_ids,
    cases_visible_to,
    in_id_array,
    may_see_cases,
    visible_case_ids_params,
)
from regie.accounts.models import Role
from regie.cases.models import Case, CaseStatus
from regie.core.ids import uuid_or_404
from regie.meetings.models import (
    AgendaItem,
    AgreedAction,
    DiscussionRequest,
    ItemGrant,
    Meeting,
    MeetingAttendee,
    MeetingSeries,
    MinutesEntry,
    RequestStatus,
)
from regie.processing_log.services import log_processing


def _municipality_id(user: Any) -> Any:
    organisation = getattr(user, "organisation", None)
    return organisation.municipality_id if organisation is not None else None


def is_series_administrator(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.role == Role.ADMINISTRATOR
        and _municipality_id(user) is not None
    )


def series_visible_to(user: Any) -> QuerySet[MeetingSeries]:
    if is_series_administrator(user):
        return MeetingSeries.objects.filter(municipality_id=_municipality_id(user))
    if not may_see_cases(user) or _municipality_id(user) is None:
        return MeetingSeries.objects.none()
    attends = MeetingAttendee.objects.filter(meeting__series_id=OuterRef("pk"), user=user)
    partner = Q(organisations=user.organisation_id) if user.organisation_id else Q(pk__in=[])
    return (
        MeetingSeries.objects.filter(municipality_id=_municipality_id(user))
        .filter(Q(chair=user) | Q(secretary=user) | partner | Q(Exists(attends)))
        .distinct()
    )


def get_series_for(user: Any, series_id: object) -> MeetingSeries:
    series = (
        series_visible_to(user)
        .select_related("chair", "chair__organisation", "secretary", "secretary__organisation")
        .filter(pk=uuid_or_404(series_id))
        .first()
    )
    if series is None:
        raise Http404
    return series


def may_manage_series(user: Any, series: MeetingSeries) -> bool:
    """Change the series' description, partners, chair and secretary: its chair and the administrator."""
    return series.chair_id == user.pk or (
        is_series_administrator(user) and series.municipality_id == _municipality_id(user)
    )


def may_run_series(user: Any, series: MeetingSeries) -> bool:
    """Plan meetings, set the agenda, invite, minute and agree: the chair and the secretary."""
    return may_see_cases(user) and user.pk in (series.chair_id, series.secretary_id)


def meetings_visible_to(user: Any) -> QuerySet[Meeting]:
    if not may_see_cases(user):
        return Meeting.objects.none()
    attends = MeetingAttendee.objects.filter(meeting_id=OuterRef("pk"), user=user)
    return Meeting.objects.filter(Q(series__chair=user) | Q(series__secretary=user) | Q(Exists(attends)))


def items_visible_to(user: Any, meeting: Meeting) -> QuerySet[AgendaItem]:
    """The agenda items of this meeting the user may see: free items, cases through their door, granted items.
    One statement whatever the length of the agenda (the case ids come from index probes)."""
    if not may_see_cases(user):
        return AgendaItem.objects.none()
    granted = ItemGrant.objects.filter(item_id=OuterRef("pk"), user=user, ends_at__gt=timezone.now())
    door = in_id_array("case_id", VISIBLE_CASE_IDS_SQL, visible_case_ids_params(user))
    return AgendaItem.objects.filter(meeting=meeting).filter(
        Q(case__isnull=True) | Q(door) | Q(Exists(granted))
    )


@dataclass(frozen=True)
class MeetingView:
    """One meeting as one user may see it."""

    meeting: Meeting
    attendee: MeetingAttendee | None
    runs: bool
    is_chair: bool
    items: tuple[AgendaItem, ...]
    hidden_items: int

    @property
    def must_confirm(self) -> bool:
        """A deelnemer who has not yet confirmed the confidentiality statement sees nothing of the agenda."""
        return self.attendee is not None and self.attendee.incidental and self.attendee.confirmed_at is None


def persons_of(items: Iterable[AgendaItem]) -> list[UUID]:
    return case_person_ids([i.case_id for i in items if i.case_id is not None])


def get_meeting_for(
    user: Any, meeting_id: object, *, request: HttpRequest | None = None, log: bool = True
) -> MeetingView:
    """A meeting with the agenda items this user may see; 404 alike for missing and not-yours; the read logged."""
    meeting = (
        meetings_visible_to(user)
        .select_related("series", "series__chair", "series__secretary")
        .filter(pk=uuid_or_404(meeting_id))
        .first()
    )
    if meeting is None:
        raise Http404
    attendee = MeetingAttendee.objects.filter(meeting=meeting, user=user).first()
    runs = may_run_series(user, meeting.series)
    total = AgendaItem.objects.filter(meeting=meeting).count()
    view = MeetingView(meeting, attendee, runs, meeting.series.chair_id == user.pk, (), total)
    if view.must_confirm and not runs:
        return view
    items = tuple(
        items_visible_to(user, meeting)
        .select_related("case", "case__case_type", "case__coordinator")
        .order_by("position")
    )
    view = MeetingView(meeting, attendee, runs, view.is_chair, items, total - len(items))
    if log:
        log_processing(
            action="meeting.viewed",
            actor=user,
            request=request,
            object_type="meeting",
            object_id=meeting.pk,
            persons=persons_of(items),
            details={"series": meeting.series.name, "items": len(items)},
        )
    return view


@dataclass(frozen=True)
class ItemView:
    """One agenda item as one user may see it: the categories of minutes open to them."""

    meeting: MeetingView
    item: AgendaItem
    access: CaseAccess | None
    grant: ItemGrant | None
    categories: frozenset[str]

    @property
    def minutes(self) -> list[MinutesEntry]:
        entries = MinutesEntry.objects.filter(item=self.item).select_related("author")
        if self.item.case_id is None:
            return list(entries)
        return list(entries.filter(category__in=self.categories))

    @property
    def actions(self) -> list[AgreedAction]:
        return list(
            AgreedAction.objects.filter(item=self.item)
            .select_related("task", "task__owner")
            .order_by("created_at")
        )

    @property
    def grants(self) -> list[ItemGrant]:
        """Who sees this item by grant (shown to who runs the meeting)."""
        if not self.meeting.runs:
            return []
        return list(ItemGrant.objects.filter(item=self.item).select_related("user", "granted_by"))


def get_item_for(
    user: Any, meeting_id: object, item_id: object, *, request: HttpRequest | None = None, log: bool = True
) -> ItemView:
    """An agenda item through the meeting's and the case's door (or a grant); 404 alike; the read is logged."""
    meeting = get_meeting_for(user, meeting_id, log=False)
    if meeting.must_confirm and not meeting.runs:
        raise Http404
    item = (
        items_visible_to(user, meeting.meeting)
        .select_related("case", "case__case_type", "case__coordinator", "added_by")
        .filter(pk=uuid_or_404(item_id))
        .first()
    )
    if item is None:
        raise Http404
    access: CaseAccess | None = None
    grant: ItemGrant | None = None
    categories: frozenset[str] = frozenset()
    if item.case is not None:
        if cases_visible_to(user).filter(pk=item.case.pk).exists():
            access = access_to(user, item.case)
            categories = access.categories
        else:
            grant = ItemGrant.objects.filter(item=item, user=user, ends_at__gt=timezone.now()).first()
            categories = frozenset(grant.categories) if grant else frozenset()
    if log:
        log_processing(
            action="meeting_item.viewed",
            actor=user,
            request=request,
            object_type="meeting_item",
            object_id=item.pk,
            persons=persons_of([item]),
            purpose=grant.reason if grant else "",
            details={"meeting": str(meeting.meeting.pk), **({"case": item.case.number} if item.case else {})},
        )
    return ItemView(meeting, item, access, grant, categories)


def case_for_agenda(user: Any, number: str) -> Case | None:
    """A case the chair may put on the agenda: one they see through the case door (found by its number)."""
    return cases_visible_to(user).filter(number=number.strip()).select_related("case_type").first()


def cases_for_agenda(user: Any, case_type_codes: Iterable[str]) -> list[Case]:
    """Open cases of these types the user sees through the case door (what a chair may put on an agenda)."""
    return list(
        cases_visible_to(user)
        .filter(case_type__code__in=list(case_type_codes))
        .exclude(status=CaseStatus.CLOSED)
        .order_by("number")
    )


def coming_items_of_case(user: Any, case: Case) -> list[AgendaItem]:
    """The agenda items of this case (the caller reached it through the case door) in coming meetings the user
    sees: for a panel on the case overview, whose read is already logged."""
    return list(
        AgendaItem.objects.filter(
            case=case, meeting__in=meetings_visible_to(user), meeting__starts_at__gte=timezone.now()
        )
        .select_related("meeting", "meeting__series")
        .order_by("meeting__starts_at")[:5]
    )


def open_actions_visible_to(user: Any) -> QuerySet[AgreedAction]:
    """Agreements not yet done, of meetings the user sees, on cases the user sees through the case door."""
    if not may_see_cases(user):
        return AgreedAction.objects.none()
    return AgreedAction.objects.filter(
        task__done_at__isnull=True,
        item__meeting__in=meetings_visible_to(user),
    ).filter(in_id_array("item__case_id", VISIBLE_CASE_IDS_SQL, visible_case_ids_params(user)))


def earlier_open_actions(user: Any, meeting: Meeting) -> list[AgreedAction]:
    """The open agreements of the series' earlier meetings: the next meeting opens with them."""
    return list(
        open_actions_visible_to(user)
        .filter(item__meeting__series_id=meeting.series_id, item__meeting__starts_at__lt=meeting.starts_at)
        .select_related("task", "task__owner", "item", "item__case", "item__meeting")
        .order_by("task__due_date", "created_at")
    )


def log_actions_listed(
    user: Any, actions: Iterable[AgreedAction], *, request: HttpRequest | None = None, via: str = "pagina"
) -> None:
    rows = list(actions)
    if rows:
        _log_cases_shown(
            "meeting.actions_listed", user, {a.item.case_id for a in rows if a.item.case_id}, request,
            details={"count": len(rows), "via": via},
        )  # fmt: skip


def _log_cases_shown(
    action: str, user: Any, case_ids: set[Any], request: HttpRequest | None, *, details: dict[str, Any],
    meeting: Meeting | None = None,
) -> None:
    """One entry for a list of cases a meeting page shows: who they are about."""
    log_processing(
        action=action, actor=user, request=request, object_type="meeting", object_id=meeting.pk if meeting else "",
        persons=case_person_ids(case_ids), details=details,
    )  # fmt: skip


def series_open_to_requests(user: Any) -> QuerySet[MeetingSeries]:
    """The active series of the user's municipality a case coordinator may ask to discuss a case in."""
    if not may_see_cases(user) or _municipality_id(user) is None:
        return MeetingSeries.objects.none()
    return MeetingSeries.objects.filter(municipality_id=_municipality_id(user), active=True)


def requests_of_case(case: Case) -> list[DiscussionRequest]:
    """The open requests to discuss this case (the caller reached the case through its door)."""
    return list(
        DiscussionRequest.objects.filter(case=case, status=RequestStatus.OPEN)
        .select_related("series", "requested_by")
        .order_by("created_at")
    )


def get_request_of_case(case: Case, request_id: object) -> DiscussionRequest:
    found = DiscussionRequest.objects.filter(case=case, pk=uuid_or_404(request_id)).first()
    if found is None:
        raise Http404
    return found


def log_proposals_listed(
    user: Any, meeting: Meeting, case_ids: Iterable[object], *, request: HttpRequest | None = None
) -> None:
    """The cases a meeting's page offers for the agenda (requests and proposals) show their numbers and titles:
    who they are about is named in the log, as for the items themselves."""
    ids = {str(i) for i in case_ids}
    if ids:
        _log_cases_shown("meeting.proposals_listed", user, ids, request, details={"cases": len(ids)}, meeting=meeting)


def open_requests_for(user: Any, series: MeetingSeries) -> list[DiscussionRequest]:
    """The series' open requests on cases the user (who runs the series) sees through the case door."""
    if not may_see_cases(user):
        return []
    return list(
        DiscussionRequest.objects.filter(series=series, status=RequestStatus.OPEN)
        .filter(in_id_array("case_id", VISIBLE_CASE_IDS_SQL, visible_case_ids_params(user)))
        .select_related("case", "case__case_type", "requested_by")
        .order_by("created_at")
    )


def get_open_request_for(user: Any, series: MeetingSeries, request_id: object) -> DiscussionRequest:
    wanted = uuid_or_404(request_id)
    for found in open_requests_for(user, series):
        if found.pk == wanted:
            return found
    raise Http404


def meetings_for_calendar(user: Any) -> QuerySet[Meeting]:
    """The meetings in a user's calendar (from a month ago on): series, time and place only, no agenda."""
    since = timezone.now() - timedelta(days=31)
    return (
        meetings_visible_to(user).filter(starts_at__gte=since).select_related("series").order_by("starts_at")
    )


def log_agenda_downloaded(
    user: Any, view: MeetingView, actions: Iterable[AgreedAction], *, request: HttpRequest | None = None
) -> None:
    """The PDF agenda holds what the page holds: the persons of its case items and of the open agreements."""
    rows = list(actions)
    case_ids = {i.case_id for i in view.items if i.case_id} | {a.item.case_id for a in rows if a.item.case_id}
    log_processing(
        action="meeting.agenda_downloaded",
        actor=user,
        request=request,
        object_type="meeting",
        object_id=view.meeting.pk,
        persons=case_person_ids(case_ids),
        details={"series": view.meeting.series.name, "items": len(view.items), "actions": len(rows)},
    )
