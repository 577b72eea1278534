"""The BAG client against the local, spec-validated BAG API Individuele Bevragingen on 127.0.0.1."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from regie.integrations.bag import BagClient, BagError, check
from regie.integrations.local.bag_server import LocalBag
from tests.integrations.registers import API_KEY, LOT_NUMMERAANDUIDING, LOT_OBJECT, TOWN_OBJECT, local_bag  # noqa: F401


def test_lookup_gives_the_address_with_its_bag_ids(bag: LocalBag) -> None:
    [found] = BagClient.from_settings().lookup("6988 bx", 101)
    assert (found.street, found.city, found.postcode) == ("Marsweg", "Lathum", "6988BX")
    assert found.nummeraanduiding_id == LOT_NUMMERAANDUIDING and found.adresseerbaar_object_id == LOT_OBJECT
    assert bag.requests[-1]["query"]["exacteMatch"] == "true"
    assert bag.requests[-1]["headers"]["X-Api-Key"] == API_KEY


def test_house_letter_and_addition_must_match_exactly(bag: LocalBag) -> None:
    client = BagClient.from_settings()
    [found] = client.lookup("6921AB", 3, "B", "2")
    assert found.adresseerbaar_object_id == TOWN_OBJECT and (found.house_letter, found.addition) == ("B", "2")
    assert client.lookup("6921AB", 3) == []
    assert client.lookup("6921AB", 3, "C", "2") == []


def test_no_match_is_an_empty_list(bag: LocalBag) -> None:
    assert BagClient.from_settings().lookup("6988BX", 999) == []


@pytest.mark.parametrize(
    ("args", "field"),
    [(("0988BX", 14), "postcode"), (("6988B", 14), "postcode"), (("6988BX", 0), "house_number"),
     (("6988BX", 14, "BB"), "house_letter"), (("6988BX", 14, "", "toolong"), "addition")],
)  # fmt: skip
def test_bad_input_is_refused_in_dutch_before_asking(
    bag: LocalBag, args: tuple[Any, ...], field: str
) -> None:
    with pytest.raises(BagError) as raised:
        BagClient.from_settings().lookup(*args)
    assert raised.value.kind == "invalid" and raised.value.field == field
    assert bag.requests == []


@pytest.mark.parametrize(("fault", "kind"), [("500", "server-error"), ("slow", "unreachable")])
def test_faults_become_a_dutch_bag_error(bag: LocalBag, fault: str, kind: str) -> None:
    bag.fault = fault
    bag.slow_seconds = 4
    with pytest.raises(BagError) as raised:
        BagClient.from_settings().lookup("6988BX", 101)
    assert raised.value.kind == kind and raised.value.message.startswith("De BAG")


def test_the_server_validates_parameters_against_the_published_document(bag: LocalBag) -> None:
    answer = requests.get(
        f"{bag.url}/adressen",
        params={"postcode": "6988bx", "huisnummer": 14},
        headers={"X-Api-Key": API_KEY},
        timeout=5,
    )
    assert answer.status_code == 400


def test_check_and_server_down(bag: LocalBag, settings: Any) -> None:
    assert check().status_label == "werkt"
    settings.REGIE_BAG_API_KEY = "fout"
    assert check().status_label == "storing"
    settings.REGIE_BAG_URL = "http://127.0.0.1:9"
    assert check().status_label == "storing"
    with pytest.raises(BagError) as raised:
        BagClient.from_settings().lookup("6988BX", 101)
    assert raised.value.kind == "unreachable"
    settings.REGIE_BAG_URL = ""
    assert check().status_label == "niet gekoppeld"
