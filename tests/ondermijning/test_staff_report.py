"""The report button, named or anonymous towards colleagues: an anonymous report reaches the colleagues handling
the signal without its sender; who sent it is kept and only the privacy officer reads it, with a reason, logged."""

from __future__ import annotations

import re
from html import unescape

import pytest

from regie.intake.models import Signal, SignalEvent, Source
from regie.ondermijning.models import StaffReport
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.ondermijning import OndermijningWorld

pytestmark = pytest.mark.django_db
GOOD = {
    "description": "Schuur aan de Kerkweg een half jaar vooruit contant verhuurd.",
    "location_kind": "farm-shed",
    "location_text": "Kerkweg",
}


def _send(sign_in, world: OndermijningWorld, anonymous: str) -> Signal:  # type: ignore[no-untyped-def]
    response = sign_in(world.users["brp"]).post("/ondermijning/melden", {**GOOD, "anonymous": anonymous})
    assert response.status_code == 302
    return Signal.objects.get(description=GOOD["description"])


def _handler_html(sign_in, world: OndermijningWorld, signal: Signal) -> str:  # type: ignore[no-untyped-def]
    for name in ("procesregisseur", "projectleider", "handhaver"):
        response = sign_in(world.users[name]).get(f"/signalen/{signal.pk}")
        if response.status_code == 200:
            # Without the pickers (a list of every colleague to assign the signal to).
            return re.sub(r"<select.*?</select>", "", response.content.decode(), flags=re.S)
    raise AssertionError("no colleague could open the signal")


def test_a_named_report_shows_the_reporter_to_colleagues(sign_in, world: OndermijningWorld) -> None:
    signal = _send(sign_in, world, "nee")
    brp = world.users["brp"]
    assert signal.source == Source.STAFF and signal.submitted_by == brp
    assert signal.reporter_name == (brp.get_full_name() or brp.username)
    assert StaffReport.objects.get(signal=signal).anonymous is False
    assert (brp.get_full_name() or brp.username) in _handler_html(sign_in, world, signal)


def test_an_anonymous_report_hides_the_reporter_from_colleagues_but_keeps_it(
    sign_in, world: OndermijningWorld
) -> None:
    signal = _send(sign_in, world, "ja")
    brp = world.users["brp"]
    assert signal.source == Source.STAFF and signal.submitted_by is None and signal.reporter_name == ""
    assert not SignalEvent.objects.filter(signal=signal, actor=brp).exists()
    html = _handler_html(sign_in, world, signal)
    assert GOOD["description"] in html and brp.get_full_name() not in html
    kept = StaffReport.objects.get(signal=signal)
    assert kept.anonymous and kept.reporter == brp
    # The intake's own log entry of the signal does not name the sender either.
    received = ProcessingLogEntry.objects.get(action="signal.received", object_id=str(signal.pk))
    assert received.actor_id is None


def test_the_choice_is_required_and_checked(sign_in, world: OndermijningWorld) -> None:
    client = sign_in(world.users["brp"])
    for bad in ({**GOOD}, {**GOOD, "anonymous": "misschien"}):
        refused = client.post("/ondermijning/melden", bad)
        assert refused.status_code == 400
        assert "Kies of collega's uw naam mogen zien" in unescape(refused.content.decode())
    assert not Signal.objects.filter(description=GOOD["description"]).exists()
    assert not StaffReport.objects.exists()


def test_the_privacy_officer_looks_up_the_sender_with_a_reason(sign_in, world: OndermijningWorld) -> None:
    signal = _send(sign_in, world, "ja")
    client = sign_in(world.users["privacy"])
    assert client.get("/ondermijning/melder-opvragen").status_code == 200
    shown = client.post(
        "/ondermijning/melder-opvragen",
        {
            "reference": signal.reference.lower(),
            "reason": "Klacht van de medewerker over zijn eigen melding.",
        },
    )
    brp = world.users["brp"]
    assert shown.status_code == 200 and (brp.get_full_name() or brp.username) in shown.content.decode()
    entry = ProcessingLogEntry.objects.get(action="ondermijning_report.reporter_revealed")
    assert entry.actor_username == "privacy" and entry.purpose.startswith("Klacht van de medewerker")


def test_the_lookup_refuses_bad_input_in_dutch(sign_in, world: OndermijningWorld) -> None:
    signal = _send(sign_in, world, "ja")
    client = sign_in(world.users["privacy"])
    for bad, message in (
        ({"reference": signal.reference, "reason": "kort"}, "ten minste 10 tekens"),
        ({"reference": "M-1999-000001", "reason": "Een reden die lang genoeg is."}, "geen melding van een"),
        (
            {"reference": "", "reason": "Een reden die lang genoeg is."},
            "Vul de referentie van het signaal in",
        ),
    ):
        refused = client.post("/ondermijning/melder-opvragen", bad)
        assert refused.status_code == 400 and message in refused.content.decode()
    assert not ProcessingLogEntry.objects.filter(action="ondermijning_report.reporter_revealed").exists()


def test_nobody_else_may_look_up_the_sender(sign_in, client, world: OndermijningWorld) -> None:  # type: ignore[no-untyped-def]
    signal = _send(sign_in, world, "ja")
    for name in ("projectleider", "procesregisseur", "handhaver", "beheerder", "politie", "brp"):
        response = sign_in(world.users[name]).post(
            "/ondermijning/melder-opvragen",
            {"reference": signal.reference, "reason": "Nieuwsgierig wie dit was, echt waar."},
        )
        assert response.status_code == 403, name
    client.logout()
    assert client.get("/ondermijning/melder-opvragen").status_code == 302
