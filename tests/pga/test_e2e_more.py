"""In headless Chromium, the pages added after the first run: the beheerder's settings (checklist with a local rule,
a new matrix version), the letter that informs the person, and a referral straight from a signal; axe-core passes at
desktop width and at 390 px. Screenshots go to /tmp/pga-shots/ for a person to look at."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from regie.accounts.models import Municipality, User
from regie.cases.models import Document
from regie.intake.models import Channel, SignalSubject, Source
from regie.intake.services.receive import signal_receive
from regie.pga.models import Referral, ScreeningChecklist
from regie.subjects.models import Address
from tests.e2e.conftest import demo_settings  # noqa: F401 — demo mode, as in the shell's e2e suite
from tests.pga.test_e2e import DESKTOP, _check
from tests.worlds.cases import make_person
from tests.worlds.pga import PgaWorld

pytestmark = pytest.mark.e2e


def test_the_beheerder_sets_a_new_checklist(
    users: dict[str, User], log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    page = log_in("beheerder")
    page.set_viewport_size(DESKTOP)
    page.goto("/pga/beheer")
    _check(page, assert_accessible, "settings", phone=True)
    page.get_by_role("link", name="Nieuwe versie van de checklist").click()
    page.get_by_role("button", name="Nieuwe versie vastleggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Controleer uw invoer")
    _check(page, assert_accessible, "checklist-errors", phone=True)
    page.get_by_label("Naam van de nieuwe versie").fill("Criteria 2027")
    page.get_by_label("Lokale doelgroepregels").fill("Woont of verblijft in Lingewaard")
    page.get_by_role("button", name="Nieuwe versie vastleggen").click()
    expect(page.get_by_text("Versie 2 van de screeningschecklist geldt nu")).to_be_visible()
    assert (
        ScreeningChecklist.objects.get(number=2).local_rules[0]["label"] == "Woont of verblijft in Lingewaard"
    )
    page.get_by_role("link", name="Nieuwe versie van de matrix").click()
    _check(page, assert_accessible, "matrix", phone=True)


def test_letter_and_referral_from_a_signal(
    pga_world: PgaWorld, log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    person = pga_world.pga.person
    person.address = Address.objects.create(
        postcode="6851AB", house_number=12, street="Dorpsstraat", city="Huissen"
    )
    person.save()
    signal = signal_receive(
        actor=None,
        municipality=Municipality.objects.get(code="1705"),
        source=Source.STAFF,
        channel=Channel.STAFF_FORM,
        description="Buren melden geschreeuw en een man die verward op straat loopt.",
    )
    kok = make_person(
        pga_world.users["procesregisseur"], surname="Kok", prefix="", given_names="Piet", bsn=None
    )
    SignalSubject.objects.create(signal=signal, kind="persoon", person=kok)
    page = log_in("procesregisseur")
    page.set_viewport_size(DESKTOP)
    page.goto(f"/pga/casussen/{pga_world.pga.pk}")
    page.get_by_role("link", name="Brief aan betrokkene maken").click()
    _check(page, assert_accessible, "letter", phone=True)
    page.get_by_role("button", name="Brief maken").click()
    expect(page.get_by_text("De brief is gemaakt")).to_be_visible()
    assert Document.objects.filter(case=pga_world.pga.case, document_type="brief").exists()
    page.goto(f"/signalen/{signal.pk}")
    page.get_by_role("link", name="Persoon aanmelden voor de PGA").click()
    _check(page, assert_accessible, "signal-referral", phone=True)
    page.get_by_label("Doel van de aanmelding").fill("Zorg en rust in de straat.")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelding PGA: Piet Kok")
    assert Referral.objects.filter(source_signal=signal).exists()
