"""The deadline calculator shared by the page, the API and (in spirit) `regie deadline`: input in, term out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from regie.core.calendar import atw_calendar
from regie.core.terms import MIN_YEAR, CalendarError, PeriodError, TermResult, parse_period, term_end

TRUE = {"true", "1", "ja", "on"}
FALSE = {"false", "0", "nee", "off", ""}


@dataclass
class Calculation:
    result: TermResult | None = None
    errors: dict[str, str] = field(default_factory=dict)


def calculate(params: Mapping[str, Any], *, from_key: str = "from") -> Calculation:
    """Parse `from`, `period` and `statutory` and compute the term; Dutch errors per parameter."""
    calc = Calculation()
    raw_from = str(params.get(from_key) or "").strip()
    raw_period = str(params.get("period") or "").strip()
    raw_statutory = str(params.get("statutory") or "").strip().lower()
    start: date | None = None
    if not raw_from:
        calc.errors[from_key] = "Vul de datum van de gebeurtenis in (jjjj-mm-dd)."
    else:
        try:
            start = date.fromisoformat(raw_from)
        except ValueError:
            calc.errors[from_key] = f"Ongeldige datum '{raw_from[:20]}': gebruik jjjj-mm-dd."
        else:
            if start.year < MIN_YEAR:
                calc.errors[from_key] = f"De Atw-kalender rekent met jaren vanaf {MIN_YEAR}."
    if not raw_period:
        calc.errors["period"] = "Vul de duur van de termijn in, bijvoorbeeld P6W."
    else:
        try:
            parse_period(raw_period)
        except PeriodError as exc:
            calc.errors["period"] = str(exc)
    if raw_statutory not in TRUE | FALSE:
        calc.errors["statutory"] = "Gebruik true of false."
    if calc.errors or start is None:
        return calc
    try:
        calc.result = term_end(start, raw_period, statutory=raw_statutory in TRUE, calendar=atw_calendar())
    except CalendarError as exc:
        calc.errors[from_key] = str(exc)
    except (OverflowError, ValueError):
        calc.errors[from_key] = "De einddatum valt buiten de kalender; controleer datum en duur."
    return calc
