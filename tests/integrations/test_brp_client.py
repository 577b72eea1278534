"""The BRP client against the local, spec-validated BRP API Personen on 127.0.0.1."""

from __future__ import annotations

import contextlib
import io
from datetime import date
from typing import Any

import pytest
import requests
from django.core.management import call_command

from regie.integrations.brp import BrpClient, BrpError, Purpose, check
from regie.integrations.local.brp_server import LocalBrp
from tests.integrations.registers import API_KEY, BSNS, LOT_OBJECT, local_brp  # noqa: F401

PURPOSE = Purpose(code="test-doel", activity="Test", fields=("burgerservicenummer", "naam.geslachtsnaam"))


def test_raadpleeg_asks_only_the_purposes_fields_and_sends_the_purpose(brp: LocalBrp) -> None:
    person = BrpClient.from_settings().person(BSNS[0], purpose=PURPOSE)
    assert person is not None and person.surname == "Dijk" and person.bsn == BSNS[0]
    assert person.given_names == "" and person.birth_date is None  # not asked, not delivered
    sent = brp.requests[-1]
    assert sent["body"]["fields"] == ["burgerservicenummer", "naam.geslachtsnaam"]
    assert sent["headers"]["X-Doelbinding"] == "test-doel" and sent["headers"]["X-Verwerking"] == "Test"
    assert sent["headers"]["X-Api-Key"] == API_KEY


def test_zoek_met_adresseerbaar_object_gives_who_is_registered_there(brp: LocalBrp) -> None:
    purpose = Purpose("bewoning", "Test", ("burgerservicenummer", "naam", "geboorte.datum"))
    persons = BrpClient.from_settings().persons_at(LOT_OBJECT, purpose=purpose)
    assert {p.surname for p in persons} == {"Dijk", "Kuipers"}
    assert {p.birth_date for p in persons} == {date(1961, 4, 2), date(1964, 9, 17)}


def test_an_unknown_bsn_is_none(brp: LocalBrp) -> None:
    assert BrpClient.from_settings().person(BSNS[5], purpose=PURPOSE) is None


@pytest.mark.parametrize(
    ("fault", "kind", "words"),
    [
        ("unknown_field", "odd-answer", "niet zijn gevraagd"),
        ("500", "server-error", "storing"),
        ("503", "server-error", "storing"),
        ("slow", "unreachable", "niet op tijd"),
    ],
)
def test_faults_become_a_dutch_brp_error(brp: LocalBrp, fault: str, kind: str, words: str) -> None:
    brp.fault = fault
    brp.slow_seconds = 4
    with pytest.raises(BrpError) as raised:
        BrpClient.from_settings().person(BSNS[0], purpose=PURPOSE)
    assert raised.value.kind == kind and words in raised.value.message


def test_a_field_the_api_does_not_know_is_a_4xx_refusal(brp: LocalBrp) -> None:
    purpose = Purpose("x", "Test", ("burgerservicenummer", "bestaatNiet"))
    with pytest.raises(BrpError) as raised:
        BrpClient.from_settings().person(BSNS[0], purpose=purpose)
    assert raised.value.status == 400 and "wees de vraag af" in raised.value.message


def test_a_wrong_key_is_refused(brp: LocalBrp, settings: Any) -> None:
    settings.REGIE_BRP_API_KEY = "fout"
    with pytest.raises(BrpError) as raised:
        BrpClient.from_settings().person(BSNS[0], purpose=PURPOSE)
    assert raised.value.status == 401 and raised.value.kind == "refused"


def test_the_server_refuses_a_request_without_purpose(brp: LocalBrp) -> None:
    body = {
        "type": "RaadpleegMetBurgerservicenummer",
        "fields": ["burgerservicenummer"],
        "burgerservicenummer": [BSNS[0]],
    }
    answer = requests.post(f"{brp.url}/personen", json=body, headers={"X-API-KEY": API_KEY}, timeout=5)
    assert answer.status_code == 403


def test_the_server_validates_the_query_against_the_published_document(brp: LocalBrp) -> None:
    body = {
        "type": "RaadpleegMetBurgerservicenummer",
        "fields": ["burgerservicenummer"],
        "burgerservicenummer": ["12"],
    }
    headers = {"X-API-KEY": API_KEY, "x-doelbinding": "t", "x-verwerking": "t"}
    answer = requests.post(f"{brp.url}/personen", json=body, headers=headers, timeout=5)
    assert answer.status_code == 400


def test_server_down_and_not_configured(settings: Any) -> None:
    settings.REGIE_BRP_URL = ""
    with pytest.raises(BrpError) as raised:
        BrpClient.from_settings()
    assert raised.value.kind == "not-configured"
    assert check().status_label == "niet gekoppeld"
    settings.REGIE_BRP_URL = "http://127.0.0.1:9"  # discard port: nothing listens
    with pytest.raises(BrpError) as raised:
        BrpClient.from_settings().person(BSNS[0], purpose=PURPOSE)
    assert raised.value.kind == "unreachable" and "niet bereikbaar" in raised.value.message
    assert check().status_label == "storing"


def test_check_connections_sees_the_local_brp(brp: LocalBrp) -> None:
    assert check().status_label == "werkt"


def test_regie_check_connections_prints_the_brp_and_bag_states(brp: LocalBrp, settings: Any) -> None:
    settings.REGIE_BAG_URL = ""
    out = io.StringIO()
    # Another connection of the test settings may be configured and down (exit 1); BRP and BAG are checked here.
    with contextlib.suppress(SystemExit):
        call_command("check_connections", stdout=out, stderr=io.StringIO())
    printed = out.getvalue()
    assert "BRP (Haal Centraal BRP API Personen): werkt" in printed
    assert "BAG (Individuele Bevragingen): niet gekoppeld" in printed
