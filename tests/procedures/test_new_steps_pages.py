"""The new steps of issue 12 on the step page and in the API: their fields with Dutch labels, Dutch errors per
field in the form, problem+json per field in the API, and nothing written on a refusal."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.django_db


def test_the_step_page_shows_a_request_for_enforcement_with_its_dutch_labels(sign_in, users, pr_at):
    procedure = pr_at("notification")
    client = sign_in(users["jurist"])
    overview = client.get(f"/procedures/{procedure.pk}/stap").content.decode()
    assert "Verzoek om handhaving ontvangen" in overview and "Ingebrekestelling ontvangen" in overview
    form = client.get(f"/procedures/{procedure.pk}/stap?stap=enforcement-request").content.decode()
    assert "Verzoeker" in form and "Wat vraagt de verzoeker" in form and "Awb 4:13" in form
    decision = client.get(f"/procedures/{procedure.pk}/stap?stap=objection-decision").content.decode()
    assert "Datum van verzending of uitreiking" in decision


def test_a_refused_new_step_shows_dutch_errors_per_field_and_saves_nothing(sign_in, users, pr_at):
    procedure = pr_at("notification")
    before = procedure.transitions.count()
    data = {
        "stap": "enforcement-executed",
        "versie": procedure.version,
        "datum": "2026-02-20",
        "actions": "",
        "costs": "veel",
    }
    response = sign_in(users["jurist"]).post(f"/procedures/{procedure.pk}/stap", data)
    html = response.content.decode()
    assert response.status_code == 400 and "Er is niets opgeslagen" in html
    assert "Wat is uitgevoerd" in html and "Kosten van de bestuursdwang" in html
    assert procedure.transitions.count() == before


def test_the_api_answers_a_bad_new_step_with_problem_json_per_field(api_as, pr_at):
    procedure = pr_at("notification")
    before = procedure.transitions.count()
    body = {
        "step": "objection-decision",
        "date": "2026-02-20",
        "version": procedure.version,
        "data": {"outcome": "ongegrond", "reasoning": "x", "sentOn": "morgen"},
    }
    response = api_as("jurist").post(
        f"/api/v1/procedures/{procedure.pk}/transitions",
        data=json.dumps(body),
        content_type="application/json",
    )
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert {p["name"] for p in response.json()["invalidParams"]} >= {"data.sentOn", "data.addressee"}
    assert procedure.transitions.count() == before
