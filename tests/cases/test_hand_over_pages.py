"""The "Overdragen aan zaaksysteem" button on the case overview and the zaaktype mapping under beheer, against the
local spec-validated Zaken API: who may, what the page shows, and bad input answered in Dutch."""

from __future__ import annotations

import pytest

from regie.cases.models import CaseHandOver, ZaakTypeMapping
from regie.cases.services.hand_over import zaak_mapping_save
from regie.processing_log.models import ProcessingLogEntry
from tests.integrations.zaken_fixtures import local_zaken  # noqa: F401
from tests.worlds.cases import add_member

pytestmark = pytest.mark.django_db

BUTTON = "Overdragen aan zaaksysteem"


def _map(world, users, zaken):
    return zaak_mapping_save(
        actor=users["beheerder"],
        case_type=world.case_type,
        zaaktype=zaken.app.zaaktype(),
        coordinator_roltype=zaken.app.roltype("behandelaar"),
        person_roltype=zaken.app.roltype("belanghebbende"),
        person_roles=["betrokkene"],
        open_statustype=zaken.app.statustype("in-behandeling"),
    )


def _url(world):
    return f"/casussen/{world.case.pk}/overdragen-zaaksysteem"


def test_the_coordinator_hands_the_case_over_and_sees_its_state(sign_in, users, world, zaken):
    _map(world, users, zaken)
    client = sign_in(users["procesregisseur"])
    page = client.get(f"/casussen/{world.case.pk}").content.decode()
    assert BUTTON in page and "nog niet overgedragen" in page
    response = client.post(_url(world), follow=True)
    page = response.content.decode()
    assert f"overgedragen aan het zaaksysteem als zaak REGIE-{world.case.number}" in page
    assert (
        f"<dd>REGIE-{world.case.number}</dd>" in page and "Opnieuw overdragen werkt dezelfde zaak bij" in page
    )
    client.post(_url(world))
    assert len(zaken.app.zaken) == 1 and CaseHandOver.objects.get(case=world.case).times == 2
    assert "(2 keer overgedragen)" in client.get(f"/casussen/{world.case.pk}").content.decode()


def test_a_failing_zaaksysteem_is_said_on_the_page_and_nothing_is_recorded(sign_in, users, world, zaken):
    _map(world, users, zaken)
    zaken.app.fail_next(500)
    page = sign_in(users["procesregisseur"]).post(_url(world), follow=True).content.decode()
    assert "Het zaaksysteem gaf een storing (HTTP 500)" in page and "Er is niets gewijzigd in Regie" in page
    assert "nog niet overgedragen" in page and not CaseHandOver.objects.exists()
    assert ProcessingLogEntry.objects.filter(action="case.hand_over_failed").count() == 1


def test_without_a_mapping_the_page_says_the_beheerder_sets_it(sign_in, users, world, zaken):
    client = sign_in(users["procesregisseur"])
    page = client.get(f"/casussen/{world.case.pk}").content.decode()
    assert BUTTON not in page and "nog geen zaaktype ingesteld" in page
    page = client.post(_url(world), follow=True).content.decode()
    assert "nog geen zaaktype ingesteld" in page and zaken.app.calls == []


def test_who_may_only_read_the_case_gets_no_button_and_is_refused(sign_in, users, world, zaken):
    _map(world, users, zaken)
    add_member(world.case, users["procesregisseur"], user=users["jurist"], can_edit=False)
    client = sign_in(users["jurist"])
    assert BUTTON not in client.get(f"/casussen/{world.case.pk}").content.decode()
    assert client.post(_url(world)).status_code == 403
    assert sign_in(users["handhaver"]).post(_url(world)).status_code == 404  # not on the case: as if missing
    assert zaken.app.calls == [] and not CaseHandOver.objects.exists()


# --- the zaaktype mapping (beheer) ---


def _mapping_form(zaken, **overrides):
    data = {
        "zaaktype": zaken.app.zaaktype(),
        "coordinator_roltype": zaken.app.roltype("behandelaar"),
        "person_roltype": zaken.app.roltype("belanghebbende"),
        "person_roles": ["betrokkene", "bewoner"],
        "open_statustype": "",
        "closed_statustype": zaken.app.statustype("afgerond"),
        "confidentiality": "vertrouwelijk",
    }
    data.update(overrides)
    return data


def test_the_beheerder_sets_the_zaaktype_mapping_and_it_is_logged(sign_in, users, world, zaken):
    client = sign_in(users["beheerder"])
    assert (
        f"/beheer/casustypen/{world.case_type.pk}/zaaksysteem"
        in client.get("/beheer/casustypen").content.decode()
    )
    url = f"/beheer/casustypen/{world.case_type.pk}/zaaksysteem"
    assert client.get(url).status_code == 200
    response = client.post(url, _mapping_form(zaken))
    assert response.status_code == 302
    mapping = ZaakTypeMapping.objects.get(case_type=world.case_type)
    assert mapping.person_roles == ["betrokkene", "bewoner"] and mapping.open_statustype == ""
    assert ProcessingLogEntry.objects.filter(action="case_type.zaak_mapping_changed").count() == 1
    stale = client.post(
        url, _mapping_form(zaken, version=str(mapping.version - 1 if mapping.version > 1 else 0))
    )
    assert stale.status_code == 409


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("zaaktype", "", "Dit veld is verplicht."),
        ("zaaktype", "geen adres", "Vul een volledig adres in dat begint met https://"),
        (
            "coordinator_roltype",
            "ftp://catalogi/roltypen/1",
            "Vul een volledig adres in dat begint met https://",
        ),
        ("zaaktype", "https://x.nl/" + "a" * 1000, "Een adres is hoogstens 1000 tekens."),
        ("person_roltype", "", "Kies het roltype waarin de betrokken personen meegaan"),
        ("person_roles", ["onbekend"], "Kies alleen rollen uit de lijst."),
        ("confidentiality", "geheim", "Kies een bestaande vertrouwelijkheid."),
    ],
)
def test_bad_input_on_the_mapping_is_answered_in_dutch_and_nothing_is_saved(
    sign_in, users, world, zaken, field, value, message
):
    url = f"/beheer/casustypen/{world.case_type.pk}/zaaksysteem"
    response = sign_in(users["beheerder"]).post(url, _mapping_form(zaken, **{field: value}))
    assert response.status_code == 400 and message in response.content.decode()
    assert not ZaakTypeMapping.objects.exists()
    assert not ProcessingLogEntry.objects.filter(action="case_type.zaak_mapping_changed").exists()


def test_only_the_beheerder_keeps_the_mapping(sign_in, users, world, zaken):
    url = f"/beheer/casustypen/{world.case_type.pk}/zaaksysteem"
    client = sign_in(users["procesregisseur"])
    assert client.get(url).status_code == 403
    assert client.post(url, _mapping_form(zaken)).status_code == 403
    assert not ZaakTypeMapping.objects.exists()
