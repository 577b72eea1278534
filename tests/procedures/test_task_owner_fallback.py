"""The engine gives a deadline and its task only to someone who can see the case: the role's holder on the team,
else the coordinator, else the one who takes the step — never a blocked coordinator (which broke the step)."""

from __future__ import annotations

import pytest

from regie.access.case_access import cases_visible_to
from regie.accounts.services import user_update
from regie.cases.models import Case, Task
from regie.cases.services.case import SubjectRef, case_create
from regie.cases.services.tasks import may_own_task
from regie.cases.services.team import case_member_add
from regie.procedures.models import Deadline
from tests.worlds.procedures import World

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

SIGNAL = {"signal": "Melding van buren"}


def _case_without_inspector(world: World) -> Case:
    """A permanent-residence case of the project leader with only the lawyer on its team (no inspector)."""
    leader = world.users["projectleider"]
    assert leader.organisation is not None
    case = case_create(
        actor=leader,
        case_type=world.pr_case.case_type,
        title="Permanente bewoning zonder handhaver",
        coordinator=leader,
        municipality=leader.organisation.municipality,
        subjects=[
            SubjectRef(role="locatie", address=world.park_address),
            SubjectRef(role="bewoner", person=world.resident),
        ],
    )
    case_member_add(
        actor=leader, case=case, case_role="jurist", categories=["general"], user=world.users["jurist"]
    )
    return case


def _inspection_owners(case: Case) -> tuple[str, str]:
    deadline = Deadline.objects.get(procedure__case=case, code="inspection")
    task = Task.objects.get(pk=deadline.task_id)
    assert task.case_id == case.pk and may_own_task(task.owner, case)
    assert cases_visible_to(task.owner).filter(pk=case.pk).exists()
    return deadline.owner.username, task.owner.username


def test_it_gives_the_inspectors_term_to_the_inspector_on_the_team(world, start):
    start("jurist", world.pr_case, "permanent-residence", "2026-02-20", data=SIGNAL)
    assert _inspection_owners(world.pr_case) == ("handhaver", "handhaver")


def test_without_an_inspector_on_the_team_the_coordinator_gets_it(world, start):
    case = _case_without_inspector(world)
    start("jurist", case, "permanent-residence", "2026-02-20", data=SIGNAL)
    assert _inspection_owners(case) == ("projectleider", "projectleider")


def test_a_blocked_coordinator_is_passed_over_for_the_one_who_takes_the_step(world, start):
    case = _case_without_inspector(world)
    user_update(
        actor=world.users["beheerder"], user=world.users["projectleider"], version=None, is_active=False
    )
    case.refresh_from_db()
    result = start("jurist", case, "permanent-residence", "2026-02-20", data=SIGNAL)
    assert result.procedure.current_step == "signal"
    assert _inspection_owners(case) == ("jurist", "jurist")


def test_an_inspector_who_left_the_team_gets_no_new_tasks(world, start):
    from regie.cases.models import CaseMember
    from regie.cases.services.team import case_member_remove

    member = CaseMember.objects.get(case=world.pr_case, user=world.users["handhaver"])
    case_member_remove(actor=world.users["projectleider"], member=member)
    start("jurist", world.pr_case, "permanent-residence", "2026-02-20", data=SIGNAL)
    assert _inspection_owners(world.pr_case) == ("projectleider", "projectleider")
