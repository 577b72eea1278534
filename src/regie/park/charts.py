"""The park's progress trend: one line per residence status, drawn by the product's chart module (core.charts)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from regie.core.charts import Series, axis_step, line_chart, month_label
from regie.park.models import ResidenceStatus

__all__ = ["axis_step", "month_label", "trend"]


def trend(series: list[tuple[date, Counter[str]]]) -> dict[str, Any]:
    """Polylines per status (its `status` names the colour class), ticks and month labels (core.charts)."""
    months = [month for month, _ in series]
    lines = [
        Series(status.value, status.label, [float(c.get(status.value, 0)) for _, c in series])
        for status in ResidenceStatus
    ]
    chart = line_chart(months, lines)
    for line in chart["lines"]:
        line["status"] = line["key"]
        line["last"] = int(line["last"])
    return chart
