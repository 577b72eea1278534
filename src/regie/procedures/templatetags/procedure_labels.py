"""Labels where a person reads: a term's period in Dutch words ('6 weken'), never its ISO code ('P6W')."""

from __future__ import annotations

from django import template

from regie.core.terms import PeriodError, parse_period

register = template.Library()


@register.filter
def period_label(value: object) -> str:
    """'P6W' → '6 weken'; anything that is no period (e.g. a field reference) is shown as it is."""
    try:
        return parse_period(str(value)).label()
    except (PeriodError, ValueError):
        return str(value)
