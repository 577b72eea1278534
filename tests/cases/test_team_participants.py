"""Need-to-know on the case team: only who takes part in cases can be added (page, API and service), nothing is
granted by default, and a partner's team list shows only who takes part."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError

from regie.accounts.models import Organisation
from regie.cases.models import CaseMember
from regie.cases.services.team import case_member_add

pytestmark = pytest.mark.django_db

NOT_TAKING_PART = ("Functioneel Beheer", "Informatie en Monitoring", "Functionaris Gegevensbescherming")


def _org(name: str) -> Organisation:
    return Organisation.objects.get(name=name)


def _add(who: str) -> dict[str, object]:
    return {"member": who, "case_role": "meelezer", "categories": ["general"]}


def test_it_offers_only_who_takes_part_in_cases(sign_in, users, world):
    page = sign_in(users["procesregisseur"]).get(f"/casussen/{world.case.pk}/team").content.decode()
    offered = page[page.index('id="toevoegen"') :]
    for name in NOT_TAKING_PART:
        assert f'value="org:{_org(name).pk}"' not in offered
    for role in ("analist", "beheerder", "privacy"):
        assert f'value="user:{users[role].pk}"' not in offered
    assert f'value="org:{_org("GGZ Rivierenland Oost").pk}"' in offered
    assert f'value="org:{_org("Team Zorg en Veiligheid").pk}"' in offered
    assert f'value="user:{users["brp"].pk}"' in offered
    # Nothing is granted unasked: no category and no edit right is pre-checked.
    assert " checked" not in offered


@pytest.mark.parametrize("name", NOT_TAKING_PART)
def test_the_page_refuses_an_organisation_that_does_not_take_part(sign_in, users, world, name):
    before = CaseMember.objects.count()
    response = sign_in(users["procesregisseur"]).post(
        f"/casussen/{world.case.pk}/team/toevoegen", _add(f"org:{_org(name).pk}")
    )
    assert response.status_code == 400
    assert "Kies een gebruiker of organisatie uit de lijst." in response.content.decode()
    assert CaseMember.objects.count() == before


def test_the_service_refuses_them_too(users, world):
    director = users["procesregisseur"]
    with pytest.raises(ValidationError) as org_error:
        case_member_add(
            actor=director,
            case=world.case,
            case_role="meelezer",
            categories=["general"],
            organisation=_org("Functioneel Beheer"),
        )
    assert "er werkt niemand die aan casussen deelneemt" in str(org_error.value)
    with pytest.raises(ValidationError) as user_error:
        case_member_add(
            actor=director,
            case=world.case,
            case_role="meelezer",
            categories=["general"],
            user=users["analist"],
        )
    assert "de rol werkt niet aan casussen" in str(user_error.value)
    assert not CaseMember.objects.filter(case=world.case, user=users["analist"]).exists()


def _post_json(client, url: str, body: object):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_api_refuses_them_with_a_problem_and_grants_no_edit_right_by_default(sign_in, users, world):
    client = sign_in(users["procesregisseur"])
    url = f"/api/v1/cases/{world.case.pk}/members"
    refused = _post_json(
        client,
        url,
        {
            "organisation": str(_org("Informatie en Monitoring").pk),
            "caseRole": "x",
            "categories": ["general"],
        },
    )
    assert refused.status_code == 400 and refused["Content-Type"] == "application/problem+json"
    assert refused.json()["invalidParams"][0]["name"] == "organisation"
    assert "deelneemt" in refused.json()["invalidParams"][0]["reason"]
    added = _post_json(client, url, {"user": "jurist", "caseRole": "jurist", "categories": ["general"]})
    assert added.status_code == 201, added.content
    assert added.json()["canEdit"] is False


def _dead_membership(world) -> CaseMember:
    """A membership from before the rule: a department whose people never work on cases."""
    return CaseMember.objects.create(
        case=world.case, organisation=_org("Functioneel Beheer"), case_role="beheer", categories=["general"]
    )


def test_a_partner_sees_only_who_takes_part_and_the_manager_sees_what_to_remove(sign_in, users, world):
    dead = _dead_membership(world)
    partner = sign_in(users["ggz"]).get(f"/casussen/{world.case.pk}/team").content.decode()
    assert "Functioneel Beheer" not in partner and "Politie basisteam" in partner
    manager = sign_in(users["procesregisseur"]).get(f"/casussen/{world.case.pk}/team").content.decode()
    assert "Functioneel Beheer" in manager and "Neemt geen deel aan casussen" in manager
    api_partner = sign_in(users["ggz"]).get(f"/api/v1/cases/{world.case.pk}/members").json()
    assert str(dead.pk) not in {m["id"] for m in api_partner["results"]}
    assert api_partner["count"] == 2
    api_manager = sign_in(users["procesregisseur"]).get(f"/api/v1/cases/{world.case.pk}/members").json()
    assert str(dead.pk) in {m["id"] for m in api_manager["results"]}
