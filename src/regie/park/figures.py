"""What the park counts for monitoring (core.indicators): lots per residence status at month end, per park.

The permanent-residence curve falling is the agenda's effect: the figure per park is the number of lots, never who
lives there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from django.db.models import Count

from regie.core.indicators import Figure, Indicator, indicators
from regie.park.models import Inspection, ParkLot, ResidenceStatus, ResidenceStatusChange


def _lots_by_status(start: date, end: date) -> Sequence[Figure]:
    last_day = end - timedelta(days=1)
    latest = (
        ResidenceStatusChange.objects.filter(on_date__lte=last_day)
        .order_by("lot_id", "-on_date", "-created_at")
        .distinct("lot_id")
        .values_list("lot_id", "status")
    )
    status_of = dict(latest)
    counts: dict[str, Counter[str]] = {}
    for lot_id, park_name in ParkLot.objects.values_list("pk", "park__name"):
        status = status_of.get(lot_id, ResidenceStatus.UNKNOWN.value)
        counts.setdefault(park_name, Counter())[ResidenceStatus(status).label] += 1
    figures: list[Figure] = []
    overall: Counter[str] = Counter()
    for park_name, per_status in counts.items():
        overall.update(per_status)
        figures += [Figure(n, n, "Bewoningsstatus", label, park_name) for label, n in per_status.items()]
        permanent = per_status.get(ResidenceStatus.PERMANENT.label, 0)
        figures.append(Figure(permanent, permanent, area=park_name))
    figures += [Figure(n, n, "Bewoningsstatus", label) for label, n in overall.items()]
    permanent = overall.get(ResidenceStatus.PERMANENT.label, 0)
    figures.append(Figure(permanent, permanent))
    return figures


def _inspections(start: date, end: date) -> Sequence[Figure]:
    done = Inspection.objects.filter(inspected_on__gte=start, inspected_on__lt=end)
    per_park = done.values_list("lot__park__name").annotate(n=Count("id")).order_by()
    return [Figure(done.count(), done.count())] + [Figure(n, n, area=name) for name, n in per_park]


def register() -> None:
    indicators.register(
        Indicator(
            "park.permanent_residence",
            "ondermijning",
            "Kavels met vastgestelde permanente bewoning",
            "Aantal kavels waarop aan het eind van de maand permanente bewoning was vastgesteld; daaronder alle "
            "kavels per bewoningsstatus. Per park te filteren.",
            _lots_by_status,
            unit="kavels",
            stock=True,
            rise_is_good=False,
        )
    )
    indicators.register(
        Indicator(
            "park.inspections",
            "ondermijning",
            "Kavelinspecties",
            "Inspecties van kavels die in de maand zijn uitgevoerd, per park te filteren.",
            _inspections,
            unit="inspecties",
        )
    )
