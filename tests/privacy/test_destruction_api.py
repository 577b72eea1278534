"""The steps of a destruction list through the API: the officer proposes, excludes and reviews, the archivist
approves, the officer destroys after the cooling-off period; every refusal is problem+json, every other role 403."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from regie.cases.models import Case
from regie.privacy.models import DestructionList
from regie.processing_log.services import processing_log_seal
from regie.processing_log.verify import verify_chain

pytestmark = pytest.mark.postgres  # the steps lock rows: CI runs them on PostgreSQL 15 too

JSON = "application/json"
PROBLEM = "application/problem+json"


def _post(client, url, data=None):
    return client.post(url, data or {}, content_type=JSON)


def _reasons(response) -> str:
    return " ".join(p["reason"] for p in response.json().get("invalidParams", []))


def test_a_list_goes_through_every_step_by_api(api_as, dw):
    officer, archivist = api_as("privacy"), api_as("archivaris")
    proposed = _post(officer, "/api/v1/destruction-lists/proposals")
    assert proposed.status_code == 201
    body = proposed.json()
    base = f"/api/v1/destruction-lists/{body['id']}"
    assert [i["caseNumber"] for i in body["items"]] == [dw.old.number] and body["status"] == "nieuw"
    assert _post(officer, "/api/v1/destruction-lists/proposals").status_code == 204  # nothing new

    reviewed = _post(officer, f"{base}/review", {"version": body["version"]})
    assert reviewed.status_code == 200 and reviewed.json()["status"] == "klaar-voor-archivaris"
    assert _post(officer, f"{base}/approval").status_code == 403  # never the officer who reviewed
    approved = _post(archivist, f"{base}/approval", {"version": reviewed.json()["version"]})
    assert approved.status_code == 200 and approved.json()["approvedBy"] == "archivaris"

    early = _post(officer, f"{base}/destruction", {"confirmName": body["name"]})
    assert early.status_code == 400 and early["Content-Type"] == PROBLEM and "bedenktijd" in _reasons(early)
    DestructionList.objects.filter(pk=body["id"]).update(destroy_after=timezone.now() - timedelta(seconds=1))
    wrong = _post(officer, f"{base}/destruction", {"confirmName": "Een andere lijst"})
    assert wrong.status_code == 400 and "confirmName" in {p["name"] for p in wrong.json()["invalidParams"]}
    assert Case.objects.filter(pk=dw.old.pk).exists()  # nothing half-done
    assert _post(archivist, f"{base}/destruction", {"confirmName": body["name"]}).status_code == 403
    done = _post(officer, f"{base}/destruction", {"confirmName": body["name"]})
    assert done.status_code == 200 and done.json()["status"] == "vernietigd"
    processing_log_seal()  # chain every entry written, so all of them are verified
    assert not Case.objects.filter(pk=dw.old.pk).exists() and verify_chain().intact
    assert officer.get(base).json()["items"][0]["destroyedAt"] is not None  # the destruction record remains
    director = api_as("procesregisseur")  # the case's coordinator: gone from the API and the search as well
    assert director.get(f"/api/v1/cases/{dw.old.pk}").status_code == 404
    assert dw.old.number not in director.get("/api/v1/cases").content.decode()
    found = director.get("/api/v1/search", {"q": dw.old.number})
    assert found.status_code in (200, 400) and str(dw.old.pk) not in found.content.decode()


def test_an_item_is_excluded_with_a_reason_and_bad_input_is_refused(api_as, dw):
    officer = api_as("privacy")
    body = _post(officer, "/api/v1/destruction-lists/proposals").json()
    base = f"/api/v1/destruction-lists/{body['id']}"
    item = body["items"][0]["id"]
    empty = _post(officer, f"{base}/exclusions", {"item": item, "reason": ""})
    assert empty.status_code == 400 and "reason" in {p["name"] for p in empty.json()["invalidParams"]}
    bad_id = _post(officer, f"{base}/exclusions", {"item": "geen-id", "reason": "x"})
    assert bad_id.status_code == 400 and bad_id["Content-Type"] == PROBLEM
    missing = _post(officer, f"{base}/exclusions", {"item": "00000000-0000-4000-8000-000000000000", "reason": "x"})
    assert missing.status_code == 404
    kept = _post(officer, f"{base}/exclusions", {"item": item, "reason": "Bezwaar loopt nog"})
    assert kept.status_code == 200 and kept.json()["items"][0]["excludedReason"] == "Bezwaar loopt nog"
    bad_version = _post(officer, f"{base}/review", {"version": 0})
    assert bad_version.status_code == 400
    stale = _post(officer, f"{base}/review", {"version": body["version"]})  # the exclusion raised it
    assert stale.status_code == 409 and stale["Content-Type"] == PROBLEM
    assert _post(officer, "/api/v1/destruction-lists/00000000-0000-4000-8000-000000000000/review").status_code == 404
    out_of_turn = _post(api_as("archivaris"), f"{base}/approval")
    assert out_of_turn.status_code == 400 and "Nieuw" in _reasons(out_of_turn)


@pytest.mark.parametrize("role", ["procesregisseur", "jurist", "politie", "analist", "beheerder"])
def test_the_steps_are_refused_to_other_roles(api_as, dw, role):
    dlist = DestructionList.objects.create(name="Proeflijst")
    client = api_as(role)
    assert _post(client, "/api/v1/destruction-lists/proposals").status_code == 403
    for step in ("review", "approval", "destruction", "exclusions"):
        response = _post(client, f"/api/v1/destruction-lists/{dlist.pk}/{step}")
        assert response.status_code == 403 and response["Content-Type"] == PROBLEM


def test_the_archivist_sees_lists_but_no_case_and_takes_no_officer_step(api_as, sign_in, users, dw):
    archivist = api_as("archivaris")
    assert archivist.get("/api/v1/destruction-lists").status_code == 200
    assert _post(archivist, "/api/v1/destruction-lists/proposals").status_code == 403
    assert archivist.get("/api/v1/processing-log").status_code == 403
    assert archivist.get("/api/v1/data-subject-requests").status_code == 403
    assert archivist.get(f"/api/v1/cases/{dw.recent.pk}").status_code in (403, 404)
    page = sign_in(users["archivaris"])
    assert page.get("/privacy/vernietigingslijsten").status_code == 200
    assert "Nu een lijst voorstellen" not in page.get("/privacy/vernietigingslijsten").content.decode()
    assert page.get(f"/casussen/{dw.recent.pk}").status_code in (403, 404)
    assert page.get("/privacy/verwerkingslog").status_code == 403
