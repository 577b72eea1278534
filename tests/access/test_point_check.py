"""The door's point check for one case (`visible_case_q`) lets through exactly the cases of the user's visible set
(`cases_visible_to`): the same four ways in, asked of one case instead of building every id the user may see."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from regie.access.case_access import cases_visible_to, get_case_for, visible_case_q
from regie.cases.models import BreakTheGlass, Case
from tests.worlds.cases import add_member, make_case, make_case_type, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(users):
    director = users["procesregisseur"]
    case_type = make_case_type(users["beheerder"])
    coordinated = make_case(director, case_type, person=make_person(director), title="Eigen casus")
    by_user = make_case(director, case_type, title="Met de GGZ als teamlid")
    add_member(by_user, director, user=users["ggz"], categories=["general"])
    by_organisation = make_case(director, case_type, title="Met de politie als organisatie")
    add_member(by_organisation, director, organisation=users["politie"].organisation, categories=["general"])
    emergency = make_case(users["projectleider"], case_type, title="Noodtoegang loopt")
    expired = make_case(users["projectleider"], case_type, title="Noodtoegang verlopen")
    now = timezone.now()
    for case, expires in ((emergency, now + timedelta(hours=2)), (expired, now - timedelta(minutes=1))):
        BreakTheGlass.objects.create(case=case, user=users["brp"], reason="Spoed", expires_at=expires)
    return [coordinated, by_user, by_organisation, emergency, expired]


ROLES = ["procesregisseur", "projectleider", "ggz", "politie", "brp", "handhaver", "jurist"]


@pytest.mark.parametrize("role", ROLES)
def test_the_point_check_agrees_with_the_visible_set_for_every_case(users, cases, role):
    user = users[role]
    in_set = set(cases_visible_to(user).filter(pk__in=[c.pk for c in cases]).values_list("pk", flat=True))
    for case in cases:
        by_point = Case.objects.filter(pk=case.pk).filter(visible_case_q(user)).exists()
        assert by_point == (case.pk in in_set), (role, case.title)


def test_the_point_check_sees_what_the_rules_say(users, cases):
    coordinated, by_user, by_organisation, emergency, expired = cases

    def sees(role: str) -> set[str]:
        return {c.title for c in cases if Case.objects.filter(pk=c.pk, title=c.title).filter(
            visible_case_q(users[role])).exists()}

    assert {coordinated.title, by_user.title, by_organisation.title} <= sees("procesregisseur")
    assert sees("ggz") == {by_user.title}
    assert sees("politie") == {by_organisation.title}
    assert emergency.title in sees("brp") and expired.title not in sees("brp")


def test_get_case_for_answers_the_same_404_for_missing_not_visible_and_no_case_role(users, cases):
    coordinated = cases[0]
    assert get_case_for(users["procesregisseur"], coordinated.pk, log=False).case == coordinated
    for role in ("ggz", "analist", "beheerder", "privacy"):
        with pytest.raises(Http404):
            get_case_for(users[role], coordinated.pk, log=False)
