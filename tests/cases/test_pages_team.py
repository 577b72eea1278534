"""The case team: managed by the coordinator (and directors who may edit); others only look."""

from __future__ import annotations

import pytest

from regie.accounts.models import Organisation
from regie.cases.models import CaseMember

pytestmark = pytest.mark.django_db


def _add(who, **overrides):
    data = {"member": who, "case_role": "wijkagent", "categories": ["general"], "can_edit": "on"}
    data.update(overrides)
    return data


def test_it_adds_a_user_with_a_role_and_categories(sign_in, users, world):
    jurist = users["jurist"]
    client = sign_in(users["procesregisseur"])
    response = client.post(
        f"/casussen/{world.case.pk}/team/toevoegen",
        _add(f"user:{jurist.pk}", case_role="jurist", categories=["general", "justice"]),
    )
    assert response.status_code == 302
    member = CaseMember.objects.get(case=world.case, user=jurist)
    assert member.case_role == "jurist" and member.categories == ["general", "justice"] and member.can_edit
    html = client.get(f"/casussen/{world.case.pk}/team").content.decode()
    assert "Pieter Kuipers" in html and "Justitie (AVG art. 10)" in html


def test_it_adds_a_whole_organisation(sign_in, users, world):
    housing = Organisation.objects.get(name="Woonstichting Lingestroom")
    response = sign_in(users["procesregisseur"]).post(
        f"/casussen/{world.case.pk}/team/toevoegen", _add(f"org:{housing.pk}", case_role="verhuurder")
    )
    assert response.status_code == 302
    assert CaseMember.objects.filter(case=world.case, organisation=housing, categories=["general"]).exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"categories": []}, "Kies minstens één gegevenscategorie die dit teamlid mag zien."),
        ({"categories": ["geheim"]}, "Onbekende gegevenscategorie."),
        ({"case_role": ""}, "Vul de rol in de casus in."),
        ({"member": ""}, "Dit veld is verplicht."),
        ({"member": "user:analist"}, "Kies een gebruiker of organisatie uit de lijst."),
        ({"member": "user:ggz"}, "Kies een gebruiker of organisatie uit de lijst."),  # already on the team
    ],
)
def test_it_refuses_bad_team_input_in_dutch_and_adds_nobody(sign_in, users, world, overrides, message):
    if overrides.get("member", "").startswith("user:"):
        overrides = {"member": f"user:{users[overrides['member'][5:]].pk}"}
    before = CaseMember.objects.count()
    data = _add(f"user:{users['jurist'].pk}", **overrides)
    response = sign_in(users["procesregisseur"]).post(f"/casussen/{world.case.pk}/team/toevoegen", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert CaseMember.objects.count() == before


def test_it_changes_and_removes_a_member(sign_in, users, world):
    client = sign_in(users["procesregisseur"])
    prefix = f"m{world.police.pk.hex[:12]}"
    changed = client.post(
        f"/casussen/{world.case.pk}/team/{world.police.pk}",
        {f"{prefix}-case_role": "recherche", f"{prefix}-categories": ["general", "justice"]},
    )
    assert changed.status_code == 302
    world.police.refresh_from_db()
    assert world.police.categories == ["general", "justice"] and not world.police.can_edit
    removed = client.post(f"/casussen/{world.case.pk}/team/{world.police.pk}/verwijderen")
    assert removed.status_code == 302
    assert not CaseMember.objects.filter(pk=world.police.pk).exists()
    assert sign_in(users["politie"]).get(f"/casussen/{world.case.pk}").status_code == 404


def test_it_refuses_a_change_without_categories(sign_in, users, world):
    prefix = f"m{world.police.pk.hex[:12]}"
    response = sign_in(users["procesregisseur"]).post(
        f"/casussen/{world.case.pk}/team/{world.police.pk}", {f"{prefix}-case_role": "recherche"}
    )
    assert response.status_code == 400
    assert "Kies minstens één gegevenscategorie" in response.content.decode()
    world.police.refresh_from_db()
    assert world.police.categories == ["general"]


def test_it_lets_team_members_who_may_not_manage_only_look(sign_in, users, world):
    client = sign_in(users["ggz"])
    page = client.get(f"/casussen/{world.case.pk}/team").content.decode()
    assert "Teamlid toevoegen" not in page and "Johan Bosman" not in page  # the organisation, not its people
    assert "Politie basisteam" in page
    add = client.post(f"/casussen/{world.case.pk}/team/toevoegen", _add(f"user:{users['jurist'].pk}"))
    remove = client.post(f"/casussen/{world.case.pk}/team/{world.police.pk}/verwijderen")
    assert add.status_code == remove.status_code == 403
    assert CaseMember.objects.filter(pk=world.police.pk).exists()


def test_it_answers_a_member_of_another_case_with_404(sign_in, users, world):
    from tests.worlds.cases import add_member, make_case

    other = make_case(users["procesregisseur"], world.case_type, title="Andere")
    stranger = add_member(other, users["procesregisseur"], user=users["brp"])
    response = sign_in(users["procesregisseur"]).post(
        f"/casussen/{world.case.pk}/team/{stranger.pk}/verwijderen"
    )
    assert response.status_code == 404
    assert CaseMember.objects.filter(pk=stranger.pk).exists()
