"""The write services themselves refuse what the pages and the API also refuse (one door for writes)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regie.cases.models import CaseMember
from regie.cases.services.case import case_close, case_update
from regie.cases.services.tasks import task_create
from regie.cases.services.team import case_member_add
from tests.worlds.cases import add_member, make_world

pytestmark = pytest.mark.django_db


def test_it_refuses_granting_a_category_the_granter_cannot_see(users):
    world = make_world(users)
    # The police organisation is on the case with general data only; its user may not widen that.
    with pytest.raises(ValidationError, match="zelf in deze casus niet mag zien"):
        case_member_add(
            actor=users["politie"],
            case=world.case,
            case_role="collega",
            categories=["care"],
            user=users["handhaver"],
        )
    assert not CaseMember.objects.filter(case=world.case, user=users["handhaver"]).exists()


def test_it_lets_the_coordinator_grant_every_category(users):
    world = make_world(users)
    member = add_member(world.case, users["procesregisseur"], user=users["jurist"], categories=["justice"])
    assert member.categories == ["justice"]


def test_it_lets_a_professional_join_for_their_own_work_with_general_data_only(users):
    world = make_world(users)
    with pytest.raises(ValidationError):
        case_member_add(
            actor=users["handhaver"],
            case=world.case,
            case_role="toezicht",
            categories=["care"],
            user=users["handhaver"],
        )
    member = case_member_add(
        actor=users["handhaver"],
        case=world.case,
        case_role="toezicht",
        categories=["general"],
        user=users["handhaver"],
    )
    assert member.categories == ["general"]


def test_it_lets_only_the_coordinator_close_a_case(users):
    world = make_world(users)
    with pytest.raises(PermissionDenied):
        case_close(actor=users["ggz"], case=world.case, version=None, reason="Klaar")
    closed = case_close(
        actor=users["procesregisseur"], case=world.case, version=None, reason="Doelen bereikt"
    )
    assert closed.status == "gesloten"


def test_it_refuses_new_work_on_a_closed_case(users):
    world = make_world(users)
    case_close(actor=users["procesregisseur"], case=world.case, version=None, reason="Doelen bereikt")
    world.case.refresh_from_db()
    with pytest.raises(ValidationError, match="gesloten"):
        task_create(
            actor=users["procesregisseur"],
            case=world.case,
            title="Nog iets",
            owner=users["procesregisseur"],
            working_days=2,
        )
    with pytest.raises(ValidationError, match="gesloten"):
        add_member(world.case, users["procesregisseur"], user=users["jurist"])


def test_it_refuses_a_coordinator_who_cannot_work_on_cases_and_keeps_the_previous_one_on_the_team(users):
    world = make_world(users)
    with pytest.raises(ValidationError, match="coördinator"):
        case_update(
            actor=users["procesregisseur"], case=world.case, version=None, coordinator=users["analist"]
        )
    case_update(
        actor=users["procesregisseur"], case=world.case, version=None, coordinator=users["projectleider"]
    )
    previous = CaseMember.objects.get(case=world.case, user=users["procesregisseur"])
    assert previous.case_role == "vorige coördinator" and set(previous.categories) == {
        "general",
        "care",
        "justice",
    }
