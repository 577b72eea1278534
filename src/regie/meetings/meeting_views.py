"""The pages of one meeting: its agenda as each attendee may see it, inviting, agenda items, the confidentiality
statement, and one agenda item with its minutes, agreements and grants."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone

from regie.access import meetings_access
from regie.access.meetings_access import ItemView, MeetingView
from regie.access.policy import request_user, requires
from regie.accounts.models import User
from regie.core.html.form_view import handle_form
from regie.meetings.forms import (
    AgreementForm,
    ApproveForm,
    AttendeeForm,
    ConfirmForm,
    GrantForm,
    ItemForm,
    MinutesForm,
)
from regie.meetings.models import CONFIDENTIALITY_STATEMENT, CONFIDENTIALITY_VERSION
from regie.meetings.services.meetings import attendee_add, confidentiality_confirm, item_add, item_grant
from regie.meetings.services.minutes import Agreement, action_agree, minutes_count, minutes_record
from regie.meetings.services.planning import proposals_for
from regie.meetings.views import HOME_CRUMB

MEETING_FORMS = {"deelnemers": AttendeeForm, "agendapunten": ItemForm}
ITEM_FORMS = ("notulen", "afspraken", "delen")


def _crumbs(view: MeetingView, *more: dict[str, str]) -> list[dict[str, str]]:
    meeting = view.meeting
    return [
        HOME_CRUMB,
        {"label": meeting.series.name, "url": f"/overleggen/reeksen/{meeting.series_id}"},
        {"label": f"{meeting.starts_at:%d-%m-%Y}", "url": f"/overleggen/{meeting.pk}"},
        *more,
    ]


def _attendee_users(view: MeetingView) -> QuerySet[User]:
    series = view.meeting.series
    return (
        User.objects.filter(
            Q(pk__in=view.meeting.attendees.values("user_id"))
            | Q(pk__in=[series.chair_id, series.secretary_id])
        )
        .select_related("organisation")
        .order_by("last_name", "first_name")
    )


def _meeting_page(
    request: HttpRequest,
    view: MeetingView,
    *,
    forms: dict[str, Form | None],
    status: int = 200,
    error: str = "",
) -> HttpResponse:
    user = request_user(request)
    earlier = meetings_access.earlier_open_actions(user, view.meeting)
    meetings_access.log_actions_listed(user, earlier, request=request, via="overleg")
    entries = minutes_count(view.meeting)
    requests = meetings_access.open_requests_for(user, view.meeting.series) if view.runs else []
    proposals = proposals_for(user, view.meeting) if view.runs else []
    meetings_access.log_proposals_listed(
        user,
        view.meeting,
        [r.case_id for r in requests] + [p.case.pk for _, rows in proposals for p in rows if p.case],
        request=request,
    )
    return render(
        request,
        "meetings/meeting.html",
        {
            "view": view,
            "meeting": view.meeting,
            "attendees": list(view.meeting.attendees.select_related("user", "user__organisation")),
            "earlier_actions": earlier,
            "today": timezone.localdate(),
            "attendee_form": forms.get("deelnemers"),
            "item_form": forms.get("agendapunten"),
            "item_action": f"/overleggen/{view.meeting.pk}/agendapunten",
            "attendee_action": f"/overleggen/{view.meeting.pk}/deelnemers",
            "page_error": error,
            "requests": requests,
            "proposals": proposals,
            "minutes_entries": entries,
            "approve_form": ApproveForm(initial={"seen": entries})
            if view.is_chair and entries and view.meeting.minutes_approved_at is None
            else None,
            "breadcrumbs": [*_crumbs(view)[:-1], {"label": f"Overleg {view.meeting.starts_at:%d-%m-%Y}"}],
        },
        status=status,
    )


def _blank_forms(view: MeetingView) -> dict[str, Form | None]:
    if not view.runs:
        return {}
    municipality = view.meeting.series.municipality
    return {"deelnemers": AttendeeForm(municipality=municipality), "agendapunten": ItemForm()}


def meeting_page_with_error(
    request: HttpRequest, meeting_id: object, error: str, status: int
) -> HttpResponse:
    """The meeting page again, with why the chair's button did nothing (nothing was written)."""
    view = meetings_access.get_meeting_for(request_user(request), meeting_id, request=request)
    return _meeting_page(request, view, forms=_blank_forms(view), status=status, error=error)


@requires("meetings.attend")
def meeting_detail(request: HttpRequest, meeting_id: str) -> HttpResponse:
    user = request_user(request)
    view = meetings_access.get_meeting_for(user, meeting_id, request=request)
    if view.must_confirm:
        return HttpResponseRedirect(f"/overleggen/{view.meeting.pk}/geheimhouding")
    return _meeting_page(request, view, forms=_blank_forms(view))


@requires("meetings.attend")
def meeting_change(request: HttpRequest, meeting_id: str, part: str) -> HttpResponse:
    if part not in MEETING_FORMS:
        raise Http404
    user = request_user(request)
    view = meetings_access.get_meeting_for(user, meeting_id, request=request, log=request.method != "POST")
    if not view.runs:
        raise PermissionDenied
    if request.method != "POST":
        return HttpResponseRedirect(f"/overleggen/{view.meeting.pk}")
    forms = _blank_forms(view)
    meeting = view.meeting
    if part == "deelnemers":
        form: Form = AttendeeForm(request.POST, municipality=meeting.series.municipality)

        def action(data: dict[str, Any]) -> Any:
            return attendee_add(
                actor=user, meeting=meeting, user=data["user"], reason=data["reason"], request=request
            )

        message = "De deelnemer is uitgenodigd."
    else:
        form = ItemForm(request.POST)

        def action(data: dict[str, Any]) -> Any:
            return item_add(
                actor=user,
                meeting=meeting,
                case_number=data["case_number"],
                title=data["title"],
                question=data["question"],
                request=request,
            )

        message = "Het agendapunt is toegevoegd."
    forms[part] = form
    return handle_form(
        request,
        form,
        action=action,
        render=lambda status: _meeting_page(request, view, forms=forms, status=status),
        success_url=f"/overleggen/{meeting.pk}",
        success_message=message,
    )


@requires("meetings.attend")
def confirm(request: HttpRequest, meeting_id: str) -> HttpResponse:
    user = request_user(request)
    view = meetings_access.get_meeting_for(user, meeting_id, log=False)
    if view.attendee is None or not view.must_confirm:
        return HttpResponseRedirect(f"/overleggen/{view.meeting.pk}")
    attendee = view.attendee
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    return handle_form(
        request,
        form,
        action=lambda data: confidentiality_confirm(actor=user, attendee=attendee, request=request),
        render=lambda status: render(
            request,
            "meetings/confirm.html",
            {
                "view": view,
                "form": form,
                "statement": CONFIDENTIALITY_STATEMENT,
                "statement_version": CONFIDENTIALITY_VERSION,
                "breadcrumbs": [*_crumbs(view)[:2], {"label": "Geheimhouding"}],
            },
            status=status,
        ),
        success_url=f"/overleggen/{view.meeting.pk}",
        success_message="U heeft de geheimhoudingsverklaring bevestigd.",
    )


def _item_forms(item_view: ItemView, user: User) -> dict[str, Form | None]:
    meeting = item_view.meeting
    if not meeting.runs:
        return {}
    people = _attendee_users(meeting)
    forms: dict[str, Form | None] = {
        "notulen": MinutesForm(initial={"version": item_view.item.version, "category": "general"})
    }
    if item_view.item.case_id is not None:
        forms["afspraken"] = AgreementForm(people=people)
        if meeting.is_chair:
            forms["delen"] = GrantForm(attendees=people.exclude(pk=user.pk))
    return forms


def _item_page(
    request: HttpRequest, item_view: ItemView, forms: dict[str, Form | None], status: int
) -> HttpResponse:
    item = item_view.item
    label = item.case.number if item.case else item.title
    url = f"/overleggen/{item_view.meeting.meeting.pk}/agendapunten/{item.pk}"
    return render(
        request,
        "meetings/item.html",
        {
            "iv": item_view,
            "item": item,
            "meeting": item_view.meeting.meeting,
            "minutes": item_view.minutes,
            "actions": item_view.actions,
            "grants": item_view.grants,
            "today": timezone.localdate(),
            "minutes_form": forms.get("notulen"),
            "agreement_form": forms.get("afspraken"),
            "grant_form": forms.get("delen"),
            "minutes_action": f"{url}/notulen",
            "agreement_action": f"{url}/afspraken",
            "grant_action": f"{url}/delen",
            "breadcrumbs": _crumbs(item_view.meeting, {"label": f"Agendapunt {label}"}),
        },
        status=status,
    )


@requires("meetings.attend")
def item_detail(request: HttpRequest, meeting_id: str, item_id: str) -> HttpResponse:
    user = request_user(request)
    item_view = meetings_access.get_item_for(user, meeting_id, item_id, request=request)
    return _item_page(request, item_view, _item_forms(item_view, user), 200)


@requires("meetings.attend")
def item_change(request: HttpRequest, meeting_id: str, item_id: str, part: str) -> HttpResponse:
    if part not in ITEM_FORMS:
        raise Http404
    user = request_user(request)
    item_view = meetings_access.get_item_for(user, meeting_id, item_id, request=request)
    forms = _item_forms(item_view, user)
    if forms.get(part) is None:
        raise PermissionDenied
    item = item_view.item
    url = f"/overleggen/{item_view.meeting.meeting.pk}/agendapunten/{item.pk}"
    if request.method != "POST":
        return HttpResponseRedirect(url)
    people = _attendee_users(item_view.meeting)
    if part == "notulen":
        form: Form = MinutesForm(request.POST)

        def action(data: dict[str, Any]) -> Any:
            return minutes_record(
                actor=user,
                item=item,
                version=data["version"],
                text=data["text"],
                category=data["category"],
                request=request,
            )

        message = "Het verslag is vastgelegd" + (
            " en als notitie bij de casus opgeslagen." if item.case else "."
        )
    elif part == "afspraken":
        form = AgreementForm(request.POST, people=people)

        def action(data: dict[str, Any]) -> Any:
            agreement = Agreement(title=data["title"], owner=data["owner"], due_date=data["due_date"])
            return action_agree(actor=user, item=item, agreement=agreement, request=request)

        message = "De afspraak is vastgelegd als taak bij de casus."
    else:
        form = GrantForm(request.POST, attendees=people.exclude(pk=user.pk))

        def action(data: dict[str, Any]) -> Any:
            return item_grant(
                actor=user,
                item=item,
                user=data["user"],
                reason=data["reason"],
                categories=data["categories"],
                ends_at=data["ends_at"],
                request=request,
            )

        message = "De deelnemer mag dit agendapunt zien, alleen in dit overleg."
    forms[part] = form
    return handle_form(
        request,
        form,
        action=action,
        render=lambda status: _item_page(request, item_view, forms, status),
        success_url=url,
        success_message=message,
        aliases={"due_date": "due_date", "owner": "owner", "title": "title"},
    )
