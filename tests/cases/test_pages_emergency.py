"""Break-the-glass: reasoned, time-limited, visibly marked, and reviewed by the privacy officer."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from regie.cases.models import BreakTheGlass
from regie.cases.services.emergency import break_the_glass_start
from regie.processing_log.models import ProcessingLogEntry
from tests.conftest import verified_session
from tests.worlds.cases import make_case

pytestmark = pytest.mark.django_db

REASON = "Acute dreiging bij de woning gemeld door de meldkamer, direct overleg nodig."


@pytest.fixture
def outsider_case(users, world):
    """A case the process director is not on (coordinated by the project leader)."""
    return make_case(users["projectleider"], world.case_type, title="Casus van de projectleider")


def test_it_opens_a_case_by_number_with_a_banner_until_expiry(sign_in, users, outsider_case):
    client = sign_in(users["procesregisseur"])
    assert client.get(f"/casussen/{outsider_case.pk}").status_code == 404
    response = client.post("/noodtoegang", {"number": outsider_case.number, "reason": REASON})
    assert response.status_code == 302 and response["Location"] == f"/casussen/{outsider_case.pk}"
    access = BreakTheGlass.objects.get(user=users["procesregisseur"], case=outsider_case)
    until = timezone.localtime(access.expires_at).strftime("%H:%M")
    html = client.get(f"/casussen/{outsider_case.pk}").content.decode()
    assert f"Noodtoegang tot {until} — wordt beoordeeld door de privacyfunctionaris" in html
    assert "Casus wijzigen" not in html  # emergency access reads, it does not write
    viewed = ProcessingLogEntry.objects.filter(action="case.viewed", object_id=str(outsider_case.pk)).last()
    assert viewed is not None and viewed.break_the_glass and viewed.purpose == REASON


def test_it_ends_the_access_when_it_expires(sign_in, users, outsider_case):
    client = sign_in(users["procesregisseur"])
    client.post("/noodtoegang", {"number": outsider_case.number, "reason": REASON})
    assert client.get(f"/casussen/{outsider_case.pk}/notities").status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(hours=4, minutes=1)):
        client = verified_session(Client(), users["procesregisseur"])  # the old session has idled out
        assert client.get(f"/casussen/{outsider_case.pk}/notities").status_code == 404
        assert client.get("/noodtoegang").content.decode().count("(verlopen)") == 1


@pytest.mark.parametrize(
    ("number", "reason", "message"),
    [
        ("9999-00001", REASON, "Er is geen casus met dit nummer in uw gemeente."),
        ("abc", REASON, "Vul een casusnummer in zoals 2026-00042."),
        ("case", "Even kijken", "minstens 20 tekens"),
        ("case", "", "minstens 20 tekens"),
    ],
)
def test_it_refuses_bad_emergency_input_in_dutch_and_grants_nothing(
    sign_in, users, outsider_case, number, reason, message
):
    value = outsider_case.number if number == "case" else number
    response = sign_in(users["procesregisseur"]).post("/noodtoegang", {"number": value, "reason": reason})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert BreakTheGlass.objects.count() == 0


def test_it_sends_a_member_straight_to_a_case_they_already_see(sign_in, users, world):
    response = sign_in(users["procesregisseur"]).post(
        "/noodtoegang", {"number": world.case.number, "reason": REASON}
    )
    assert response.status_code == 302
    assert BreakTheGlass.objects.count() == 0


def test_it_refuses_emergency_access_to_other_roles(sign_in, users, outsider_case):
    for role in ("projectleider", "handhaver", "politie", "analist", "beheerder", "privacy"):
        client = sign_in(users[role])
        assert client.get("/noodtoegang").status_code == 403, role
        assert (
            client.post("/noodtoegang", {"number": outsider_case.number, "reason": REASON}).status_code == 403
        )
    assert BreakTheGlass.objects.count() == 0


def test_the_privacy_officer_sees_who_why_and_when_but_not_case_contents(sign_in, users, world):
    director = users["procesregisseur"]
    break_the_glass_start(
        actor=users["procesregisseur"], case_id=_leaders_case(users, world).pk, reason=REASON
    )
    html = sign_in(users["privacy"]).get("/privacy/noodtoegang").content.decode()
    assert str(director) in html and REASON in html and "Persoonsgerichte aanpak" in html
    assert "Casus van de projectleider" not in html and "Algemene afspraak" not in html
    assert ProcessingLogEntry.objects.filter(action="break_the_glass.list_viewed").exists()


def test_the_privacy_officer_approves_an_access(sign_in, users, world):
    access = break_the_glass_start(
        actor=users["procesregisseur"], case_id=_leaders_case(users, world).pk, reason=REASON
    )
    prefix = f"b{access.pk.hex[:12]}"
    response = sign_in(users["privacy"]).post(
        f"/privacy/noodtoegang/{access.pk}", {f"{prefix}-decision": "terecht", f"{prefix}-note": ""}
    )
    assert response.status_code == 302
    access.refresh_from_db()
    assert access.review_approved is True and access.reviewed_by == users["privacy"]
    html = sign_in(users["privacy"]).get("/privacy/noodtoegang").content.decode()
    assert "Te beoordelen (0)" in html and "Terecht" in html


def test_a_disapproval_needs_a_note_and_ends_the_access_at_once(sign_in, users, world):
    case = _leaders_case(users, world)
    access = break_the_glass_start(actor=users["procesregisseur"], case_id=case.pk, reason=REASON)
    prefix = f"b{access.pk.hex[:12]}"
    privacy = sign_in(users["privacy"])
    refused = privacy.post(f"/privacy/noodtoegang/{access.pk}", {f"{prefix}-decision": "onterecht"})
    assert refused.status_code == 400
    assert "Licht toe waarom de noodtoegang niet terecht was." in refused.content.decode()
    access.refresh_from_db()
    assert access.reviewed_at is None
    done = privacy.post(
        f"/privacy/noodtoegang/{access.pk}",
        {f"{prefix}-decision": "onterecht", f"{prefix}-note": "Geen spoed; via de coördinator"},
    )
    assert done.status_code == 302
    assert sign_in(users["procesregisseur"]).get(f"/casussen/{case.pk}").status_code == 404


def test_only_the_privacy_officer_reviews(sign_in, users, world):
    case = _leaders_case(users, world)
    access = break_the_glass_start(actor=users["procesregisseur"], case_id=case.pk, reason=REASON)
    prefix = f"b{access.pk.hex[:12]}"
    for role in ("procesregisseur", "beheerder", "politie", "analist"):
        client = sign_in(users[role])
        assert client.get("/privacy/noodtoegang").status_code == 403, role
        review = client.post(f"/privacy/noodtoegang/{access.pk}", {f"{prefix}-decision": "terecht"})
        assert review.status_code == 403
    access.refresh_from_db()
    assert access.reviewed_at is None


def _leaders_case(users, world):
    return make_case(users["projectleider"], world.case_type, title="Casus van de projectleider")
