"""Handing the coordination over on the team page: only who sees every category may, and says what the previous
coordinator keeps. The case is coordinated by the process director; GGZ is on it with general and care."""

from __future__ import annotations

import re

import pytest

from regie.cases.models import Case, CaseMember
from regie.cases.services.case import case_close
from tests.access.case_state import case_state
from tests.worlds.cases import add_member

pytestmark = pytest.mark.django_db

HAND_OVER = "Coördinatie overdragen"


def _url(world) -> str:
    return f"/casussen/{world.case.pk}/team/coordinatie-overdragen"


def _form(world, new, keeps=("general",), **overrides):
    data = {
        "coordinator": str(new.pk),
        "previous_coordinator_categories": list(keeps),
        "version": str(Case.objects.get(pk=world.case.pk).version),
    }
    data.update(overrides)
    return data


def test_the_coordinator_hands_over_and_chooses_what_they_keep(sign_in, users, world):
    client = sign_in(users["procesregisseur"])
    assert HAND_OVER in client.get(f"/casussen/{world.case.pk}/team").content.decode()
    response = client.post(_url(world), _form(world, users["handhaver"], keeps=["general", "care"]))
    assert response.status_code == 302 and response["Location"].endswith("/team")
    assert Case.objects.get(pk=world.case.pk).coordinator == users["handhaver"]
    previous = CaseMember.objects.get(case=world.case, user=users["procesregisseur"])
    assert (previous.case_role, previous.categories) == ("vorige coördinator", ["care", "general"])
    team = client.get(f"/casussen/{world.case.pk}/team").content.decode()
    assert "vorige coördinator" in team and HAND_OVER not in team  # no longer theirs to hand over


def test_a_coordinator_who_keeps_nothing_leaves_the_team_and_lands_on_the_case_list(sign_in, users, world):
    response = sign_in(users["procesregisseur"]).post(_url(world), _form(world, users["handhaver"], keeps=[]))
    assert response.status_code == 302 and response["Location"] == "/casussen"
    assert not CaseMember.objects.filter(case=world.case, user=users["procesregisseur"]).exists()


def test_a_project_leader_with_general_data_cannot_take_over_on_the_page(sign_in, users, world):
    add_member(world.case, users["procesregisseur"], user=users["projectleider"], case_role="projectleider")
    client = sign_in(users["projectleider"])
    assert HAND_OVER not in client.get(f"/casussen/{world.case.pk}/team").content.decode()
    before = case_state(world.case)
    response = client.post(_url(world), _form(world, users["projectleider"]))
    assert response.status_code == 403
    html = response.content.decode()
    assert (
        "U kunt uzelf geen coördinator maken" in html and "Zorg (AVG art. 9), Justitie (AVG art. 10)" in html
    )
    assert case_state(world.case) == before


def test_a_member_who_does_not_manage_the_team_gets_a_403(sign_in, users, world):
    before = case_state(world.case)
    response = sign_in(users["ggz"]).post(_url(world), _form(world, users["ggz"]))
    assert response.status_code == 403
    assert case_state(world.case) == before


def test_the_edit_form_on_the_overview_does_not_change_the_coordinator(sign_in, users, world):
    # The other HTML path: the overview's change form has no coordinator; a sent one is ignored.
    data = {
        "title": "Nieuwe titel",
        "status": "open",
        "priority": "normaal",
        "version": str(world.case.version),
    }
    client = sign_in(users["procesregisseur"])
    assert (
        client.post(
            f"/casussen/{world.case.pk}/wijzigen", {**data, "coordinator": users["jurist"].pk}
        ).status_code
        == 302
    )
    assert Case.objects.get(pk=world.case.pk).coordinator == users["procesregisseur"]


@pytest.mark.parametrize(
    ("overrides", "message", "status"),
    [
        ({"coordinator": ""}, "Dit veld is verplicht.", 400),
        ({"coordinator": "analist"}, "Kies een nieuwe coördinator uit de lijst.", 400),
        ({"coordinator": "procesregisseur"}, "Kies een nieuwe coördinator uit de lijst.", 400),
        ({"coordinator": "geen-getal"}, "Kies een nieuwe coördinator uit de lijst.", 400),
        ({"previous_coordinator_categories": ["geheim"]}, "Onbekende gegevenscategorie.", 400),
        ({"version": ""}, "Dit veld is verplicht.", 400),
        ({"version": "1x"}, "Voer een geheel getal in.", 400),
        ({"version": "0"}, "Iemand anders heeft deze casus intussen gewijzigd.", 409),
    ],
)
def test_it_refuses_a_bad_hand_over_in_dutch_and_changes_nothing(
    sign_in, users, world, overrides, message, status
):
    if overrides.get("coordinator") in users:
        overrides = {"coordinator": str(users[overrides["coordinator"]].pk)}
    before = case_state(world.case)
    response = sign_in(users["procesregisseur"]).post(
        _url(world), _form(world, users["handhaver"], **overrides)
    )
    assert response.status_code == status
    assert message in response.content.decode()
    assert case_state(world.case) == before


def test_a_closed_case_shows_no_hand_over_and_refuses_one(sign_in, users, world):
    case_close(actor=users["procesregisseur"], case=world.case, version=None, reason="Doelen bereikt")
    client = sign_in(users["procesregisseur"])
    assert HAND_OVER not in client.get(f"/casussen/{world.case.pk}/team").content.decode()
    before = case_state(world.case)
    response = client.post(_url(world), _form(world, users["handhaver"]))
    assert response.status_code == 400 and "gesloten" in response.content.decode()
    assert case_state(world.case) == before


def test_the_hand_over_and_add_member_forms_grant_nothing_by_default(sign_in, users, world):
    html = sign_in(users["procesregisseur"]).get(f"/casussen/{world.case.pk}/team").content.decode()
    for name in ("previous_coordinator_categories", "categories", "can_edit"):
        for tag in re.findall(rf'<input[^>]*name="{name}"[^>]*>', html):
            assert "checked" not in tag, tag
    assert 'name="previous_coordinator_categories"' in html and 'name="can_edit"' in html
