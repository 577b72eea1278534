"""`PATCH cases/{id}` with `coordinator`: a hand-over grants every data category, so it follows the grant rule.

Case M is coordinated by regisseur2; every named case role is on its team with `general` only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from regie.cases.models import CaseMember, Task, TimelineEvent
from regie.cases.services.team import case_member_update
from regie.processing_log.models import ProcessingLogEntry
from tests.access.case_state import case_state
from tests.api.conftest import invalid_names, problem
from tests.worlds import api as f
from tests.worlds.api import World

Api = Callable[[str], Client]


def _patch(client: Client, url: str, body: object) -> Any:
    return client.patch(url, json.dumps(body), content_type="application/json")


def _url(world: World) -> str:
    return f"/api/v1/cases/{world.member_case.pk}"


def _note_texts(client: Client, world: World) -> str:
    notes = client.get(f"{_url(world)}/notes").json()["results"]
    return " ".join(n["text"] for n in notes)


def test_a_member_with_general_data_cannot_make_themselves_coordinator(world: World, api: Api) -> None:
    # The probe: a project leader who manages the team but sees only `general` took over the case and so
    # read its justice notes and care documents.
    client = api("projectleider")
    before = case_state(world.member_case)
    refused = problem(_patch(client, _url(world), {"version": 1, "coordinator": "projectleider"}), 403)
    assert "uzelf geen coördinator" in refused["detail"]
    assert "Zorg (AVG art. 9), Justitie (AVG art. 10)" in refused["detail"]
    assert case_state(world.member_case) == before
    assert "inbraak" not in _note_texts(client, world) and "Psychose" not in _note_texts(client, world)


def test_a_member_with_general_data_cannot_hand_the_case_to_a_colleague(world: World, api: Api) -> None:
    before = case_state(world.member_case)
    refused = problem(
        _patch(api("projectleider"), _url(world), {"version": 1, "coordinator": "handhaver"}), 403
    )
    assert "niet overdragen" in refused["detail"]
    assert case_state(world.member_case) == before


def test_a_team_manager_who_holds_every_category_may_take_over(world: World, api: Api) -> None:
    member = CaseMember.objects.get(case=world.member_case, user=world.users["projectleider"])
    case_member_update(
        actor=world.coordinator, member=member, categories=f.ALL, case_role="projectleider", can_edit=True
    )
    response = _patch(api("projectleider"), _url(world), {"version": 1, "coordinator": "projectleider"})
    assert response.status_code == 200, response.content
    assert response.json()["access"]["isCoordinator"] is True


def test_a_partner_who_holds_every_category_may_not_hand_over(world: World, api: Api) -> None:
    # Every category, but no team management: the police officer cannot choose the case's coordinator.
    member = CaseMember.objects.get(case=world.member_case, user=world.users["politie"])
    case_member_update(
        actor=world.coordinator, member=member, categories=f.ALL, case_role="wijkagent", can_edit=True
    )
    before = case_state(world.member_case)
    problem(_patch(api("politie"), _url(world), {"version": 1, "coordinator": "politie"}), 403)
    assert case_state(world.member_case) == before


def test_the_coordinator_hands_over_and_names_what_they_keep(world: World, api: Api) -> None:
    body = {"version": 1, "coordinator": "handhaver", "previousCoordinatorCategories": ["general"]}
    response = _patch(api("regisseur2"), _url(world), body)
    assert response.status_code == 200, response.content
    previous = CaseMember.objects.get(case=world.member_case, user=world.coordinator)
    assert (previous.case_role, previous.categories) == ("vorige coördinator", ["general"])
    assert api("regisseur2").get(_url(world)).json()["access"]["categories"] == ["general"]
    entry = ProcessingLogEntry.objects.filter(
        action="case.changed", object_id=str(world.member_case.pk)
    ).get()
    assert entry.details["coordinator"] == {"old": "regisseur2", "new": "handhaver"}
    assert entry.details["previousCoordinatorKeeps"] == ["general"]
    event = TimelineEvent.objects.filter(case=world.member_case, kind="case.coordinator_changed").get()
    assert "Noor Visser blijft in het team met: Algemeen" in event.summary


def test_without_a_choice_the_previous_coordinator_keeps_every_category_and_the_log_says_so(
    world: World, api: Api
) -> None:
    response = _patch(api("regisseur2"), _url(world), {"version": 1, "coordinator": "handhaver"})
    assert response.status_code == 200, response.content
    previous = CaseMember.objects.get(case=world.member_case, user=world.coordinator)
    assert sorted(previous.categories) == sorted(f.ALL)
    entry = ProcessingLogEntry.objects.filter(
        action="case.changed", object_id=str(world.member_case.pk)
    ).get()
    assert sorted(entry.details["previousCoordinatorKeeps"]) == sorted(f.ALL)


def test_a_coordinator_who_keeps_nothing_leaves_the_team_and_hands_over_their_tasks(
    world: World, api: Api
) -> None:
    own_task = f.task(world.member_case, by=world.coordinator, owner=world.coordinator, title="Zelf doen")
    body = {"version": 1, "coordinator": "handhaver", "previousCoordinatorCategories": []}
    response = _patch(api("regisseur2"), _url(world), body)
    assert response.status_code == 204, response.content
    problem(api("regisseur2").get(_url(world)), 404)
    assert not CaseMember.objects.filter(case=world.member_case, user=world.coordinator).exists()
    assert Task.objects.get(pk=own_task.pk).owner == world.users["handhaver"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {"coordinator": "handhaver", "previousCoordinatorCategories": ["geheim"]},
            "previousCoordinatorCategories.0",
        ),
        (
            {"coordinator": "handhaver", "previousCoordinatorCategories": "general"},
            "previousCoordinatorCategories",
        ),
        (
            {"coordinator": "handhaver", "previousCoordinatorCategories": [None]},
            "previousCoordinatorCategories.0",
        ),
        (
            {"coordinator": "handhaver", "previousCoordinatorCategories": None},
            "previousCoordinatorCategories",
        ),
        ({"title": "Nieuw", "previousCoordinatorCategories": ["general"]}, "previousCoordinatorCategories"),
        (
            {"coordinator": "regisseur2", "previousCoordinatorCategories": ["general"]},
            "previousCoordinatorCategories",
        ),
        ({"coordinator": ["handhaver"]}, "coordinator"),
        ({"coordinator": "analist"}, "coordinator"),
    ],
)
def test_it_refuses_a_bad_hand_over_and_changes_nothing(
    world: World, api: Api, body: dict[str, object], field: str
) -> None:
    before = case_state(world.member_case)
    assert invalid_names(_patch(api("regisseur2"), _url(world), {"version": 1, **body})) == {field}
    assert case_state(world.member_case) == before
