"""The case-meeting pages: the overview, setting up and keeping a series, planning a meeting.

Thin edges: parse, fetch through the meetings door (access.meetings_access), call one service, render.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from regie.access import meetings_access
from regie.access.policy import has_permission, request_user, requires
from regie.accounts.models import User
from regie.core.html.form_view import handle_form
from regie.meetings.forms import MeetingForm, SeriesForm
from regie.meetings.models import Meeting, MeetingSeries
from regie.meetings.services.meetings import meeting_plan
from regie.meetings.services.series import series_create, series_update

HOME_CRUMB = {"label": "Casusoverleggen", "url": "/overleggen"}


def _municipality(user: User) -> Any:
    if user.organisation is None:
        raise PermissionDenied
    return user.organisation.municipality


@requires("meetings.view")
def meetings_home(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    now = timezone.now()
    meetings = meetings_access.meetings_visible_to(user).select_related("series")
    actions = list(
        meetings_access.open_actions_visible_to(user)
        .filter(task__owner=user)
        .select_related("task", "item", "item__case", "item__meeting__series")
        .order_by("task__due_date")[:50]
    )
    meetings_access.log_actions_listed(user, actions, request=request, via="overzicht")
    return render(
        request,
        "meetings/home.html",
        {
            "series": list(meetings_access.series_visible_to(user).select_related("chair")),
            "upcoming": list(meetings.filter(starts_at__gte=now).order_by("starts_at")[:20]),
            "past": list(meetings.filter(starts_at__lt=now).order_by("-starts_at")[:10]),
            "actions": actions,
            "today": timezone.localdate(),
            "may_create": has_permission(user, "meeting_series.create"),
            "breadcrumbs": [{"label": "Casusoverleggen"}],
        },
    )


@requires("meeting_series.create")
def series_new(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    municipality = _municipality(user)
    form = SeriesForm(request.POST if request.method == "POST" else None, municipality=municipality)

    def create(data: dict[str, Any]) -> MeetingSeries:
        return series_create(
            actor=user,
            municipality=municipality,
            name=data["name"],
            purpose=data["purpose"],
            legal_basis=data["legal_basis"],
            covenant=data["covenant"],
            cadence=data["cadence"],
            chair=data["chair"],
            secretary=data["secretary"],
            organisations=list(data["organisations"]),
            agenda_sources=data["agenda_sources"],
            request=request,
        )

    return handle_form(
        request,
        form,
        action=create,
        render=lambda status: render(
            request,
            "meetings/series_form.html",
            {"form": form, "breadcrumbs": [HOME_CRUMB, {"label": "Nieuw overleg instellen"}]},
            status=status,
        ),
        success_url=lambda series: f"/overleggen/reeksen/{series.pk}",
        success_message="Het overleg is ingesteld. De voorzitter plant nu de eerste bijeenkomst.",
    )


def _series_page(
    request: HttpRequest,
    series: MeetingSeries,
    *,
    edit: SeriesForm | None,
    plan: MeetingForm | None,
    status: int,
) -> HttpResponse:
    user = request_user(request)
    meetings = list(series.meetings.order_by("-starts_at")) if meetings_access.may_see_cases(user) else []
    visible = set(
        meetings_access.meetings_visible_to(user).filter(series=series).values_list("pk", flat=True)
    )
    return render(
        request,
        "meetings/series.html",
        {
            "series": series,
            "partners": list(series.organisations.order_by("name")),
            "meetings": [m for m in meetings if m.pk in visible],
            "edit_form": edit,
            "plan_form": plan,
            "plan_action": f"/overleggen/reeksen/{series.pk}/plannen",
            "edit_action": f"/overleggen/reeksen/{series.pk}",
            "breadcrumbs": [HOME_CRUMB, {"label": series.name}],
        },
        status=status,
    )


def _series_form(request: HttpRequest, series: MeetingSeries, bound: bool) -> SeriesForm:
    initial = {
        "name": series.name,
        "purpose": series.purpose,
        "legal_basis": series.legal_basis,
        "covenant": series.covenant,
        "cadence": series.cadence,
        "chair": series.chair_id,
        "secretary": series.secretary_id,
        "organisations": list(series.organisations.values_list("pk", flat=True)),
        "agenda_sources": series.agenda_sources,
        "version": series.version,
    }
    return SeriesForm(request.POST if bound else None, initial=initial, municipality=series.municipality)


@requires("meetings.view")
def series_detail(request: HttpRequest, series_id: str) -> HttpResponse:
    user = request_user(request)
    series = meetings_access.get_series_for(user, series_id)
    manages = meetings_access.may_manage_series(user, series)
    runs = meetings_access.may_run_series(user, series)
    if request.method == "POST" and not manages:
        raise PermissionDenied
    edit = _series_form(request, series, request.method == "POST") if manages else None
    plan = MeetingForm() if runs else None
    if edit is None:
        return _series_page(request, series, edit=None, plan=plan, status=200)

    def change(data: dict[str, Any]) -> MeetingSeries:
        return series_update(
            actor=user,
            series=series,
            version=data["version"],
            name=data["name"],
            purpose=data["purpose"],
            legal_basis=data["legal_basis"],
            covenant=data["covenant"],
            cadence=data["cadence"],
            chair=data["chair"],
            secretary=data["secretary"],
            organisations=list(data["organisations"]),
            agenda_sources=data["agenda_sources"],
            request=request,
        )

    return handle_form(
        request,
        edit,
        action=change,
        render=lambda status: _series_page(request, series, edit=edit, plan=plan, status=status),
        success_url=f"/overleggen/reeksen/{series.pk}",
        success_message="Het overleg is bijgewerkt.",
    )


@requires("meetings.attend")
def series_plan(request: HttpRequest, series_id: str) -> HttpResponse:
    user = request_user(request)
    series = meetings_access.get_series_for(user, series_id)
    if not meetings_access.may_run_series(user, series):
        raise PermissionDenied
    form = MeetingForm(request.POST if request.method == "POST" else None)

    def plan(data: dict[str, Any]) -> Meeting:
        return meeting_plan(
            actor=user,
            series=series,
            starts_at=data["starts_at"],
            place=data["place"],
            online_link=data["online_link"],
            request=request,
        )

    edit = _series_form(request, series, False) if meetings_access.may_manage_series(user, series) else None
    return handle_form(
        request,
        form,
        action=plan,
        render=lambda status: _series_page(request, series, edit=edit, plan=form, status=status),
        success_url=lambda meeting: f"/overleggen/{meeting.pk}",
        success_message="Het overleg is gepland. Zet nu de casussen op de agenda en nodig de deelnemers uit.",
    )
