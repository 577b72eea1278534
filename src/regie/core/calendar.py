"""The municipality's Atw calendar: the law's holidays plus days equated by royal decree (policy data)."""

from __future__ import annotations

from regie.core.models import EquatedHoliday
from regie.core.terms import AtwCalendar


def atw_calendar() -> AtwCalendar:
    """An AtwCalendar including every equated day the administrator recorded."""
    extra = dict(EquatedHoliday.objects.values_list("day", "name"))
    return AtwCalendar(extra_days=extra)
