"""`cases/{id}/zaak-hand-over` against the local spec-validated Zaken API: hand over and again (one zaak), the
state, and every refusal as a Dutch problem+json with nothing changed."""

from __future__ import annotations

import json

import pytest

from regie.cases.models import CaseHandOver
from regie.cases.services.hand_over import NO_MAPPING, zaak_mapping_save
from tests.integrations.zaken_fixtures import local_zaken  # noqa: F401
from tests.worlds.cases import add_member

pytestmark = pytest.mark.django_db


def _map(world, users, zaken):
    zaak_mapping_save(
        actor=users["beheerder"],
        case_type=world.case_type,
        zaaktype=zaken.app.zaaktype(),
        coordinator_roltype=zaken.app.roltype("zaakcoordinator"),
        person_roltype=zaken.app.roltype("belanghebbende"),
        person_roles=["betrokkene"],
    )


def _url(world):
    return f"/api/v1/cases/{world.case.pk}/zaak-hand-over"


def _problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    return json.loads(response.content)


def test_a_hand_over_through_the_api_and_a_second_one_update_one_zaak(api_as, users, world, zaken):
    _map(world, users, zaken)
    client = api_as("procesregisseur")
    assert client.get(_url(world)).json() == {"handedOver": False, "last": None}
    first = client.post(_url(world))
    assert first.status_code == 200, first.content
    body = first.json()
    assert body["handedOver"] and body["last"]["identificatie"] == f"REGIE-{world.case.number}"
    assert body["last"]["handedOverBy"] == "procesregisseur" and body["last"]["persons"] == 1
    second = client.post(_url(world)).json()
    assert second["last"]["times"] == 2 and second["last"]["zaakUrl"] == body["last"]["zaakUrl"]
    assert len(zaken.app.zaken) == 1
    assert client.get(_url(world)).json()["last"]["times"] == 2


def test_a_refusal_a_fault_and_an_unreachable_zaaksysteem_are_problems_and_change_nothing(
    api_as, users, world, zaken
):
    _map(world, users, zaken)
    client = api_as("procesregisseur")
    zaken.app.fail_next(500)
    problem = _problem(client.post(_url(world)), 502)
    assert "storing (HTTP 500)" in problem["detail"] and "Er is niets gewijzigd" in problem["detail"]
    zaken.app.fail_next(400)
    assert "weigerde het verzoek (HTTP 400)" in _problem(client.post(_url(world)), 502)["detail"]
    zaken.stop()
    assert "niet bereikbaar" in _problem(client.post(_url(world)), 503)["detail"]
    assert not CaseHandOver.objects.exists()


def test_a_case_type_without_zaaktype_is_a_409(api_as, users, world, zaken):
    assert _problem(api_as("procesregisseur").post(_url(world)), 409)["detail"] == NO_MAPPING


def test_who_may_not_edit_or_see_the_case_is_refused(api_as, users, world, zaken):
    _map(world, users, zaken)
    add_member(world.case, users["procesregisseur"], user=users["jurist"], can_edit=False)
    assert _problem(api_as("jurist").post(_url(world)), 403)
    assert _problem(api_as("handhaver").post(_url(world)), 404)  # not on the case: as if it does not exist
    assert _problem(api_as("handhaver").get(_url(world)), 404)
    assert _problem(api_as("beheerder").post(_url(world)), 404)  # the role never sees cases: by id, a 404
    assert zaken.app.calls == [] and not CaseHandOver.objects.exists()


def test_a_body_is_ignored_and_a_bad_id_is_a_404(api_as, users, world, zaken):
    _map(world, users, zaken)
    client = api_as("procesregisseur")
    response = client.post(
        _url(world), data='{"zaakUrl": "https://elders.example/zaak"}', content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["last"]["zaakUrl"].startswith(zaken.url)
    assert _problem(client.post("/api/v1/cases/00000000-0000-0000-0000-000000000000/zaak-hand-over"), 404)
    assert client.post(f"/api/v1/cases/{world.case.pk}x/zaak-hand-over").status_code == 404
