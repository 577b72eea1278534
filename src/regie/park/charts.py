"""The progress trend as a server-rendered SVG: one line per residence status, numbers in a table beside it.

Every coordinate leaves here as a string with a decimal point: the page is rendered in Dutch, and a float
handed to the template would be localised to "240,0", which no SVG reader understands.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from regie.park.models import ResidenceStatus

WIDTH, HEIGHT = 720, 290
LEFT, RIGHT, TOP, BOTTOM = 48, 700, 28, 240
MONTHS_NL = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
MIN_LABEL_GAP = 100  # between two month labels: "sep 2026" is 50 units wide, 85 in the phone's larger type


def month_label(day: date) -> str:
    return f"{MONTHS_NL[day.month - 1]} {day.year}"


def number(value: float) -> str:
    """A coordinate for SVG: never localised, one decimal at most."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def axis_step(peak: int, ticks: int = 5) -> int:
    """A round step (1, 2, 5 × 10ⁿ) so that about `ticks` steps reach at least the peak."""
    rough = max(1, peak) / ticks
    magnitude = 1
    while magnitude * 10 <= rough:
        magnitude *= 10
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= rough:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover — the loop above always returns


def trend(series: list[tuple[date, Counter[str]]]) -> dict[str, Any]:
    """Polylines (points strings) per status, y-axis ticks up to at least the highest count, and month labels
    (every sixth month and the last one, never two so close that they overlap)."""
    count = len(series)
    peak = max((max(c.values(), default=0) for _, c in series), default=0)
    step = axis_step(peak)
    top_value = step * max(1, -(-peak // step))

    def x(i: int) -> float:
        return LEFT + (RIGHT - LEFT) * (i / max(1, count - 1))

    def y(v: int) -> float:
        return BOTTOM - (BOTTOM - TOP) * v / top_value

    lines = []
    for status in ResidenceStatus:
        values = [c.get(status.value, 0) for _, c in series]
        if not any(values):
            continue
        points = " ".join(f"{number(x(i))},{number(y(v))}" for i, v in enumerate(values))
        lines.append({"status": status.value, "label": status.label, "points": points, "last": values[-1]})
    ticks = [{"value": v, "y": number(y(v))} for v in range(0, top_value + 1, step)]
    chosen: list[int] = []
    for i in range(count):
        if i % 6 == 0 or i == count - 1:
            if chosen and x(i) - x(chosen[-1]) < MIN_LABEL_GAP:
                if i != count - 1:
                    continue
                chosen.pop()  # the last month always shows; it replaces a label too close before it
            chosen.append(i)
    # The last label ends at the last month, so it stays inside the picture.
    labels = [
        {
            "x": number(x(i)),
            "text": month_label(series[i][0]),
            "anchor": "end" if i == count - 1 and i else "middle",
        }
        for i in chosen
    ]
    return {
        "lines": lines,
        "ticks": ticks,
        "labels": labels,
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": RIGHT,
        "bottom": BOTTOM,
        "label_y": BOTTOM + 22,
        "axis_max": top_value,
    }
