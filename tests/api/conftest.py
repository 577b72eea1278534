"""A small municipality of cases for the API tests: one case the named users are on, one they are not."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.test import Client, override_settings

from regie.accounts import services as account_services
from regie.accounts.models import Organisation, User
from regie.accounts.services import api_token_create
from regie.cases.models import Case, Document, Note, Task
from regie.demo.accounts import seed_accounts
from regie.subjects.models import Business, Location, Person
from tests.api import factories as f

CASE_ROLES = ["procesregisseur", "projectleider", "handhaver", "jurist", "brp", "politie", "ggz"]
NO_CASE_ROLES = ["analist", "beheerder", "privacy"]


@pytest.fixture(scope="session", autouse=True)
def _documents_outside_the_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("documents")):
        yield


@dataclass
class World:
    users: dict[str, User]
    coordinator: User
    member_case: Case
    hidden_case: Case
    member_person: Person
    hidden_person: Person
    member_location: Location
    hidden_location: Location
    member_business: Business
    hidden_business: Business
    notes: dict[tuple[str, str], Note]
    documents: dict[tuple[str, str], Document]
    tasks: dict[str, Task]

    def case(self, which: str) -> Case:
        return self.member_case if which == "member" else self.hidden_case


def build_world() -> World:
    """Case M has every case role on its team (general only) and the no-case roles' organisations; case H nobody.

    Both are coordinated by a second process director, so the named users are only ever members.
    """
    seed_accounts()
    users = {u.username: u for u in User.objects.select_related("organisation")}
    coordinator = account_services.user_create(
        actor=None,
        username="regisseur2",
        first_name="Noor",
        last_name="Visser",
        email="regisseur2@lingewaard.example",
        role="procesregisseur",
        organisation=users["procesregisseur"].organisation,
        phone="06 1234 5699",
    )
    member_person = f.person("Jansen", given_names="Piet", home=f.address(3))
    hidden_person = f.person("Bakker", given_names="Els", home=f.address(9, "6852CD"))
    locations = [f.location("Kavel 12"), f.location("Kavel 40")]
    businesses = [f.business("Loods Jansen BV", "12345678"), f.business("Schuur Bakker VOF", "87654321")]
    member_case = f.case(
        coordinator=coordinator,
        title="Zorgen om Piet",
        persons=[member_person],
        others=[locations[0], businesses[0]],
    )
    hidden_case = f.case(
        coordinator=coordinator,
        title="Zorgen om Els",
        persons=[hidden_person],
        others=[locations[1], businesses[1]],
    )
    for username in CASE_ROLES:
        f.member(member_case, by=coordinator, user=users[username], categories=["general"])
    for username in NO_CASE_ROLES:
        organisation = users[username].organisation
        assert isinstance(organisation, Organisation)
        f.member(member_case, by=coordinator, organisation=organisation, categories=f.ALL)
    notes: dict[tuple[str, str], Note] = {}
    documents: dict[tuple[str, str], Document] = {}
    tasks: dict[str, Task] = {}
    for which, the_case in (("member", member_case), ("hidden", hidden_case)):
        notes[which, "general"] = f.note(the_case, by=coordinator, text="Overleg gepland met de buurt.")
        notes[which, "care"] = f.note(
            the_case, by=coordinator, category="care", text="Psychose, medicatie gestopt."
        )
        notes[which, "justice"] = f.note(
            the_case, by=coordinator, category="justice", text="Verdachte van inbraak, proces-verbaal."
        )
        documents[which, "general"] = f.document(the_case, by=coordinator, title="Rapport algemeen")
        documents[which, "care"] = f.document(
            the_case, by=coordinator, category="care", title="Medisch verslag", content=f.PNG
        )
        tasks[which] = f.task(the_case, by=coordinator, title="Huisbezoek plannen")
    return World(
        users=users,
        coordinator=coordinator,
        member_case=member_case,
        hidden_case=hidden_case,
        member_person=member_person,
        hidden_person=hidden_person,
        member_location=locations[0],
        hidden_location=locations[1],
        member_business=businesses[0],
        hidden_business=businesses[1],
        notes=notes,
        documents=documents,
        tasks=tasks,
    )


@pytest.fixture(scope="module")
def shared(django_db_setup: None, django_db_blocker: Any) -> Iterator[tuple[World, dict[str, str]]]:
    """The world and an API token per user, built once per module inside one transaction that is rolled back
    at the end; every test runs in a savepoint inside it (pytest-django's `db`), so tests stay independent."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_world()
            everyone = [*world.users.values(), world.coordinator]
            tokens = {u.username: api_token_create(actor=u, user=u, name="test").secret for u in everyone}
            yield world, tokens
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def world(shared: tuple[World, dict[str, str]], db: None) -> World:
    return shared[0]


@pytest.fixture
def api(shared: tuple[World, dict[str, str]], db: None) -> Callable[[str], Client]:
    """An API client with the named user's personal token."""

    def _client(username: str) -> Client:
        return Client(HTTP_AUTHORIZATION=f"Token {shared[1][username]}")

    return _client


def problem(response: Any, status: int) -> dict[str, Any]:
    """The problem document of a response, after checking its status and media type."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"]
    body = json.loads(response.content)
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def invalid_names(response: Any) -> set[str]:
    """The names in `invalidParams` of a 400 problem."""
    return {p["name"] for p in problem(response, 400).get("invalidParams", [])}


def without_instance(body: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k != "instance"}
