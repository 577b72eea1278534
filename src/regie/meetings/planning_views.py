"""Pages for what comes onto the agenda besides typed items (a case its coordinator asks to discuss, other apps'
proposals) and the chair's approval of the minutes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_POST

from regie.access import meetings_access
from regie.access.case_access import get_case_for
from regie.access.policy import request_user, requires
from regie.core.errors import ConflictError
from regie.core.html.form_view import handle_form
from regie.meetings.forms import ApproveForm, DiscussionRequestForm
from regie.meetings.meeting_views import meeting_page_with_error
from regie.meetings.services.minutes import minutes_approve
from regie.meetings.services.planning import (
    discussion_request,
    discussion_withdraw,
    may_request,
    proposal_to_agenda,
    request_to_agenda,
)


@requires("meetings.attend")
def case_request(request: HttpRequest, case_id: str) -> HttpResponse:
    """The coordinator asks to discuss their case in a meeting, with the question for the meeting."""
    user = request_user(request)
    access = get_case_for(user, case_id, request=request, log=request.method != "POST")
    if not may_request(user, access):
        raise PermissionDenied
    series = meetings_access.series_open_to_requests(user).order_by("name")
    form = DiscussionRequestForm(request.POST if request.method == "POST" else None, series=series)
    case = access.case

    def create(data: dict[str, Any]) -> Any:
        return discussion_request(
            actor=user, access=access, series=data["series"], question=data["question"], request=request
        )

    return handle_form(
        request,
        form,
        action=create,
        render=lambda status: render(
            request,
            "meetings/request_form.html",
            {
                "case": case,
                "form": form,
                "requests": meetings_access.requests_of_case(case),
                "breadcrumbs": [
                    {"label": "Casussen", "url": "/casussen"},
                    {"label": f"Casus {case.number}", "url": f"/casussen/{case.pk}"},
                    {"label": "Bespreken in een overleg"},
                ],
            },
            status=status,
        ),
        success_url=f"/overleggen/casussen/{case.pk}/bespreken",
        success_message="De casus is aangemeld; de voorzitter zet haar op de agenda.",
    )


@require_POST
@requires("meetings.attend")
def case_request_withdraw(request: HttpRequest, case_id: str, request_id: str) -> HttpResponse:
    user = request_user(request)
    access = get_case_for(user, case_id, log=False)
    found = meetings_access.get_request_of_case(access.case, request_id)
    try:
        discussion_withdraw(actor=user, access=access, found=found, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "De aanmelding is ingetrokken.")
    return HttpResponseRedirect(f"/overleggen/casussen/{access.case.pk}/bespreken")


def _runs(request: HttpRequest, meeting_id: str) -> meetings_access.MeetingView:
    view = meetings_access.get_meeting_for(request_user(request), meeting_id, log=False)
    if not view.runs:
        raise PermissionDenied
    return view


@require_POST
@requires("meetings.attend")
def request_on_agenda(request: HttpRequest, meeting_id: str, request_id: str) -> HttpResponse:
    user = request_user(request)
    view = _runs(request, meeting_id)
    found = meetings_access.get_open_request_for(user, view.meeting.series, request_id)
    try:
        request_to_agenda(actor=user, meeting=view.meeting, found=found, request=request)
    except ValidationError as exc:
        return meeting_page_with_error(request, view.meeting.pk, " ".join(exc.messages), 400)
    messages.success(
        request, f"Casus {found.case.number} staat op de agenda, met de vraag van de coördinator."
    )
    return HttpResponseRedirect(f"/overleggen/{view.meeting.pk}")


@require_POST
@requires("meetings.attend")
def proposal_on_agenda(request: HttpRequest, meeting_id: str, key: str, reference: str) -> HttpResponse:
    user = request_user(request)
    view = _runs(request, meeting_id)
    try:
        proposal_to_agenda(actor=user, meeting=view.meeting, key=key, reference=reference, request=request)
    except ValidationError as exc:
        return meeting_page_with_error(request, view.meeting.pk, " ".join(exc.messages), 400)
    messages.success(request, "Het voorstel staat op de agenda.")
    return HttpResponseRedirect(f"/overleggen/{view.meeting.pk}")


@require_POST
@requires("meetings.attend")
def approve(request: HttpRequest, meeting_id: str) -> HttpResponse:
    user = request_user(request)
    view = _runs(request, meeting_id)
    if not view.is_chair:
        raise PermissionDenied
    form = ApproveForm(request.POST)
    if not form.is_valid():
        return meeting_page_with_error(
            request, view.meeting.pk, "Het formulier is onvolledig; laad de pagina opnieuw.", 400
        )
    try:
        minutes_approve(actor=user, meeting=view.meeting, seen=form.cleaned_data["seen"], request=request)
    except ValidationError as exc:
        return meeting_page_with_error(request, view.meeting.pk, " ".join(exc.messages), 400)
    except ConflictError as exc:
        return meeting_page_with_error(request, view.meeting.pk, exc.message, 409)
    messages.success(request, "Het verslag is vastgesteld. Correcties komen er voortaan als aanvulling bij.")
    return HttpResponseRedirect(f"/overleggen/{view.meeting.pk}")
