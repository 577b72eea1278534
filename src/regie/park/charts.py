"""The progress trend as a server-rendered SVG: one line per residence status, numbers in a table beside it."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from regie.park.models import ResidenceStatus

WIDTH, HEIGHT = 720, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 700, 16, 240
MONTHS_NL = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def month_label(day: date) -> str:
    return f"{MONTHS_NL[day.month - 1]} {day.year}"


def trend(series: list[tuple[date, Counter[str]]]) -> dict[str, Any]:
    """Polylines (points strings) per status, y-axis ticks and x labels (every 6th month)."""
    count = len(series)
    peak = max((max(c.values(), default=0) for _, c in series), default=0) or 1
    step = max(1, -(-peak // 4))
    top_value = step * 4

    def x(i: int) -> float:
        return LEFT + (RIGHT - LEFT) * (i / max(1, count - 1))

    def y(v: int) -> float:
        return BOTTOM - (BOTTOM - TOP) * v / top_value

    lines = []
    for status in ResidenceStatus:
        values = [c.get(status.value, 0) for _, c in series]
        if not any(values):
            continue
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        lines.append({"status": status.value, "label": status.label, "points": points, "last": values[-1]})
    ticks = [{"value": v, "y": round(y(v), 1)} for v in range(0, top_value + 1, step)]
    labels = [
        {"x": round(x(i), 1), "text": month_label(day)}
        for i, (day, _) in enumerate(series)
        if i % 6 == 0 or i == count - 1
    ]
    return {
        "lines": lines,
        "ticks": ticks,
        "labels": labels,
        "width": WIDTH,
        "height": HEIGHT,
        "bottom": BOTTOM,
    }
