"""Term calculation under the Algemene termijnenwet (Atw), and working-day arithmetic for SLAs.

A term "after" an event runs from the day after the event and ends at the end of its last day. Statutory
terms (set in a formal law or AMvB) are extended by Atw art. 1 and 2; non-statutory terms (a compliance
period set in a decision, a municipal SLA, a bylaw term) are never extended. Atw art. 4 takes terms in years
and terms longer than three months, twelve weeks or ninety days out of arts. 1-2, so those end on their plain
end even when statutory (the one-year lapse of Awb 5:35, for one). Terms counted backwards (Atw art. 1 lid 2)
and terms in hours (also outside the Atw, art. 4) are out of scope: only whole days, weeks, months and years.

The rules of the Awb around the calendar (objection and appeal from notification, the decision term on an
objection with its suspension, postponement and delay, the payment and lapse of a forfeited penalty, the
penalty for a decision not taken in time) are in `regie.core.awb`, each with its article.

Regie keeps its own Atw calendar on purpose: general holiday libraries differ from Atw art. 3 (for example
they treat 5 May as a day off only in lustrum years, while the Atw names it every year).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from regie.core.periods import (
    Period,
    PeriodError,
    add_months,
    count_words,
    parse_period,
    plain_end,
    require_date,
)

__all__ = [
    "MIN_YEAR",
    "AtwCalendar",
    "CalendarError",
    "Extension",
    "Period",
    "PeriodError",
    "TermResult",
    "add_working_days",
    "atw_art4_exclusion",
    "easter_sunday",
    "format_date",
    "parse_period",
    "plain_end",
    "term_end",
    "working_days_between",
]

# Koningsdag (26/27 April) exists since 2014; for 1990-2013 Koninginnedag (30 April, 29 April when the 30th
# is a Sunday) is modelled. Earlier years had other rules (Koninginnedag moved to 1 May, 5 May not yet in
# art. 3), so they are refused rather than silently computed wrong.
MIN_YEAR = 1990

_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_SATURDAY = 5
_SUNDAY = 6


class CalendarError(ValueError):
    """A date outside the years the Atw calendar can answer for with certainty."""


def format_date(day: date, *, weekday: bool = True, year: bool = True) -> str:
    """Return the date written out in Dutch, e.g. "dinsdag 5 mei 2026"."""
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    if year:
        text = f"{text} {day.year}"
    if weekday:
        text = f"{_WEEKDAYS[day.weekday()]} {text}"
    return text


# ----------------------------------------------------------------------------------------------------------
# The Atw calendar


def easter_sunday(year: int) -> date:
    """Return Easter Sunday of the Gregorian calendar (anonymous Gregorian computus)."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    lunar_correction = (century + 8) // 25
    solar_correction = (century - lunar_correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - solar_correction + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    weekday_offset = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    correction = (golden + 11 * epact + 22 * weekday_offset) // 451
    month, day = divmod(epact + weekday_offset - 7 * correction + 114, 31)
    return date(year, month, day + 1)


class _Ground(enum.Enum):
    HOLIDAY = "art. 3 lid 1"
    GOOD_FRIDAY = "art. 3 lid 2"
    ROYAL_DECREE = "art. 3 lid 3"
    # Eerste Paasdag and Eerste Pinksterdag are not named in art. 3; they count only because they are Sundays.
    SUNDAY_FEAST = "zondag"


class _Day(NamedTuple):
    name: str
    ground: _Ground


class AtwCalendar:
    """The generally recognised holidays of Atw art. 3, plus days equated by royal decree (art. 3 lid 3)."""

    def __init__(self, extra_days: Mapping[date, str] | None = None) -> None:
        decreed: dict[date, str] = {}
        for day, name in (extra_days or {}).items():
            day = require_date(day, "Een bij koninklijk besluit gelijkgestelde dag")
            if not isinstance(name, str) or not name.strip():
                raise ValueError(f"Geef de gelijkgestelde dag {format_date(day)} een naam.")
            decreed[day] = name.strip()
        self._decreed = decreed
        self._years: dict[int, dict[date, _Day]] = {}

    def _table(self, year: int) -> dict[date, _Day]:
        if year < MIN_YEAR:
            raise CalendarError(f"De Atw-kalender rekent met jaren vanaf {MIN_YEAR}; {year} valt daarbuiten.")
        table = self._years.get(year)
        if table is None:
            table = self._build(year)
            self._years[year] = table
        return table

    def _build(self, year: int) -> dict[date, _Day]:
        easter = easter_sunday(year)
        if year >= 2014:
            kings_name, kings_date = "Koningsdag", date(year, 4, 27)
            if kings_date.weekday() == _SUNDAY:
                kings_date = date(year, 4, 26)
        else:
            kings_name, kings_date = "Koninginnedag", date(year, 4, 30)
            if kings_date.weekday() == _SUNDAY:
                kings_date = date(year, 4, 29)
        days = {
            date(year, 1, 1): _Day("Nieuwjaarsdag", _Ground.HOLIDAY),
            easter - timedelta(days=2): _Day("Goede Vrijdag", _Ground.GOOD_FRIDAY),
            easter: _Day("Eerste Paasdag", _Ground.SUNDAY_FEAST),
            easter + timedelta(days=1): _Day("Tweede Paasdag", _Ground.HOLIDAY),
            kings_date: _Day(kings_name, _Ground.HOLIDAY),
            date(year, 5, 5): _Day("Bevrijdingsdag", _Ground.HOLIDAY),
            easter + timedelta(days=39): _Day("Hemelvaartsdag", _Ground.HOLIDAY),
            easter + timedelta(days=49): _Day("Eerste Pinksterdag", _Ground.SUNDAY_FEAST),
            easter + timedelta(days=50): _Day("Tweede Pinksterdag", _Ground.HOLIDAY),
            date(year, 12, 25): _Day("Eerste Kerstdag", _Ground.HOLIDAY),
            date(year, 12, 26): _Day("Tweede Kerstdag", _Ground.HOLIDAY),
        }
        for day, name in self._decreed.items():
            # A decree cannot take away a holiday the law itself names, so the statutory name wins.
            if day.year == year and day not in days:
                days[day] = _Day(name, _Ground.ROYAL_DECREE)
        return dict(sorted(days.items()))

    def holiday_name(self, day: date) -> str | None:
        """Return the Dutch name when day is an Atw holiday, equated day or Easter/Whit Sunday, else None."""
        entry = self._table(require_date(day, "De dag").year).get(day)
        return entry.name if entry else None

    def holidays(self, year: int) -> dict[date, str]:
        """Return every Atw holiday and equated day of year, in date order, with its Dutch name."""
        return {day: entry.name for day, entry in self._table(year).items()}

    def holiday_reason(self, day: date) -> str | None:
        """Return, in Dutch, on which ground of Atw art. 3 day is a holiday, or None when it is not one."""
        entry = self._table(require_date(day, "De dag").year).get(day)
        if entry is None:
            return None
        when = f"{format_date(day, weekday=False, year=False)} ({entry.name})"
        if entry.ground is _Ground.HOLIDAY:
            return f"{when} is een algemeen erkende feestdag (Atw art. 3)"
        if entry.ground is _Ground.GOOD_FRIDAY:
            return f"{when} is gelijkgesteld met een algemeen erkende feestdag (Atw art. 3 lid 2)"
        if entry.ground is _Ground.ROYAL_DECREE:
            return (
                f"{when} is bij koninklijk besluit gelijkgesteld met een algemeen erkende feestdag "
                "(Atw art. 3 lid 3)"
            )
        return f"{when} is een zondag"

    def is_non_working(self, day: date) -> bool:
        """Return True exactly when day is a Saturday, a Sunday or an Atw holiday or equated day."""
        day = require_date(day, "De dag")
        return day.weekday() in (_SATURDAY, _SUNDAY) or day in self._table(day.year)

    def non_working_reason(self, day: date) -> str | None:
        """Return in Dutch why day is not a working day under the Atw, or None when it is a working day."""
        day = require_date(day, "De dag")
        entry = self._table(day.year).get(day)
        if entry is not None and entry.ground is not _Ground.SUNDAY_FEAST:
            return self.holiday_reason(day)
        if day.weekday() == _SATURDAY:
            return "zaterdag"
        if day.weekday() == _SUNDAY:
            return f"zondag ({entry.name})" if entry else "zondag"
        return None

    def skip_reason(self, day: date) -> str | None:
        """Return a Dutch clause explaining why a term cannot end on day, or None when it can."""
        reason = self.holiday_reason(day)
        if reason is not None:
            return reason
        if day.weekday() == _SATURDAY:
            return f"{format_date(day, weekday=False, year=False)} is een zaterdag"
        if day.weekday() == _SUNDAY:
            return f"{format_date(day, weekday=False, year=False)} is een zondag"
        return None

    def next_working_day(self, day: date) -> date:
        """Return the first day after day that is not a Saturday, Sunday or Atw holiday."""
        day = require_date(day, "De dag") + timedelta(days=1)
        while self.is_non_working(day):
            day += timedelta(days=1)
        return day


DEFAULT_CALENDAR = AtwCalendar()


# ----------------------------------------------------------------------------------------------------------
# Working days


def add_working_days(start: date, n: int, calendar: AtwCalendar | None = None) -> date:
    """Return the n-th working day after start (not Saturday, Sunday or Atw holiday); start if n is 0."""
    start = require_date(start, "De begindatum")
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"Het aantal werkdagen moet een geheel getal van 0 of meer zijn, niet {n!r}.")
    cal = calendar or DEFAULT_CALENDAR
    day = start
    for _ in range(n):
        day = cal.next_working_day(day)
    return day


def _weekdays_between(start: date, end: date) -> int:
    # Monday-to-Friday days in (start, end], counted arithmetically so long SLA reports stay cheap.
    def weekdays_through(day: date) -> int:
        weeks, rest = divmod(day.toordinal(), 7)
        # date.toordinal() 1 is a Monday, so ordinal % 7 == 0 is a Sunday; rest days 1..5 are Mon..Fri.
        return weeks * 5 + min(rest, 5)

    return weekdays_through(end) - weekdays_through(start)


def working_days_between(start: date, end: date, calendar: AtwCalendar | None = None) -> int:
    """Return the number of working days in (start, end]; negative, mirrored, when end is before start."""
    start = require_date(start, "De begindatum")
    end = require_date(end, "De einddatum")
    if end < start:
        return -working_days_between(end, start, calendar)
    cal = calendar or DEFAULT_CALENDAR
    count = _weekdays_between(start, end)
    for year in range(start.year, end.year + 1):
        count -= sum(1 for day in cal.holidays(year) if start < day <= end and day.weekday() < _SATURDAY)
    return count


# ----------------------------------------------------------------------------------------------------------
# Terms


@dataclass(frozen=True)
class Extension:
    """One extension of a term by the Atw, from the day it would have ended to the day it now ends."""

    from_date: date
    to_date: date
    article: str
    reason: str


@dataclass(frozen=True)
class TermResult:
    """The outcome of a term calculation: the plain end, the Atw extensions applied and the final end.

    start is the first day of the term, i.e. the day after the event (Awb 6:8: "met ingang van de dag na").
    """

    start: date
    period: Period
    statutory: bool
    plain_end_date: date
    end_date: date
    extensions: tuple[Extension, ...]
    # Why Atw art. 4 keeps this statutory term out of arts. 1-2 (in Dutch), or "" when the Atw applies.
    atw_excluded: str = ""
    # The legal rule this term follows, one Dutch sentence put first in the explanation (e.g. Awb 5:33).
    rule: str = ""
    # Dutch sentences added after the calculation (e.g. why a postponement counts from the plain end).
    notes: tuple[str, ...] = ()

    @property
    def event(self) -> date:
        """Return the day of the event the term runs after (e.g. the notification), the day before start."""
        return self.start - timedelta(days=1)

    def explanation(self) -> str:
        """Return a Dutch explanation of how end_date was reached, one sentence per step."""
        sentences = [self.rule] if self.rule else []
        sentences += [
            f"De termijn van {self.period.label()} gaat in op de dag na "
            f"{format_date(self.event, weekday=False)}, dus op {format_date(self.start)}.",
            f"Zonder verlenging eindigt de termijn op {format_date(self.plain_end_date)}.",
        ]
        if not self.statutory:
            sentences.append("De termijn wordt niet verlengd: geen wettelijke termijn (Atw geldt niet).")
        elif self.atw_excluded:
            sentences.append(
                "Het is een wettelijke termijn, maar de Algemene termijnenwet verlengt hem niet, ook niet als "
                f"de laatste dag een zaterdag, zondag of feestdag is: {self.atw_excluded} (Atw art. 4)."
            )
        elif not self.extensions:
            covers_art_2 = (self.plain_end_date - self.event).days >= 3
            sentences.append(
                "Het is een wettelijke termijn, maar verlenging volgens de Algemene termijnenwet is niet "
                "nodig: de laatste dag is geen zaterdag, zondag of feestdag"
                + (" en de termijn bevat ten minste twee werkdagen." if covers_art_2 else ".")
            )
        else:
            sentences.append(
                "Het is een wettelijke termijn, dus de Algemene termijnenwet (Atw) is van toepassing."
            )
            sentences.extend(
                f"{extension.article}: {extension.reason}; de termijn loopt door tot en met "
                f"{format_date(extension.to_date)}."
                for extension in self.extensions
            )
        sentences.extend(self.notes)
        sentences.append(f"De termijn eindigt op {format_date(self.end_date)}, aan het einde van die dag.")
        return " ".join(sentences)


def atw_art4_exclusion(event: date, period: Period) -> str:
    """Return in Dutch why Atw art. 4 keeps a term of `period` after `event` out of arts. 1-2, else "".

    Art. 4 names terms in years and terms longer than three months, twelve weeks or ninety days (and terms
    in hours, which Period cannot express). Each limit is read in the unit the term is set in: exactly three
    months, twelve weeks or ninety days is not longer, so it is still extended. A term that mixes units is
    measured against the limit of its largest unit (months against the calendar: does it end after the day
    three months after the event?), so "12 weken en 1 dag" is longer than twelve weeks.
    """
    if period.years:
        return f"het is een termijn in jaren ({period.label()})"
    if period.months:
        if plain_end(event, period) > add_months(event, 3):
            return f"de termijn van {period.label()} is langer dan drie maanden"
        return ""
    days = period.weeks * 7 + period.days
    if period.weeks and days > 12 * 7:
        return f"de termijn van {period.label()} is langer dan twaalf weken"
    if not period.weeks and days > 90:
        return f"de termijn van {period.label()} is langer dan negentig dagen"
    return ""


def term_end(
    event: date, period: Period | str, *, statutory: bool, calendar: AtwCalendar | None = None
) -> TermResult:
    """Return when a term after event ends; statutory terms are extended by Atw art. 1 and 2, others never."""
    event = require_date(event, "De gebeurtenis")
    if isinstance(period, str):
        period = parse_period(period)
    cal = calendar or DEFAULT_CALENDAR
    start = event + timedelta(days=1)
    plain = plain_end(event, period)
    if not statutory:
        return TermResult(start, period, False, plain, plain, ())
    excluded = atw_art4_exclusion(event, period)
    if excluded:
        return TermResult(start, period, True, plain, plain, (), atw_excluded=excluded)
    extensions, end = atw_extend(event, plain, cal)
    return TermResult(start, period, True, plain, end, extensions)


def atw_extend(event: date, plain: date, cal: AtwCalendar) -> tuple[tuple[Extension, ...], date]:
    """Apply Atw art. 1 and 2 to a statutory term after event whose unextended end is plain."""
    # Art. 2 speaks of the term as set by law, so its length is that of the unextended term.
    at_least_three_days = (plain - event).days >= 3
    extensions: list[Extension] = []
    end = plain
    while True:
        before = end
        if cal.is_non_working(end):
            new_end = cal.next_working_day(end)
            skipped = [end + timedelta(days=offset) for offset in range((new_end - end).days)]
            reasons = "; ".join(reason for day in skipped if (reason := cal.skip_reason(day)))
            extensions.append(Extension(end, new_end, "Atw art. 1", f"verlengd: {reasons}"))
            end = new_end
        working = working_days_between(event, end, cal)
        if at_least_three_days and working < 2:
            new_end = add_working_days(event, 2, cal)
            reason = (
                f"verlengd: de termijn bevatte maar {count_words(working, 'dag', 'dagen')} die geen zaterdag, "
                f"zondag of feestdag {'is' if working == 1 else 'zijn'}, terwijl een termijn van ten minste "
                "drie dagen er twee moet bevatten"
            )
            extensions.append(Extension(end, new_end, "Atw art. 2", reason))
            end = new_end
        # Each article can only move the end forward, so the loop reaches a fixed point.
        if end == before:
            break
    return tuple(extensions), end
