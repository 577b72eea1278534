"""The agenda of a meeting as PDF (WeasyPrint), made for one reader: only the items and open agreements that the
door let them see (the caller passes the MeetingView the door built for them)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from regie.access.meetings_access import MeetingView
from regie.accounts.models import User
from regie.meetings.models import AgreedAction


def agenda_pdf(reader: User, view: MeetingView, earlier_actions: list[AgreedAction]) -> bytes:
    from weasyprint import HTML  # heavy; loaded when a PDF is asked for

    html = render_to_string(
        "meetings/agenda_pdf.html",
        {
            "view": view,
            "meeting": view.meeting,
            "reader": reader,
            "earlier_actions": earlier_actions,
            "today": timezone.localdate(),
            "made_at": timezone.localtime(),
        },
    )
    return bytes(HTML(string=html).write_pdf())
