"""GET /api/v1/deadlines: the deadline calculator for lawyers, inspectors and project leaders."""

from __future__ import annotations

import pytest

from regie.core.models import EquatedHoliday

pytestmark = pytest.mark.django_db

CALCULATORS = ["jurist", "handhaver", "projectleider"]
OTHERS = ["procesregisseur", "brp", "politie", "ggz", "analist", "beheerder", "privacy"]


@pytest.mark.parametrize(
    ("start", "period", "statutory", "plain", "end", "articles"),
    [
        (
            "2026-03-24",
            "P6W",
            "true",
            "2026-05-05",
            "2026-05-06",
            ["Atw art. 1"],
        ),  # 5 May, not a lustrum year
        ("2026-02-20", "P6W", "true", "2026-04-03", "2026-04-07", ["Atw art. 1"]),  # Good Friday and Easter
        ("2024-03-16", "P6W", "true", "2024-04-27", "2024-04-29", ["Atw art. 1"]),  # King's Day on a Saturday
        ("2026-11-13", "P6W", "true", "2026-12-25", "2026-12-28", ["Atw art. 1"]),  # Christmas on a Friday
        ("2026-04-02", "P3D", "true", "2026-04-05", "2026-04-08", ["Atw art. 1", "Atw art. 2"]),  # art. 2
        ("2026-02-05", "P3M", "false", "2026-05-05", "2026-05-05", []),  # a compliance period: not extended
        ("2026-02-05", "P3M", None, "2026-05-05", "2026-05-05", []),  # statutory defaults to false
        # Atw art. 4: a term in years is not extended, though statutory and ending on a Sunday (issue 12).
        ("2025-06-28", "P1Y", "true", "2026-06-28", "2026-06-28", []),
        # Exactly three months is not longer than three months, so the Atw does extend it: Sunday -> Monday.
        ("2026-03-07", "P3M", "true", "2026-06-07", "2026-06-08", ["Atw art. 1"]),
        # Thirteen weeks is longer than twelve: Saturday 6 June 2026 stays the end.
        ("2026-03-07", "P13W", "true", "2026-06-06", "2026-06-06", []),
    ],
)
def test_it_computes_the_worked_examples(api_as, start, period, statutory, plain, end, articles):
    url = f"/api/v1/deadlines?from={start}&period={period}" + (f"&statutory={statutory}" if statutory else "")
    response = api_as("jurist").get(url)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["endDate"] == end and body["plainEndDate"] == plain
    assert [e["article"] for e in body["extensions"]] == articles
    assert body["explanation"].endswith("aan het einde van die dag.")
    assert response["API-Version"] == "1.0.0"


def test_it_explains_each_extension(api_as):
    body = api_as("jurist").get("/api/v1/deadlines?from=2026-03-24&period=P6W&statutory=true").json()
    assert body["extensions"] == [
        {
            "fromDate": "2026-05-05",
            "toDate": "2026-05-06",
            "article": "Atw art. 1",
            "reason": "verlengd: 5 mei (Bevrijdingsdag) is een algemeen erkende feestdag (Atw art. 3)",
        }
    ]
    assert body["startDate"] == "2026-03-25" and body["period"] == "P6W" and body["statutory"] is True


def test_it_uses_days_equated_by_royal_decree(api_as):
    EquatedHoliday.objects.create(day="2026-05-06", name="Gelijkgestelde dag (demo)")
    body = api_as("jurist").get("/api/v1/deadlines?from=2026-03-24&period=P6W&statutory=true").json()
    assert body["endDate"] == "2026-05-07"


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("period=P6W", {"from"}),
        ("from=2026-13-01&period=P6W", {"from"}),
        ("from=24-03-2026&period=P6W", {"from"}),
        ("from=1985-01-01&period=P6W", {"from"}),
        ("from=9999-12-01&period=P6W", {"from"}),
        ("from=2026-03-24", {"period"}),
        ("from=2026-03-24&period=6W", {"period"}),
        ("from=2026-03-24&period=P0D", {"period"}),
        ("from=2026-03-24&period=PT6H", {"period"}),
        ("from=2026-03-24&period=P6W&statutory=ja%20hoor", {"statutory"}),
        ("", {"from", "period"}),
    ],
)
def test_it_answers_bad_input_with_a_problem_naming_the_parameter(api_as, query, names):
    response = api_as("jurist").get(f"/api/v1/deadlines?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    params = response.json()["invalidParams"]
    assert {p["name"] for p in params} == names
    assert all(p["reason"] for p in params)


@pytest.mark.parametrize("role", CALCULATORS)
def test_it_is_open_to_the_roles_that_calculate(api_as, role):
    assert api_as(role).get("/api/v1/deadlines?from=2026-03-24&period=P6W").status_code == 200


@pytest.mark.parametrize("role", OTHERS)
def test_it_is_closed_to_other_roles(api_as, role):
    response = api_as(role).get("/api/v1/deadlines?from=2026-03-24&period=P6W")
    assert response.status_code == 403 and response["Content-Type"] == "application/problem+json"


def test_it_needs_credentials(client, users):
    assert client.get("/api/v1/deadlines?from=2026-03-24&period=P6W").status_code == 401


def test_it_has_no_trailing_slash(api_as):
    assert api_as("jurist").get("/api/v1/deadlines/?from=2026-03-24&period=P6W").status_code == 404


def test_it_says_when_atw_art_4_keeps_a_statutory_term_from_being_extended(api_as):
    body = api_as("jurist").get("/api/v1/deadlines?from=2025-06-28&period=P1Y&statutory=true").json()
    assert "het is een termijn in jaren (1 jaar) (Atw art. 4)" in body["explanation"]
