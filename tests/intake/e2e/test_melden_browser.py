"""The public report page in a real browser: accessible (axe-core), usable with the keyboard alone, and the
confirmation shows the reference."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from regie.intake.models import Signal

pytestmark = pytest.mark.e2e

DESCRIPTION = "Achter de loods aan de Kerkweg rijden elke nacht busjes af en aan en de ramen zijn afgeplakt."


def _tab_to(page: Page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element is focused; fail if it is never reached (or the honeypot is)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement && document.activeElement.id")
        assert focused != "id_website", "the honeypot must not be reachable with Tab"
        if page.locator(selector).evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{selector} is not reachable with Tab")


def test_the_public_page_passes_axe_empty_and_with_errors(users, policy, page: Page, assert_accessible):
    page.goto("/melden")
    expect(page.get_by_role("heading", level=1)).to_have_text("Een zorg of onveilige situatie melden")
    expect(page.get_by_role("heading", name="Wat doen wij met uw gegevens?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Beschrijf wat u wilt melden.")
    assert_accessible(page)
    assert not Signal.objects.exists()


def test_a_resident_reports_with_the_keyboard_alone(
    users, policy, page: Page, assert_accessible, console_errors
):
    page.goto("/melden")
    _tab_to(page, "#id_reporter_type_0")
    page.keyboard.press("ArrowDown")  # radio group: "Als ondernemer"
    page.keyboard.press("ArrowDown")  # "Anoniem"
    expect(page.locator("#id_reporter_type_2")).to_be_checked()
    _tab_to(page, "#id_description")
    page.keyboard.type(DESCRIPTION)
    _tab_to(page, "#id_location_kind")
    page.keyboard.press("ArrowDown")
    _tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/melden/ontvangen$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw melding is ontvangen")
    signal = Signal.objects.get()
    expect(page.get_by_role("status")).to_contain_text(signal.reference)
    assert signal.source == "anoniem" and signal.description == DESCRIPTION
    assert_accessible(page)
    assert console_errors == []


def test_the_skip_link_is_the_first_stop_and_leads_to_the_form(users, policy, page: Page):
    page.goto("/melden")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Direct naar de inhoud")
    page.keyboard.press("Enter")
    _tab_to(page, "#id_reporter_type_0", limit=5)


def test_staff_report_from_any_page_and_return_there(users, policy, log_in, assert_accessible):
    page = log_in("jurist")
    page.goto("/casussen")
    page.get_by_role("link", name="Meld een signaal").click()
    expect(page).to_have_url(re.compile(r"/signalen/nieuw\?van=/casussen$"))
    assert_accessible(page)
    page.get_by_label("Wat wilt u melden?").fill("Een bewoner vertelde dat er in de flat wordt gedeald.")
    page.get_by_role("button", name="Signaal versturen").click()
    expect(page).to_have_url(re.compile(r"/casussen$"))
    expect(page.get_by_role("status").first).to_contain_text("Uw signaal is ontvangen onder referentie M-")
