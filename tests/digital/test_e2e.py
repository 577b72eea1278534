"""Both self-checks, the victim guide and the staff pages in a real Chromium: axe-core clean at desktop and on a
phone (390 px), no horizontal scroll, by keyboard, and without JavaScript. The printed result is a real PDF.
With SHOTS16=<dir> it leaves screenshots there."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from regie.demo.digital import seed_digital
from regie.digital.content import all_questions, bundled, options_of
from regie.digital.models import FollowUpStatus, SelfCheckResult, VictimFollowUp

pytestmark = pytest.mark.e2e

SHOTS = os.environ.get("SHOTS16", "")
SIZES = ((1280, "desktop"), (390, "telefoon"))


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def _check_both_sizes(page: Page, assert_accessible: Callable[[Page], None], name: str) -> None:
    page.wait_for_load_state()  # a click that navigates may still be loading the next page
    for width, size in SIZES:
        page.set_viewport_size({"width": width, "height": 900})
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"{page.url}: {scroll}px breed bij {width}px"
        _shot(page, f"{name}-{size}")
        assert_accessible(page)


def _answer_all(page: Page, kind: str) -> None:
    definition = bundled(kind)
    for q in all_questions(definition):
        last = len(options_of(definition, q)) - 1
        page.locator(f"#id_{q['code']}_{min(1, last)}").check()


@pytest.fixture
def no_script_page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, locale="nl-NL", java_script_enabled=False)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_a_resident_does_the_check_on_a_phone(users, page: Page, assert_accessible):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/veilig-online")
    _check_both_sizes(page, assert_accessible, "start")
    page.get_by_role("link", name="Check voor inwoners").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check: hoe veilig bent u online?")
    page.get_by_role("button", name="Bekijk mijn uitslag").click()  # nothing answered
    expect(page.get_by_role("alert")).to_contain_text("Nog niet alles is ingevuld")
    _check_both_sizes(page, assert_accessible, "check-inwoners-fouten")
    # By keyboard: the first question's answers are one radio group, arrow keys move within it.
    page.locator("#id_updates-telefoon_0").focus()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#id_updates-telefoon_1")).to_be_checked()
    _answer_all(page, "check-inwoners")
    page.get_by_label("De 4 cijfers van uw postcode").fill("6851")
    page.get_by_role("button", name="Bekijk mijn uitslag").click()
    expect(page.get_by_role("heading", name="Doe dit eerst")).to_be_visible()
    _check_both_sizes(page, assert_accessible, "uitslag-inwoners")
    assert SelfCheckResult.objects.get().postcode_area == "6851"


def test_an_entrepreneur_does_the_check_without_javascript_and_prints_it(
    users, no_script_page: Page, tmp_path
):
    """Without JavaScript axe cannot run; the same pages are checked with axe in the other tests."""
    page = no_script_page
    page.goto("/veilig-online/check/ondernemers")
    _answer_all(page, "check-ondernemers")
    page.get_by_role("button", name="Bekijk mijn uitslag").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Uw uitslag")
    expect(page.get_by_text("Risicoklasse", exact=False).first).to_be_visible()
    page.emulate_media(media="print")
    pdf = tmp_path / "uitslag.pdf"
    page.pdf(path=str(pdf), format="A4")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and b"/Type /Page" in data and len(data) > 5_000
    # The PDF made by Regie itself (WeasyPrint), downloaded by its link, without JavaScript.
    page.emulate_media(media="screen")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download de uitslag als PDF").click()
    made = Path(download.value.path()).read_bytes()
    assert made.startswith(b"%PDF-") and download.value.suggested_filename == "uitslag-check-ondernemers.pdf"


def test_a_victim_finds_help_and_asks_to_be_called_without_javascript(users, no_script_page: Page):
    page = no_script_page
    page.goto("/veilig-online/wat-is-er-gebeurd")
    page.get_by_role("link", name="Iemand vroeg via WhatsApp om geld (vriend-in-nood)").click()
    steps = page.locator(".digital-steps li")
    expect(steps.first).to_contain_text("Bel direct uw bank")
    page.get_by_role("link", name="Vraag of de gemeente u belt").click()
    page.get_by_label("Achternaam").fill("Gerritsen")
    page.get_by_label("Telefoonnummer").fill("0612873401")
    page.get_by_role("button", name="Verstuur mijn vraag").click()  # no consent ticked
    expect(page.get_by_role("alert")).to_contain_text("Zonder toestemming bewaren wij niets")
    assert VictimFollowUp.objects.count() == 0
    page.get_by_label("Ja, ik geef hiervoor toestemming").check()
    page.get_by_role("button", name="Verstuur mijn vraag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw vraag is verstuurd")
    item = VictimFollowUp.objects.select_related("signal").get()
    assert item.situation == "vriend-in-nood" and item.signal is not None and item.signal.source == "slachtoffer"


def test_the_guide_and_call_back_pages_pass_axe_on_a_phone(users, page: Page, assert_accessible):
    page.goto("/veilig-online/wat-is-er-gebeurd")
    _check_both_sizes(page, assert_accessible, "wat-is-er-gebeurd")
    page.goto("/veilig-online/wat-is-er-gebeurd/sextortion")
    _check_both_sizes(page, assert_accessible, "sextortion")
    page.goto("/veilig-online/terugbellen?situatie=sextortion")
    page.get_by_role("button", name="Verstuur mijn vraag").click()
    _check_both_sizes(page, assert_accessible, "terugbellen-fouten")
    page.get_by_label("Achternaam").fill("Yilmaz")
    page.get_by_label("E-mailadres").fill("s.yilmaz@example.nl")
    page.get_by_label("Ja, ik geef hiervoor toestemming").check()
    page.get_by_role("button", name="Verstuur mijn vraag").click()
    _check_both_sizes(page, assert_accessible, "terugbellen-verstuurd")
    page.locator(".digital-link-box a").click()
    page.get_by_role("button", name="Ja, trek mijn toestemming in").click()
    expect(page.get_by_role("status")).to_contain_text("Uw toestemming is ingetrokken")
    _check_both_sizes(page, assert_accessible, "ingetrokken")
    assert VictimFollowUp.objects.get().status == FollowUpStatus.WITHDRAWN


def test_the_staff_pages_pass_axe(users, page: Page, log_in, assert_accessible, settings):
    settings.DEMO_MODE = True  # demo accounts sign in without a second factor
    settings.REGIE_REQUIRE_SECOND_FACTOR = False
    seed_digital()
    log_in("procesregisseur")
    page.goto("/digitale-veiligheid")
    expect(page.get_by_role("heading", name="Gedane checks per maand")).to_be_visible()
    _check_both_sizes(page, assert_accessible, "overzicht")
    page.get_by_role("link", name="Doe je updates").click()
    _check_both_sizes(page, assert_accessible, "campagne")
    page.goto("/nazorg-online")
    _check_both_sizes(page, assert_accessible, "nazorg")
    page.get_by_role("row", name="Willemsen").get_by_role("link").click()
    _check_both_sizes(page, assert_accessible, "nazorg-detail")
    # The nazorg case started from the request's signal shows the checklist on its overview.
    page.context.clear_cookies()
    log_in("projectleider")
    referred = VictimFollowUp.objects.select_related("signal").get(status=FollowUpStatus.REFERRED)
    page.goto(f"/casussen/{referred.signal.case_id}")
    expect(page.get_by_role("heading", name="Nazorg na online criminaliteit")).to_be_visible()
    _check_both_sizes(page, assert_accessible, "nazorg-casus")
    page.context.clear_cookies()
    log_in("beheerder")
    page.goto("/beheer/digitale-veiligheid/check-inwoners")
    _check_both_sizes(page, assert_accessible, "inhoud")
