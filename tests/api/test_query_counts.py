"""Every list endpoint costs the same number of queries for 5 items as for 25 (no N+1 through serializers)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from regie.accounts import services as account_services
from tests.worlds import api as f
from tests.worlds.api import World

Api = Callable[[str], Client]
_serial = count(1)


def _cases(world: World, n: int) -> None:
    for _ in range(n):
        i = next(_serial)
        f.case(
            coordinator=world.users["procesregisseur"],
            title=f"Casus {i}",
            persons=[f.person(f"Jansen{i}", home=f.address(100 + i))],
            others=[f.location(f"Kavel {i}"), f.business(f"Bedrijf {i}", f"{10000000 + i}")],
        )


def _notes(world: World, n: int) -> None:
    for _ in range(n):
        f.note(world.member_case, by=world.coordinator, text=f"Notitie {next(_serial)}")


def _tasks(world: World, n: int) -> None:
    for _ in range(n):
        f.task(
            world.member_case,
            by=world.coordinator,
            owner=world.users["politie"],
            title=f"Taak {next(_serial)}",
        )


def _documents(world: World, n: int) -> None:
    for _ in range(n):
        f.document(world.member_case, by=world.coordinator, title=f"Document {next(_serial)}")


def _members(world: World, n: int) -> None:
    for _ in range(n):
        i = next(_serial)
        colleague = account_services.user_create(
            actor=None,
            username=f"collega{i}",
            first_name="Collega",
            last_name=str(i),
            email=f"collega{i}@lingewaard.example",
            role="handhaver",
            organisation=world.users["handhaver"].organisation,
        )
        f.member(world.member_case, by=world.coordinator, user=colleague)


LISTS = {
    "cases": ("/api/v1/cases?pageSize=100", _cases),
    "persons": ("/api/v1/persons?pageSize=100", _cases),
    "addresses": ("/api/v1/addresses?pageSize=100", _cases),
    "locations": ("/api/v1/locations?pageSize=100", _cases),
    "businesses": ("/api/v1/businesses?pageSize=100", _cases),
    "search": ("/api/v1/search?q=Jansen", _cases),
    "notes": ("/api/v1/cases/{case}/notes?pageSize=100", _notes),
    "tasks": ("/api/v1/cases/{case}/tasks?pageSize=100", _tasks),
    "documents": ("/api/v1/cases/{case}/documents?pageSize=100", _documents),
    "members": ("/api/v1/cases/{case}/members?pageSize=100", _members),
    "timeline": ("/api/v1/cases/{case}/timeline?pageSize=100", _notes),
}


def _get(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries.captured_queries)


@pytest.mark.parametrize("name", LISTS)
def test_it_costs_the_same_queries_for_5_and_25_items(
    world: World, api: Api, django_assert_max_num_queries: Callable[[int], object], name: str
) -> None:
    template, grow = LISTS[name]
    url = template.format(case=world.member_case.pk)
    client = api("regisseur2" if "{case}" in template else "procesregisseur")
    grow(world, 5)
    client.get(url)  # the token's first use of the hour is logged once; measure after it
    with_five = _get(client, url)
    grow(world, 20)
    with django_assert_max_num_queries(with_five):
        response = client.get(url)
    body = response.json()
    shown = body["persons"] if name == "search" else body["results"]
    assert len(shown) >= (20 if name == "search" else 25)
    assert with_five <= 16, f"{with_five} queries for one page"
