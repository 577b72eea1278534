"""The agenda as PDF for its reader, the meeting as iCalendar, and the personal calendar feed (an address with a
revocable secret; no login, no personal data)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_GET

from regie.access import meetings_access
from regie.access.policy import request_user, requires
from regie.meetings.services.agenda_pdf import agenda_pdf
from regie.meetings.services.calendar import calendar_of, feed_create, feed_revoke, feed_user, has_feed
from regie.meetings.views import HOME_CRUMB

ICS = "text/calendar; charset=utf-8"


@requires("meetings.attend")
def agenda_pdf_view(request: HttpRequest, meeting_id: str) -> HttpResponse:
    user = request_user(request)
    view = meetings_access.get_meeting_for(user, meeting_id, log=False)
    if view.must_confirm and not view.runs:
        return HttpResponseRedirect(f"/overleggen/{view.meeting.pk}/geheimhouding")
    earlier = meetings_access.earlier_open_actions(user, view.meeting)
    pdf = agenda_pdf(user, view, earlier)
    meetings_access.log_agenda_downloaded(user, view, earlier, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"agenda-{view.meeting.starts_at:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@requires("meetings.attend")
def meeting_ics(request: HttpRequest, meeting_id: str) -> HttpResponse:
    user = request_user(request)
    view = meetings_access.get_meeting_for(user, meeting_id, log=False)
    response = HttpResponse(calendar_of([view.meeting], name=view.meeting.series.name), content_type=ICS)
    response["Content-Disposition"] = f'attachment; filename="overleg-{view.meeting.starts_at:%Y-%m-%d}.ics"'
    return response


@require_GET
def feed(request: HttpRequest, secret: str) -> HttpResponse:
    """The personal feed, for a calendar program: the secret in the address is the key; revoked or unknown is
    404."""
    user = feed_user(secret)
    if user is None:
        raise Http404
    meetings = meetings_access.meetings_for_calendar(user)
    response = HttpResponse(calendar_of(meetings, name="Casusoverleggen (Regie)"), content_type=ICS)
    response["Cache-Control"] = "no-store"
    return response


@requires("meetings.attend")
def feed_settings(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    address = ""
    status = 200
    error = ""
    if request.method == "POST":
        action = request.POST.get("actie", "")
        if action == "nieuw":
            secret = feed_create(actor=user, request=request)
            address = request.build_absolute_uri(f"/overleggen/agenda/{secret}.ics")
        elif action == "intrekken":
            feed_revoke(actor=user, request=request)
            messages.success(request, "Het adres is ingetrokken: uw agendaprogramma haalt er niets meer op.")
            return HttpResponseRedirect("/overleggen/agendafeed")
        else:
            error = "Kies of u een nieuw adres wilt maken of het adres wilt intrekken."
            status = 400
    return render(
        request,
        "meetings/feed.html",
        {
            "active": has_feed(user),
            "address": address,
            "error": error,
            "breadcrumbs": [HOME_CRUMB, {"label": "Overleggen in uw agenda"}],
        },
        status=status,
    )
