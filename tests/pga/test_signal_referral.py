"""A referral straight from a triaged signal: the action on the signal page, the page and the API route; only for
who triages the signal, only a confirmed person of that signal, never twice while one waits; bad input in Dutch."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from regie.accounts.models import Municipality, User
from regie.intake.models import Channel, Signal, SignalSubject, Source
from regie.intake.services.receive import signal_receive
from regie.pga.models import Referral, ReferralSource
from regie.pga.services.referrals import referral_from_signal
from tests.worlds.cases import make_person
from tests.worlds.pga import PgaWorld

pytestmark = pytest.mark.django_db
SignIn = Callable[[User], Client]
Api = Callable[[str], Any]


@pytest.fixture
def signal(pga_world: PgaWorld) -> Signal:
    municipality = Municipality.objects.get(code="1705")
    made = signal_receive(
        actor=None,
        municipality=municipality,
        source=Source.STAFF,
        channel=Channel.STAFF_FORM,
        description="Buren melden geschreeuw, vervuiling en een man die verward op straat loopt.",
    )
    person = make_person(
        pga_world.users["procesregisseur"], surname="Kok", prefix="", given_names="Piet", bsn=None
    )
    SignalSubject.objects.create(signal=made, kind="persoon", person=person)
    return made


def _person_id(signal: Signal) -> str:
    return str(signal.subjects.get().person_id)


def test_the_signal_page_offers_the_referral(sign_in: SignIn, signal: Signal, pga_world: PgaWorld) -> None:
    page = sign_in(pga_world.users["procesregisseur"]).get(f"/signalen/{signal.pk}").content.decode()
    assert f"/pga/aanmelden/signaal/{signal.pk}" in page and "Persoon aanmelden voor de PGA" in page


def test_refer_from_the_signal_page(sign_in: SignIn, signal: Signal, pga_world: PgaWorld) -> None:
    client = sign_in(pga_world.users["procesregisseur"])
    url = f"/pga/aanmelden/signaal/{signal.pk}"
    form = client.get(url)
    assert form.status_code == 200 and "Piet Kok" in form.content.decode()
    response = client.post(url, {"person": _person_id(signal), "goal": "Zorg en rust", "urgency": "hoog"})
    assert response.status_code == 302
    referral = Referral.objects.get(source_signal=signal)
    assert referral.source == ReferralSource.SIGNAL and referral.urgency == "hoog"
    assert referral.reason.startswith(f"Signaal {signal.reference}: Buren melden")
    assert str(referral.person_id) == _person_id(signal)
    # Twice while the first waits: refused, nothing written.
    again = client.post(url, {"person": _person_id(signal), "goal": "Nog eens", "urgency": "normaal"})
    assert again.status_code == 400 and "al aangemeld" in again.content.decode()
    assert Referral.objects.filter(source_signal=signal).count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"person": "", "goal": "Rust", "urgency": "normaal"}, "person"),
        ({"person": "iemand-anders", "goal": "Rust", "urgency": "normaal"}, "person"),
        ({"person": "OK", "goal": "", "urgency": "normaal"}, "goal"),
        ({"person": "OK", "goal": "Rust", "urgency": "morgen"}, "urgency"),
    ],
)
def test_bad_input_on_the_page(
    sign_in: SignIn, signal: Signal, pga_world: PgaWorld, data: dict[str, str], field: str
) -> None:
    data = {**data, "person": _person_id(signal)} if data["person"] == "OK" else data
    response = sign_in(pga_world.users["procesregisseur"]).post(f"/pga/aanmelden/signaal/{signal.pk}", data)
    assert response.status_code == 400 and field in response.context["form"].errors
    assert not Referral.objects.filter(source_signal=signal).exists()


def test_a_person_of_another_signal_is_refused_by_the_service(signal: Signal, pga_world: PgaWorld) -> None:
    other = make_person(None, surname="Anders", prefix="", bsn=None)
    with pytest.raises(ValidationError) as refused:
        referral_from_signal(
            actor=pga_world.users["procesregisseur"], signal=signal, person_id=other.pk, goal="x"
        )
    assert "bevestigde betrokkene" in str(refused.value)


@pytest.mark.parametrize(
    ("name", "status"), [("politie", 404), ("ggz", 404), ("analist", 403), ("beheerder", 403)]
)
def test_who_does_not_triage_the_signal_may_not_refer_from_it(
    sign_in: SignIn, signal: Signal, pga_world: PgaWorld, name: str, status: int
) -> None:
    client = sign_in(pga_world.users[name])
    url = f"/pga/aanmelden/signaal/{signal.pk}"
    assert client.get(url).status_code == status
    assert (
        client.post(url, {"person": _person_id(signal), "goal": "x", "urgency": "normaal"}).status_code
        == status
    )
    assert not Referral.objects.filter(source_signal=signal).exists()


def test_refer_from_a_signal_through_the_api(api_as: Api, signal: Signal, pga_world: PgaWorld) -> None:
    body = {
        "signalId": str(signal.pk),
        "personId": _person_id(signal),
        "goal": "Eén plan",
        "urgency": "spoed",
    }
    made = api_as("procesregisseur").post(
        "/api/v1/pga-referrals/from-signal", body, content_type="application/json"
    )
    assert made.status_code == 201, made.content
    data = made.json()
    assert data["source"] == "signaal" and data["sourceSignalId"] == str(signal.pk)
    again = api_as("procesregisseur").post(
        "/api/v1/pga-referrals/from-signal", body, content_type="application/json"
    )
    assert again.status_code == 400 and again["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"signalId": "geen-id"}, "signalId"),
        ({"signalId": str(uuid.uuid4())}, "signalId"),
        ({"personId": str(uuid.uuid4())}, "personId"),
        ({"goal": ""}, "goal"),
        ({"urgency": "morgen"}, "urgency"),
    ],
)
def test_bad_input_through_the_api(
    api_as: Api, signal: Signal, pga_world: PgaWorld, change: dict[str, str], name: str
) -> None:
    body = {"signalId": str(signal.pk), "personId": _person_id(signal), "goal": "Eén plan", **change}
    response = api_as("procesregisseur").post(
        "/api/v1/pga-referrals/from-signal", body, content_type="application/json"
    )
    assert response.status_code == 400, response.content
    assert name in {p["name"] for p in response.json()["invalidParams"]}
    assert not Referral.objects.filter(source_signal=signal).exists()


def test_the_api_refuses_who_may_not(api_as: Api, signal: Signal, pga_world: PgaWorld) -> None:
    body = {"signalId": str(signal.pk), "personId": _person_id(signal), "goal": "Eén plan"}
    hidden = api_as("politie").post(
        "/api/v1/pga-referrals/from-signal", body, content_type="application/json"
    )
    assert hidden.status_code == 400  # the signal is not visible: told as for a missing signal
    assert (
        api_as("analist")
        .post("/api/v1/pga-referrals/from-signal", body, content_type="application/json")
        .status_code
        == 403
    )
    assert not Referral.objects.filter(source_signal=signal).exists()
