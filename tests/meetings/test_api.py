"""The API resources meeting-series, meetings and meeting-actions: each caller sees the agenda items of cases they
are party to only; refusals and bad input are problem+json; reads of case data are logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from regie.meetings.models import MeetingSeries
from regie.meetings.services.minutes import Agreement, action_agree
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.meetings import MeetingsWorld

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]  # locks rows: CI runs it on PostgreSQL 15 too
ApiAs = Callable[[str], Client]
PROBLEM = "application/problem+json"


def test_series_list_and_detail(api_as: ApiAs, meetings_world: MeetingsWorld) -> None:
    body = api_as("ggz").get("/api/v1/meeting-series").json()
    names = [s["name"] for s in body["results"]] if "results" in body else [s["name"] for s in body]
    assert "Wekelijkse triage PGA" in names
    detail = api_as("ggz").get(f"/api/v1/meeting-series/{meetings_world.series.pk}")
    assert detail.status_code == 200 and detail.json()["legalBasis"].startswith("WGS")
    assert api_as("brp").get(f"/api/v1/meeting-series/{meetings_world.series.pk}").status_code == 404
    assert api_as("analist").get("/api/v1/meeting-series").status_code == 403


def test_administrator_creates_a_series_and_bad_input_is_a_problem(
    api_as: ApiAs, meetings_world: MeetingsWorld
) -> None:
    users = meetings_world.users
    client = api_as("beheerder")
    good = {
        "name": "Individueel casusoverleg",
        "purpose": "Eén casus",
        "legalBasis": "WGS",
        "cadence": "op-afroep",
        "chairId": str(users["procesregisseur"].pk),
        "organisationIds": [str(users["ggz"].organisation_id)],
    }
    created = client.post("/api/v1/meeting-series", good, content_type="application/json")
    assert created.status_code == 201 and created.json()["cadence"] == "op-afroep"
    again = client.post("/api/v1/meeting-series", good, content_type="application/json")
    assert again.status_code == 400 and again["Content-Type"].startswith(PROBLEM)
    bad = client.post(
        "/api/v1/meeting-series",
        {**good, "name": "Ander", "cadence": "soms", "chairId": "x"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad["Content-Type"].startswith(PROBLEM)
    no_chair = client.post(
        "/api/v1/meeting-series",
        {**good, "name": "Ander", "chairId": str(users["analist"].pk)},
        content_type="application/json",
    )
    assert no_chair.status_code == 400
    unknown = client.post(
        "/api/v1/meeting-series",
        {**good, "name": "Ander", "organisationIds": [str(users["ggz"].pk)]},
        content_type="application/json",
    )
    assert unknown.status_code == 400
    refused = api_as("procesregisseur").post("/api/v1/meeting-series", good, content_type="application/json")
    assert refused.status_code == 403 and refused["Content-Type"].startswith(PROBLEM)
    assert MeetingSeries.objects.filter(name="Individueel casusoverleg").count() == 1


def test_meeting_agenda_is_what_the_caller_may_see(api_as: ApiAs, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    body = api_as("ggz").get(f"/api/v1/meetings/{w.meeting.pk}").json()
    numbers = {i["caseNumber"] for i in body["agendaItems"]}
    assert numbers == {w.case_a.number, None} and body["hiddenItems"] == 1
    assert ProcessingLogEntry.objects.filter(action="meeting.viewed", object_id=str(w.meeting.pk)).exists()
    listed = api_as("ggz").get("/api/v1/meetings").json()
    assert str(w.meeting.pk) in str(listed)
    assert api_as("handhaver").get(f"/api/v1/meetings/{w.meeting.pk}").status_code == 404
    refused = api_as("jurist").get(f"/api/v1/meetings/{w.meeting.pk}")
    assert refused.status_code == 403 and "geheimhoudingsverklaring" in refused.json()["detail"]
    assert api_as("beheerder").get("/api/v1/meetings").status_code == 403


def test_meeting_actions_with_owner_due_date_and_overdue(
    api_as: ApiAs, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    action = action_agree(
        actor=w.users["procesregisseur"],
        item=w.item_a,
        agreement=Agreement("Huisbezoek", w.users["ggz"], timezone.localdate() + timedelta(days=3)),
    )
    body = api_as("ggz").get("/api/v1/meeting-actions").json()
    rows = body.get("results", body)
    assert [r["title"] for r in rows] == ["Huisbezoek"] and rows[0]["overdue"] is False
    assert rows[0]["owner"] == str(w.users["ggz"]) and rows[0]["caseNumber"] == w.case_a.number
    assert ProcessingLogEntry.objects.filter(action="meeting.actions_listed").exists()
    type(action.task).objects.filter(pk=action.task.pk).update(
        due_date=timezone.localdate() - timedelta(days=1)
    )
    overdue = api_as("ggz").get("/api/v1/meeting-actions?overdue=true").json()
    assert (overdue.get("results", overdue))[0]["overdue"] is True
    by_meeting = api_as("ggz").get(f"/api/v1/meeting-actions?meeting={w.meeting.pk}")
    assert by_meeting.status_code == 200
    # the police is not on case A: no actions
    police = api_as("politie").get("/api/v1/meeting-actions").json()
    assert not (police.get("results", police))
    for query in ("meeting=geen-id", "overdue=misschien"):
        bad = api_as("ggz").get(f"/api/v1/meeting-actions?{query}")
        assert bad.status_code == 400 and bad["Content-Type"].startswith(PROBLEM)
    assert api_as("privacy").get("/api/v1/meeting-actions").status_code == 403


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("procesregisseur", 200),  # the chair
        ("ggz", 200),  # a partner on the list
        ("politie", 200),
        ("jurist", 403),  # a deelnemer who has not confirmed the statement
        ("projectleider", 404),  # not invited
        ("handhaver", 404),
        ("brp", 404),
        ("analist", 403),  # roles that never see case data
        ("beheerder", 403),
        ("privacy", 403),
    ],
)
def test_every_role_on_a_meeting(
    api_as: ApiAs, meetings_world: MeetingsWorld, role: str, expected: int
) -> None:
    response = api_as(role).get(f"/api/v1/meetings/{meetings_world.meeting.pk}")
    assert response.status_code == expected
    if expected != 200:
        assert response["Content-Type"].startswith(PROBLEM)
        missing = api_as(role).get("/api/v1/meetings/00000000-0000-4000-8000-000000000000")
        assert missing.status_code == (404 if expected == 404 else missing.status_code)
