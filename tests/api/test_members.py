"""`cases/{id}/members`: the team, managed by the coordinator and team managers, never widening anyone's view."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

import pytest
from django.test import Client

from regie.accounts.models import Organisation
from regie.cases.models import CaseMember
from tests.api.conftest import invalid_names, problem
from tests.worlds import api as f
from tests.worlds.api import World

Api = Callable[[str], Client]


def _post(client: Client, url: str, body: object) -> object:
    return client.post(url, json.dumps(body), content_type="application/json")


def _organisation(name: str) -> Organisation:
    return Organisation.objects.get(name=name)


def test_it_adds_a_user_and_an_organisation_to_the_team(world: World, api: Api) -> None:
    the_case = f.case(coordinator=world.coordinator)
    url = f"/api/v1/cases/{the_case.pk}/members"
    client = api("regisseur2")
    person = _post(client, url, {"user": "ggz", "caseRole": "behandelaar", "categories": ["general", "care"]})
    assert person.status_code == 201, person.content
    assert person.json()["user"]["username"] == "ggz" and person.json()["categories"] == ["care", "general"]
    housing = _organisation("Woonstichting Lingestroom")
    body = {
        "organisation": str(housing.pk),
        "caseRole": "verhuurder",
        "categories": ["general"],
        "canEdit": False,
    }
    organisation = _post(client, url, body)
    assert organisation.status_code == 201, organisation.content
    assert (
        organisation.json()["organisation"]["name"] == housing.name
        and organisation.json()["canEdit"] is False
    )
    assert api("ggz").get(f"/api/v1/cases/{the_case.pk}").status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"user": "ggz", "caseRole": "behandelaar", "categories": []}, "categories"),
        ({"user": "ggz", "caseRole": "behandelaar"}, "categories"),
        ({"user": "ggz", "caseRole": "behandelaar", "categories": ["geheim"]}, "categories"),
        ({"user": "ggz", "caseRole": "", "categories": ["general"]}, "caseRole"),
        ({"user": "niemand", "caseRole": "x", "categories": ["general"]}, "user"),
        ({"user": "analist", "caseRole": "x", "categories": ["general"]}, "user"),
        ({"user": "politie", "caseRole": "x", "categories": ["general"]}, "user"),
        ({"caseRole": "x", "categories": ["general"]}, "user"),
        (
            {"user": "ggz", "organisation": str(uuid.uuid4()), "caseRole": "x", "categories": ["general"]},
            "organisation",
        ),
        ({"organisation": "geen-uuid", "caseRole": "x", "categories": ["general"]}, "organisation"),
        ({"organisation": str(uuid.uuid4()), "caseRole": "x", "categories": ["general"]}, "organisation"),
    ],
)
def test_it_refuses_a_bad_member_and_saves_nothing(
    world: World, api: Api, body: dict[str, object], field: str
) -> None:
    before = CaseMember.objects.count()
    url = f"/api/v1/cases/{world.member_case.pk}/members"
    assert invalid_names(_post(api("regisseur2"), url, body)) == {field}
    assert CaseMember.objects.count() == before


def test_it_lets_nobody_grant_a_category_they_may_not_see_themselves(world: World, api: Api) -> None:
    # The project leader manages the team of case M but sees only `general` there: adding their own
    # organisation with `care` would hand them the care notes.
    own = world.users["projectleider"].organisation
    assert own is not None
    url = f"/api/v1/cases/{world.member_case.pk}/members"
    body = {"organisation": str(own.pk), "caseRole": "afdeling", "categories": ["general", "care"]}
    assert invalid_names(_post(api("projectleider"), url, body)) == {"categories"}
    assert not CaseMember.objects.filter(case=world.member_case, organisation=own).exists()


def test_it_lets_only_team_managers_change_the_team(world: World, api: Api) -> None:
    url = f"/api/v1/cases/{world.member_case.pk}/members"
    member = CaseMember.objects.get(case=world.member_case, user=world.users["ggz"])
    problem(_post(api("handhaver"), url, {"user": "ggz", "caseRole": "x", "categories": ["general"]}), 403)
    problem(api("politie").delete(f"{url}/{member.pk}"), 403)
    assert CaseMember.objects.filter(pk=member.pk).exists()


def test_it_removes_a_member_who_then_gets_the_same_404(world: World, api: Api) -> None:
    member = CaseMember.objects.get(case=world.member_case, user=world.users["ggz"])
    url = f"/api/v1/cases/{world.member_case.pk}/members/{member.pk}"
    assert api("regisseur2").delete(url).status_code == 204
    problem(api("regisseur2").delete(url), 404)
    problem(api("ggz").get(f"/api/v1/cases/{world.member_case.pk}"), 404)


def test_it_hides_a_member_of_another_case_behind_the_same_404(world: World, api: Api) -> None:
    other = f.member(world.hidden_case, by=world.coordinator, user=world.users["brp"])
    problem(api("regisseur2").delete(f"/api/v1/cases/{world.member_case.pk}/members/{other.pk}"), 404)
    assert CaseMember.objects.filter(pk=other.pk).exists()
