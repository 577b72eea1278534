"""Fixtures for the API tests: the API world (tests/worlds/api.py) built once per module, and tokens."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import transaction
from django.test import Client, override_settings

from regie.accounts.services import api_token_create
from tests.worlds.api import World, build_world


@pytest.fixture(scope="session", autouse=True)
def _documents_outside_the_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("documents")):
        yield


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
