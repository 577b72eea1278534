"""The staff API `victim-follow-ups`: through the door, logged, problem+json for bad input, 403/404 for the rest."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from regie.digital.models import FollowUpStatus, VictimFollowUp
from regie.digital.services.follow_ups import follow_up_withdraw
from regie.processing_log.models import ProcessingLogEntry

URL = "/api/v1/victim-follow-ups"
PROBLEM = "application/problem+json"


def _patch(api, item: VictimFollowUp, body: dict) -> object:
    return api.patch(f"{URL}/{item.pk}", json.dumps(body), content_type="application/json")


def test_the_team_lists_and_reads_follow_ups_and_each_read_is_logged(api_as, follow_up):
    item, _ = follow_up
    api = api_as("procesregisseur")
    listed = api.get(URL)
    assert listed.status_code == 200
    (row,) = listed.json()
    assert row["reference"] == item.reference and row["name"] == "Fenna Oosterhuis"
    assert row["status"] == "nieuw" and row["statusLabel"].startswith("Nieuw")
    assert {"firstContactDue", "secondContactOn", "staffNote", "consentVersion"} <= set(row)
    assert row["signal"] and row["signal"].startswith("M-")
    assert ProcessingLogEntry.objects.filter(
        action="digital_follow_up.listed", person_ids=[item.person_id]
    ).exists()
    one = api_as("projectleider").get(f"{URL}/{item.pk}")
    assert one.status_code == 200 and one.json()["story"].startswith("Een 'dochter'")
    assert ProcessingLogEntry.objects.filter(
        action="digital_follow_up.viewed", person_ids=[item.person_id]
    ).exists()
    assert api.get(f"{URL}?status=gebeld").json() == []


def test_recording_the_checklist_with_the_version_read(api_as, follow_up):
    item, _ = follow_up
    api = api_as("procesregisseur")
    today = timezone.localdate().isoformat()
    done = _patch(api, item, {"version": item.version, "firstContactOn": today, "referral": "Fraudehelpdesk"})
    assert done.status_code == 200
    assert done.json()["status"] == "doorverwezen" and done.json()["version"] == item.version + 1
    assert done.json()["secondContactDue"] is not None
    stale = _patch(api, item, {"version": item.version, "firstContactOn": today})
    assert stale.status_code == 409 and stale["Content-Type"].startswith(PROBLEM)
    assert ProcessingLogEntry.objects.filter(action="digital_follow_up.changed").count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "version"),
        ({"version": "twee"}, "version"),
        ({"version": 1, "firstContactOn": "gisteren"}, "firstContactOn"),
        ({"version": 1, "firstContactOn": "FUTURE"}, "firstContactOn"),
        ({"version": 1, "referral": "Slachtofferhulp"}, "referral"),
        ({"version": 1, "firstContactOn": "TODAY", "secondContactOn": "YESTERDAY"}, "secondContactOn"),
        ({"version": 1, "referral": "x" * 201}, "referral"),
    ],
)
def test_bad_input_is_a_problem_naming_the_field_and_changes_nothing(api_as, follow_up, body, field):
    item, _ = follow_up
    today = timezone.localdate()
    days = {"FUTURE": today + timedelta(days=3), "TODAY": today, "YESTERDAY": today - timedelta(days=1)}
    body = {k: days[v].isoformat() if isinstance(v, str) and v in days else v for k, v in body.items()}
    response = _patch(api_as("procesregisseur"), item, body)
    assert response.status_code == 400 and response["Content-Type"].startswith(PROBLEM)
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert field in names, response.json()
    item.refresh_from_db()
    assert (item.version, item.status, item.referral) == (1, FollowUpStatus.NEW, "")


@pytest.mark.parametrize("role", ["handhaver", "analist", "beheerder", "privacy", "politie", "ggz", "jurist"])
def test_other_roles_are_refused(api_as, users, follow_up, role):
    item, _ = follow_up
    api = api_as(role)
    assert api.get(URL).status_code == 403
    assert api.get(f"{URL}/{item.pk}").status_code == 403
    refused = _patch(api, item, {"version": 1, "referral": ""})
    assert refused.status_code == 403 and refused["Content-Type"].startswith(PROBLEM)
    reads = ("digital_follow_up.listed", "digital_follow_up.viewed", "digital_follow_up.changed")
    assert not ProcessingLogEntry.objects.filter(action__in=reads, actor_id=users[role].pk).exists()


def test_missing_and_unknown_are_the_same_404_and_a_login_is_needed(client, api_as, follow_up):
    api = api_as("procesregisseur")
    assert api.get(f"{URL}/onzin").status_code == 404
    assert api.get(f"{URL}/00000000-0000-0000-0000-000000000000").status_code == 404
    assert client.get(URL).status_code == 401
    assert api.get(f"{URL}?status=verzonnen").status_code == 400


def test_a_withdrawn_request_is_an_anonymised_line_that_cannot_be_changed(api_as, follow_up):
    item, key = follow_up
    follow_up_withdraw(key=key)
    api = api_as("procesregisseur")
    row = api.get(f"{URL}/{item.pk}").json()
    assert (row["status"], row["name"], row["phone"], row["email"], row["story"]) == (
        "ingetrokken",
        "",
        "",
        "",
        "",
    )
    refused = _patch(
        api, item, {"version": row["version"], "firstContactOn": timezone.localdate().isoformat()}
    )
    assert refused.status_code == 409 and refused["Content-Type"].startswith(PROBLEM)
