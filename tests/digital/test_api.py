"""The API: public self-checks and victim guide without login; campaigns and statistics for the theme's staff."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from regie.digital.models import Campaign, SelfCheckResult
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Person
from tests.digital.conftest import BUSINESSES, RESIDENTS, answers_for

JSON = "application/json"


def test_the_public_self_checks_are_listed_and_described(client: Client, users):
    listed = client.get("/api/v1/public/self-checks").json()
    assert [c["code"] for c in listed] == [RESIDENTS, BUSINESSES]
    detail = client.get(f"/api/v1/public/self-checks/{BUSINESSES}").json()
    assert len(detail["definition"]["questions"]) == 25 and detail["version"] == 1
    assert client.get("/api/v1/public/self-checks/onbekend").status_code == 404


def test_submitting_answers_returns_the_advice_and_keeps_only_an_aggregate(client: Client, users):
    persons, log = Person.objects.count(), ProcessingLogEntry.objects.count()
    response = client.post(
        f"/api/v1/public/self-checks/{RESIDENTS}/results",
        json.dumps({"answers": answers_for(RESIDENTS, "worst"), "postcodeArea": "6971"}),
        content_type=JSON,
    )
    assert response.status_code == 201
    body = response.json()
    assert body["score"] == 0 and len(body["topActions"]) == 3 and body["riskClass"] is None
    assert (Person.objects.count(), ProcessingLogEntry.objects.count()) == (persons, log)
    assert SelfCheckResult.objects.get().postcode_area == "6971"


def test_bad_answers_are_a_problem_naming_each_question(client: Client, users):
    answers = answers_for(BUSINESSES)
    del answers["medewerkers"]
    answers["backup-maken"] = "altijd"
    response = client.post(
        f"/api/v1/public/self-checks/{BUSINESSES}/results",
        json.dumps({"answers": answers, "postcodeArea": "12"}),
        content_type=JSON,
    )
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    names = {p["name"]: p["reason"] for p in response.json()["invalidParams"]}
    assert names["answers.medewerkers"] == "Kies een antwoord op deze vraag."
    assert names["answers.backup-maken"].startswith("Dit antwoord hoort niet bij deze vraag")
    assert "postcodeArea" in names
    bad = client.post(
        f"/api/v1/public/self-checks/{RESIDENTS}/results", json.dumps({"answers": [1]}), content_type=JSON
    )
    assert bad.status_code == 400
    assert (
        client.post(f"/api/v1/public/self-checks/{RESIDENTS}/results", "nee", content_type=JSON).status_code
        == 400
    )
    assert SelfCheckResult.objects.count() == 0


def test_public_submissions_are_rate_limited(client: Client, users, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"public": "1/h"}}
    url = f"/api/v1/public/self-checks/{RESIDENTS}/results"
    body = json.dumps({"answers": answers_for(RESIDENTS)})
    assert client.post(url, body, content_type=JSON).status_code == 201
    assert client.post(url, body, content_type=JSON).status_code == 429
    assert client.get("/api/v1/public/self-checks").status_code == 200  # reading is not counted


def test_the_victim_guide_is_public(client: Client, users):
    guide = client.get("/api/v1/public/victim-guide").json()
    assert guide["version"] == 1 and len(guide["situations"]) == 8
    assert guide["situations"][1]["moneyLeft"] is True


def test_campaigns_are_listed_created_and_changed(api_as, campaign):
    api = api_as("projectleider")
    listed = api.get("/api/v1/campaigns").json()
    assert [c["code"] for c in listed["results"]] == ["doe-je-updates"]
    created = api.post(
        "/api/v1/campaigns",
        json.dumps({"name": "Workshop ondernemers", "code": "workshop-ov", "targetGroup": "ondernemers",
                    "channel": "bijeenkomst", "startsOn": "2026-11-05", "endsOn": "2026-11-05",
                    "attendees": 18, "checks": [BUSINESSES]}),
        content_type=JSON,
    )  # fmt: skip
    assert created.status_code == 201, created.content
    cid = created.json()["id"]
    changed = api.patch(
        f"/api/v1/campaigns/{cid}", json.dumps({"attendees": 21, "version": 1}), content_type=JSON
    )
    assert changed.status_code == 200 and changed.json()["attendees"] == 21
    stale = api.patch(
        f"/api/v1/campaigns/{cid}", json.dumps({"attendees": 2, "version": 1}), content_type=JSON
    )
    assert stale.status_code == 409
    assert api.get(f"/api/v1/campaigns/{cid}").json()["version"] == 2
    assert api.get("/api/v1/campaigns/onzin").status_code == 404


def test_bad_campaign_input_is_a_problem(api_as, campaign):
    api = api_as("projectleider")
    response = api.post(
        "/api/v1/campaigns",
        json.dumps({"name": "x", "code": "doe-je-updates", "targetGroup": "marsmannetjes", "channel": "folder",
                    "startsOn": "2026-11-05", "endsOn": "2026-11-01", "attendees": -1}),
        content_type=JSON,
    )  # fmt: skip
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert {"targetGroup", "attendees"} <= names
    response = api.post(
        "/api/v1/campaigns",
        json.dumps({"name": "x", "code": "doe-je-updates", "targetGroup": "inwoners", "channel": "folder",
                    "startsOn": "2026-11-05", "endsOn": "2026-11-01"}),
        content_type=JSON,
    )  # fmt: skip
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert {"code", "endsOn"} <= names
    response = api.post(
        "/api/v1/campaigns",
        json.dumps({"name": "x", "code": "groot-bereik", "targetGroup": "inwoners", "channel": "folder",
                    "startsOn": "2026-11-01", "endsOn": "2026-11-05", "views": 259191064531}),
        content_type=JSON,
    )  # fmt: skip
    assert response.status_code == 400  # not a 500: the column holds at most 2147483647
    assert {p["name"] for p in response.json()["invalidParams"]} == {"views"}
    assert Campaign.objects.count() == 1


@pytest.mark.parametrize("role", ["handhaver", "analist", "politie", "beheerder"])
def test_campaigns_are_not_for_other_roles(api_as, role, campaign):
    api = api_as(role)
    assert api.get("/api/v1/campaigns").status_code == 403
    assert api.get(f"/api/v1/campaigns/{campaign.pk}").status_code == 403


def test_statistics_are_aggregates_with_small_numbers_hidden(api_as, client, users, campaign):
    for _ in range(3):
        client.post("/veilig-online/check/inwoners", {**answers_for(RESIDENTS), "campaign": campaign.code})
    body = api_as("analist").get("/api/v1/self-check-statistics").json()
    assert len(body["months"]) == 12
    latest = body["months"][-1]
    assert latest["total"] == {"count": None, "hidden": True}
    per_campaign = (
        api_as("analist").get("/api/v1/self-check-statistics?campaign=doe-je-updates&months=3").json()
    )
    assert per_campaign["campaign"] == "doe-je-updates" and len(per_campaign["months"]) == 3


def test_bad_statistics_queries_are_problems(api_as, users):
    api = api_as("analist")
    assert api.get("/api/v1/self-check-statistics?months=99").status_code == 400
    assert api.get("/api/v1/self-check-statistics?campaign=bestaat-niet").status_code == 400


@pytest.mark.parametrize("role", ["handhaver", "politie", "beheerder", "privacy"])
def test_statistics_are_not_for_other_roles(api_as, role):
    assert api_as(role).get("/api/v1/self-check-statistics").status_code == 403


def test_staff_resources_need_a_login(client, users):
    assert client.get("/api/v1/campaigns").status_code == 401
    assert client.get("/api/v1/self-check-statistics").status_code == 401
