"""Reads of anonymous self-check figures and campaigns, with small numbers suppressed (domain.md).

Counts of 1-4 are shown as "< 5". A month row shows a count per check and a total; when one check's count is
hidden, the other is hidden as well (otherwise total minus the other gives it away), and the year total is only
given when no month total is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Avg, Count, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from regie.digital.content import CHECK_KINDS
from regie.digital.models import Campaign, SelfCheckResult

SMALL = 5
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")  # fmt: skip


@dataclass(frozen=True)
class Cell:
    """A count as published: `value` None when it is hidden."""

    value: int | None

    @property
    def hidden(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        return "< 5" if self.value is None else str(self.value)


def cell(count: int) -> Cell:
    return Cell(None if 0 < count < SMALL else count)


@dataclass
class MonthRow:
    month: date
    label: str
    per_kind: dict[str, Cell]
    total: Cell
    raw_total: int = field(repr=False, default=0)  # for the bar width only, never printed


def month_label(month: date) -> str:
    return f"{MONTHS[month.month - 1]} {month.year}"


def _months_back(count: int, today: date) -> list[date]:
    first = today.replace(day=1)
    months = []
    for _ in range(count):
        months.append(first)
        first = (first.replace(day=1) - date.resolution).replace(day=1)
    return list(reversed(months))


def _results(municipality_id: Any, campaign: Campaign | None = None) -> QuerySet[SelfCheckResult]:
    qs = SelfCheckResult.objects.filter(municipality_id=municipality_id)
    return qs.filter(campaign=campaign) if campaign is not None else qs


def monthly(municipality_id: Any, *, months: int = 12, campaign: Campaign | None = None) -> list[MonthRow]:
    """Completed checks per month and per check over the last months, suppressed."""
    months_list = _months_back(months, timezone.localdate())
    counts: dict[tuple[date, str], int] = {}
    rows = (
        _results(municipality_id, campaign)
        .filter(submitted_on__gte=months_list[0])
        .annotate(month=TruncMonth("submitted_on"))
        .values("month", "kind")
        .annotate(n=Count("id"))
    )
    for row in rows:
        month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
        counts[(month, row["kind"])] = row["n"]
    out = []
    for month in months_list:
        per_kind = {kind: cell(counts.get((month, kind), 0)) for kind in CHECK_KINDS}
        if sum(c.hidden for c in per_kind.values()) == 1:  # secondary suppression
            per_kind = {kind: Cell(None) if c.value else c for kind, c in per_kind.items()}
        total = sum(counts.get((month, kind), 0) for kind in CHECK_KINDS)
        out.append(MonthRow(month, month_label(month), per_kind, cell(total), total))
    return out


def year_total(rows: list[MonthRow]) -> int | None:
    """The sum of the months, only when no month total is hidden."""
    if any(r.total.hidden for r in rows):
        return None
    return sum(r.total.value or 0 for r in rows)


def topic_averages(
    municipality_id: Any, kind: str, *, since: date | None = None
) -> tuple[int, list[dict[str, Any]]]:
    """Average score per topic for a check (from at least 5 results, else nothing), with the number of results."""
    qs = _results(municipality_id).filter(kind=kind)
    if since is not None:
        qs = qs.filter(submitted_on__gte=since)
    results = list(qs.values_list("topic_scores", flat=True)[:20000])
    if len(results) < SMALL:
        return len(results), []
    sums: dict[str, list[int]] = {}
    for scores in results:
        for topic, value in scores.items():
            pair = sums.setdefault(topic, [0, 0])
            pair[0] += int(value)
            pair[1] += 1
    return len(results), [{"topic": t, "average": round(s / n)} for t, (s, n) in sums.items() if n >= SMALL]


@dataclass
class CampaignFigures:
    campaign: Campaign
    results: Cell
    average_score: int | None
    reach: int


def campaign_figures(municipality_id: Any) -> list[CampaignFigures]:
    """Per campaign: checks completed through its link (suppressed), their average score and its reach."""
    campaigns = Campaign.objects.filter(municipality_id=municipality_id).annotate(
        n=Count("results"), avg=Avg("results__score")
    )
    return [
        CampaignFigures(
            campaign=c,
            results=cell(c.n),
            average_score=round(c.avg) if c.avg is not None and c.n >= SMALL else None,
            reach=c.attendees + c.leaflets + c.views,
        )
        for c in campaigns
    ]


def campaigns_of(municipality_id: Any) -> QuerySet[Campaign]:
    return Campaign.objects.filter(municipality_id=municipality_id)
