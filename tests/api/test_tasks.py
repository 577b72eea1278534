"""`cases/{id}/tasks` and their completion: due dates from the terms module, versions against lost updates."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from regie.cases.models import Case, Task
from tests.api.conftest import invalid_names, problem
from tests.worlds import api as f
from tests.worlds.api import World

Api = Callable[[str], Client]


def _post(client: Client, url: str, body: object) -> object:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_it_adds_a_task_and_moves_the_next_deadline(world: World, api: Api) -> None:
    due = timezone.localdate() + timedelta(days=10)
    url = f"/api/v1/cases/{world.member_case.pk}/tasks"
    response = _post(
        api("handhaver"), url, {"title": "Hercontrole", "owner": "jurist", "dueDate": due.isoformat()}
    )
    assert response.status_code == 201, response.content
    assert response.json()["owner"]["username"] == "jurist" and response.json()["dueDate"] == due.isoformat()
    assert Case.objects.get(pk=world.member_case.pk).next_deadline == due


def test_it_counts_working_days_through_the_terms_module(world: World, api: Api) -> None:
    url = f"/api/v1/cases/{world.member_case.pk}/tasks"
    response = _post(api("handhaver"), url, {"title": "Triage", "owner": "handhaver", "workingDays": 2})
    assert response.status_code == 201, response.content
    assert "werkdagen" in response.json()["dueExplanation"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"owner": "niemand"}, "owner"),
        ({"owner": "analist"}, "owner"),
        ({"owner": "regisseur2", "dueDate": "2001-01-01"}, "dueDate"),
        ({"dueDate": "31-12-2030"}, "dueDate"),
        ({"period": "zes weken"}, "period"),
        ({"workingDays": 0}, "workingDays"),
        ({"workingDays": "veel"}, "workingDays"),
    ],
)
def test_it_refuses_a_bad_task_and_saves_nothing(
    world: World, api: Api, change: dict[str, object], field: str
) -> None:
    before = Task.objects.count()
    body = {"title": "Huisbezoek", "owner": "handhaver"} | change
    assert invalid_names(_post(api("handhaver"), f"/api/v1/cases/{world.member_case.pk}/tasks", body)) == {
        field
    }
    assert Task.objects.count() == before


def test_it_refuses_a_task_for_someone_who_cannot_open_the_case(world: World, api: Api) -> None:
    the_case = f.case(coordinator=world.coordinator)
    body = {"title": "Bellen", "owner": "politie"}
    assert invalid_names(_post(api("regisseur2"), f"/api/v1/cases/{the_case.pk}/tasks", body)) == {"owner"}


def test_it_completes_a_task_once_with_the_version_it_read(world: World, api: Api) -> None:
    task = world.tasks["member"]
    url = f"/api/v1/cases/{world.member_case.pk}/tasks/{task.pk}/completion"
    problem(_post(api("politie"), url, {"version": 7}), 409)
    response = _post(api("politie"), url, {"version": 1})
    assert response.status_code == 200, response.content
    assert response.json()["doneAt"] and response.json()["version"] == 2
    assert invalid_names(_post(api("politie"), url, {"version": 2})) == {"task"}
    assert invalid_names(_post(api("politie"), url, {})) == {"version"}


def test_it_hides_a_task_of_another_case_behind_the_same_404(world: World, api: Api) -> None:
    other = world.tasks["hidden"]
    url = f"/api/v1/cases/{world.member_case.pk}/tasks/{other.pk}/completion"
    problem(_post(api("politie"), url, {"version": 1}), 404)
    assert Task.objects.get(pk=other.pk).done_at is None


def test_it_lets_a_read_only_member_not_add_or_complete_tasks(world: World, api: Api) -> None:
    the_case = f.case(coordinator=world.coordinator)
    f.member(the_case, by=world.coordinator, user=world.users["ggz"], can_edit=False)
    task = f.task(the_case, by=world.coordinator)
    client = api("ggz")
    problem(_post(client, f"/api/v1/cases/{the_case.pk}/tasks", {"title": "x", "owner": "ggz"}), 403)
    problem(_post(client, f"/api/v1/cases/{the_case.pk}/tasks/{task.pk}/completion", {"version": 1}), 403)
    assert client.get(f"/api/v1/cases/{the_case.pk}/tasks").json()["count"] == 1
