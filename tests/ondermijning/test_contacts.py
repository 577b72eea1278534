"""Contact persons per area (park management, entrepreneurs' association, LTO): the project leader keeps them, the
municipal team reads them (logged), nobody else; bad input in Dutch with nothing written; the API the same."""

from __future__ import annotations

import pytest

from regie.ondermijning.models import AreaContact
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.ondermijning import OndermijningWorld

pytestmark = pytest.mark.django_db
GOOD = {
    "role": "parkmanagement",
    "organisation": "Parkmanagement Nieuwgraaf",
    "name": "Marieke van Aalst",
    "phone": "026 325 1400",
    "email": "parkmanager@nieuwgraaf.nl",
}


def _url(world: OndermijningWorld, rest: str = "nieuw") -> str:
    return f"/ondermijning/gebieden/{world.estate.pk}/contacten/{rest}"


def test_the_project_leader_adds_a_contact_and_the_team_reads_it_logged(
    sign_in, world: OndermijningWorld
) -> None:
    leader = sign_in(world.users["projectleider"])
    assert leader.get(_url(world)).status_code == 200
    assert leader.post(_url(world), GOOD).status_code == 302
    contact = AreaContact.objects.get(area=world.estate)
    assert contact.name == "Marieke van Aalst" and contact.created_by == world.users["projectleider"]
    html = sign_in(world.users["handhaver"]).get(f"/ondermijning/gebieden/{world.estate.pk}").content.decode()
    assert "Marieke van Aalst" in html and "parkmanager@nieuwgraaf.nl" in html
    entry = (
        ProcessingLogEntry.objects.filter(action="ondermijning_area.contacts_viewed").order_by("seq").last()
    )
    assert entry is not None and entry.actor_username == "handhaver" and entry.details["contacts"] == 1


def test_a_contact_is_changed_and_removed(sign_in, world: OndermijningWorld) -> None:
    leader = sign_in(world.users["projectleider"])
    leader.post(_url(world), GOOD)
    contact = AreaContact.objects.get(area=world.estate)
    assert leader.get(_url(world, str(contact.pk))).status_code == 200
    assert leader.post(_url(world, str(contact.pk)), {**GOOD, "name": "Karin de Wit"}).status_code == 302
    contact.refresh_from_db()
    assert contact.name == "Karin de Wit"
    assert leader.post(_url(world, str(contact.pk)), {"verwijderen": "1"}).status_code == 302
    assert not AreaContact.objects.exists()


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"role": "burgemeester"}, "Selecteer een geldige keuze"),
        ({"organisation": ""}, "Vul de organisatie in"),
        ({"name": "   "}, "Vul de naam van de contactpersoon in"),
        ({"phone": "bel mij", "email": ""}, "geldig telefoonnummer"),
        ({"email": "geen-adres"}, "geldig e-mailadres"),
        ({"phone": "", "email": ""}, "telefoonnummer of e-mailadres"),
        ({"name": "x" * 161}, "161"),
    ],
)
def test_bad_contact_input_is_refused_in_dutch(sign_in, world: OndermijningWorld, bad, message) -> None:  # type: ignore[no-untyped-def]
    refused = sign_in(world.users["projectleider"]).post(_url(world), {**GOOD, **bad})
    assert refused.status_code == 400 and message in refused.content.decode()
    assert not AreaContact.objects.exists()


def test_only_the_project_leader_keeps_contacts_and_partners_never_see_them(
    sign_in, world: OndermijningWorld
) -> None:
    sign_in(world.users["projectleider"]).post(_url(world), GOOD)
    contact = AreaContact.objects.get()
    for name in ("handhaver", "jurist"):
        client = sign_in(world.users[name])
        assert client.get(_url(world)).status_code == 403
        assert client.post(_url(world, str(contact.pk)), {"verwijderen": "1"}).status_code == 403
    for name in ("politie", "brp", "analist"):
        client = sign_in(world.users[name])
        assert client.get(_url(world)).status_code in (403, 404)
        assert client.get(f"/ondermijning/gebieden/{world.estate.pk}").status_code in (403, 404)
    leader = sign_in(world.users["projectleider"])
    assert leader.get(f"/ondermijning/gebieden/{world.rural.pk}/contacten/{contact.pk}").status_code == 404
    assert AreaContact.objects.count() == 1


def test_contacts_api(api_as, world: OndermijningWorld) -> None:
    url = f"/api/v1/areas/{world.estate.pk}/contacts"
    created = api_as("projectleider").post(url, GOOD, content_type="application/json")
    assert created.status_code == 201 and created.json()["name"] == "Marieke van Aalst"
    listed = api_as("handhaver").get(url)
    assert listed.status_code == 200 and [c["organisation"] for c in listed.json()] == [GOOD["organisation"]]
    assert ProcessingLogEntry.objects.filter(action="ondermijning_area.contacts_viewed").exists()
    for name in ("politie", "analist", "brp"):
        assert api_as(name).get(url).status_code == 403
    assert api_as("handhaver").post(url, GOOD, content_type="application/json").status_code == 403
    assert api_as("handhaver").get("/api/v1/areas/not-an-id/contacts").status_code == 404
    for bad in (
        {**GOOD, "role": "x"},
        {**GOOD, "email": "", "phone": ""},
        {**GOOD, "email": "nee"},
        {"role": "lto"},
    ):
        refused = api_as("projectleider").post(url, bad, content_type="application/json")
        assert refused.status_code == 400 and refused["Content-Type"].startswith("application/problem+json")
    assert AreaContact.objects.count() == 1
