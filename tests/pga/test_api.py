"""The `pga-referrals` and `pga-cases` API: happy path and access denied per endpoint, bad input as problem+json
with nothing written, the need-to-know per life domain, a stale plan version as 409, and reads logged."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from regie.pga.models import DomainPlan, DomainScore, PgaCase, Referral
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.pga import PgaWorld

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]  # locks rows: CI runs it on PostgreSQL 15 too
Api = Callable[[str], Client]
JSON = "application/json"


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, body, content_type=JSON)


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    return dict(response.json())


def test_referrals_list_for_triage_and_referrer(api_as: Api, pga_world: PgaWorld) -> None:
    names = {
        r["personName"] for r in api_as("procesregisseur").get("/api/v1/pga-referrals").json()["results"]
    }
    assert {"Jan de Vries", "Els Bakker"} <= names
    own = {r["personName"] for r in api_as("ggz").get("/api/v1/pga-referrals").json()["results"]}
    assert own == {"Els Bakker"}
    assert api_as("projectleider").get("/api/v1/pga-referrals").json()["results"] == []
    assert ProcessingLogEntry.objects.filter(
        action="pga_referral.listed", person_ids__contains=[pga_world.waiting.person_id]
    ).exists()


@pytest.mark.parametrize("name", ["analist", "beheerder", "privacy"])
def test_roles_without_cases_are_refused(api_as: Api, pga_world: PgaWorld, name: str) -> None:
    client = api_as(name)
    for url in ("/api/v1/pga-referrals", "/api/v1/pga-cases", f"/api/v1/pga-cases/{pga_world.pga.pk}"):
        _problem(client.get(url), 403)


def test_create_a_referral(api_as: Api, pga_world: PgaWorld) -> None:
    body = {
        "person": {"surname": "Pieters", "givenNames": "Mark"},
        "reason": "Overlast",
        "goal": "Rust",
        "urgency": "spoed",
    }
    response = _post(api_as("politie"), "/api/v1/pga-referrals", body)
    assert response.status_code == 201, response.content
    assert response.json()["personName"] == "Mark Pieters" and response.json()["status"] == "wacht"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"person": {"surname": "A"}, "goal": "g"}, "reason"),
        ({"person": {"surname": "A", "bsn": "123456789"}, "reason": "r", "goal": "g"}, "person.bsn"),
        ({"person": {}, "reason": "r", "goal": "g"}, "person.surname"),
        ({"person": {"surname": "A"}, "reason": "r", "goal": "g", "urgency": "morgen"}, "urgency"),
        (
            {"person": {"surname": "A", "birthDate": "2099-01-01"}, "reason": "r", "goal": "g"},
            "person.birthDate",
        ),
    ],
)
def test_create_a_referral_bad_input(
    api_as: Api, pga_world: PgaWorld, body: dict[str, Any], field: str
) -> None:
    before = Referral.objects.count()
    problem = _problem(_post(api_as("politie"), "/api/v1/pga-referrals", body), 400)
    assert field in {e["name"] for e in problem["invalidParams"]}, problem
    assert Referral.objects.count() == before


def test_referral_detail_and_decision(api_as: Api, pga_world: PgaWorld) -> None:
    url = f"/api/v1/pga-referrals/{pga_world.waiting.pk}"
    assert api_as("ggz").get(url).json()["personName"] == "Els Bakker"
    _problem(api_as("projectleider").get(url), 404)
    _problem(api_as("procesregisseur").get(f"/api/v1/pga-referrals/{uuid.uuid4()}"), 404)
    _problem(_post(api_as("ggz"), url + "/decision", {"decision": "lokale-pga"}), 403)
    bad = _problem(
        _post(
            api_as("procesregisseur"), url + "/decision", {"criteria": {}, "decision": "zvh", "reasons": "x"}
        ),
        400,
    )
    assert "criteria" in {e["name"] for e in bad["invalidParams"]}
    met = {"meerdere-leefdomeinen": True, "ketensamenwerking": True, "impact-omgeving": True}
    decided = _post(
        api_as("procesregisseur"),
        url + "/decision",
        {"criteria": met, "decision": "zvh", "reasons": "Ernstig"},
    )
    assert decided.status_code == 201, decided.content
    assert decided.json()["pgaCaseId"] == str(PgaCase.objects.get(referral=pga_world.waiting).pk)
    _problem(
        _post(
            api_as("procesregisseur"), url + "/decision", {"criteria": met, "decision": "zvh", "reasons": "x"}
        ),
        409,
    )


def test_pga_cases_list_and_detail_through_the_case_door(api_as: Api, pga_world: PgaWorld) -> None:
    ids = [c["id"] for c in api_as("politie").get("/api/v1/pga-cases").json()["results"]]
    assert ids == [str(pga_world.pga.pk)]
    assert api_as("projectleider").get("/api/v1/pga-cases").json()["results"] == []
    _problem(api_as("projectleider").get(f"/api/v1/pga-cases/{pga_world.pga.pk}"), 404)
    full = api_as("procesregisseur").get(f"/api/v1/pga-cases/{pga_world.pga.pk}").json()
    assert len(full["domains"]) == 13 and len(full["scores"]) == 6


def test_a_partner_without_the_care_category_sees_no_health_domain(api_as: Api, pga_world: PgaWorld) -> None:
    police = api_as("politie").get(f"/api/v1/pga-cases/{pga_world.pga.pk}").json()
    assert {d["category"] for d in police["domains"]} == {"general", "justice"}
    assert {s["domain"] for s in police["scores"]} == {"financien", "justitie"}
    scores = api_as("politie").get(f"/api/v1/pga-cases/{pga_world.pga.pk}/scores").json()["results"]
    assert {s["domain"] for s in scores} == {"financien", "justitie"}
    care = api_as("ggz").get(f"/api/v1/pga-cases/{pga_world.pga.pk}").json()
    assert "justitie" not in {s["domain"] for s in care["scores"]}
    assert ProcessingLogEntry.objects.filter(
        action="pga_case.viewed", person_ids__contains=[pga_world.pga.person_id]
    ).exists()


def test_record_a_score(api_as: Api, pga_world: PgaWorld) -> None:
    url = f"/api/v1/pga-cases/{pga_world.pga.pk}/scores"
    today = timezone.localdate().isoformat()
    made = _post(
        api_as("politie"),
        url,
        {"domain": "justitie", "score": 3, "scoredOn": today, "reason": "Geen delicten"},
    )
    assert made.status_code == 201, made.content
    _problem(
        _post(
            api_as("projectleider"), url, {"domain": "justitie", "score": 3, "scoredOn": today, "reason": "x"}
        ),
        404,
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"domain": "financien", "score": 6, "reason": "x"}, "score"),
        ({"domain": "financien", "score": 0, "reason": "x"}, "score"),
        ({"domain": "financien", "score": 3, "reason": "x", "future": True}, "scoredOn"),
        ({"domain": "financien", "score": 3, "reason": ""}, "reason"),
        ({"domain": "geestelijke-gezondheid", "score": 3, "reason": "x"}, "domain"),
        ({"domain": "financien", "score": "veel", "reason": "x"}, "score"),
    ],
)
def test_score_bad_input(api_as: Api, pga_world: PgaWorld, body: dict[str, Any], field: str) -> None:
    day = timezone.localdate() + timedelta(days=2 if body.pop("future", False) else 0)
    before = DomainScore.objects.count()
    response = _post(
        api_as("politie"),
        f"/api/v1/pga-cases/{pga_world.pga.pk}/scores",
        {**body, "scoredOn": day.isoformat()},
    )
    problem = _problem(response, 400)
    assert field in {e["name"] for e in problem["invalidParams"]}, problem
    assert DomainScore.objects.count() == before


def test_plan_put_with_version_and_conflict(api_as: Api, pga_world: PgaWorld) -> None:
    url = f"/api/v1/pga-cases/{pga_world.pga.pk}/plans/justitie"
    client = api_as("politie")
    made = client.put(
        url, {"goal": "Geen delicten", "actions": "Meldplicht", "version": 0}, content_type=JSON
    )
    assert made.status_code == 200, made.content
    assert made.json()["version"] == 1
    _problem(client.put(url, {"goal": "Anders", "version": 0}, content_type=JSON), 409)
    assert DomainPlan.objects.get(pga_case=pga_world.pga, domain__code="justitie").goal == "Geen delicten"
    hidden = f"/api/v1/pga-cases/{pga_world.pga.pk}/plans/geestelijke-gezondheid"
    _problem(client.put(hidden, {"goal": "x", "version": 0}, content_type=JSON), 404)
    bad = _problem(
        client.put(url, {"goal": "x", "version": 1, "partnerId": str(uuid.uuid4())}, content_type=JSON), 400
    )
    assert "partnerId" in {e["name"] for e in bad["invalidParams"]}
