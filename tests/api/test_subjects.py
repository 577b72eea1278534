"""`persons`, `addresses`, `locations`, `businesses`: only subjects of visible cases; BSN only for municipal staff."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from regie.cases.services.case import SubjectRef, case_subject_add
from regie.processing_log.models import ProcessingLogEntry
from tests.api.conftest import invalid_names, problem, without_instance
from tests.worlds.api import World

Api = Callable[[str], Client]


@pytest.mark.parametrize(
    ("role", "shown"), [("procesregisseur", True), ("brp", True), ("politie", False), ("ggz", False)]
)
def test_it_shows_the_bsn_only_to_municipal_case_workers(
    world: World, api: Api, role: str, shown: bool
) -> None:
    response = api(role).get(f"/api/v1/persons/{world.member_person.pk}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert ("bsn" in body) == shown
    if shown:
        assert body["bsn"] == world.member_person.bsn
    assert world.member_person.bsn not in response.content.decode() or shown
    entry = ProcessingLogEntry.objects.filter(
        action="person.viewed", object_id=str(world.member_person.pk)
    ).get()
    assert entry.actor_username == role


def test_it_lists_only_the_visible_cases_of_a_person(world: World, api: Api) -> None:
    case_subject_add(
        actor=world.coordinator,
        case=world.hidden_case,
        ref=SubjectRef(role="bewoner", person=world.member_person),
    )
    body = api("politie").get(f"/api/v1/persons/{world.member_person.pk}").json()
    assert [c["id"] for c in body["cases"]] == [str(world.member_case.pk)]
    both = api("regisseur2").get(f"/api/v1/persons/{world.member_person.pk}").json()["cases"]
    assert {c["id"] for c in both} == {str(world.member_case.pk), str(world.hidden_case.pk)}


def test_it_answers_a_hidden_person_like_a_missing_one(world: World, api: Api) -> None:
    hidden = problem(api("politie").get(f"/api/v1/persons/{world.hidden_person.pk}"), 404)
    missing = problem(api("politie").get(f"/api/v1/persons/{world.member_case.pk}"), 404)
    assert without_instance(hidden) == without_instance(missing)
    assert not ProcessingLogEntry.objects.filter(action="person.viewed", actor_username="politie").exists()


def test_it_filters_persons_with_q_and_never_by_bsn_for_partners(world: World, api: Api) -> None:
    assert [p["surname"] for p in api("ggz").get("/api/v1/persons?q=jans").json()["results"]] == ["Jansen"]
    assert api("ggz").get(f"/api/v1/persons?q={world.member_person.bsn}").json()["count"] == 0
    by_bsn = api("jurist").get(f"/api/v1/persons?q={world.member_person.bsn}").json()["results"]
    assert [p["id"] for p in by_bsn] == [str(world.member_person.pk)]
    assert invalid_names(api("jurist").get("/api/v1/persons?q=" + "x" * 101)) == {"q"}
    entry = ProcessingLogEntry.objects.filter(action="person.listed", actor_username="jurist").first()
    assert entry is not None and world.member_person.pk in entry.person_ids


def test_it_filters_locations_by_kind_and_gives_geojson(world: World, api: Api) -> None:
    client = api("projectleider")
    lots = client.get("/api/v1/locations?kind=park-lot").json()["results"]
    assert [loc["id"] for loc in lots] == [str(world.member_location.pk)]
    assert lots[0]["geometry"] == {"type": "Point", "coordinates": [6.0312, 51.9021]}
    assert client.get("/api/v1/locations?kind=farm-shed").json()["count"] == 0
    assert invalid_names(client.get("/api/v1/locations?kind=kasteel")) == {"kind"}
    detail = client.get(f"/api/v1/locations/{world.member_location.pk}")
    assert detail.status_code == 200 and detail.json()["kind"] == "park-lot"
    problem(client.get(f"/api/v1/locations/{world.hidden_location.pk}"), 404)


def test_it_shows_only_businesses_of_visible_cases(world: World, api: Api) -> None:
    client = api("handhaver")
    body = client.get("/api/v1/businesses").json()
    assert [b["kvkNumber"] for b in body["results"]] == [world.member_business.kvk_number]
    assert client.get(f"/api/v1/businesses/{world.member_business.pk}").json()["name"] == "Loods Jansen BV"
    hidden = problem(client.get(f"/api/v1/businesses/{world.hidden_business.pk}"), 404)
    missing = problem(client.get(f"/api/v1/businesses/{world.member_case.pk}"), 404)
    assert without_instance(hidden) == without_instance(missing)


def test_it_lists_the_home_addresses_of_visible_persons(world: World, api: Api) -> None:
    client = api("brp")
    body = client.get("/api/v1/addresses").json()
    assert [a["id"] for a in body["results"]] == [str(world.member_person.address_id)]
    detail = client.get(f"/api/v1/addresses/{world.member_person.address_id}")
    assert detail.status_code == 200
    assert detail.json()["postcode"] == "6851AB"
    hidden = problem(client.get(f"/api/v1/addresses/{world.hidden_person.address_id}"), 404)
    missing = problem(client.get(f"/api/v1/addresses/{world.member_case.pk}"), 404)
    assert without_instance(hidden) == without_instance(missing)
    entry = ProcessingLogEntry.objects.get(action="address.viewed", actor_username="brp")
    assert entry.person_ids == [world.member_person.pk]


@pytest.mark.parametrize("path", ["persons", "addresses", "locations", "businesses"])
@pytest.mark.parametrize("role", ["analist", "beheerder", "privacy"])
def test_it_refuses_subject_lists_to_roles_without_case_access(api: Api, path: str, role: str) -> None:
    problem(api(role).get(f"/api/v1/{path}"), 403)
