"""The printable result of a self-check as a PDF, made with WeasyPrint from an HTML template (as the council report
in monitoring is). Made on request from the session's answers and never stored; it holds no personal data."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from regie.digital.content import Outcome
from regie.intake.services.receive import default_municipality


def result_html(*, outcome: Outcome, definition: dict[str, Any]) -> str:
    return render_to_string(
        "digital/public/result_pdf.html",
        {
            "outcome": outcome,
            "definition": definition,
            "made_on": timezone.localdate(),
            "municipality": default_municipality().name,
        },
    )


def result_pdf(*, outcome: Outcome, definition: dict[str, Any]) -> bytes:
    from weasyprint import HTML  # heavy (fonts, Pango): loaded when a PDF is asked, as monitoring does

    return bytes(HTML(string=result_html(outcome=outcome, definition=definition)).write_pdf())
