"""Term calculation under the Algemene termijnenwet (Atw); every date here was checked with date.weekday()."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regie.core.terms import (
    MIN_YEAR,
    AtwCalendar,
    CalendarError,
    Period,
    PeriodError,
    add_working_days,
    atw_art4_exclusion,
    easter_sunday,
    parse_period,
    plain_end,
    term_end,
    working_days_between,
)

CALENDAR = AtwCalendar()

# Dates stay in years the calendar answers for, with room for a long term to end before date.max.
event_dates = st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(2199, 12, 31))
periods = st.one_of(
    st.integers(1, 400).map(lambda n: Period(days=n)),
    st.integers(1, 60).map(lambda n: Period(weeks=n)),
    st.integers(1, 36).map(lambda n: Period(months=n)),
    st.integers(1, 5).map(lambda n: Period(years=n)),
    st.tuples(st.integers(0, 3), st.integers(0, 11), st.integers(0, 4), st.integers(0, 30))
    .filter(any)
    .map(lambda parts: Period(years=parts[0], months=parts[1], weeks=parts[2], days=parts[3])),
)


def is_working(day: date) -> bool:
    return not CALENDAR.is_non_working(day)


def working_days_in_term(event: date, end: date) -> int:
    return sum(1 for offset in range(1, (end - event).days + 1) if is_working(event + timedelta(days=offset)))


# ----------------------------------------------------------------------------------------------------------
# Worked examples from the law


@pytest.mark.parametrize(
    ("event", "period", "statutory", "plain", "end"),
    [
        # Objection term (6 weeks) ending Tuesday 5 May 2026: Bevrijdingsdag counts in a non-lustrum year too.
        (date(2026, 3, 24), "P6W", True, date(2026, 5, 5), date(2026, 5, 6)),
        # ... and in a lustrum year: Monday 5 May 2025 runs on to Tuesday 6 May.
        (date(2025, 3, 24), "P6W", True, date(2025, 5, 5), date(2025, 5, 6)),
        # 6 weeks ending Good Friday 26 March 2027: Sat, Easter Sunday and Easter Monday follow; ends Tuesday.
        (date(2027, 2, 12), "P6W", True, date(2027, 3, 26), date(2027, 3, 30)),
        # King's Day on a Saturday (27 April 2024): runs on to Monday 29 April.
        (date(2024, 3, 16), "P6W", True, date(2024, 4, 27), date(2024, 4, 29)),
        # King's Day on Monday 27 April 2026: runs on to Tuesday 28 April.
        (date(2026, 3, 16), "P6W", True, date(2026, 4, 27), date(2026, 4, 28)),
        # 27 April 2025 is a Sunday, so King's Day is Saturday 26 April; ends Monday 28 April.
        (date(2025, 3, 15), "P6W", True, date(2025, 4, 26), date(2025, 4, 28)),
        # Christmas Day on Friday 25 December 2026: Boxing Day is the Saturday, so Monday 28 December is free.
        (date(2026, 11, 13), "P6W", True, date(2026, 12, 25), date(2026, 12, 28)),
        # 3 days after Thursday 24 December 2026: art. 1 moves Sunday to Monday, art. 2 then to Tuesday 29th.
        (date(2026, 12, 24), "P3D", True, date(2026, 12, 27), date(2026, 12, 29)),
        # Art. 2 alone: 3 days after Friday 6 March 2026 are Sat, Sun, Mon; only one working day, so Tuesday.
        (date(2026, 3, 6), "P3D", True, date(2026, 3, 9), date(2026, 3, 10)),
        # Art. 2 does not apply to a 2-day term: Saturday 7 March 2026 -> art. 1 only -> Monday 9 March.
        (date(2026, 3, 5), "P2D", True, date(2026, 3, 7), date(2026, 3, 9)),
        # A compliance period set in the decision ending Sunday 22 March 2026 is not extended.
        (date(2026, 3, 8), "P14D", False, date(2026, 3, 22), date(2026, 3, 22)),
        # A non-statutory term ending on 5 May 2026 is not extended either.
        (date(2026, 3, 24), "P6W", False, date(2026, 5, 5), date(2026, 5, 5)),
        # Months: 31 January + 1 month ends on the last day of February (28 Feb 2026 is a Saturday).
        (date(2026, 1, 31), "P1M", False, date(2026, 2, 28), date(2026, 2, 28)),
        (date(2026, 1, 31), "P1M", True, date(2026, 2, 28), date(2026, 3, 2)),
        # Leap year: 31 January 2024 + 1 month ends Thursday 29 February 2024.
        (date(2024, 1, 31), "P1M", True, date(2024, 2, 29), date(2024, 2, 29)),
        # Years: 29 February 2024 + 1 year ends on 28 February 2025 (a Friday).
        (date(2024, 2, 29), "P1Y", True, date(2025, 2, 28), date(2025, 2, 28)),
        # Weeks: same weekday; Tuesday 10 March 2026 + 6 weeks = Tuesday 21 April 2026.
        (date(2026, 3, 10), "P6W", True, date(2026, 4, 21), date(2026, 4, 21)),
        # Ascension Day Thursday 14 May 2026 is a holiday; the Friday after is not, unless equated by decree.
        (date(2026, 4, 2), "P6W", True, date(2026, 5, 14), date(2026, 5, 15)),
        # New Year's Day Friday 1 January 2027 with the weekend after: ends Monday 4 January.
        (date(2026, 11, 20), "P6W", True, date(2027, 1, 1), date(2027, 1, 4)),
        # Whit Monday 25 May 2026 after the weekend: a term ending Saturday 23 May runs on to Tuesday 26 May.
        (date(2026, 4, 11), "P6W", True, date(2026, 5, 23), date(2026, 5, 26)),
    ],
)
def test_it_calculates_the_worked_examples_of_the_law(
    event: date, period: str, statutory: bool, plain: date, end: date
) -> None:
    result = term_end(event, period, statutory=statutory)

    assert result.plain_end_date == plain
    assert result.end_date == end


def test_the_worked_example_dates_fall_on_the_weekdays_the_comments_claim() -> None:
    # Guards the table above against a mistyped date silently changing what a row tests.
    assert date(2026, 5, 5).weekday() == 1
    assert date(2027, 3, 26).weekday() == 4
    assert date(2024, 4, 27).weekday() == 5
    assert date(2025, 4, 27).weekday() == 6
    assert date(2026, 4, 27).weekday() == 0
    assert date(2026, 12, 25).weekday() == 4
    assert date(2026, 3, 22).weekday() == 6
    assert date(2026, 3, 10).weekday() == date(2026, 4, 21).weekday()


def test_it_extends_objection_term_past_liberation_day_in_non_lustrum_year() -> None:
    result = term_end(date(2026, 3, 24), "P6W", statutory=True)

    assert result.end_date == date(2026, 5, 6)
    [extension] = result.extensions
    assert extension.article == "Atw art. 1"
    assert (extension.from_date, extension.to_date) == (date(2026, 5, 5), date(2026, 5, 6))
    assert (
        extension.reason == "verlengd: 5 mei (Bevrijdingsdag) is een algemeen erkende feestdag (Atw art. 3)"
    )


def test_it_names_good_friday_as_equated_by_art_3_lid_2_when_extending_over_easter() -> None:
    result = term_end(date(2027, 2, 12), "P6W", statutory=True)

    [extension] = result.extensions
    assert (
        "26 maart (Goede Vrijdag) is gelijkgesteld met een algemeen erkende feestdag (Atw art. 3 lid 2)"
        in extension.reason
    )
    assert "29 maart (Tweede Paasdag)" in extension.reason


def test_it_records_art_1_then_art_2_when_both_extend_the_term() -> None:
    result = term_end(date(2026, 12, 24), "P3D", statutory=True)

    assert [(e.article, e.from_date, e.to_date) for e in result.extensions] == [
        ("Atw art. 1", date(2026, 12, 27), date(2026, 12, 28)),
        ("Atw art. 2", date(2026, 12, 28), date(2026, 12, 29)),
    ]


def test_it_does_not_extend_a_compliance_period_and_says_why() -> None:
    result = term_end(date(2026, 3, 8), Period(days=14), statutory=False)

    assert result.end_date == date(2026, 3, 22)
    assert result.extensions == ()
    assert "niet verlengd: geen wettelijke termijn (Atw geldt niet)" in result.explanation()


def test_it_explains_a_statutory_extension_in_dutch_one_sentence_per_step() -> None:
    explanation = term_end(date(2026, 3, 24), "P6W", statutory=True).explanation()

    assert explanation == (
        "De termijn van 6 weken gaat in op de dag na 24 maart 2026, dus op woensdag 25 maart 2026. "
        "Zonder verlenging eindigt de termijn op dinsdag 5 mei 2026. "
        "Het is een wettelijke termijn, dus de Algemene termijnenwet (Atw) is van toepassing. "
        "Atw art. 1: verlengd: 5 mei (Bevrijdingsdag) is een algemeen erkende feestdag (Atw art. 3); "
        "de termijn loopt door tot en met woensdag 6 mei 2026. "
        "De termijn eindigt op woensdag 6 mei 2026, aan het einde van die dag."
    )


def test_it_explains_that_a_statutory_term_needed_no_extension() -> None:
    result = term_end(date(2026, 3, 10), "P6W", statutory=True)

    assert result.extensions == ()
    assert "verlenging volgens de Algemene termijnenwet is niet nodig" in result.explanation()


def test_the_term_starts_on_the_day_after_the_event() -> None:
    result = term_end(date(2026, 3, 24), "P6W", statutory=True)

    assert result.start == date(2026, 3, 25)
    assert result.event == date(2026, 3, 24)


# ----------------------------------------------------------------------------------------------------------
# The Atw calendar


def test_it_lists_every_atw_holiday_of_2026() -> None:
    # Easter 2026 is 5 April.
    assert CALENDAR.holidays(2026) == {
        date(2026, 1, 1): "Nieuwjaarsdag",
        date(2026, 4, 3): "Goede Vrijdag",
        date(2026, 4, 5): "Eerste Paasdag",
        date(2026, 4, 6): "Tweede Paasdag",
        date(2026, 4, 27): "Koningsdag",
        date(2026, 5, 5): "Bevrijdingsdag",
        date(2026, 5, 14): "Hemelvaartsdag",
        date(2026, 5, 24): "Eerste Pinksterdag",
        date(2026, 5, 25): "Tweede Pinksterdag",
        date(2026, 12, 25): "Eerste Kerstdag",
        date(2026, 12, 26): "Tweede Kerstdag",
    }


def test_it_moves_kings_day_to_saturday_26_april_when_the_27th_is_a_sunday() -> None:
    assert CALENDAR.holiday_name(date(2025, 4, 26)) == "Koningsdag"
    assert CALENDAR.holiday_name(date(2025, 4, 27)) is None


def test_it_treats_liberation_day_as_a_holiday_every_year_not_only_in_lustrum_years() -> None:
    for year in range(2020, 2040):
        assert CALENDAR.holiday_name(date(year, 5, 5)) == "Bevrijdingsdag"


def test_it_does_not_treat_sinterklaas_or_new_years_eve_as_holidays() -> None:
    assert CALENDAR.holiday_name(date(2026, 12, 5)) is None
    assert CALENDAR.holiday_name(date(2026, 12, 31)) is None
    assert not CALENDAR.is_non_working(date(2026, 12, 31))


def test_it_gives_the_dutch_reason_a_day_is_not_a_working_day() -> None:
    assert CALENDAR.non_working_reason(date(2026, 3, 7)) == "zaterdag"
    assert CALENDAR.non_working_reason(date(2026, 3, 8)) == "zondag"
    assert CALENDAR.non_working_reason(date(2026, 4, 5)) == "zondag (Eerste Paasdag)"
    assert CALENDAR.non_working_reason(date(2026, 5, 5)) == (
        "5 mei (Bevrijdingsdag) is een algemeen erkende feestdag (Atw art. 3)"
    )
    assert CALENDAR.non_working_reason(date(2026, 3, 9)) is None


def test_it_honours_a_day_equated_by_royal_decree() -> None:
    friday_after_ascension = date(2026, 5, 15)
    calendar = AtwCalendar(extra_days={friday_after_ascension: "vrijdag na Hemelvaartsdag"})

    without_decree = term_end(date(2026, 4, 3), "P6W", statutory=True)
    with_decree = term_end(date(2026, 4, 3), "P6W", statutory=True, calendar=calendar)

    assert without_decree.end_date == friday_after_ascension
    assert with_decree.end_date == date(2026, 5, 18)
    assert calendar.holiday_name(friday_after_ascension) == "vrijdag na Hemelvaartsdag"
    assert "bij koninklijk besluit gelijkgesteld" in with_decree.extensions[0].reason
    assert add_working_days(date(2026, 5, 13), 1, calendar) == date(2026, 5, 18)


def test_a_royal_decree_day_only_counts_in_its_own_year() -> None:
    calendar = AtwCalendar(extra_days={date(2026, 5, 15): "vrijdag na Hemelvaartsdag"})

    assert calendar.holiday_name(date(2027, 5, 15)) is None


def test_it_refuses_years_before_the_modelled_rules() -> None:
    with pytest.raises(CalendarError, match="vanaf 1990"):
        CALENDAR.is_non_working(date(1989, 12, 29))


def test_it_uses_queens_day_before_2014() -> None:
    assert CALENDAR.holiday_name(date(2013, 4, 30)) == "Koninginnedag"
    # 30 April 2006 was a Sunday; Koninginnedag was celebrated on Saturday 29 April.
    assert CALENDAR.holiday_name(date(2006, 4, 29)) == "Koninginnedag"


def test_it_refuses_a_datetime_because_its_calendar_day_depends_on_a_time_zone() -> None:
    with pytest.raises(TypeError):
        term_end(datetime(2026, 3, 24, 12, 0), "P6W", statutory=True)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2011, date(2011, 4, 24)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
        (2285, date(2285, 3, 22)),
    ],
)
def test_it_computes_gregorian_easter(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


@given(st.integers(1583, 9999))
def test_easter_is_a_sunday_between_22_march_and_25_april(year: int) -> None:
    easter = easter_sunday(year)

    assert easter.weekday() == 6
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)


# ----------------------------------------------------------------------------------------------------------
# Periods


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("P14D", Period(days=14)),
        ("P2W", Period(weeks=2)),
        ("P6W", Period(weeks=6)),
        ("P3M", Period(months=3)),
        ("P1Y", Period(years=1)),
        ("P1Y2M", Period(years=1, months=2)),
        (" p6w ", Period(weeks=6)),
    ],
)
def test_it_parses_iso_8601_durations(text: str, period: Period) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["", "6W", "P", "P-1D", "PT5H", "P0D", "abc", "P1DT2H", "P1.5W", "P6W3M"])
def test_it_rejects_a_duration_that_is_not_a_positive_iso_period_in_dutch(text: str) -> None:
    with pytest.raises(PeriodError, match=r"Ongeldige termijn .*gebruik een ISO 8601-duur zoals P14D"):
        parse_period(text)


def test_it_rejects_a_negative_or_empty_period_object() -> None:
    with pytest.raises(PeriodError, match="negatief"):
        Period(days=-1)
    with pytest.raises(PeriodError, match="ten minste één dag"):
        Period()


def test_it_labels_a_period_in_dutch() -> None:
    assert Period(weeks=6).label() == "6 weken"
    assert Period(years=1, months=2).label() == "1 jaar en 2 maanden"
    assert Period(days=1).label() == "1 dag"


@given(periods)
def test_a_period_survives_a_round_trip_through_iso(period: Period) -> None:
    assert parse_period(period.iso()) == period


# ----------------------------------------------------------------------------------------------------------
# Properties of term_end


# Atw art. 4 keeps terms in years and terms longer than three months, twelve weeks or ninety days out of
# arts. 1-2; the properties of the extension hold for the terms the Atw does extend (earlier versions of these
# properties asserted them for every statutory term, which extended a one-year term against the law).
atw_terms = st.tuples(event_dates, periods).filter(lambda pair: not atw_art4_exclusion(*pair))


@given(atw_terms)
def test_a_statutory_term_never_ends_on_a_saturday_sunday_or_holiday(pair: tuple[date, Period]) -> None:
    event, period = pair
    assert is_working(term_end(event, period, statutory=True).end_date)


@given(event_dates, periods)
def test_a_term_atw_art_4_excludes_ends_on_its_plain_end_and_says_why(event: date, period: Period) -> None:
    result = term_end(event, period, statutory=True)

    if atw_art4_exclusion(event, period):
        assert result.end_date == result.plain_end_date and result.extensions == ()
        assert "(Atw art. 4)" in result.explanation()


@given(event_dates, periods)
def test_a_statutory_term_never_ends_before_its_plain_end(event: date, period: Period) -> None:
    result = term_end(event, period, statutory=True)

    assert result.end_date >= result.plain_end_date == plain_end(event, period)


@given(event_dates, periods)
def test_a_statutory_term_of_three_days_or_more_contains_two_working_days(
    event: date, period: Period
) -> None:
    result = term_end(event, period, statutory=True)

    if (result.plain_end_date - event).days >= 3:
        assert working_days_in_term(event, result.end_date) >= 2


@given(atw_terms)
def test_a_statutory_term_is_extended_no_further_than_the_atw_requires(pair: tuple[date, Period]) -> None:
    event, period = pair
    result = term_end(event, period, statutory=True)
    needs_two = (result.plain_end_date - event).days >= 3
    earliest = result.plain_end_date
    while not is_working(earliest) or (needs_two and working_days_in_term(event, earliest) < 2):
        earliest += timedelta(days=1)

    assert result.end_date == earliest


@given(event_dates, periods)
def test_a_non_statutory_term_ends_on_its_plain_end(event: date, period: Period) -> None:
    result = term_end(event, period, statutory=False)

    assert result.end_date == result.plain_end_date
    assert result.extensions == ()


@given(event_dates, st.integers(1, 400))
def test_a_term_in_weeks_ends_on_the_same_weekday(event: date, weeks: int) -> None:
    assert plain_end(event, Period(weeks=weeks)).weekday() == event.weekday()


@given(event_dates, st.integers(1, 120))
def test_a_term_in_months_ends_on_the_same_day_number_or_the_last_day_of_a_shorter_month(
    event: date, months: int
) -> None:
    end = plain_end(event, Period(months=months))

    assert (end.year * 12 + end.month) - (event.year * 12 + event.month) == months
    next_month_first = (end.replace(day=28) + timedelta(days=4)).replace(day=1)
    assert end.day == event.day or (end.day < event.day and end + timedelta(days=1) == next_month_first)


# ----------------------------------------------------------------------------------------------------------
# Working days


def test_it_adds_working_days_over_a_weekend_and_holidays() -> None:
    # Thursday 24 December 2026 + 2 working days skips Christmas, Boxing Day and Sunday.
    assert add_working_days(date(2026, 12, 24), 2) == date(2026, 12, 29)
    assert add_working_days(date(2026, 3, 7), 0) == date(2026, 3, 7)


def test_it_refuses_a_negative_number_of_working_days() -> None:
    with pytest.raises(ValueError, match="werkdagen"):
        add_working_days(date(2026, 3, 9), -1)


def test_it_counts_working_days_after_start_up_to_and_including_end() -> None:
    # Friday 1 May 2026 to Friday 8 May 2026: Mon 4, Wed 6, Thu 7, Fri 8 (Tuesday 5 May is Bevrijdingsdag).
    assert working_days_between(date(2026, 5, 1), date(2026, 5, 8)) == 4
    assert working_days_between(date(2026, 5, 8), date(2026, 5, 1)) == -4
    assert working_days_between(date(2026, 5, 8), date(2026, 5, 8)) == 0


@given(event_dates, st.integers(1, 300))
def test_adding_working_days_lands_on_a_working_day(start: date, n: int) -> None:
    end = add_working_days(start, n)

    assert is_working(end)
    assert working_days_between(start, end) == n


@given(event_dates, st.integers(0, 800))
def test_counting_working_days_agrees_with_checking_each_day(start: date, span: int) -> None:
    end = start + timedelta(days=span)

    assert working_days_between(start, end) == working_days_in_term(start, end)
