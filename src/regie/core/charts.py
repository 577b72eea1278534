"""The one chart module of Regie: monthly series as server-rendered SVG, with the numbers in a table beside it.

Why our own and not a library (docs/decisions/0011): the charts are few and simple (lines over months), must pass
the Content-Security-Policy without inline script and render the same in the browser and in WeasyPrint's PDF;
pygal always writes an inline script, Vega-Lite needs a JavaScript runtime (vl-convert) of ~100 MB.

Every coordinate leaves here as a string with a decimal point: the pages are rendered in Dutch, and a float handed
to a template would be localised to "240,0", which no SVG reader understands. A missing value (None: nothing to
show, or a figure suppressed for privacy) breaks the line rather than drawing a false zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

WIDTH, HEIGHT = 720, 290
LEFT, RIGHT, TOP, BOTTOM = 48, 700, 28, 240
MONTHS_NL = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
MIN_LABEL_GAP = 100  # between two month labels: "sep 2026" is 50 units wide, 85 in the phone's larger type


@dataclass(frozen=True)
class Series:
    key: str  # a CSS-safe name for the line's colour class
    label: str
    values: Sequence[float | None]


def month_label(day: date) -> str:
    return f"{MONTHS_NL[day.month - 1]} {day.year}"


def number(value: float) -> str:
    """A coordinate for SVG: never localised, one decimal at most."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def axis_step(peak: float, ticks: int = 5) -> int:
    """A round step (1, 2, 5 × 10ⁿ) so that about `ticks` steps reach at least the peak."""
    rough = max(1.0, peak) / ticks
    magnitude = 1
    while magnitude * 10 <= rough:
        magnitude *= 10
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= rough:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover — the loop above always returns


def _segments(points: list[tuple[float, float] | None]) -> list[str]:
    """Points strings of the unbroken runs of a line (a run of one point is drawn as a dot by the template)."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(point)
    return [" ".join(f"{number(x)},{number(y)}" for x, y in run) for run in runs if run]


def _label_positions(count: int, x: Any) -> list[int]:
    """Every sixth month and the last one, never two so close that they overlap (the last always shows)."""
    chosen: list[int] = []
    for i in range(count):
        if i % 6 == 0 or i == count - 1:
            if chosen and x(i) - x(chosen[-1]) < MIN_LABEL_GAP:
                if i != count - 1:
                    continue
                chosen.pop()
            chosen.append(i)
    return chosen


def line_chart(months: Sequence[date], series: Sequence[Series]) -> dict[str, Any]:
    """What an SVG line chart template needs: per series its segments, y-axis ticks up to at least the highest
    value, and month labels along the x-axis. Series without any value are left out."""
    count = len(months)
    peak = max((v for s in series for v in s.values if v is not None), default=0.0)
    step = axis_step(peak)
    top_value = step * max(1, int(-(-peak // step)))

    def x(i: int) -> float:
        return LEFT + (RIGHT - LEFT) * (i / max(1, count - 1))

    def y(v: float) -> float:
        return BOTTOM - (BOTTOM - TOP) * v / top_value

    lines = []
    for s in series:
        if all(v is None or v == 0 for v in s.values):
            continue
        segments = _segments([None if v is None else (x(i), y(v)) for i, v in enumerate(s.values)])
        last = next((v for v in reversed(s.values) if v is not None), None)
        lines.append(
            {"key": s.key, "label": s.label, "segments": segments, "points": " ".join(segments), "last": last}
        )
    labels = [
        {
            "x": number(x(i)),
            "text": month_label(months[i]),
            "anchor": "end" if i == count - 1 and i else "middle",
        }
        for i in _label_positions(count, x)
    ]
    return {
        "lines": lines,
        "ticks": [{"value": v, "y": number(y(v))} for v in range(0, top_value + 1, step)],
        "labels": labels,
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": RIGHT,
        "bottom": BOTTOM,
        "label_y": BOTTOM + 22,
        "axis_max": top_value,
    }
