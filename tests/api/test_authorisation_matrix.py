"""Who sees what through the API: every role × endpoint × relation to the case, through the one access door.

- member: the named user is on case M's team with only `general` (for analist, beheerder and privacy: their
  organisation is on the team — and still they see nothing, because their role never sees case data);
- non-member: case H, which nobody of them is on;
- break-the-glass: the process director on case H after `break_the_glass_start`.

Collections answer 403 to roles without case access; anything by id answers a 404 that is identical (apart
from `instance`) to the 404 for an id that does not exist. Every allowed read lands in the processing log.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client

from regie.access.case_access import get_case_for
from regie.processing_log.models import ProcessingLogEntry
from tests.api.conftest import problem, without_instance
from tests.worlds import api as f
from tests.worlds.api import CASE_ROLES, NO_CASE_ROLES, World

pytestmark = pytest.mark.postgres

BSN_ROLES = {"procesregisseur", "projectleider", "handhaver", "jurist", "brp"}
BY_ID = ["detail", "notes", "tasks", "members", "documents", "document-content", "timeline", "person"]
COLLECTIONS = ["list", "persons", "search", "hit-check"]
READ_ACTIONS = {
    "detail": "case.viewed",
    "notes": "case.notes_viewed",
    "tasks": "case.tasks_viewed",
    "members": "case.members_viewed",
    "documents": "case.documents_viewed",
    "document-content": "document.downloaded",
    "timeline": "case.timeline_viewed",
    "person": "person.viewed",
    "list": "case.listed",
    "persons": "person.listed",
    "search": "search.performed",
    "hit-check": "hit_check.asked",
}


def _matrix() -> Iterator[Any]:
    for role in CASE_ROLES + NO_CASE_ROLES:
        relations = ["member", "non-member"] + (["break-the-glass"] if role == "procesregisseur" else [])
        for relation in relations:
            for endpoint in BY_ID + COLLECTIONS:
                yield pytest.param(role, relation, endpoint, id=f"{role}-{relation}-{endpoint}")


def _url(
    endpoint: str, world: World, case_id: object, document_id: object = None, person_id: object = None
) -> str:
    if endpoint == "person":
        return f"/api/v1/persons/{person_id}"
    base = f"/api/v1/cases/{case_id}"
    if endpoint == "detail":
        return base
    if endpoint == "document-content":
        return f"{base}/documents/{document_id}/content"
    return f"{base}/{endpoint}"


def _collection(client: Client, endpoint: str, world: World, which: str) -> Any:
    person = world.member_person if which == "member" else world.hidden_person
    if endpoint == "list":
        return client.get("/api/v1/cases?pageSize=100")
    if endpoint == "persons":
        return client.get("/api/v1/persons?pageSize=100")
    if endpoint == "search":
        return client.get(f"/api/v1/search?q={person.surname}")
    return client.post("/api/v1/hit-checks", {"bsn": person.bsn}, content_type="application/json")


def _data_entries(user_id: int) -> int:
    """Log entries about data (token use is a security event, logged on first use of a token)."""
    return ProcessingLogEntry.objects.filter(actor_id=user_id).exclude(action__startswith="token.").count()


def _log_count(user_id: int, action: str) -> int:
    return ProcessingLogEntry.objects.filter(actor_id=user_id, action=action).count()


@pytest.mark.parametrize(("role", "relation", "endpoint"), list(_matrix()))
def test_it_shows_each_role_only_what_the_door_lets_through(
    world: World, api: Callable[[str], Client], role: str, relation: str, endpoint: str
) -> None:
    user = world.users[role]
    if relation == "break-the-glass":
        f.break_the_glass(world.hidden_case, user=user)
    which = "member" if relation == "member" else "hidden"
    case = world.case(which)
    sees_case_data = role in CASE_ROLES
    allowed = sees_case_data and relation in ("member", "break-the-glass")
    client = api(role)
    action = READ_ACTIONS[endpoint]
    logged_before = _log_count(user.pk, action)
    all_logged_before = _data_entries(user.pk)

    if endpoint in COLLECTIONS:
        response = _collection(client, endpoint, world, which)
        if not sees_case_data:
            problem(response, 403)
            assert _data_entries(user.pk) == all_logged_before
            return
        assert response.status_code == 200, response.content
        body = json.loads(response.content)
        _check_collection(endpoint, body, world, role, which, allowed)
        assert _log_count(user.pk, action) == logged_before + 1
        return

    document = world.documents[which, "general"]
    person = world.member_person if which == "member" else world.hidden_person
    response = client.get(_url(endpoint, world, case.pk, document.pk, person.pk))
    if not allowed:
        hidden = problem(response, 404)
        missing = problem(client.get(_url(endpoint, world, uuid.uuid4(), uuid.uuid4(), uuid.uuid4())), 404)
        assert without_instance(hidden) == without_instance(missing)
        assert str(case.number) not in response.content.decode()
        assert _data_entries(user.pk) == all_logged_before
        return
    assert response.status_code == 200, response.content
    entry = ProcessingLogEntry.objects.filter(actor_id=user.pk, action=action).order_by("-seq").first()
    assert entry is not None and _log_count(user.pk, action) == logged_before + 1
    assert person.pk in entry.person_ids
    if endpoint == "person":
        body = json.loads(response.content)
        assert entry.object_id == str(person.pk) and body["id"] == str(person.pk)
        assert ("bsn" in body) == (role in BSN_ROLES)
        assert [c["id"] for c in body["cases"]] == [str(case.pk)]
        return
    assert entry.break_the_glass == (relation == "break-the-glass")
    if endpoint == "document-content":
        assert b"".join(response.streaming_content) == f.PDF
        assert entry.object_id == str(document.pk)
        return
    assert entry.object_id == str(case.pk)
    body = json.loads(response.content)
    _check_case_item(endpoint, body, world, relation, role)


def _check_collection(
    endpoint: str, body: dict[str, Any], world: World, role: str, which: str, allowed: bool
) -> None:
    emergency = which == "hidden" and allowed  # the hidden case is only visible through break-the-glass
    if endpoint == "list":
        ids = {c["id"] for c in body["results"]}
        assert str(world.member_case.pk) in ids
        assert (str(world.hidden_case.pk) in ids) == emergency
    elif endpoint == "persons":
        ids = {p["id"] for p in body["results"]}
        assert str(world.member_person.pk) in ids
        assert (str(world.hidden_person.pk) in ids) == emergency
        assert all(("bsn" in p) == (role in BSN_ROLES) for p in body["results"])
    elif endpoint == "search":
        person = world.member_person if which == "member" else world.hidden_person
        ids = {p["id"] for p in body["persons"]}
        assert (str(person.pk) in ids) == allowed
        assert all(("bsn" in p) == (role in BSN_ROLES) for p in body["persons"])
    else:
        assert body["known"] is True and body["contacts"]
        assert set(body) == {"known", "contacts"}
        assert all(set(c) == {"name", "organisation", "phone", "email"} for c in body["contacts"])
        text = json.dumps(body)
        for case in (world.member_case, world.hidden_case):
            assert case.number not in text and case.title not in text


def _check_case_item(endpoint: str, body: dict[str, Any], world: World, relation: str, role: str) -> None:
    visible = {"general"} if relation == "member" else set(f.ALL)
    if endpoint == "detail":
        assert set(body["access"]["categories"]) == visible
        assert body["access"]["breakTheGlass"] == (relation == "break-the-glass")
        return
    items = body["results"]
    if endpoint in ("notes", "documents", "timeline"):
        assert items and {item["category"] for item in items} <= visible
    if endpoint == "notes" and relation == "member":
        texts = " ".join(n["text"] for n in items)
        assert "Psychose" not in texts and "inbraak" not in texts
    if endpoint == "tasks":
        assert [t["title"] for t in items] == ["Huisbezoek plannen"]
    if endpoint == "members" and relation == "member":
        # A member sees who takes part, not the memberships that give nobody access (the organisations of the roles
        # without cases); only a team manager sees those, to take them off (tests/cases/test_team_participants).
        manages_team = get_case_for(world.users[role], world.member_case.pk, log=False).can_manage_team
        assert len(items) == len(CASE_ROLES) + (len(NO_CASE_ROLES) if manages_team else 0)
