"""In headless Chromium: a police officer works through the checklist of an integral inspection on a phone, the
project leader reads the area's map and table, a colleague takes the quiz and uses the report button; axe-core
passes on each page at desktop width and at 390 px."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from regie.intake.models import Signal
from regie.ondermijning.models import Finding
from tests.e2e.conftest import demo_settings  # noqa: F401 — demo mode, as in the shell's e2e suite
from tests.worlds.ondermijning import OndermijningWorld, make_ondermijning_world

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def world(users) -> OndermijningWorld:  # type: ignore[no-untyped-def]
    return make_ondermijning_world(users)


def test_a_partner_fills_in_the_checklist_on_a_phone(
    world: OndermijningWorld, log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    page = log_in("politie")
    page.set_viewport_size(PHONE)
    page.goto(f"/ondermijning/controles/{world.inspection.pk}")
    assert_accessible(page)
    page.get_by_role("link", name="Checklist Unit B").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Checklist Unit B")
    assert_accessible(page)
    page.get_by_role("button", name="Bevindingen opslaan").click()  # nothing filled in
    expect(page.get_by_text("Beschrijf wat u hebt gezien").first).to_be_visible()
    page.get_by_label("Opvallend veel camera's").check()
    page.get_by_label("Bevindingen").fill("Zes camera's op de gevel, niemand aanwezig.")
    page.get_by_label("Hier is vervolg nodig").check()
    page.get_by_role("button", name="Bevindingen opslaan").click()
    expect(page.get_by_text("zijn opgeslagen")).to_be_visible()
    page.get_by_role("button", name="Signaal starten voor Unit B").click()
    expect(page.get_by_text("staat in de triage")).to_be_visible()
    finding = Finding.objects.get(partner=world.police)
    assert Signal.objects.filter(reference=finding.signal_reference).exists()


def test_the_project_leader_reads_the_area(
    world: OndermijningWorld, log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    page = log_in("projectleider")
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        page.goto(f"/ondermijning/gebieden/{world.estate.pk}")
        expect(page.locator("svg.ond-map a")).to_have_count(3)
        assert_accessible(page)
        page.goto(f"/ondermijning/locaties/{world.sites['A'].pk}")
        expect(page.get_by_text("Bevinding met vervolg bij een controle")).to_be_visible()
        assert_accessible(page)
        page.goto(f"/ondermijning/gebieden/{world.estate.pk}/kvo-b")
        assert_accessible(page)
        page.goto("/ondermijning/bewustwording")
        assert_accessible(page)


def test_a_colleague_takes_the_quiz_and_reports(
    world: OndermijningWorld, log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    page = log_in("brp")
    page.set_viewport_size(PHONE)
    page.goto("/ondermijning/bewustwording/quiz")
    assert_accessible(page)
    page.get_by_label("Het melden via de meldknop: het is een bekende indicator").check()
    page.get_by_label("Afgeplakte ramen, licht dat altijd brandt en 's nachts laden").check()
    page.get_by_label("Drugsafval: gevaarlijk, niet aanraken en melden").check()
    page.get_by_label("Het kan een dekmantel zijn voor witwassen of andere criminaliteit").check()
    page.get_by_label("Alleen wie signalen over ondermijning beoordeelt").check()
    page.get_by_role("button", name="Antwoorden insturen").click()
    expect(page.get_by_text("5 van de 5")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Ik heb iets gezien").last.click()
    assert_accessible(page)
    page.get_by_label("Wat heeft u gezien?").fill(
        "Bij de loods aan de Rijndijk 's nachts busjes en afgeplakte ramen."
    )
    page.get_by_label("Waar was het?").select_option("business-unit")
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_text("staat onder referentie")).to_be_visible()
