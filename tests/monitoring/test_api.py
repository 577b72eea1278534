"""Monitoring API: `monitoring/indicators`, `monitoring/series` and `council-reports`, suppressed like the pages;
problem+json for bad input; 403 for roles without monitoring; and the analist finds no person or case."""

from __future__ import annotations

import pytest

from regie.cases.models import Case
from regie.monitoring.models import CouncilReport

pytestmark = pytest.mark.django_db


def test_indicators_list_every_indicator_with_the_last_two_months(api_as, figures) -> None:
    response = api_as("analist").get("/api/v1/monitoring/indicators")
    assert response.status_code == 200
    body = response.json()
    signals = next(i for i in body["indicators"] if i["code"] == "signals.received")
    assert signals["themeLabel"] == "Signalen en meldingen" and signals["unit"] == "signalen"
    assert len(signals["months"]) == 2 and set(signals["months"][0]) == {"month", "value", "shown", "hidden"}
    assert body["computedAt"]


def test_a_series_with_its_breakdowns_is_suppressed(api_as, figures) -> None:
    response = api_as("analist").get(
        "/api/v1/monitoring/series?indicator=signals.received&fromMonth=2026-01&toMonth=2026-02"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["months"] == [
        {"month": "2026-01", "value": 14.0, "shown": "14", "hidden": False},
        {"month": "2026-02", "value": None, "shown": "< 5", "hidden": True},
    ]
    category = next(b for b in body["breakdowns"] if b["dimension"] == "Categorie")
    drugs = next(m for m in category["members"] if m["member"] == "Drugs (test)")
    assert drugs["months"][0] == {"month": "2026-01", "value": None, "shown": "< 5", "hidden": True}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("", "indicator"),
        ("?indicator=bestaat.niet", "indicator"),
        ("?indicator=signals.received&fromMonth=jan", "fromMonth"),
        ("?indicator=signals.received&fromMonth=2026-02&toMonth=2026-01", "fromMonth"),
    ],
)
def test_bad_series_queries_are_problem_json(api_as, figures, query, field) -> None:
    response = api_as("analist").get(f"/api/v1/monitoring/series{query}")
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert field in [p["name"] for p in response.json()["invalidParams"]]


@pytest.mark.parametrize("role", ["handhaver", "politie", "beheerder", "privacy"])
def test_roles_without_monitoring_get_403(api_as, figures, role) -> None:
    client = api_as(role)
    for url in (
        "/api/v1/monitoring/indicators",
        "/api/v1/monitoring/series?indicator=signals.received",
        "/api/v1/council-reports",
    ):
        response = client.get(url)
        assert response.status_code == 403 and response["Content-Type"] == "application/problem+json"


def test_the_analist_requests_a_council_report(api_as, figures) -> None:
    client = api_as("analist")
    response = client.post(
        "/api/v1/council-reports",
        {"kind": "kwartaal", "year": 2026, "quarter": 1, "texts": {"inleiding": "Voor de raad."}},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["status"] == "wacht"
    report_id = response.json()["id"]
    assert client.get(f"/api/v1/council-reports/{report_id}").json()["period"] == "1e kwartaal 2026"
    assert [r["id"] for r in client.get("/api/v1/council-reports").json()] == [report_id]
    waiting = client.get(f"/api/v1/council-reports/{report_id}/pdf")
    assert waiting.status_code == 409 and waiting["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "week", "year": 2026}, "kind"),
        ({"kind": "kwartaal", "year": 2026}, "quarter"),
        ({"kind": "jaar", "year": "x"}, "year"),
        ({"kind": "jaar", "year": 2025, "texts": {"geheim": "x"}}, "texts"),
    ],
)
def test_bad_report_requests_are_problem_json(api_as, figures, body, field) -> None:
    response = api_as("analist").post("/api/v1/council-reports", body, content_type="application/json")
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert field in [p["name"] for p in response.json()["invalidParams"]]
    assert not CouncilReport.objects.exists()


def test_the_analist_finds_no_person_and_no_case(api_as, figures) -> None:
    client = api_as("analist")
    for url in ("/api/v1/cases", "/api/v1/persons", "/api/v1/addresses", "/api/v1/search?q=Jansen"):
        assert client.get(url).status_code in (403, 404), url
    case_id = Case.objects.values_list("pk", flat=True).first()
    assert client.get(f"/api/v1/cases/{case_id}").status_code == 404
