"""The case overview lists the case's procedures (through the procedures' door) and links to starting one."""

from __future__ import annotations

import pytest

from regie.accounts.models import User
from regie.cases.models import CaseMember
from regie.cases.services.team import case_member_add
from regie.procedures.models import Procedure
from tests.worlds.procedures import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure(pr_at) -> Procedure:
    return pr_at("intention")


def test_the_case_overview_links_to_its_procedures_and_to_starting_one(
    sign_in, users, world: World, procedure
):
    html = sign_in(users["projectleider"]).get(f"/casussen/{world.pr_case.pk}").content.decode()
    assert f'href="/procedures/{procedure.pk}"' in html
    assert "Handhaving permanente bewoning" in html or procedure.definition.label in html
    assert f"/procedures/starten?casus={world.pr_case.number}" in html


def test_a_partner_on_the_case_gets_no_procedure_links(
    sign_in, users: dict[str, User], world: World, procedure
):
    police = users["politie"]
    case_member_add(
        actor=users["projectleider"],
        case=world.pr_case,
        case_role="ketenpartner",
        categories=["general"],
        user=police,
        can_edit=False,
    )
    assert CaseMember.objects.filter(case=world.pr_case, user=police).exists()
    response = sign_in(police).get(f"/casussen/{world.pr_case.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"/procedures/{procedure.pk}" not in html and "/procedures/starten" not in html


def test_a_team_member_sees_the_procedures_and_an_outsider_gets_the_404(
    sign_in, users, world: World, procedure
):
    response = sign_in(users["handhaver"]).get(f"/casussen/{world.brp_case.pk}")
    assert (
        response.status_code == 404
    )  # not on the BRP case: the same 404 as a missing case, no procedure list
    html = sign_in(users["jurist"]).get(f"/casussen/{world.pr_case.pk}").content.decode()
    assert f'href="/procedures/{procedure.pk}"' in html
