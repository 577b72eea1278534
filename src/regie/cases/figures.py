"""What cases count for monitoring (core.indicators): cases opened and closed per case type, open at month end.

A case's area is the postcode area (PC4) of the address in the case, else of the address of a person in it; with
several, the lowest, so every case counts in at most one area (decision 0012). Opened and closed cases are counted
per area; the cases open at month end only for the whole municipality (a stock of hundreds of thousands of cases
at national size, too costly to place month by month).

`cases_behind` narrows a queryset of cases to those behind one figure, with the same filters as the count: the
drill-down applies it to the cases the user may see (access.case_access), never to all cases.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Substr

from regie.cases.models import Case, CaseSubject
from regie.core.indicators import Figure, Indicator, breakdown, indicators, moments, postcode_area, total

TYPE = "Casustype"


def _pc4() -> Coalesce:
    """The four postcode digits of a case's area (NULL without an address): an address in the case first."""
    subjects = CaseSubject.objects.filter(case=OuterRef("pk"))
    via_address = (
        subjects.filter(address__isnull=False)
        .annotate(pc4=Substr("address__postcode", 1, 4))
        .order_by("pc4")
        .values("pc4")[:1]
    )
    via_person = (
        subjects.filter(person__address__isnull=False)
        .annotate(pc4=Substr("person__address__postcode", 1, 4))
        .order_by("pc4")
        .values("pc4")[:1]
    )
    return Coalesce(Subquery(via_address), Subquery(via_person))


def _opened_in(cases: QuerySet[Case], start: date, end: date) -> QuerySet[Case]:
    since, until = moments(start, end)
    return cases.filter(created_at__gte=since, created_at__lt=until)


def _closed_in(cases: QuerySet[Case], start: date, end: date) -> QuerySet[Case]:
    since, until = moments(start, end)
    return cases.filter(closed_at__gte=since, closed_at__lt=until)


def _open_at_end_of(cases: QuerySet[Case], start: date, end: date) -> QuerySet[Case]:
    _, until = moments(start, end)
    return cases.filter(Q(closed_at__isnull=True) | Q(closed_at__gte=until), created_at__lt=until)


def _figures(cases: QuerySet[Case], *, areas: bool) -> list[Figure]:
    per_type = cases.values_list("case_type__label").annotate(n=Count("id")).order_by()
    figures = [total(cases.count()), *breakdown(list(per_type), TYPE)]
    if areas:
        rows = cases.annotate(pc4=_pc4()).values_list("pc4").annotate(n=Count("id")).order_by()
        figures += [Figure(value=n, base=n, area=postcode_area(pc4)) for pc4, n in rows if pc4]
    return figures


def _opened(start: date, end: date) -> Sequence[Figure]:
    return _figures(_opened_in(Case.objects.all(), start, end), areas=True)


def _closed(start: date, end: date) -> Sequence[Figure]:
    return _figures(_closed_in(Case.objects.all(), start, end), areas=True)


def _open_at_end(start: date, end: date) -> Sequence[Figure]:
    return _figures(_open_at_end_of(Case.objects.all(), start, end), areas=False)


SELECTIONS: dict[str, Callable[[QuerySet[Case], date, date], QuerySet[Case]]] = {
    "cases.opened": _opened_in,
    "cases.closed": _closed_in,
    "cases.open": _open_at_end_of,
}


def cases_behind(
    cases: QuerySet[Case], code: str, start: date, end: date, *, member: str = "", area: str = ""
) -> QuerySet[Case] | None:
    """The cases of `cases` behind one figure of a case indicator (None for an indicator without cases behind
    it): the month [start, end), optionally one case type (`member`, its label) and one area."""
    select = SELECTIONS.get(code)
    if select is None:
        return None
    chosen = select(cases, start, end)
    if member:
        chosen = chosen.filter(case_type__label=member)
    if area:
        chosen = chosen.annotate(pc4=_pc4()).filter(pc4=area.removeprefix("Postcode ")[:4])
    return chosen


def register() -> None:
    for code, label, description, compute, stock in (
        ("cases.opened", "Nieuwe casussen", "Casussen die in de maand zijn aangemaakt.", _opened, False),
        ("cases.closed", "Afgesloten casussen", "Casussen die in de maand zijn afgesloten.", _closed, False),
        (
            "cases.open",
            "Lopende casussen",
            "Casussen die aan het eind van de maand liepen (aangemaakt en nog niet afgesloten).",
            _open_at_end,
            True,
        ),
    ):
        indicators.register(
            Indicator(code, "zorg", label, description, compute, unit="casussen", stock=stock)
        )
