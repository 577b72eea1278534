"""What the case meetings count for monitoring (core.indicators): meetings held per series, cases discussed, and
agreements made and done — never which case or who."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db.models import Count, F, Q

from regie.core.indicators import SHARE, Figure, Indicator, breakdown, indicators, moments, total
from regie.meetings.models import AgendaItem, AgreedAction, Meeting


def _meetings(start: date, end: date) -> Sequence[Figure]:
    since, until = moments(start, end)
    held = Meeting.objects.filter(starts_at__gte=since, starts_at__lt=until)
    per_series = held.values_list("series__name").annotate(n=Count("id")).order_by()
    discussed = AgendaItem.objects.filter(meeting__in=held).count()
    return [
        total(held.count()),
        *breakdown(list(per_series), "Overleg"),
        *breakdown([("Besproken casussen", discussed)], "Agenda"),
    ]


def _agreements_done(start: date, end: date) -> Sequence[Figure]:
    """Of the agreements due this month: the share done by their due date (in %)."""
    due = AgreedAction.objects.filter(task__due_date__gte=start, task__due_date__lt=end)
    counts = due.aggregate(
        n=Count("id"), done=Count("id", filter=Q(task__done_at__date__lte=F("task__due_date")))
    )
    n = counts["n"] or 0
    return [Figure(round(100 * counts["done"] / n, 1) if n else 0.0, n)]


def register() -> None:
    indicators.register(
        Indicator(
            "meetings.held",
            "zorg",
            "Casusoverleggen",
            "Overleggen die in de maand zijn gehouden, per overleg, en het aantal besproken casussen.",
            _meetings,
            unit="overleggen",
        )
    )
    indicators.register(
        Indicator(
            "meetings.agreements_on_time",
            "zorg",
            "Afspraken op tijd uitgevoerd",
            "Van de afspraken uit "
            "overleggen die in de maand klaar moesten zijn: het deel dat op tijd is gedaan.",
            _agreements_done,
            kind=SHARE,
            unit="%",
            rise_is_good=True,
        )
    )
