"""A task's owner must be able to see its case: `task_create` refuses anyone else, and saves nothing then."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from regie.access.case_access import cases_visible_to
from regie.accounts.models import User
from regie.accounts.services import api_token_create, user_update
from regie.cases.models import Case, Task, TimelineEvent
from regie.cases.services.emergency import break_the_glass_start
from regie.cases.services.tasks import OWNER_CANNOT_SEE_CASE, may_own_task, task_create
from regie.cases.services.team import case_member_remove
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.cases import World, make_case

pytestmark = pytest.mark.django_db

REASON = "Acute dreiging bij de woning gemeld door de meldkamer, direct overleg nodig."


def _state(case: Case) -> tuple[object, ...]:
    case.refresh_from_db()
    return (
        Task.objects.count(),
        TimelineEvent.objects.filter(case=case).count(),
        ProcessingLogEntry.objects.count(),
        case.next_deadline,
        case.version,
    )


def _refused(director: User, case: Case, owner: User) -> dict[str, list[str]]:
    before = _state(case)
    with pytest.raises(ValidationError) as caught:
        task_create(actor=director, case=case, title="Huisbezoek plannen", owner=owner, working_days=5)
    assert _state(case) == before, "a refused task must leave nothing behind"
    return caught.value.message_dict


@pytest.mark.parametrize("username", ["handhaver", "jurist", "analist", "privacy"])
def test_it_refuses_an_owner_who_cannot_see_the_case(users, world: World, username):
    owner = users[username]
    assert not cases_visible_to(owner).filter(pk=world.case.pk).exists()
    errors = _refused(users["procesregisseur"], world.case, owner)
    assert errors == {"owner": [OWNER_CANNOT_SEE_CASE]}


def test_it_refuses_an_owner_who_sees_the_case_only_through_break_the_glass(users, world: World):
    """An emergency access ends within hours; the task would stay in the owner's list after it."""
    leader, director = users["projectleider"], users["procesregisseur"]
    case = make_case(leader, world.case_type, title="Casus van de projectleider")
    break_the_glass_start(actor=director, case_id=case.pk, reason=REASON)
    assert cases_visible_to(director).filter(pk=case.pk).exists()
    assert _refused(leader, case, director) == {"owner": [OWNER_CANNOT_SEE_CASE]}


def test_it_names_every_field_at_once_when_more_is_wrong(users, world: World):
    before = _state(world.case)
    with pytest.raises(ValidationError) as caught:
        task_create(actor=users["procesregisseur"], case=world.case, title=" ", owner=users["handhaver"])
    assert set(caught.value.message_dict) == {"title", "owner"}
    assert _state(world.case) == before


def test_a_blocked_owner_is_told_so_rather_than_that_they_cannot_see_the_case(users, world: World):
    ggz = users["ggz"]
    user_update(actor=users["beheerder"], user=ggz, version=None, is_active=False)
    ggz.refresh_from_db()
    assert _refused(users["procesregisseur"], world.case, ggz) == {
        "owner": ["Deze gebruiker is geblokkeerd."]
    }


@pytest.mark.parametrize("username", ["procesregisseur", "ggz", "politie"])
def test_it_accepts_the_coordinator_a_user_member_and_a_user_of_a_member_organisation(
    users, world: World, username
):
    owner = users[username]
    assert may_own_task(owner, world.case)
    task = task_create(actor=users["procesregisseur"], case=world.case, title="Bellen", owner=owner)
    assert task.owner == owner
    assert ProcessingLogEntry.objects.filter(action="case.task_created", object_id=str(task.pk)).exists()


def test_the_api_refuses_it_through_the_service_with_a_400_on_owner(users, world: World):
    director = users["procesregisseur"]
    client = Client(
        HTTP_AUTHORIZATION=f"Token {api_token_create(actor=director, user=director, name='t').secret}"
    )
    before = Task.objects.count()
    response = client.post(
        f"/api/v1/cases/{world.case.pk}/tasks",
        {"title": "Huisbezoek", "owner": "handhaver"},
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    assert [p["name"] for p in response.json()["invalidParams"]] == ["owner"]
    assert Task.objects.count() == before


def test_taking_a_member_off_the_team_hands_their_open_tasks_to_the_coordinator(users, world: World) -> None:
    director, ggz, police = users["procesregisseur"], users["ggz"], users["politie"]
    open_task = task_create(actor=director, case=world.case, title="Huisbezoek plannen", owner=ggz)
    done_task = task_create(actor=director, case=world.case, title="Dossier lezen", owner=ggz)
    Task.objects.filter(pk=done_task.pk).update(done_at=timezone.now())
    police_task = task_create(actor=director, case=world.case, title="Buurtonderzoek", owner=police)

    case_member_remove(actor=director, member=world.ggz)

    open_task.refresh_from_db()
    done_task.refresh_from_db()
    police_task.refresh_from_db()
    assert open_task.owner_id == director.pk and open_task.version == 2
    assert done_task.owner_id == ggz.pk  # history stays as it was
    assert police_task.owner_id == police.pk  # still on the team through the police organisation
    assert TimelineEvent.objects.filter(case=world.case, kind="task.reassigned").count() == 1
    assert not cases_visible_to(ggz).filter(pk=world.case.pk).exists()
