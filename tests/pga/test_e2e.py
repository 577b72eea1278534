"""In headless Chromium: the procesregisseur refers a person, screens and includes them, scores two life domains,
writes a plan, records an evaluation and steps the case down; axe-core passes on every page at desktop width and
on the main pages at 390 px. Screenshots go to /tmp/pga-shots/ for a person to look at."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from regie.accounts.models import User
from regie.cases.models import Task
from regie.pga.models import DomainScore, PgaCase, PgaStatus
from tests.e2e.conftest import demo_settings  # noqa: F401 — demo mode, as in the shell's e2e suite
from tests.worlds.cases import stored_case_type

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SHOTS = Path("/tmp/pga-shots")


def _check(page: Page, assert_accessible: Callable[[Page], None], name: str, *, phone: bool = False) -> None:
    SHOTS.mkdir(exist_ok=True)
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / f"{name}-desktop.png"), full_page=True)
    if phone:
        page.set_viewport_size(PHONE)
        page.reload()  # as a phone would load it (the shell marks scrolling tables on load)
        assert_accessible(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{name}: de pagina is {width} px breed op een telefoon"
        page.screenshot(path=str(SHOTS / f"{name}-phone.png"), full_page=True)
        page.set_viewport_size(DESKTOP)
        page.reload()


def test_referral_to_exit(
    users: dict[str, User],
    log_in: Callable[..., Page],
    assert_accessible: Callable[[Page], None],
    console_errors: list[str],
) -> None:
    stored_case_type("pga-casus", "Persoonsgerichte aanpak (PGA)", ("general", "care", "justice"), 5)
    page = log_in("procesregisseur")
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.set_viewport_size(DESKTOP)
    page.goto("/pga")
    _check(page, assert_accessible, "home", phone=True)

    page.get_by_role("link", name="Persoon aanmelden voor de PGA").click()
    page.get_by_role("button", name="Aanmelden").click()  # empty: the errors are named
    expect(page.get_by_role("alert")).to_contain_text("Controleer uw invoer")
    _check(page, assert_accessible, "referral-errors")
    page.get_by_label("Voornamen").fill("Mark")
    page.get_by_label("Achternaam").fill("Pieters")
    page.get_by_label("Reden van aanmelding").fill(
        "Overlast, schulden en verward gedrag; buren voelen zich onveilig."
    )
    page.get_by_label("Doel van de aanmelding").fill("Eén plan met zorg en veiligheid.")
    page.get_by_label("Urgentie").select_option("hoog")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelding PGA: Mark Pieters")
    _check(page, assert_accessible, "referral", phone=True)

    page.get_by_label("Problemen op meer dan één leefdomein", exact=False).check()
    page.get_by_label("Ketensamenwerking met drang en dwang is nodig").check()
    page.get_by_label("Er is impact op het gezinssysteem of de directe omgeving").check()
    page.get_by_label("Opgenomen in de lokale PGA").check()
    page.get_by_label("Motivering").fill("Voldoet aan alle drie de criteria.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("PGA: Mark Pieters")

    page.get_by_text("Score vastleggen").click()
    page.get_by_label("Leefdomein", exact=True).select_option("financien")
    page.get_by_label("Score", exact=True).select_option("2")
    page.get_by_label("Toelichting").fill("Schulden bij drie schuldeisers")
    page.get_by_role("button", name="Score opslaan").click()
    expect(page.get_by_text("De score is vastgelegd.")).to_be_visible()
    page.get_by_text("Score vastleggen").click()
    page.get_by_label("Leefdomein", exact=True).select_option("geestelijke-gezondheid")
    page.get_by_label("Score", exact=True).select_option("1")
    page.get_by_label("Toelichting").fill("Psychose, niet in behandeling")
    page.get_by_role("button", name="Score opslaan").click()
    expect(page.get_by_text("De score is vastgelegd.")).to_be_visible()

    page.get_by_role("link", name="Plan Financiën bewerken").click()
    page.get_by_label("Doel (niet verplicht)", exact=True).fill("Schulden in beeld en een regeling.")
    page.get_by_label("Afgesproken acties").fill("Budgetcoach van het wijkteam.")
    _check(page, assert_accessible, "plan")
    page.get_by_role("button", name="Plan opslaan").click()
    expect(page.get_by_text("Het plan voor Financiën is opgeslagen.")).to_be_visible()

    page.get_by_text("Evaluatie vastleggen").click()
    page.get_by_label("Medewerking van betrokkene").select_option("wisselend")
    page.get_by_label("Voortgang").fill("Eerste gesprek met de budgetcoach gehad.")
    page.get_by_label("Resultaat").fill("Schulden in kaart.")
    page.get_by_role("button", name="Evaluatie opslaan").click()
    expect(page.get_by_text("De evaluatie is vastgelegd.")).to_be_visible()
    _check(page, assert_accessible, "case", phone=True)

    page.get_by_role("link", name="Informeren of contra-indicatie vastleggen").click()
    _check(page, assert_accessible, "inform")
    page.go_back()
    page.get_by_role("link", name="Afschalen of afsluiten").click()
    page.get_by_role("button", name="Uitstroom vastleggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Controleer uw invoer")
    _check(page, assert_accessible, "exit-errors")
    page.get_by_label("Afschalen (naar reguliere zorg of wijkteam)").check()
    page.get_by_label("Reden").select_option("reguliere-zorg")
    page.get_by_label("Nazorgcontrole op").fill("2099-06-01")
    page.get_by_role("button", name="Uitstroom vastleggen").click()
    expect(page.get_by_text("De uitstroom is vastgelegd")).to_be_visible()

    pga = PgaCase.objects.get(person__surname="Pieters")
    assert pga.status == PgaStatus.STEPPED_DOWN
    assert DomainScore.objects.filter(pga_case=pga).count() == 2
    assert Task.objects.filter(case=pga.case, title__startswith="Nazorgcontrole").exists()
    assert missing == []
    # A refused form answers 400, which the browser logs as a failed resource (and the login page's resources
    # are not this app's: `missing` covers every 404 after it); no script error may be logged.
    assert [e for e in console_errors if "Failed to load resource" not in e] == []
