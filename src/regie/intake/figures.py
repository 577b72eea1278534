"""What intake counts for monitoring (core.indicators): signals per category and source, and the response clock."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db.models import Avg, Count, F, Q

from regie.core.indicators import AVERAGE, SHARE, Figure, Indicator, breakdown, indicators, moments, total
from regie.intake.models import Signal, Source


def _received(start: date, end: date) -> Sequence[Figure]:
    since, until = moments(start, end)
    signals = Signal.objects.filter(received_at__gte=since, received_at__lt=until, merged_into__isnull=True)
    by_category = signals.values_list("category__label").annotate(n=Count("id")).order_by()
    by_source = signals.values_list("source").annotate(n=Count("id")).order_by()
    sources = [(Source(code).label if code in Source.values else code, n) for code, n in by_source]
    return [total(signals.count()), *breakdown(list(by_category), "Categorie"), *breakdown(sources, "Bron")]


def _on_time(start: date, end: date) -> Sequence[Figure]:
    """Of the signals whose first action fell due this month: the share acted on in time (in %)."""
    since, until = moments(start, end)
    due = Signal.objects.filter(first_action_due_at__gte=since, first_action_due_at__lt=until)
    counts = due.aggregate(
        n=Count("id"), in_time=Count("id", filter=Q(first_action_at__lte=F("first_action_due_at")))
    )
    n = counts["n"] or 0
    return [Figure(value=round(100 * counts["in_time"] / n, 1) if n else 0.0, base=n)]


def _days_to_action(start: date, end: date) -> Sequence[Figure]:
    """Of the signals received this month and acted on: the average number of days until the first action."""
    since, until = moments(start, end)
    acted = Signal.objects.filter(
        received_at__gte=since, received_at__lt=until, first_action_at__isnull=False
    )
    result = acted.aggregate(n=Count("id"), span=Avg(F("first_action_at") - F("received_at")))
    span = result["span"]
    return [Figure(value=round(span.total_seconds() / 86400, 1) if span else 0.0, base=result["n"] or 0)]


def register() -> None:
    indicators.register(
        Indicator(
            "signals.received",
            "signalen",
            "Ontvangen signalen",
            "Signalen die in de maand binnenkwamen (samengevoegde dubbele meldingen tellen één keer).",
            _received,
            unit="signalen",
        )
    )
    indicators.register(
        Indicator(
            "signals.first_action_on_time",
            "signalen",
            "Eerste actie op tijd",
            "Van de signalen waarvan de termijn voor de eerste actie in de maand afliep: het deel dat op tijd is "
            "opgepakt, tegen de beloofde reactietijd van de categorie.",
            _on_time,
            kind=SHARE,
            unit="%",
            rise_is_good=True,
        )
    )
    indicators.register(
        Indicator(
            "signals.days_to_first_action",
            "signalen",
            "Dagen tot eerste actie",
            "Gemiddeld aantal dagen tussen ontvangst en eerste actie, voor de signalen van de maand die zijn opgepakt.",
            _days_to_action,
            kind=AVERAGE,
            unit="dagen",
            rise_is_good=False,
        )
    )
