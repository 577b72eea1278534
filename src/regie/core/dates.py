"""How a person reads a moment in Regie: "4 december 2026 14:30", in Amsterdam time.

Dates alone are written by `core.terms.format_date` ("4 december 2026", with the weekday where a term ends);
templates use the same style with `|date:"j F Y"` and `|date:"j F Y H:i"`.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from regie.core.terms import format_date


def format_moment(moment: datetime) -> str:
    """The local date and time written out in Dutch, e.g. "4 december 2026 14:30"."""
    local = timezone.localtime(moment)
    return f"{format_date(local.date(), weekday=False)} {local:%H:%M}"
