"""Reading the rollups for dashboards, CSV, the API and the council report — suppressed, in one query per view.

Nothing here reads a live table: only `RollupValue`, which holds counts and averages, never a person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from regie.core.charts import Series, line_chart, month_label
from regie.core.indicators import COUNT, CROSS, SHARE, THEMES, Indicator, indicators
from regie.core.suppression import Cell, count_cell, measure_cell, suppress_table
from regie.monitoring.models import RollupRun, RollupValue
from regie.monitoring.services.rollups import (
    add_months,
    last_computed,
    month_start,
    months_between,
    parse_month,
)

MAX_MONTHS = 36
DEFAULT_MONTHS = 12

Key = tuple[str, str, date]  # (dimension, member, month)


def indicators_of(theme: str) -> list[Indicator]:
    return [i for i in indicators if i.theme == theme]


def indicator_by_code(code: str) -> Indicator | None:
    return next((i for i in indicators if i.code == code), None)


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    @property
    def months(self) -> list[date]:
        return months_between(self.first, self.last)

    @property
    def label(self) -> str:
        return f"{month_label(self.first)} t/m {month_label(self.last)}"


def period_from(
    van: str | None, tot: str | None, *, today: date, default_months: int = DEFAULT_MONTHS
) -> Period:
    """The period of a dashboard from its filters (JJJJ-MM), by default the last twelve months; Dutch errors."""
    last = parse_month(tot) if tot else month_start(today)
    first = parse_month(van) if van else add_months(last, -(default_months - 1))
    errors = {}
    if first > last:
        errors["van"] = "De beginmaand ligt na de eindmaand; kies een eerdere beginmaand."
    elif len(months_between(first, last)) > MAX_MONTHS:
        errors["van"] = f"Kies een periode van hoogstens {MAX_MONTHS} maanden."
    if last > month_start(today):
        errors["tot"] = "De eindmaand ligt in de toekomst; kies deze maand of eerder."
    if errors:
        raise ValidationError(errors)
    return Period(first, last)


def cell_for(indicator: Indicator, value: float | None, base: int) -> Cell:
    """One figure as shown: counts suppressed below the threshold, averages and shares over too few hidden."""
    if value is None:
        return Cell(0.0, "0") if indicator.kind == COUNT else Cell(None, "–", hidden=True)
    if indicator.kind == COUNT:
        return count_cell(value)
    return measure_cell(value, base, suffix=" %" if indicator.kind == SHARE else "")


@dataclass
class Breakdown:
    dimension: str
    members: list[str]
    cells: list[list[Cell]]  # per member, per month
    member_totals: list[Cell]  # per member over the period (counts only)
    month_totals: list[Cell]
    grand_total: Cell | None

    @property
    def rows(self) -> list[dict[str, Any]]:
        totals: list[Cell | None] = list(self.member_totals) or [None] * len(self.members)
        return [
            {"member": member, "cells": cells, "total": total}
            for member, cells, total in zip(self.members, self.cells, totals, strict=True)
        ]


@dataclass
class CrossTable:
    """Two dimensions at a time over the whole period (a flow summed, a stock at its last month), suppressed as one
    table with its row and column totals: a hidden cell cannot be recomputed from either."""

    first: str
    second: str
    rows: list[str]
    columns: list[str]
    cells: list[list[Cell]]
    row_totals: list[Cell]
    column_totals: list[Cell]
    grand_total: Cell

    @property
    def lines(self) -> list[dict[str, Any]]:
        return [
            {"member": member, "cells": cells, "total": total}
            for member, cells, total in zip(self.rows, self.cells, self.row_totals, strict=True)
        ]


@dataclass
class IndicatorView:
    indicator: Indicator
    months: list[date]
    totals: list[Cell]  # the indicator's own figure per month
    breakdowns: list[Breakdown] = field(default_factory=list)
    chart: dict[str, object] = field(default_factory=dict)
    crosses: list[CrossTable] = field(default_factory=list)

    @property
    def month_labels(self) -> list[str]:
        return [month_label(m) for m in self.months]


def _values(
    codes: Iterable[str], period: Period, area: str, themes: Iterable[str]
) -> dict[str, dict[Key, tuple[float, int]]]:
    # The themes let the planner read (theme, area, month) rows only: an area's figures are most of the table.
    rows = RollupValue.objects.filter(
        theme__in=sorted(set(themes)),
        indicator__in=list(codes),
        month__gte=period.first,
        month__lte=period.last,
        area=area,
    ).values_list("indicator", "dimension", "member", "month", "value", "base")
    found: dict[str, dict[Key, tuple[float, int]]] = defaultdict(dict)
    for code, dimension, member, month, value, base in rows:
        found[code][(dimension, member, month)] = (value, base)
    return found


def _breakdown(
    indicator: Indicator, dimension: str, values: dict[Key, tuple[float, int]], months: list[date]
) -> Breakdown:
    """One breakdown over the months: counts as a suppressed table (a flow with member totals; a stock without,
    since its months do not add up), averages and shares cell by cell."""
    members = sorted({m for (d, m, _) in values if d == dimension})
    if indicator.kind != COUNT:
        cells = [
            [cell_for(indicator, *values.get((dimension, member, month), (None, 0))) for month in months]
            for member in members
        ]
        return Breakdown(dimension, members, cells, [], [], None)
    grid = [
        [int(values.get((dimension, member, month), (0, 0))[0]) for month in months] for member in members
    ]
    cells, member_totals, month_totals, grand = suppress_table(grid)
    if indicator.stock:
        return Breakdown(dimension, members, cells, [], month_totals, None)
    return Breakdown(dimension, members, cells, member_totals, month_totals, grand)


def _cross(
    indicator: Indicator, dimension: str, values: dict[Key, tuple[float, int]], months: list[date]
) -> CrossTable:
    first, second = dimension.split(CROSS, 1)
    counted = months[-1:] if indicator.stock else months
    sums: dict[tuple[str, str], int] = defaultdict(int)
    for (d, member, month), (value, _) in values.items():
        if d == dimension and month in counted:
            a, _, b = member.partition(CROSS)
            sums[(a, b)] += int(value)
    rows = sorted({a for a, _ in sums})
    columns = sorted({b for _, b in sums})
    grid = [[sums.get((a, b), 0) for b in columns] for a in rows]
    cells, row_totals, column_totals, grand = suppress_table(grid)
    return CrossTable(first, second, rows, columns, cells, row_totals, column_totals, grand)


def indicator_views(codes: Sequence[Indicator], period: Period, area: str = "") -> list[IndicatorView]:
    """Each indicator over the period: its own figure per month, its breakdowns, and a chart of what may show."""
    values = _values([i.code for i in codes], period, area, [i.theme for i in codes])
    months = period.months
    views = []
    for indicator in codes:
        own = values.get(indicator.code, {})
        totals = [cell_for(indicator, *own.get(("", "", m), (None, 0))) for m in months]
        dimensions = sorted({d for (d, _, _) in own if d})
        view = IndicatorView(
            indicator,
            months,
            totals,
            [_breakdown(indicator, d, own, months) for d in dimensions if CROSS not in d],
        )
        if indicator.kind == COUNT:
            view.crosses = [_cross(indicator, d, own, months) for d in dimensions if CROSS in d]
        view.chart = line_chart(months, [Series("totaal", indicator.label, [c.value for c in totals])])
        views.append(view)
    return views


def areas_of(theme: str, run: RollupRun | None = None) -> list[str]:
    """The areas with figures for a theme, as the last run found them (decision 0012)."""
    run = run or last_computed()
    return list(run.areas.get(theme, [])) if run else []


def theme_labels() -> dict[str, str]:
    present = {i.theme for i in indicators}
    return {code: label for code, label in THEMES.items() if code in present}


def csv_rows(views: list[IndicatorView]) -> list[list[str]]:
    """Exactly what the page shows, one line per figure: indicator, breakdown, member, month, value as shown."""
    rows = [["indicator", "uitsplitsing", "onderdeel", "maand", "waarde", "eenheid"]]
    for view in views:
        unit = view.indicator.unit
        for month, cell in zip(view.months, view.totals, strict=True):
            rows.append([view.indicator.label, "", "", month.isoformat()[:7], cell.text, unit])
        for b in view.breakdowns:
            for member, cells in zip(b.members, b.cells, strict=True):
                for month, cell in zip(view.months, cells, strict=True):
                    rows.append(
                        [view.indicator.label, b.dimension, member, month.isoformat()[:7], cell.text, unit]
                    )
        span = (
            f"{view.months[0].isoformat()[:7]} t/m {view.months[-1].isoformat()[:7]}" if view.months else ""
        )
        if view.indicator.stock and view.months:
            span = view.months[-1].isoformat()[:7]
        for t in view.crosses:
            dimension = f"{t.first}{CROSS}{t.second}"
            for line in t.lines:
                for column, cell in zip(t.columns, line["cells"], strict=True):
                    rows.append(
                        [
                            view.indicator.label,
                            dimension,
                            f"{line['member']}{CROSS}{column}",
                            span,
                            cell.text,
                            unit,
                        ]
                    )
                rows.append(
                    [
                        view.indicator.label,
                        dimension,
                        f"{line['member']}{CROSS}totaal",
                        span,
                        line["total"].text,
                        unit,
                    ]
                )
            for column, cell in zip(t.columns, t.column_totals, strict=True):
                rows.append(
                    [view.indicator.label, dimension, f"totaal{CROSS}{column}", span, cell.text, unit]
                )
            rows.append([view.indicator.label, dimension, "totaal", span, t.grand_total.text, unit])
    return rows
