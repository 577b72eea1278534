"""Addresses by postcode and house number checked in the BAG, or by hand and marked "niet gecontroleerd" (issue 21),
against the local, spec-validated BAG on 127.0.0.1."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from regie.integrations.local.bag_server import LocalBag
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Address, Person
from regie.subjects.services import RegisterUnavailable, address_bag_check, address_enter
from tests.integrations.registers import TOWN_NUMMERAANDUIDING, TOWN_OBJECT, local_bag  # noqa: F401
from tests.worlds.cases import make_world

pytestmark = pytest.mark.django_db

TOWN = {"postcode": "6921 ab", "house_number": "3", "house_letter": "B", "addition": "2"}


@pytest.fixture
def world(users: Any) -> Any:
    return make_world(users)


def test_an_address_by_postcode_and_number_is_checked_in_the_bag_and_stores_its_ids(bag: LocalBag) -> None:
    address = address_enter(actor=None, postcode="6921 ab", house_number=3, house_letter="b", addition="2")
    assert (address.street, address.city, address.postcode) == ("Dorpsstraat", "Duiven", "6921AB")
    assert (address.bag_id, address.bag_object_id) == (TOWN_NUMMERAANDUIDING, TOWN_OBJECT)
    assert address.bag_checked_at is not None
    assert ProcessingLogEntry.objects.filter(action="address.bag_checked", object_id=str(address.pk)).exists()


def test_no_match_in_the_bag_is_a_dutch_message_and_nothing_is_stored(bag: LocalBag) -> None:
    with pytest.raises(ValidationError) as raised:
        address_enter(actor=None, postcode="6921AB", house_number=3)  # without its letter and addition
    assert "De BAG kent geen adres" in raised.value.message_dict["postcode"][0]
    assert not Address.objects.filter(postcode="6921AB").exists()


def test_manual_entry_stays_possible_and_is_not_checked(bag: LocalBag) -> None:
    address = address_enter(
        actor=None, postcode="6921AB", house_number=99, street="Nieuwe Weg", city="Duiven", manual=True
    )
    assert address.bag_checked_at is None and address.bag_object_id == "" and bag.requests == []


def test_without_a_bag_connection_the_address_is_entered_by_hand(settings: Any) -> None:
    settings.REGIE_BAG_URL = ""
    address = address_enter(
        actor=None, postcode="6921AB", house_number=5, street="Dorpsstraat", city="Duiven"
    )
    assert address.bag_checked_at is None


@pytest.mark.parametrize(
    ("data", "field"),
    [({"postcode": "12345"}, "postcode"), ({"postcode": "0921AB"}, "postcode"), ({"house_letter": "%"}, "house_letter"),
     ({"addition": "a-b"}, "addition"), ({"house_number": "0"}, "house_number")],
)  # fmt: skip
def test_bad_input_gets_a_dutch_message_at_its_field(
    sign_in: Any, users: Any, world: Any, bag: LocalBag, data: dict[str, str], field: str
) -> None:
    response = sign_in(users["procesregisseur"]).post(f"/personen/{world.person.pk}/adres", {**TOWN, **data})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors, errors
    assert bag.requests == [] and Person.objects.get(pk=world.person.pk).address_id == world.person.address_id


def test_the_person_page_enters_a_bag_checked_home_address(
    sign_in: Any, users: Any, world: Any, bag: LocalBag
) -> None:
    client = sign_in(users["procesregisseur"])
    assert "Woonadres vastleggen" in client.get(f"/personen/{world.person.pk}").content.decode()
    response = client.post(f"/personen/{world.person.pk}/adres", TOWN, follow=True)
    assert "Het woonadres is vastgelegd." in response.content.decode()
    person = Person.objects.select_related("address").get(pk=world.person.pk)
    assert person.address is not None and person.address.bag_object_id == TOWN_OBJECT


def test_a_manual_home_address_shows_niet_gecontroleerd(
    sign_in: Any, users: Any, world: Any, bag: LocalBag
) -> None:
    client = sign_in(users["procesregisseur"])
    data = {
        "postcode": "6921AB",
        "house_number": "98",
        "manual": "on",
        "street": "Nieuwe Weg",
        "city": "Duiven",
    }
    html = client.post(f"/personen/{world.person.pk}/adres", data, follow=True).content.decode()
    assert "Nieuwe Weg 98" in html and "(niet gecontroleerd)" in html
    address = Person.objects.get(pk=world.person.pk).address
    assert address is not None
    assert "niet gecontroleerd" in client.get(f"/adressen/{address.pk}").content.decode()


def test_a_bag_that_is_down_is_shown_and_nothing_changes(
    sign_in: Any, users: Any, world: Any, bag: LocalBag
) -> None:
    bag.fault = "500"
    response = sign_in(users["procesregisseur"]).post(f"/personen/{world.person.pk}/adres", TOWN)
    assert response.status_code == 502 and "De BAG heeft een storing" in response.content.decode()
    assert Person.objects.get(pk=world.person.pk).address_id == world.person.address_id
    with pytest.raises(RegisterUnavailable):
        address_bag_check(actor=None, address=Address.objects.get(pk=world.person.address_id))


def test_controleren_in_de_bag_on_the_address_page(
    sign_in: Any, users: Any, world: Any, bag: LocalBag
) -> None:
    client = sign_in(users["procesregisseur"])
    address = Address.objects.get(pk=world.person.address_id)  # Dorpsstraat 12, Huissen: not in the BAG
    html = client.post(f"/adressen/{address.pk}/bag", follow=True).content.decode()
    assert "De BAG kent geen adres" in html and "niet gecontroleerd" in html
    Address.objects.filter(pk=address.pk).update(
        postcode="6921AB", house_number=3, house_letter="B", addition="2"
    )
    html = client.post(f"/adressen/{address.pk}/bag", follow=True).content.decode()
    assert "Het adres is gevonden in de BAG" in html and TOWN_OBJECT in html


def test_access_denied_for_who_may_not_change_the_person_or_address(
    sign_in: Any, users: Any, world: Any, bag: LocalBag
) -> None:
    police = sign_in(users["politie"])
    assert police.post(f"/personen/{world.person.pk}/adres", TOWN).status_code == 403
    assert police.post(f"/adressen/{world.person.address_id}/bag").status_code == 403
    assert sign_in(users["handhaver"]).get(f"/personen/{world.person.pk}/adres").status_code == 404
    assert bag.requests == []


def test_the_api_looks_an_address_up_in_the_bag(api_as: Any, bag: LocalBag) -> None:
    client = api_as("procesregisseur")
    found = client.get(
        "/api/v1/address-lookups",
        {"postcode": "6921AB", "houseNumber": 3, "houseLetter": "B", "addition": "2"},
    )
    assert found.status_code == 200
    [address] = found.json()
    assert address["adresseerbaarObjectId"] == TOWN_OBJECT and address["street"] == "Dorpsstraat"
    assert client.get("/api/v1/address-lookups", {"postcode": "6921AB", "houseNumber": 4}).json() == []
    bad = client.get("/api/v1/address-lookups", {"postcode": "69", "houseNumber": 4})
    assert bad.status_code == 400 and bad.json()["invalidParams"][0]["name"] == "postcode"
    bag.fault = "500"
    down = client.get("/api/v1/address-lookups", {"postcode": "6921AB", "houseNumber": 3})
    assert down.status_code == 502 and down["Content-Type"].startswith("application/problem+json")


def test_the_api_lookup_is_denied_to_roles_that_enter_no_addresses(api_as: Any, bag: LocalBag) -> None:
    assert (
        api_as("analist").get("/api/v1/address-lookups", {"postcode": "6921AB", "houseNumber": 3}).status_code
        == 403
    )
    assert bag.requests == []


def test_a_manual_address_needs_its_street_and_city(
    sign_in: Any, users: Any, world: Any, bag: LocalBag
) -> None:
    data = {"postcode": "6921AB", "house_number": "98", "manual": "on", "street": " ", "city": ""}
    response = sign_in(users["procesregisseur"]).post(f"/personen/{world.person.pk}/adres", data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["street"] == ["Vul de straat in."] and errors["city"] == ["Vul de woonplaats in."]
    assert not Address.objects.filter(postcode="6921AB", house_number=98).exists()


@pytest.mark.parametrize("number", ["nul", "0", "100000"])
def test_the_api_lookup_refuses_a_bad_house_number(api_as: Any, bag: LocalBag, number: str) -> None:
    answer = api_as("procesregisseur").get(
        "/api/v1/address-lookups", {"postcode": "6921AB", "houseNumber": number}
    )
    assert answer.status_code == 400 and answer.json()["invalidParams"][0]["name"] == "houseNumber"
    assert bag.requests == []


def test_the_api_checks_a_stored_address_in_the_bag(api_as: Any, world: Any, bag: LocalBag) -> None:
    client = api_as("procesregisseur")
    url = f"/api/v1/addresses/{world.person.address_id}/bag-checks"
    missing = client.post(url)  # Dorpsstraat 12, Huissen: not in the BAG
    assert missing.status_code == 400 and missing.json()["invalidParams"][0]["name"] == "postcode"
    assert Address.objects.get(pk=world.person.address_id).bag_checked_at is None
    Address.objects.filter(pk=world.person.address_id).update(
        postcode="6921AB", house_number=3, house_letter="B", addition="2"
    )
    found = client.post(url)
    assert found.status_code == 201 and found.json()["adresseerbaarObjectId"] == TOWN_OBJECT
    bag.fault = "500"
    assert client.post(url).status_code == 502


def test_the_api_bag_check_denies_access(api_as: Any, world: Any, bag: LocalBag) -> None:
    assert (
        api_as("politie").post(f"/api/v1/addresses/{world.person.address_id}/bag-checks").status_code == 403
    )
    assert (
        api_as("handhaver").post(f"/api/v1/addresses/{world.person.address_id}/bag-checks").status_code == 404
    )
    assert bag.requests == []


def test_the_api_lookup_answers_bad_input_before_the_connection(api_as: Any, settings: Any) -> None:
    settings.REGIE_BAG_URL = ""
    client = api_as("procesregisseur")
    assert client.get("/api/v1/address-lookups", {"postcode": "69", "houseNumber": 3}).status_code == 400
    down = client.get("/api/v1/address-lookups", {"postcode": "6921AB", "houseNumber": 3})
    assert down.status_code == 503 and "niet gekoppeld" in down.json()["detail"]
