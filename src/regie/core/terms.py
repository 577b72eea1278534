"""Term calculation under the Algemene termijnenwet (Atw), and working-day arithmetic for SLAs.

A term "after" an event runs from the day after the event and ends at the end of its last day. Statutory
terms (set in a formal law or AMvB) are extended by Atw art. 1 and 2; non-statutory terms (a compliance
period set in a decision, a municipal SLA, a bylaw term) are never extended. Atw art. 4 takes terms in years
and terms longer than three months, twelve weeks or ninety days out of arts. 1-2, so those end on their plain
end even when statutory (the one-year lapse of Awb 5:35, for one). Terms counted backwards (Atw art. 1 lid 2)
and terms in hours (also outside the Atw, art. 4) are out of scope: only whole days, weeks, months and years.

The rules of the Awb around the calendar (objection and appeal from notification, the decision term on an
objection with its suspension, postponement and delay, the payment and lapse of a forfeited penalty, the
penalty for a decision not taken in time) are in the second half of this module, each with its article.

Regie keeps its own Atw calendar on purpose: general holiday libraries differ from Atw art. 3 (for example
they treat 5 May as a day off only in lustrum years, while the Atw names it every year).
"""

from __future__ import annotations

import calendar as _gregorian
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import NamedTuple

__all__ = [
    "MIN_YEAR",
    "AtwCalendar",
    "CalendarError",
    "DecisionTerm",
    "DefaultPenalty",
    "Extension",
    "Lapse",
    "Period",
    "PeriodError",
    "Remedy",
    "TermResult",
    "TermRuleError",
    "add_working_days",
    "application_decision_end",
    "atw_art4_exclusion",
    "check_reminder",
    "check_writ",
    "collection_lapse",
    "default_message",
    "default_penalty",
    "delay_with_consent",
    "earliest_reminder",
    "easter_sunday",
    "format_date",
    "objection_decision_term",
    "parse_period",
    "penalty_payment_end",
    "plain_end",
    "postpone_decision",
    "remedy_term_end",
    "remedy_timely",
    "reminder_payment_end",
    "suspend_for_repair",
    "term_end",
    "working_days_between",
]

# Koningsdag (26/27 April) exists since 2014; for 1990-2013 Koninginnedag (30 April, 29 April when the 30th
# is a Sunday) is modelled. Earlier years had other rules (Koninginnedag moved to 1 May, 5 May not yet in
# art. 3), so they are refused rather than silently computed wrong.
MIN_YEAR = 1990

# A term longer than a century is a data-entry error, and refusing it keeps date arithmetic far from date.max.
_MAX_MONTHS = 1200
_MAX_DAYS = 36_600

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


class PeriodError(ValueError):
    """A term duration that is not a positive ISO 8601 duration in days, weeks, months or years."""


class CalendarError(ValueError):
    """A date outside the years the Atw calendar can answer for with certainty."""


def _require_date(value: object, what: str) -> date:
    # datetime is a subclass of date but never equals one, so holiday look-ups would silently miss; and which
    # calendar day a timestamp falls on depends on its time zone, a decision the caller must make explicitly.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise TypeError(f"{what} moet een datum (date) zijn, geen {type(value).__name__}.")
    return value


def format_date(day: date, *, weekday: bool = True, year: bool = True) -> str:
    """Return the date written out in Dutch, e.g. "dinsdag 5 mei 2026"."""
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    if year:
        text = f"{text} {day.year}"
    if weekday:
        text = f"{_WEEKDAYS[day.weekday()]} {text}"
    return text


# ----------------------------------------------------------------------------------------------------------
# Periods


def _plural(count: int, singular: str, plural: str) -> str:
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
            _plural(count, singular, plural)
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


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last_day = _gregorian.monthrange(year, month)[1]
    return date(year, month, min(day.day, last_day))


def plain_end(event: date, period: Period) -> date:
    """Return the last day of a term that runs from the day after event, before any Atw extension."""
    event = _require_date(event, "De gebeurtenis")
    # Calendar months first, then fixed days: "1 maand en 3 dagen" after 31 January ends 3 days after 28 Feb.
    end = _add_months(event, period.years * 12 + period.months) if period.years or period.months else event
    return end + timedelta(weeks=period.weeks, days=period.days)


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
            day = _require_date(day, "Een bij koninklijk besluit gelijkgestelde dag")
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
        entry = self._table(_require_date(day, "De dag").year).get(day)
        return entry.name if entry else None

    def holidays(self, year: int) -> dict[date, str]:
        """Return every Atw holiday and equated day of year, in date order, with its Dutch name."""
        return {day: entry.name for day, entry in self._table(year).items()}

    def holiday_reason(self, day: date) -> str | None:
        """Return, in Dutch, on which ground of Atw art. 3 day is a holiday, or None when it is not one."""
        entry = self._table(_require_date(day, "De dag").year).get(day)
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
        day = _require_date(day, "De dag")
        return day.weekday() in (_SATURDAY, _SUNDAY) or day in self._table(day.year)

    def non_working_reason(self, day: date) -> str | None:
        """Return in Dutch why day is not a working day under the Atw, or None when it is a working day."""
        day = _require_date(day, "De dag")
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
        day = _require_date(day, "De dag") + timedelta(days=1)
        while self.is_non_working(day):
            day += timedelta(days=1)
        return day


_DEFAULT_CALENDAR = AtwCalendar()


# ----------------------------------------------------------------------------------------------------------
# Working days


def add_working_days(start: date, n: int, calendar: AtwCalendar | None = None) -> date:
    """Return the n-th working day after start (not Saturday, Sunday or Atw holiday); start if n is 0."""
    start = _require_date(start, "De begindatum")
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"Het aantal werkdagen moet een geheel getal van 0 of meer zijn, niet {n!r}.")
    cal = calendar or _DEFAULT_CALENDAR
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
    start = _require_date(start, "De begindatum")
    end = _require_date(end, "De einddatum")
    if end < start:
        return -working_days_between(end, start, calendar)
    cal = calendar or _DEFAULT_CALENDAR
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
            f"De termijn van {self.period.label()} ({self.period.iso()}) gaat in op de dag na "
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
        if plain_end(event, period) > _add_months(event, 3):
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
    event = _require_date(event, "De gebeurtenis")
    if isinstance(period, str):
        period = parse_period(period)
    cal = calendar or _DEFAULT_CALENDAR
    start = event + timedelta(days=1)
    plain = plain_end(event, period)
    if not statutory:
        return TermResult(start, period, False, plain, plain, ())
    excluded = atw_art4_exclusion(event, period)
    if excluded:
        return TermResult(start, period, True, plain, plain, (), atw_excluded=excluded)
    extensions, end = _atw_extend(event, plain, cal)
    return TermResult(start, period, True, plain, end, extensions)


def _atw_extend(event: date, plain: date, cal: AtwCalendar) -> tuple[tuple[Extension, ...], date]:
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
                f"verlengd: de termijn bevatte maar {_plural(working, 'dag', 'dagen')} die geen zaterdag, "
                f"zondag of feestdag {'is' if working == 1 else 'zijn'}, terwijl een termijn van ten minste "
                "drie dagen er twee moet bevatten"
            )
            extensions.append(Extension(end, new_end, "Atw art. 2", reason))
            end = new_end
        # Each article can only move the end forward, so the loop reaches a fixed point.
        if end == before:
            break
    return tuple(extensions), end


# ----------------------------------------------------------------------------------------------------------
# The Awb around the calendar
#
# Each function below computes one rule of the Algemene wet bestuursrecht and explains it in Dutch with its
# article. Where the law can be read two ways, the function takes the earlier (safe) date and says so.

_SIX_WEEKS = Period(weeks=6)
_TWO_WEEKS = Period(weeks=2)
_ONE_YEAR = Period(years=1)


class TermRuleError(ValueError):
    """An act the law does not allow on that date (e.g. a postponement after the decision term ran out)."""


def remedy_term_end(
    notified_on: date, *, by_publication: bool = False, calendar: AtwCalendar | None = None
) -> TermResult:
    """The objection or appeal term (Awb 6:7): six weeks from the day after notification (6:8 lid 1).

    Notification is the sending or handing over of the decision (3:41 lid 1); when that cannot be done (the
    addressee cannot be reached), it is made known in another suitable way, e.g. publication (3:41 lid 2), and
    the term runs from that day. A statutory term of six weeks, so the Atw extends it.
    """
    how = (
        "de bekendmaking op een andere geschikte wijze, zoals publicatie, omdat toezending niet mogelijk was "
        "(Awb 3:41 lid 2)"
        if by_publication
        else "de toezending of uitreiking van het besluit (Awb 3:41 lid 1)"
    )
    result = term_end(notified_on, _SIX_WEEKS, statutory=True, calendar=calendar)
    rule = (
        "Bezwaar- of beroepstermijn (Awb 6:7): zes weken, met ingang van de dag na "
        + how
        + " (Awb 6:8 lid 1)."
    )
    return replace(result, rule=rule)


def remedy_timely(
    term_end_date: date, received_on: date, *, posted_on: date | None = None
) -> tuple[bool, str]:
    """Whether an objection or appeal came in time (Awb 6:9), with the Dutch reason.

    Lid 1: received before the end of the term (on its last day at the latest). Lid 2: sent by post before
    the end of the term and received no later than one week after it.
    """
    term_end_date = _require_date(term_end_date, "Het einde van de termijn")
    received_on = _require_date(received_on, "De ontvangstdatum")
    if received_on <= term_end_date:
        return True, (
            f"Tijdig: ontvangen op {format_date(received_on)}, binnen de termijn die eindigde op "
            f"{format_date(term_end_date)} (Awb 6:9 lid 1)."
        )
    if posted_on is not None:
        posted_on = _require_date(posted_on, "De datum van terpostbezorging")
        week_after = term_end_date + timedelta(weeks=1)
        if posted_on <= term_end_date and received_on <= week_after:
            return True, (
                f"Tijdig: op {format_date(posted_on)} ter post bezorgd, vóór het einde van de termijn, en "
                f"ontvangen op {format_date(received_on)}, niet later dan een week na afloop "
                f"({format_date(week_after)}) (Awb 6:9 lid 2)."
            )
    return False, (
        f"Te laat: de termijn eindigde op {format_date(term_end_date)} en het stuk is ontvangen op "
        f"{format_date(received_on)} (Awb 6:9); beoordeel of de overschrijding verschoonbaar is (Awb 6:11)."
    )


def application_decision_end(
    received_on: date, *, statutory_period: Period | str | None = None, calendar: AtwCalendar | None = None
) -> TermResult:
    """The decision term on an application (Awb 4:13), e.g. a request for enforcement.

    Lid 1: the term a statutory rule sets, otherwise a reasonable term after receipt; lid 2: that reasonable
    term has in any case passed eight weeks after receipt. Regie uses those eight weeks as the deadline.
    """
    if statutory_period is None:
        result = term_end(received_on, Period(weeks=8), statutory=True, calendar=calendar)
        rule = (
            "Beslistermijn op een aanvraag (Awb 4:13): zonder wettelijke termijn een redelijke termijn, die in "
            "ieder geval is verstreken acht weken na ontvangst van de aanvraag (lid 2)."
        )
    else:
        result = term_end(received_on, statutory_period, statutory=True, calendar=calendar)
        rule = (
            "Beslistermijn op een aanvraag: de bij wettelijk voorschrift bepaalde termijn (Awb 4:13 lid 1)."
        )
    return replace(result, rule=rule)


# --- Awb 7:10: the decision term on an objection ----------------------------------------------------------


@dataclass(frozen=True)
class DecisionTerm:
    """The running term for the decision on an objection (Awb 7:10), built up step by step.

    plain_end_date is the end before any Atw extension, end_date the last day the municipality has;
    postponed tells whether the one postponement of lid 3 has been used.
    """

    plain_end_date: date
    end_date: date
    postponed: bool
    sentences: tuple[str, ...]
    calendar: AtwCalendar

    def explanation(self) -> str:
        return " ".join(
            (
                *self.sentences,
                f"De beslistermijn eindigt op {format_date(self.end_date)}, aan het einde van die dag.",
            )
        )

    def _moved(self, plain: date, sentence: str, *, postponed: bool | None = None) -> DecisionTerm:
        extensions, end = _atw_extend(plain - timedelta(days=1), plain, self.calendar)
        sentences = [*self.sentences, sentence]
        sentences += [
            f"{e.article}: {e.reason}; de termijn loopt door tot en met {format_date(e.to_date)}."
            for e in extensions
        ]
        return DecisionTerm(
            plain, end, self.postponed if postponed is None else postponed, tuple(sentences), self.calendar
        )


def default_message(end_date: date) -> str:
    """What a decision after the term means, in Dutch: the municipality is in default (Awb 4:17, 6:12, 7:14)."""
    return (
        f"De beslistermijn is op {format_date(end_date)} verstreken: de gemeente is in gebreke. Verdagen of "
        "uitstellen kan alleen zolang de termijn nog loopt (Awb 7:10 lid 3 en 4). De indiener kan de gemeente "
        "nu schriftelijk in gebreke stellen; beslist zij dan niet binnen twee weken, dan verbeurt zij een "
        "dwangsom per dag (Awb 4:17 via 7:14), en de indiener kan beroep instellen omdat niet tijdig is "
        "beslist (Awb 6:2 en 6:12). Beslis zo snel mogelijk."
    )


def objection_decision_term(
    objection_term_end: date, *, advisory_committee: bool = False, calendar: AtwCalendar | None = None
) -> DecisionTerm:
    """Awb 7:10 lid 1: six weeks, or twelve with an advisory committee (7:13), from the day after the end of
    the objection term. A statutory term of at most twelve weeks, so the Atw extends it."""
    cal = calendar or _DEFAULT_CALENDAR
    period = Period(weeks=12 if advisory_committee else 6)
    result = term_end(objection_term_end, period, statutory=True, calendar=cal)
    which = (
        "twaalf weken, omdat een adviescommissie (Awb 7:13) is ingesteld"
        if advisory_committee
        else "zes weken"
    )
    sentences = [
        f"Beslistermijn op bezwaar (Awb 7:10 lid 1): {which}, gerekend vanaf de dag na het einde van de "
        f"bezwaartermijn ({format_date(objection_term_end)}).",
        f"Zonder verlenging eindigt de termijn op {format_date(result.plain_end_date)}.",
    ]
    sentences += [
        f"{e.article}: {e.reason}; de termijn loopt door tot en met {format_date(e.to_date)}."
        for e in result.extensions
    ]
    return DecisionTerm(result.plain_end_date, result.end_date, False, tuple(sentences), cal)


def _require_running(term: DecisionTerm, on: date, what: str) -> None:
    on = _require_date(on, "De datum")
    if on > term.end_date:
        raise TermRuleError(f"{what} op {format_date(on)} is niet mogelijk. {default_message(term.end_date)}")


def suspend_for_repair(term: DecisionTerm, requested_on: date, repaired_on: date) -> DecisionTerm:
    """Awb 7:10 lid 2: the term is suspended from the day after the objector was asked to repair a defect
    (6:6) until the day it was repaired or the repair term ran out unused.

    "Tot de dag" does not include that day, so the suspension counts the days from the day after the request
    up to the day before the repair: the earlier, safe end.
    """
    requested_on = _require_date(requested_on, "De datum van het verzoek om herstel")
    repaired_on = _require_date(repaired_on, "De datum van herstel")
    if repaired_on < requested_on:
        raise TermRuleError("Het verzuim kan niet zijn hersteld vóór het verzoek om het te herstellen.")
    _require_running(term, requested_on, "Een verzoek om herstel dat de termijn opschort")
    days = max((repaired_on - requested_on).days - 1, 0)
    sentence = (
        f"Opgeschort (Awb 7:10 lid 2, herstel van een verzuim als bedoeld in Awb 6:6): van de dag na het verzoek "
        f"({format_date(requested_on, weekday=False)}) tot de dag van herstel of het ongebruikt verstrijken "
        f"van de hersteltermijn ({format_date(repaired_on, weekday=False)}), dus "
        f"{_plural(days, 'dag', 'dagen')}; de termijn zonder verlenging eindigt daardoor op "
        f"{format_date(term.plain_end_date + timedelta(days=days))}."
    )
    return term._moved(term.plain_end_date + timedelta(days=days), sentence)


def postpone_decision(term: DecisionTerm, on: date, period: Period | str = _SIX_WEEKS) -> DecisionTerm:
    """Awb 7:10 lid 3: one postponement of at most six weeks, only while the term still runs.

    It counts from the end of the running term without its Atw extension (the earlier, safe reading: the Atw
    protects whoever must act within the term, not the length of the next one).
    """
    if isinstance(period, str):
        period = parse_period(period)
    if term.postponed:
        raise TermRuleError(
            "De beslissing op bezwaar is al eens verdaagd; verdagen kan één keer (Awb 7:10 lid 3). Verder "
            "uitstel kan alleen met instemming (Awb 7:10 lid 4)."
        )
    if plain_end(term.plain_end_date, period) > plain_end(term.plain_end_date, _SIX_WEEKS) or (
        period.years or period.months
    ):
        raise TermRuleError(
            f"Verdagen kan voor ten hoogste zes weken (Awb 7:10 lid 3), niet voor {period.label()}."
        )
    _require_running(term, on, "Verdagen")
    new_plain = plain_end(term.plain_end_date, period)
    sentence = (
        f"Verdaagd op {format_date(on, weekday=False)} met {period.label()} (Awb 7:10 lid 3), gerekend vanaf "
        f"het einde van de lopende termijn zonder Atw-verlenging ({format_date(term.plain_end_date, weekday=False)})"
        f": de vroegste en dus veilige lezing. Zonder verlenging eindigt de termijn op {format_date(new_plain)}."
    )
    return term._moved(new_plain, sentence, postponed=True)


CONSENT_GROUNDS = {
    "a": "alle belanghebbenden stemmen ermee in (Awb 7:10 lid 4 onder a)",
    "b": "de indiener stemt ermee in en andere belanghebbenden kunnen daardoor niet in hun belangen worden "
    "geschaad (Awb 7:10 lid 4 onder b)",
    "c": "het is nodig voor de naleving van wettelijke procedurevoorschriften (Awb 7:10 lid 4 onder c)",
}


def delay_with_consent(term: DecisionTerm, on: date, period: Period | str, ground: str = "b") -> DecisionTerm:
    """Awb 7:10 lid 4: further delay on one of its grounds, as often as needed, agreed while the term runs.

    Like the postponement, it counts from the end of the running term without its Atw extension.
    """
    if ground not in CONSENT_GROUNDS:
        raise TermRuleError(
            f"Onbekende grond voor uitstel '{ground}': kies a (alle belanghebbenden), b (de indiener, zonder "
            "nadeel voor anderen) of c (wettelijke procedurevoorschriften) uit Awb 7:10 lid 4."
        )
    if isinstance(period, str):
        period = parse_period(period)
    _require_running(term, on, "Uitstel")
    new_plain = plain_end(term.plain_end_date, period)
    sentence = (
        f"Uitgesteld op {format_date(on, weekday=False)} met {period.label()}: {CONSENT_GROUNDS[ground]}; "
        f"gerekend vanaf het einde van de lopende termijn zonder Atw-verlenging "
        f"({format_date(term.plain_end_date, weekday=False)}). Zonder verlenging eindigt de termijn op "
        f"{format_date(new_plain)}."
    )
    return term._moved(new_plain, sentence)


# --- Awb 4:17: the penalty for a decision not taken in time ------------------------------------------------

_DEFAULT_PENALTY_RATES = ((14, 23), (14, 35), (14, 45))


@dataclass(frozen=True)
class DefaultPenalty:
    """The penalty the municipality forfeits to the applicant or objector (Awb 4:17, 7:14)."""

    first_day: date
    last_day: date
    maximum_euros: int
    explanation: str


def default_penalty(term_end_date: date, notice_received_on: date) -> DefaultPenalty:
    """Awb 4:17: from the day two weeks have passed after the later of the term's end and the receipt of the
    written notice of default (lid 3), for at most 42 days (lid 1), at € 23, € 35 and € 45 a day per fourteen
    days (lid 2). Read as the day fourteen days after that day: the earlier, safe date for the municipality's
    own deadline."""
    term_end_date = _require_date(term_end_date, "Het einde van de beslistermijn")
    notice_received_on = _require_date(notice_received_on, "De ontvangst van de ingebrekestelling")
    if notice_received_on <= term_end_date:
        raise TermRuleError(
            "Een ingebrekestelling kan pas na het verstrijken van de beslistermijn worden ontvangen "
            f"(die eindigt op {format_date(term_end_date)}); een eerdere brief telt niet (Awb 4:17 lid 3)."
        )
    base = max(term_end_date, notice_received_on)
    first = base + timedelta(weeks=2)
    last = first + timedelta(days=41)
    maximum = sum(days * rate for days, rate in _DEFAULT_PENALTY_RATES)
    amount = f"{maximum:,}".replace(",", ".")
    explanation = (
        f"De beslistermijn eindigde op {format_date(term_end_date)} en de ingebrekestelling is ontvangen op "
        f"{format_date(notice_received_on)}. De dwangsom is verschuldigd vanaf de dag waarop twee weken zijn "
        f"verstreken na die dag (Awb 4:17 lid 3): {format_date(first)}. Hij loopt ten hoogste 42 dagen, tot "
        f"en met {format_date(last)} (lid 1): € 23 per dag de eerste veertien dagen, € 35 de volgende "
        f"veertien en € 45 daarna (lid 2), samen ten hoogste € {amount}. Beslis vóór de eerste dag om iedere "
        "dwangsom te voorkomen."
    )
    return DefaultPenalty(first, last, maximum, explanation)


# --- Awb 5:33, 4:112, 4:114: paying and collecting a forfeited penalty ---------------------------------------


def penalty_payment_end(forfeited_on: date, calendar: AtwCalendar | None = None) -> TermResult:
    """Awb 5:33: a forfeited penalty is paid within six weeks after it was forfeited by operation of law.

    The term runs from forfeiture, not from the collection decision: that decision (5:37) creates no duty to
    pay. A statutory six-week term, so the Atw extends it.
    """
    result = term_end(forfeited_on, _SIX_WEEKS, statutory=True, calendar=calendar)
    rule = (
        "Betalingstermijn verbeurde dwangsom (Awb 5:33): zes weken nadat de dwangsom van rechtswege is "
        "verbeurd; de invorderingsbeschikking (Awb 5:37) doet geen betalingsplicht ontstaan en verschuift deze "
        "termijn niet."
    )
    return replace(result, rule=rule)


def reminder_payment_end(reminder_sent_on: date, calendar: AtwCalendar | None = None) -> TermResult:
    """Awb 4:112 lid 1: the reminder (aanmaning) asks to pay within two weeks after the day it was sent."""
    result = term_end(reminder_sent_on, _TWO_WEEKS, statutory=True, calendar=calendar)
    rule = (
        "Aanmaning (Awb 4:112 lid 1): betalen binnen twee weken na de dag van verzending van de aanmaning; "
        "daarna kan de gemeente bij dwangbevel invorderen (Awb 4:114, 5:37)."
    )
    return replace(result, rule=rule)


def earliest_reminder(
    forfeited_on: date, collection_decided_on: date | None, calendar: AtwCalendar | None = None
) -> date:
    """The first day a reminder may be sent: the debtor must be in default, i.e. the 5:33 payment term has
    run out (4:97), and a collection decision must have been taken (5:37 lid 1)."""
    after_payment = penalty_payment_end(forfeited_on, calendar).end_date + timedelta(days=1)
    if collection_decided_on is None:
        raise TermRuleError(
            "Eerst een invorderingsbeschikking (Awb 5:37): zonder die beschikking kan de gemeente niet aanmanen "
            "of een dwangbevel uitvaardigen."
        )
    return max(after_payment, _require_date(collection_decided_on, "De datum van de invorderingsbeschikking"))


def check_reminder(
    on: date, forfeited_on: date, collection_decided_on: date | None, calendar: AtwCalendar | None = None
) -> None:
    """Refuse, in Dutch, a reminder sent before the debtor is in default or before the collection decision."""
    first = earliest_reminder(forfeited_on, collection_decided_on, calendar)
    if _require_date(on, "De datum van de aanmaning") < first:
        raise TermRuleError(
            f"Aanmanen kan pas vanaf {format_date(first)}: de schuldenaar is pas in verzuim als de betalingstermijn "
            "van zes weken na verbeurte (Awb 5:33, 4:97) ongebruikt is verstreken, en de invorderingsbeschikking "
            "(Awb 5:37) moet er dan zijn (Awb 4:112)."
        )


def check_writ(on: date, reminder_sent_on: date | None, calendar: AtwCalendar | None = None) -> None:
    """Refuse, in Dutch, a dwangbevel before the reminder's two weeks have run out (Awb 4:114)."""
    if reminder_sent_on is None:
        raise TermRuleError("Een dwangbevel kan pas na een aanmaning waarop niet is betaald (Awb 4:114).")
    end = reminder_payment_end(reminder_sent_on, calendar).end_date
    if _require_date(on, "De datum van het dwangbevel") <= end:
        raise TermRuleError(
            f"Een dwangbevel kan pas als niet binnen de termijn van de aanmaning is betaald; die termijn eindigt "
            f"op {format_date(end)} (Awb 4:112, 4:114)."
        )


# --- Awb 5:35 and 5:37a: the lapse of the claim to a forfeited penalty --------------------------------------


@dataclass(frozen=True)
class Remedy:
    """An objection, appeal or higher appeal against the penalty order: open or pending from `since` until it
    was decided irrevocably on `decided_on` (None: still open or pending)."""

    since: date
    decided_on: date | None = None
    label: str = "bezwaar of beroep"

    def covers(self, day: date) -> bool:
        return self.since <= day and (self.decided_on is None or day < self.decided_on)


@dataclass(frozen=True)
class Lapse:
    """When the claim to pay a forfeited penalty lapses (Awb 5:35), or None while that date is not yet known
    (a remedy against the penalty order is still pending on the lapse date)."""

    forfeited_on: date
    lapse_date: date | None
    sentences: tuple[str, ...]

    def explanation(self) -> str:
        return " ".join(self.sentences)


def collection_lapse(
    forfeited_on: date,
    *,
    remedies: tuple[Remedy, ...] = (),
    interruptions: tuple[date | tuple[date, str], ...] = (),
) -> Lapse:
    """Awb 5:35 with 5:37a: the lapse of the claim to a forfeited penalty.

    Lid 1: one year after the day of forfeiture; a term in years, so never extended by the Atw (Atw art. 4).
    Lid 2: when on the lapse date an objection, appeal or higher appeal against the penalty order is open or
    pending, the term runs on until that remedy has been decided irrevocably. 5:37a lid 1: a collection
    decision interrupts (stuit) the lapse; so do a reminder and a dwangbevel (4:106). After an interruption a
    new term starts; Regie counts a new year from the day of the interrupting act, the earliest (safe) date.
    An act after the lapse date interrupts nothing.
    """
    forfeited_on = _require_date(forfeited_on, "De datum van verbeurte")
    lapse = plain_end(forfeited_on, _ONE_YEAR)
    sentences = [
        f"De dwangsom is verbeurd op {format_date(forfeited_on)}. De rechtsvordering tot betaling verjaart een "
        f"jaar na die dag (Awb 5:35 lid 1): op {format_date(lapse)}. Een termijn in jaren wordt niet verlengd "
        "door de Algemene termijnenwet (Atw art. 4), ook niet als hij op een zaterdag, zondag of feestdag eindigt."
    ]
    events: list[tuple[date, str]] = sorted(
        (_require_date(item, "De datum van stuiting"), "de invorderingsbeschikking (Awb 5:37a lid 1)")
        if not isinstance(item, tuple)
        else (_require_date(item[0], "De datum van stuiting"), item[1])
        for item in interruptions
    )
    while True:
        pending = next((r for r in remedies if r.covers(lapse)), None)
        if pending is not None:
            if pending.decided_on is None:
                sentences.append(
                    f"Op {format_date(lapse, weekday=False)} staat {pending.label} tegen de last onder dwangsom "
                    f"open of is het aanhangig (sinds {format_date(pending.since, weekday=False)}): de "
                    "verjaringstermijn loopt door tot onherroepelijk is beslist (Awb 5:35 lid 2). De datum "
                    "volgt zodra dat bekend is."
                )
                return Lapse(forfeited_on, None, tuple(sentences))
            sentences.append(
                f"Op {format_date(lapse, weekday=False)} stond {pending.label} tegen de last onder dwangsom open "
                f"of was het aanhangig: de verjaringstermijn loopt door tot onherroepelijk is beslist, op "
                f"{format_date(pending.decided_on)} (Awb 5:35 lid 2)."
            )
            lapse = pending.decided_on
            continue
        stop = next(((d, label) for d, label in events if d <= lapse), None)
        if stop is None:
            break
        events = [(d, label) for d, label in events if d > stop[0]]
        lapse = plain_end(stop[0], _ONE_YEAR)
        sentences.append(
            f"Gestuit op {format_date(stop[0], weekday=False)} door {stop[1]}: daarna begint een nieuwe "
            f"verjaringstermijn; Regie rekent een jaar vanaf die dag, de vroegste en dus veilige datum: tot en met "
            f"{format_date(lapse)}."
        )
    late = [d for d, _ in events if d > lapse]
    if late:
        sentences.append(
            f"Wat na {format_date(lapse, weekday=False)} is gedaan, stuit niets meer: de vordering was toen "
            "al verjaard."
        )
    sentences.append(f"De rechtsvordering verjaart na {format_date(lapse)}.")
    return Lapse(forfeited_on, lapse, tuple(sentences))
