"""What the procedures count for monitoring (core.indicators): procedures started and ended per kind, and the
share of the municipality's own action deadlines met in time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db.models import Count, F, Q

from regie.core.indicators import SHARE, Figure, Indicator, breakdown, indicators, total
from regie.procedures.models import Deadline, DeadlineKind, DeadlineStatus, Procedure


def _started(start: date, end: date) -> Sequence[Figure]:
    procedures = Procedure.objects.filter(started_on__gte=start, started_on__lt=end)
    per_kind = procedures.values_list("definition__label").annotate(n=Count("id")).order_by()
    return [total(procedures.count()), *breakdown(list(per_kind), "Soort procedure")]


def _ended(start: date, end: date) -> Sequence[Figure]:
    procedures = Procedure.objects.filter(ended_on__gte=start, ended_on__lt=end)
    per_kind = procedures.values_list("definition__label").annotate(n=Count("id")).order_by()
    per_status = procedures.values_list("status").annotate(n=Count("id")).order_by()
    labels = {"afgerond": "Afgerond", "ingetrokken": "Ingetrokken", "lopend": "Lopend"}
    return [
        total(procedures.count()),
        *breakdown(list(per_kind), "Soort procedure"),
        *breakdown([(labels.get(code, code), n) for code, n in per_status], "Afloop"),
    ]


def _deadlines_met(start: date, end: date) -> Sequence[Figure]:
    """Of the municipality's own action deadlines due this month and settled or expired: the share met in time."""
    due = Deadline.objects.filter(
        kind=DeadlineKind.ACTION,
        due_date__gte=start,
        due_date__lt=end,
        status__in=[DeadlineStatus.MET, DeadlineStatus.EXPIRED],
    )
    counts = due.aggregate(
        n=Count("id"),
        met=Count("id", filter=Q(status=DeadlineStatus.MET, settled_at__date__lte=F("due_date"))),
    )
    n = counts["n"] or 0
    return [Figure(value=round(100 * counts["met"] / n, 1) if n else 0.0, base=n)]


def register() -> None:
    indicators.register(
        Indicator(
            "procedures.started",
            "procedures",
            "Gestarte procedures",
            "Juridische procedures (handhaving, 13b Opiumwet, BRP-adresonderzoek) die in de maand zijn gestart.",
            _started,
            unit="procedures",
        )
    )
    indicators.register(
        Indicator(
            "procedures.ended",
            "procedures",
            "Beëindigde procedures",
            "Procedures die in de maand zijn afgerond of ingetrokken, per soort en afloop.",
            _ended,
            unit="procedures",
        )
    )
    indicators.register(
        Indicator(
            "procedures.deadlines_met",
            "procedures",
            "Eigen termijnen gehaald",
            "Van de termijnen voor een handeling van de gemeente die in de maand afliepen: het deel dat op tijd "
            "is afgehandeld.",
            _deadlines_met,
            kind=SHARE,
            unit="%",
            rise_is_good=True,
        )
    )
