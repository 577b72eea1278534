"""The progress chart is SVG that a reader can draw: coordinates with decimal points whatever the page language,
a y-axis that reaches the highest count, and month labels that do not overlap."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date

import pytest

from regie.park.charts import axis_step, trend
from regie.park.selectors import month_ends
from tests.worlds.park import ParkWorld

SVG = "{http://www.w3.org/2000/svg}"


def _svg(html: str) -> ET.Element:
    match = re.search(r"<svg class=\"regie-chart park-chart\".*?</svg>", html, re.S)
    assert match, "no chart on the page"
    return ET.fromstring(match.group(0))  # noqa: S314 — our own page, rendered in this test


def _floats(root: ET.Element) -> dict[str, list[float]]:
    """Every coordinate of the chart, parsed as a float (a "240,0" fails here)."""
    found: dict[str, list[float]] = {"y": [], "x": []}
    for element in root.iter():
        for name in ("x", "y", "x1", "x2", "y1", "y2"):
            if name in element.attrib:
                found[name[0]].append(float(element.attrib[name]))
        if "points" in element.attrib:
            for pair in element.attrib["points"].split():
                px, py = pair.split(",")
                found["x"].append(float(px))
                found["y"].append(float(py))
    return found


def test_the_chart_on_the_page_has_float_coordinates_and_an_axis_up_to_the_data(
    sign_in, park_world: ParkWorld
):
    response = sign_in(park_world.users["projectleider"]).get(f"/vakantiepark/{park_world.park.pk}/voortgang")
    html = response.content.decode()
    root = _svg(html)
    coordinates = _floats(root)
    assert coordinates["x"] and coordinates["y"]
    assert all(0 <= v <= 720 for v in coordinates["x"]) and all(0 <= v <= 290 for v in coordinates["y"])
    axis = [int(t.text or "") for t in root.iter(f"{SVG}text") if (t.text or "").isdigit()]
    counts = [int(c) for c in re.findall(r'<td class="utrecht-table__cell">(\d+)</td>', html)]
    assert max(axis) >= max(counts) > 0
    assert 'y1="240,0"' not in html and not re.search(r'points="[^"]*\d,\d,', html)


def _series(peak: int, months: int = 36) -> list[tuple[date, Counter[str]]]:
    ends = month_ends(date(2026, 12, 6), months)
    return [
        (day, Counter({"permanent-vastgesteld": round(peak * (i + 1) / months), "leeg": 2}))
        for i, day in enumerate(ends)
    ]


@pytest.mark.parametrize("peak", [0, 1, 3, 7, 48, 130, 999])
def test_the_axis_reaches_the_peak_in_round_steps(peak: int) -> None:
    chart = trend(_series(peak))
    values = [t["value"] for t in chart["ticks"]]
    assert values[0] == 0 and values[-1] == chart["axis_max"] >= max(peak, 2)
    assert 3 <= len(values) <= 7
    assert all(float(t["y"]) >= 16 for t in chart["ticks"])
    for line in chart["lines"]:
        assert all(16 <= float(pair.split(",")[1]) <= 240 for pair in line["points"].split())


@pytest.mark.parametrize("months", [1, 2, 13, 32, 36])
def test_month_labels_never_overlap_and_the_last_month_is_named(months: int) -> None:
    series = _series(48, months)
    labels = trend(series)["labels"]
    xs = [float(label["x"]) for label in labels]
    assert all(b - a >= 70 for a, b in itertools.pairwise(xs))
    assert labels[-1]["text"] == "dec 2026"


def test_axis_steps_are_round() -> None:
    assert [axis_step(p) for p in (0, 4, 10, 48, 120, 999)] == [1, 1, 2, 10, 50, 200]
