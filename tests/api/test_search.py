"""`search` and `hit-checks`: only through the door, always logged, a hit never names the case."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.test import Client

from regie.processing_log.models import ProcessingLogEntry
from tests.api.conftest import invalid_names
from tests.worlds.api import World

pytestmark = pytest.mark.postgres

Api = Callable[[str], Client]


def _ask(client: Client, body: object) -> object:
    return client.post("/api/v1/hit-checks", json.dumps(body), content_type="application/json")


def test_it_finds_visible_persons_and_cases_and_logs_the_search(world: World, api: Api) -> None:
    body = api("procesregisseur").get("/api/v1/search?q=Jansen").json()
    assert [p["id"] for p in body["persons"]] == [str(world.member_person.pk)]
    assert body["persons"][0]["bsn"] == world.member_person.bsn
    by_number = api("politie").get(f"/api/v1/search?q={world.member_case.number}").json()
    assert [c["id"] for c in by_number["cases"]] == [str(world.member_case.pk)]
    assert "bsn" not in json.dumps(api("politie").get("/api/v1/search?q=Jansen").json())
    entry = ProcessingLogEntry.objects.filter(
        action="search.performed", actor_username="procesregisseur"
    ).get()
    assert world.member_person.pk in entry.person_ids


def test_it_never_finds_a_hidden_case_or_person(world: World, api: Api) -> None:
    client = api("politie")
    for q in ("Bakker", world.hidden_case.number, world.hidden_person.bsn, "inbraak", "psychose"):
        assert client.get(f"/api/v1/search?q={q}").json() == {"persons": [], "cases": []}


@pytest.mark.parametrize("query", ["", "?q=", "?q=" + "x" * 101])
def test_it_wants_a_search_term(api: Api, query: str) -> None:
    assert invalid_names(api("politie").get(f"/api/v1/search{query}")) == {"q"}


def test_it_answers_a_hit_with_contacts_only(world: World, api: Api) -> None:
    response = _ask(api("ggz"), {"bsn": world.hidden_person.bsn})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body == {
        "known": True,
        "contacts": [
            {
                "name": "Noor Visser",
                "organisation": "Team Zorg en Veiligheid",
                "phone": "06 1234 5699",
                "email": "regisseur2@lingewaard.example",
            }
        ],
    }
    entry = ProcessingLogEntry.objects.get(action="hit_check.asked", actor_username="ggz")
    assert entry.person_ids == [world.hidden_person.pk] and entry.details["known"] is True


def test_it_asks_by_name_and_birth_date(world: World, api: Api) -> None:
    body = {"surname": "Bakker", "givenNames": "Els", "birthDate": "1980-05-17"}
    assert _ask(api("politie"), body).json()["known"] is True
    assert _ask(api("politie"), body | {"birthDate": "1981-05-17"}).json() == {"known": False, "contacts": []}
    assert _ask(api("politie"), {"bsn": "111222333"}).json() == {"known": False, "contacts": []}
    assert ProcessingLogEntry.objects.filter(action="hit_check.asked", actor_username="politie").count() == 3


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"bsn": "123456789"}, "bsn"),
        ({"bsn": "12345"}, "bsn"),
        ({"bsn": "abcdefghi"}, "bsn"),
        ({}, "bsn"),
        ({"surname": "Bakker"}, "bsn"),
        ({"birthDate": "1980-05-17"}, "bsn"),
        ({"surname": "Bakker", "birthDate": "17-05-1980"}, "birthDate"),
        ({"surname": "x" * 121, "birthDate": "1980-05-17"}, "surname"),
    ],
)
def test_it_refuses_a_bad_question_and_logs_nothing(api: Api, body: dict[str, object], field: str) -> None:
    assert invalid_names(_ask(api("politie"), body)) == {field}
    assert not ProcessingLogEntry.objects.filter(action="hit_check.asked").exists()
