"""Requests of data subjects: found by name, BSN or birth date, identity recorded, a one-month deadline, and an
export that lists the consultations of three organisations with their purposes, without naming employees."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from regie.privacy.models import DataSubjectRequest
from regie.processing_log.models import ProcessingLogEntry

pytestmark = pytest.mark.postgres  # its services lock rows: CI runs it on PostgreSQL 15 too

NOT_THE_OFFICER = ["procesregisseur", "jurist", "politie", "ggz", "analist", "beheerder"]


def _last(action: str) -> ProcessingLogEntry:
    return ProcessingLogEntry.objects.filter(action=action).latest("seq")


def test_the_officer_finds_the_person_by_name_bsn_or_birth_date_and_the_search_is_logged(sign_in, users, pw):
    client = sign_in(users["privacy"])
    for query in ("naam=jan+vries", "bsn=111222333", "naam=Vries&bsn=111222333"):
        body = client.get(f"/privacy/verzoeken/nieuw?{query}").content.decode()
        assert "Jan de Vries" in body and "Verzoek registreren voor Jan de Vries" in body
        assert _last("data_subject_request.person_searched").person_ids == [pw.cases.person.pk]


def test_registering_a_request_sets_the_one_month_deadline_and_logs_it(sign_in, users, pw):
    client = sign_in(users["privacy"])
    response = client.post(
        "/privacy/verzoeken/nieuw?bsn=111222333",
        {"person": str(pw.cases.person.pk), "received_on": "2026-01-31", "identity_check": "DigiD-formulier"},
    )
    dsr = DataSubjectRequest.objects.exclude(pk=pw.request.pk).get()
    assert response.status_code == 302 and response["Location"] == f"/privacy/verzoeken/{dsr.pk}"
    assert dsr.deadline == date(2026, 2, 28) and dsr.identity_checked_by == users["privacy"]
    assert _last("data_subject_request.created").person_ids == [pw.cases.person.pk]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"received_on": "2026-01-31", "identity_check": ""}, "identiteit van de verzoeker"),
        ({"received_on": "31-31-2026", "identity_check": "Paspoort"}, "geldige datum"),
        ({"received_on": "2999-01-01", "identity_check": "Paspoort"}, "in de toekomst"),
    ],
)
def test_a_request_without_identity_check_or_with_a_bad_date_is_refused_in_dutch(
    sign_in, users, pw, data, message
):
    client = sign_in(users["privacy"])
    response = client.post(
        "/privacy/verzoeken/nieuw?bsn=111222333", {"person": str(pw.cases.person.pk), **data}
    )
    assert response.status_code == 400 and message in response.content.decode()
    assert DataSubjectRequest.objects.count() == 1


def test_an_unknown_person_id_is_a_404_and_a_bad_search_a_dutch_400(sign_in, users, pw):
    client = sign_in(users["privacy"])
    unknown = {
        "person": "00000000-0000-4000-8000-000000000000",
        "received_on": "2026-01-02",
        "identity_check": "x",
    }
    assert client.post("/privacy/verzoeken/nieuw", unknown).status_code == 404
    assert "elfproef" in client.get("/privacy/verzoeken/nieuw?bsn=123456789").content.decode()
    assert (
        "Vul een naam, een BSN of een geboortedatum in"
        in client.get("/privacy/verzoeken/nieuw?naam=").content.decode()
    )


def test_the_export_lists_three_organisations_with_purposes_and_no_employee_names(sign_in, users, pw):
    client = sign_in(users["privacy"])
    response = client.get(f"/privacy/verzoeken/{pw.request.pk}")
    body = response.content.decode()
    assert response.status_code == 200 and pw.cases.case.number in body
    for name in ("procesregisseur", "politie", "ggz"):
        assert users[name].organisation.name in body
    for purpose in ("Voorbereiden van het casusoverleg", "Afstemmen van de aanpak met de wijkagent"):
        assert purpose in body
    assert "Behandelplan afstemmen" in body
    for name in ("procesregisseur", "politie", "ggz"):
        assert users[name].get_full_name() not in body
    assert _last("data_subject_request.viewed").person_ids == [pw.cases.person.pk]


def test_the_json_export_holds_the_same(sign_in, users, pw):
    response = sign_in(users["privacy"]).get(f"/privacy/verzoeken/{pw.request.pk}/export.json")
    data = json.loads(response.content)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert data["persoon"]["bsn"] == "111222333" and data["casussen"][0]["number"] == pw.cases.case.number
    organisations = {c["organisation"] for c in data["raadplegingen"]}
    assert {users[n].organisation.name for n in ("procesregisseur", "politie", "ggz")} <= organisations
    assert all("actor" not in key for row in data["raadplegingen"] for key in row)
    assert _last("data_subject_request.exported").person_ids == [pw.cases.person.pk]


def test_extending_once_with_a_reason_and_completing(sign_in, users, pw):
    client = sign_in(users["privacy"])
    url = f"/privacy/verzoeken/{pw.request.pk}"
    refused = client.post(f"{url}/verlengen", {"months": "3", "reason": "Veel partners", "version": 1})
    assert refused.status_code == 400 and "één of twee maanden" in refused.content.decode()
    no_reason = client.post(f"{url}/verlengen", {"months": "2", "reason": "", "version": 1})
    assert no_reason.status_code == 400 and "reden" in no_reason.content.decode()
    assert (
        client.post(f"{url}/verlengen", {"months": "2", "reason": "Veel partners", "version": 1}).status_code
        == 302
    )
    pw.request.refresh_from_db()
    assert pw.request.extended_to > pw.request.deadline + timedelta(days=55)
    again = client.post(f"{url}/verlengen", {"months": "1", "reason": "Nog meer", "version": 2})
    assert again.status_code == 400 and "al verlengd" in again.content.decode()
    stale = client.post(f"{url}/afhandelen", {"version": 1})
    assert stale.status_code == 409
    assert client.post(f"{url}/afhandelen", {"version": 2}).status_code == 302
    pw.request.refresh_from_db()
    assert pw.request.status == "afgehandeld" and _last("data_subject_request.completed")


def test_the_work_list_shows_open_requests_with_their_deadline_and_logs_the_persons(sign_in, users, pw):
    body = sign_in(users["privacy"]).get("/privacy/verzoeken").content.decode()
    assert pw.request.reference in body and "Jan de Vries" in body
    assert _last("data_subject_request.list_viewed").person_ids == [pw.cases.person.pk]


@pytest.mark.parametrize("role", NOT_THE_OFFICER)
def test_requests_are_the_officers_alone(sign_in, api_as, users, pw, role):
    client = sign_in(users[role])
    for url in (
        "/privacy/verzoeken",
        "/privacy/verzoeken/nieuw?bsn=111222333",
        f"/privacy/verzoeken/{pw.request.pk}",
    ):
        assert client.get(url).status_code == 403
    assert client.post(f"/privacy/verzoeken/{pw.request.pk}/afhandelen", {"version": 1}).status_code == 403
    api = api_as(role)
    assert api.get("/api/v1/data-subject-requests").status_code == 403
    assert api.get(f"/api/v1/data-subject-requests/{pw.request.pk}").status_code == 403


def test_the_api_lists_creates_and_exports(api_as, pw):
    client = api_as("privacy")
    listing = client.get("/api/v1/data-subject-requests").json()
    assert listing["results"][0]["reference"] == pw.request.reference
    created = client.post(
        "/api/v1/data-subject-requests",
        {"bsn": "111222333", "receivedOn": "2026-03-01", "identityCheck": "Paspoort"},
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["deadline"] == "2026-04-01"
    detail = client.get(f"/api/v1/data-subject-requests/{pw.request.pk}").json()
    assert len({c["organisation"] for c in detail["export"]["raadplegingen"]}) >= 3


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"bsn": "123456789", "receivedOn": "2026-03-01", "identityCheck": "Paspoort"}, "bsn"),
        ({"receivedOn": "2026-03-01", "identityCheck": "Paspoort"}, "personId"),
        ({"bsn": "111222333", "receivedOn": "morgen", "identityCheck": "Paspoort"}, "receivedOn"),
        ({"bsn": "111222333", "receivedOn": "2026-03-01", "identityCheck": " "}, "identityCheck"),
        ({"bsn": "999999990", "receivedOn": "2026-03-01", "identityCheck": "Paspoort"}, "bsn"),
    ],
)
def test_the_api_refuses_bad_input_as_problem_json(api_as, pw, body, param):
    response = api_as("privacy").post("/api/v1/data-subject-requests", body, content_type="application/json")
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert param in {p["name"] for p in response.json()["invalidParams"]}
