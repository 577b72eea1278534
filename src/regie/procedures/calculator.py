"""The deadline calculator shared by the page, the API and (in spirit) `regie deadline`: input in, term out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from regie.core.calendar import atw_calendar
from regie.core.periods import parse_dutch_period
from regie.core.terms import (
    MIN_YEAR,
    CalendarError,
    PeriodError,
    TermResult,
    parse_period,
    term_end,
)

TRUE = {"true", "1", "ja", "on"}
FALSE = {"false", "0", "nee", "off", ""}


@dataclass
class Calculation:
    result: TermResult | None = None
    errors: dict[str, str] = field(default_factory=dict)


def calculate(params: Mapping[str, Any], *, from_key: str = "from", dutch: bool = False) -> Calculation:
    """Parse `from`, `period` and `statutory` and compute the term; Dutch errors per parameter.

    With `dutch` (the page) the period may be typed as a person says it ("6 weken", "3 maanden", "14 dagen") as
    well as in ISO 8601; the API keeps ISO 8601 only, as its contract says."""
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
        example = "6 weken" if dutch else "P6W"
        calc.errors["period"] = f"Vul de duur van de termijn in, bijvoorbeeld {example}."
    else:
        try:
            raw_period = (parse_dutch_period if dutch else parse_period)(raw_period).iso()
        except PeriodError as exc:
            calc.errors["period"] = f"Duur van de termijn: {exc}" if dutch else str(exc)
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
