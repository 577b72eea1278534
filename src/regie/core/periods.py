"""Periods of a term: "6 weken", "P6W", "1 jaar en 2 maanden" — parsed, written out in Dutch, and added to a date
without any calendar rule (the plain end). `regie.core.terms` applies the Atw to them."""

from __future__ import annotations

import calendar as _gregorian
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta


def require_date(value: object, what: str) -> date:
    # datetime is a subclass of date but never equals one, so holiday look-ups would silently miss; and which
    # calendar day a timestamp falls on depends on its time zone, a decision the caller must make explicitly.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise TypeError(f"{what} moet een datum (date) zijn, geen {type(value).__name__}.")
    return value


class PeriodError(ValueError):
    """A term duration that is not a positive ISO 8601 duration in days, weeks, months or years."""


# A term longer than a century is a data-entry error, and refusing it keeps date arithmetic far from date.max.
_MAX_MONTHS = 1200
_MAX_DAYS = 36_600


def count_words(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


@dataclass(frozen=True)
class Period:
    """A positive calendar duration; months and years are calendar months, not a fixed number of days."""

    days: int = 0
    weeks: int = 0
    months: int = 0
    years: int = 0

    def __post_init__(self) -> None:
        parts = (self.days, self.weeks, self.months, self.years)
        # bool is an int subclass; Period(days=True) is a bug, not a one-day term.
        if any(isinstance(part, bool) or not isinstance(part, int) for part in parts):
            raise PeriodError(f"Ongeldige termijn {self!r}: gebruik gehele getallen voor de duur.")
        if any(part < 0 for part in parts):
            raise PeriodError(f"Ongeldige termijn {self!r}: een termijn kan niet negatief zijn.")
        if not any(parts):
            raise PeriodError("Ongeldige termijn: een termijn moet ten minste één dag duren.")
        if self.years * 12 + self.months > _MAX_MONTHS or self.weeks * 7 + self.days > _MAX_DAYS:
            raise PeriodError(f"Ongeldige termijn {self.iso()}: een termijn duurt ten hoogste 100 jaar.")

    def iso(self) -> str:
        """Return the ISO 8601 duration that parse_period reads back to an equal Period, e.g. "P6W"."""
        parts = ((self.years, "Y"), (self.months, "M"), (self.weeks, "W"), (self.days, "D"))
        return "P" + "".join(f"{count}{unit}" for count, unit in parts if count)

    def label(self) -> str:
        """Return the duration in Dutch words, e.g. "6 weken" or "1 jaar en 2 maanden"."""
        words = [
            count_words(count, singular, plural)
            for count, singular, plural in (
                (self.years, "jaar", "jaar"),
                (self.months, "maand", "maanden"),
                (self.weeks, "week", "weken"),
                (self.days, "dag", "dagen"),
            )
            if count
        ]
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


# ISO 8601-1 forbids mixing W with other designators, but ISO 8601-2 allows it and legal terms like
# "1 maand en 2 weken" exist, so the combined form is accepted in designator order.
_PERIOD_PATTERN = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?")


def parse_period(text: str) -> Period:
    """Return the Period for a positive ISO 8601 duration in Y/M/W/D, or raise PeriodError in Dutch."""
    hint = f"Ongeldige termijn '{text}': gebruik een ISO 8601-duur zoals P14D, P2W, P6W of P3M."
    if not isinstance(text, str):
        raise PeriodError(hint)
    match = _PERIOD_PATTERN.fullmatch(text.strip().upper())
    if match is None or not any(match.groups()):
        raise PeriodError(hint)
    years, months, weeks, days = (int(group) if group else 0 for group in match.groups())
    try:
        return Period(days=days, weeks=weeks, months=months, years=years)
    except PeriodError as error:
        raise PeriodError(f"{hint} {error}") from error


_DUTCH_UNITS = {
    "dag": "days",
    "dagen": "days",
    "week": "weeks",
    "weken": "weeks",
    "maand": "months",
    "maanden": "months",
    "jaar": "years",
    "jaren": "years",
}
_DUTCH_PART = re.compile(r"(\d+)\s*([a-z]+)")


def parse_dutch_period(text: str) -> Period:
    """A period as a person types it ("6 weken", "3 maanden", "14 dagen", "1 jaar en 2 maanden"), or ISO 8601
    ("P6W", as the API takes it); raises PeriodError with a Dutch example otherwise."""
    hint = "Vul een termijn in zoals '6 weken', '3 maanden' of '14 dagen'."
    if not isinstance(text, str) or not text.strip():
        raise PeriodError(hint)
    cleaned = text.strip().lower()
    if cleaned.startswith("p"):
        try:
            return parse_period(cleaned)
        except PeriodError as error:
            raise PeriodError(f"{hint} {error}") from None
    rest = re.sub(r"[\s,]+|\ben\b", " ", _DUTCH_PART.sub("", cleaned)).strip()
    parts = _DUTCH_PART.findall(cleaned)
    if not parts or rest:
        raise PeriodError(hint)
    amounts = {"days": 0, "weeks": 0, "months": 0, "years": 0}
    for number, unit in parts:
        if unit not in _DUTCH_UNITS:
            raise PeriodError(f"Onbekende eenheid '{unit}'. {hint}")
        amounts[_DUTCH_UNITS[unit]] += int(number)
    try:
        return Period(**amounts)
    except PeriodError as error:
        raise PeriodError(f"{hint} {error}") from error


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last_day = _gregorian.monthrange(year, month)[1]
    return date(year, month, min(day.day, last_day))


def plain_end(event: date, period: Period) -> date:
    """Return the last day of a term that runs from the day after event, before any Atw extension."""
    event = require_date(event, "De gebeurtenis")
    # Calendar months first, then fixed days: "1 maand en 3 dagen" after 31 January ends 3 days after 28 Feb.
    end = add_months(event, period.years * 12 + period.months) if period.years or period.months else event
    return end + timedelta(weeks=period.weeks, days=period.days)
