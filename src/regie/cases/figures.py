"""What cases count for monitoring (core.indicators): cases opened and closed per case type, open at month end."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db.models import Count, Q

from regie.cases.models import Case
from regie.core.indicators import Figure, Indicator, breakdown, indicators, moments, total


def _opened(start: date, end: date) -> Sequence[Figure]:
    since, until = moments(start, end)
    cases = Case.objects.filter(created_at__gte=since, created_at__lt=until)
    per_type = cases.values_list("case_type__label").annotate(n=Count("id")).order_by()
    return [total(cases.count()), *breakdown(list(per_type), "Casustype")]


def _closed(start: date, end: date) -> Sequence[Figure]:
    since, until = moments(start, end)
    cases = Case.objects.filter(closed_at__gte=since, closed_at__lt=until)
    per_type = cases.values_list("case_type__label").annotate(n=Count("id")).order_by()
    return [total(cases.count()), *breakdown(list(per_type), "Casustype")]


def _open_at_end(start: date, end: date) -> Sequence[Figure]:
    _, until = moments(start, end)
    cases = Case.objects.filter(Q(closed_at__isnull=True) | Q(closed_at__gte=until), created_at__lt=until)
    per_type = cases.values_list("case_type__label").annotate(n=Count("id")).order_by()
    return [total(cases.count()), *breakdown(list(per_type), "Casustype")]


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
