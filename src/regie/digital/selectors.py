"""Reads of anonymous self-check figures and campaigns, with small numbers suppressed (domain.md).

The product's one suppression policy (core.suppression): counts of 1-4 are shown as "< 5", and in the table of
months × checks a lone hidden cell takes a second one of its row or column with it, so no total gives it away;
the year total is only given when no month total is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from regie.core.suppression import Cell, count_cell, measure_cell, suppress_table, threshold
from regie.digital.content import CHECK_KINDS
from regie.digital.models import Campaign, ContentKind, SelfCheckResult

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")  # fmt: skip


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


def pinned(campaign: Campaign) -> Q:
    """The results a campaign counts: those of each linked check at the version the campaign is pinned to."""
    condition = Q(pk__in=[])
    for kind, version in (campaign.check_versions or {}).items():
        condition |= Q(kind=kind, content_version=version)
    return condition


def _results(municipality_id: Any, campaign: Campaign | None = None) -> QuerySet[SelfCheckResult]:
    qs = SelfCheckResult.objects.filter(municipality_id=municipality_id)
    return qs.filter(pinned(campaign), campaign=campaign) if campaign is not None else qs


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
    grid = [[counts.get((month, kind), 0) for kind in CHECK_KINDS] for month in months_list]
    cells, totals, _, _ = suppress_table(grid)
    return [
        MonthRow(month, month_label(month), dict(zip(CHECK_KINDS, row, strict=True)), total, sum(counts_of_month))
        for month, row, total, counts_of_month in zip(months_list, cells, totals, grid, strict=True)
    ]


def year_total(rows: list[MonthRow]) -> int | None:
    """The sum of the months, only when no month total is hidden."""
    if any(r.total.hidden for r in rows):
        return None
    return int(sum(r.total.value or 0 for r in rows))


def topic_averages(
    municipality_id: Any, kind: str, *, since: date | None = None
) -> tuple[int, list[dict[str, Any]]]:
    """Average score per topic for a check (from at least 5 results, else nothing), with the number of results."""
    qs = _results(municipality_id).filter(kind=kind)
    if since is not None:
        qs = qs.filter(submitted_on__gte=since)
    results = list(qs.values_list("topic_scores", flat=True)[:20000])
    if len(results) < threshold():
        return len(results), []
    sums: dict[str, list[int]] = {}
    for scores in results:
        for topic, value in scores.items():
            pair = sums.setdefault(topic, [0, 0])
            pair[0] += int(value)
            pair[1] += 1
    return len(results), [{"topic": t, "average": round(s / n)} for t, (s, n) in sums.items() if n >= threshold()]


@dataclass
class CampaignFigures:
    campaign: Campaign
    results: Cell
    average_score: int | None
    reach: int

    @property
    def pinned_label(self) -> str:
        """The check versions counted, in words ("Check voor inwoners, versie 2")."""
        labels = dict(ContentKind.choices)
        pins = self.campaign.check_versions or {}
        return "; ".join(f"{labels.get(kind, kind)}, versie {version}" for kind, version in sorted(pins.items()))


def campaign_figures(municipality_id: Any) -> list[CampaignFigures]:
    """Per campaign: checks completed through its link (suppressed), their average score and its reach."""
    campaigns = list(Campaign.objects.filter(municipality_id=municipality_id))
    counted: dict[Any, list[int]] = {c.pk: [0, 0] for c in campaigns}
    pins = {c.pk: c.check_versions or {} for c in campaigns}
    groups = (
        SelfCheckResult.objects.filter(campaign__in=campaigns)
        .values_list("campaign_id", "kind", "content_version")
        .annotate(n=Count("id"), points=Sum("score"))
        .order_by()
    )
    for campaign_id, kind, version, n, points in groups:
        if pins[campaign_id].get(kind) == version:  # only the version the campaign is pinned to
            counted[campaign_id][0] += n
            counted[campaign_id][1] += points or 0
    return [
        CampaignFigures(
            campaign=c,
            results=count_cell(counted[c.pk][0]),
            average_score=round(counted[c.pk][1] / counted[c.pk][0])
            if counted[c.pk][0] >= threshold()
            else None,
            reach=c.attendees + c.leaflets + c.views,
        )
        for c in campaigns
    ]


def campaigns_of(municipality_id: Any) -> QuerySet[Campaign]:
    return Campaign.objects.filter(municipality_id=municipality_id)


NO_AREA = "Niet opgegeven"


@dataclass
class AreaRow:
    area: str  # four digits, or "" when the resident gave none
    label: str
    per_kind: dict[str, Cell]
    total: Cell
    average_score: Cell


@dataclass
class AreaTable:
    rows: list[AreaRow]
    per_kind: dict[str, Cell]  # column totals
    total: Cell


def postcode_areas(municipality_id: Any, *, months: int = 12, campaign: Campaign | None = None) -> AreaTable:
    """Completed checks per postcode area (PC4, when the resident chose to give it) and check, over the last months.

    One table under the product's suppression policy: counts of 1-4 hidden, with secondary suppression over rows,
    columns and totals; an area's average score only from at least 5 results. An area with no results has no row.
    """
    since = _months_back(months, timezone.localdate())[0]
    groups = (
        _results(municipality_id, campaign)
        .filter(submitted_on__gte=since)
        .values_list("postcode_area", "kind")
        .annotate(n=Count("id"), points=Sum("score"))
        .order_by()
    )
    counts: dict[tuple[str, str], int] = {}
    points: dict[str, int] = {}
    for area, kind, n, total_points in groups:
        counts[(area, kind)] = n
        points[area] = points.get(area, 0) + (total_points or 0)
    areas = sorted({area for area, _ in counts}, key=lambda a: (a == "", a))
    grid = [[counts.get((area, kind), 0) for kind in CHECK_KINDS] for area in areas]
    cells, totals, column_totals, grand = suppress_table(grid) if grid else ([], [], [], count_cell(0))
    rows = []
    for area, row, total, raw in zip(areas, cells, totals, grid, strict=True):
        n = sum(raw)
        rows.append(
            AreaRow(
                area=area,
                label=area or NO_AREA,
                per_kind=dict(zip(CHECK_KINDS, row, strict=True)),
                total=total,
                average_score=measure_cell(points[area] / n if n else 0, n, decimals=0),
            )
        )
    column_cells = column_totals or [count_cell(0) for _ in CHECK_KINDS]
    return AreaTable(rows=rows, per_kind=dict(zip(CHECK_KINDS, column_cells, strict=True)), total=grand)
