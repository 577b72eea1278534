"""Figures per postcode area (PC4) on the statistics page and in the API, under the one suppression policy."""

from __future__ import annotations

import pytest
from django.utils import timezone

from regie.accounts.models import Municipality
from regie.digital.models import SelfCheckResult
from regie.digital.selectors import NO_AREA, postcode_areas
from tests.digital.conftest import BUSINESSES, RESIDENTS


def _results(area: str, kind: str, n: int, score: int = 60) -> None:
    municipality = Municipality.objects.get(code="1705")
    SelfCheckResult.objects.bulk_create(
        SelfCheckResult(
            municipality=municipality, kind=kind, content_version=1, submitted_on=timezone.localdate(),
            score=score, topic_scores={}, postcode_area=area,
        )
        for _ in range(n)
    )  # fmt: skip


@pytest.fixture
def spread(users) -> None:
    _results("6851", RESIDENTS, 12, score=80)
    _results("6851", BUSINESSES, 6, score=40)
    _results("6681", RESIDENTS, 7)
    _results("6681", BUSINESSES, 2)  # small: hidden, and one other cell of its row and column with it
    _results("", RESIDENTS, 9)


def test_counts_per_area_are_suppressed_with_their_totals(spread):
    table = postcode_areas(Municipality.objects.get(code="1705").pk)
    rows = {r.area: r for r in table.rows}
    assert list(rows) == ["6681", "6851", ""] and rows[""].label == NO_AREA
    assert rows["6681"].per_kind[BUSINESSES].hidden and str(rows["6681"].per_kind[BUSINESSES]) == "< 5"
    # Secondary suppression: the 2 cannot be derived from the row total or the column total.
    assert rows["6681"].total.hidden or rows["6681"].per_kind[RESIDENTS].hidden
    assert table.per_kind[BUSINESSES].hidden or rows["6851"].per_kind[BUSINESSES].hidden
    assert rows["6851"].total.value == 18
    assert str(rows["6851"].average_score) == "67"  # (12 × 80 + 6 × 40) / 18
    assert table.total.value == 36


def test_an_area_average_needs_five_results(users):
    _results("6686", RESIDENTS, 3, score=90)
    _results("6687", RESIDENTS, 8, score=70)
    rows = {r.area: r for r in postcode_areas(Municipality.objects.get(code="1705").pk).rows}
    assert rows["6686"].average_score.hidden and str(rows["6686"].average_score) == "–"
    assert rows["6687"].average_score.value == 70


def test_the_statistics_page_shows_the_areas(spread, users, sign_in):
    page = sign_in(users["analist"]).get("/digitale-veiligheid").content.decode()
    assert "Gedane checks per postcodegebied" in page and "6851" in page and NO_AREA in page
    section = page.split('id="gebieden"')[1].split("</section>")[0]
    assert "&lt; 5" in section and ">2<" not in section


def test_the_statistics_page_is_not_for_other_roles(users, sign_in):
    assert sign_in(users["handhaver"]).get("/digitale-veiligheid").status_code == 403


def test_the_api_gives_areas_with_small_numbers_hidden(spread, api_as):
    body = api_as("analist").get("/api/v1/self-check-statistics").json()
    areas = {a["postcodeArea"]: a for a in body["postcodeAreas"]}
    assert set(areas) == {"6851", "6681", None}
    small = {c["check"]: c for c in areas["6681"]["checks"]}[BUSINESSES]
    assert small == {"check": BUSINESSES, "count": None, "hidden": True}
    assert all(c["count"] != 2 for a in body["postcodeAreas"] for c in a["checks"])
    assert areas["6851"]["averageScore"] == 67 and areas["6851"]["total"] == {"count": 18, "hidden": False}
    assert api_as("handhaver").get("/api/v1/self-check-statistics").status_code == 403
    bad = api_as("analist").get("/api/v1/self-check-statistics?months=0")
    assert bad.status_code == 400 and bad["Content-Type"].startswith("application/problem+json")
