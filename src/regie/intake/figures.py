"""What intake counts for monitoring (core.indicators): signals per category and source, and the response clock.

A signal's area is the postcode area (PC4) of the address it names, else of the address of the person it names;
with several, the lowest, so every signal counts in at most one area (decision 0012). Signals without either have
no area: they count only for the whole municipality.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db.models import Avg, Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Substr

from regie.core.indicators import (
    AVERAGE,
    SHARE,
    Figure,
    Indicator,
    breakdown,
    cross,
    indicators,
    moments,
    postcode_area,
    total,
)
from regie.intake.models import Signal, SignalSubject, Source


def _source_label(code: str) -> str:
    return Source(code).label if code in Source.values else code


def _pc4() -> Coalesce:
    """The four postcode digits of a signal's area (NULL without an address): an address subject first."""
    subjects = SignalSubject.objects.filter(signal=OuterRef("pk"))
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


def per_area(signals: QuerySet[Signal]) -> list[Figure]:
    """The count per postcode area (signals without an area left out)."""
    rows = signals.annotate(pc4=_pc4()).values_list("pc4").annotate(n=Count("id")).order_by()
    return [Figure(value=n, base=n, area=postcode_area(pc4)) for pc4, n in rows if pc4]


def _received(start: date, end: date) -> Sequence[Figure]:
    since, until = moments(start, end)
    signals = Signal.objects.filter(received_at__gte=since, received_at__lt=until, merged_into__isnull=True)
    by_both = signals.values_list("category__label", "source").annotate(n=Count("id")).order_by()
    pairs = [(category or "", _source_label(source), n) for category, source, n in by_both]
    by_category: dict[str, int] = {}
    by_source: dict[str, int] = {}
    for category, source, n in pairs:
        by_category[category] = by_category.get(category, 0) + n
        by_source[source] = by_source.get(source, 0) + n
    return [
        total(sum(by_source.values())),
        *breakdown(sorted(by_category.items()), "Categorie"),
        *breakdown(sorted(by_source.items()), "Bron"),
        *cross(pairs, "Categorie", "Bron"),
        *per_area(signals),
    ]


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
