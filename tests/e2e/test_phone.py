"""On a phone (390 × 844), in headless Chromium over the demo municipality: every page the inspector uses and the
public report pages fit the screen without sideways scrolling and pass axe-core; the main menu folds behind a
"Menu" button that opens and closes with the keyboard, and the public pages link to nothing for staff.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from regie.access.case_access import cases_visible_to
from regie.accounts.models import User
from regie.demo.seed import seed_demo
from regie.park.models import InspectionRound, Park, ParkLot
from regie.procedures.models import Procedure
from regie.web.navigation import USER_MENU, local_navigation_for, navigation_for

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}
INSPECTOR = "handhaver"  # toezicht en handhaving: inspections, reports of findings, enforcement terms
STAFF_LINKS = ("/api/", "/account/", "/beheer", "/casussen", "/signalen", "/login")


@pytest.fixture
def demo(users: dict[str, User], settings: Any, tmp_path: Path) -> dict[str, User]:
    settings.MEDIA_ROOT = tmp_path / "documents"
    settings.REGIE_CLASSIFIER_PATH = str(tmp_path / "classifier.pkl")
    seed_demo()
    return {u.username: u for u in User.objects.select_related("organisation")}


def _fits(page: Page) -> None:
    """No sideways scrolling: the document is no wider than the window."""
    page.wait_for_load_state()
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if widths[0] > widths[1]:
        wide = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5)
                .slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.'))"""
        )
        pytest.fail(f"{page.url}: {widths[0]} px breed op een scherm van {widths[1]} px; te breed: {wide}")


def _inspector_pages(user: User) -> list[str]:
    """The inspector's start page, main and own menu, and the detail pages behind them in the demo."""
    paths = [item["url"] for item in navigation_for(user, "/") + navigation_for(user, "/", USER_MENU)]
    paths = list(dict.fromkeys(paths + [part["url"] for path in paths for part in local_navigation_for(user, path)]))
    park = Park.objects.get(name="Recreatiepark Rhederlaagse Meren")
    visible = cases_visible_to(user)
    case = visible.order_by("number").first()
    procedure = Procedure.objects.filter(case__in=visible).order_by("created_at").first()
    rounds = InspectionRound.objects.filter(park=park).order_by("-planned_on")
    lot = ParkLot.objects.filter(park=park).order_by("number").first()
    assert case and procedure and rounds and lot
    paths += [
        f"/casussen/{case.pk}",
        f"/procedures/{procedure.pk}",
        f"/vakantiepark/{park.pk}",
        f"/vakantiepark/{park.pk}/kaart",
        f"/vakantiepark/{park.pk}/voortgang",
        f"/vakantiepark/{park.pk}/rondes",
        *[f"/vakantiepark/rondes/{r.pk}" for r in rounds],
        f"/vakantiepark/kavels/{lot.pk}",
        "/zoeken?q=Jansen",
        "/signalen/nieuw",
    ]
    return paths


def test_every_page_the_inspector_uses_fits_a_phone_and_passes_axe(
    demo: dict[str, User], log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    page = log_in(INSPECTOR)
    page.set_viewport_size(PHONE)
    seen = 0
    for path in _inspector_pages(demo[INSPECTOR]):
        response = page.goto(path)
        assert response is not None and response.status in {200}, (path, response and response.status)
        _fits(page)
        assert_accessible(page)
        seen += 1
        if path.startswith("/vakantiepark/rondes/"):
            inspect = page.get_by_role("link", name="Inspecteer kavel").first
            if inspect.count():
                inspect.click()
                expect(page.get_by_role("heading", level=1)).to_contain_text("Inspectie kavel")
                _fits(page)
                assert_accessible(page)
                seen += 1
    assert seen >= 15, seen


def test_the_main_menu_folds_on_a_phone_and_opens_and_closes_with_the_keyboard(
    users: dict[str, User], log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    page = log_in(INSPECTOR)
    page.set_viewport_size(PHONE)
    page.goto("/")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    button = nav.get_by_role("button", name="Menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_attribute("aria-controls", "hoofdmenu")
    expect(nav.get_by_role("link", name="Casussen")).to_be_hidden()
    assert_accessible(page)

    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Casussen")).to_be_visible()
    outline = button.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "geen zichtbare focus op de menuknop"
    page.keyboard.press("Tab")
    expect(nav.get_by_role("link", name="Start")).to_be_focused()
    _fits(page)
    assert_accessible(page)

    page.keyboard.press("Escape")  # closes and puts focus back on the button
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(nav.get_by_role("link", name="Casussen")).to_be_hidden()

    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(nav.get_by_role("link", name="Casussen")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn casussen")
    expect(
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("button", name="Menu")
    ).to_have_attribute("aria-expanded", "false")


def test_the_users_own_menu_opens_and_closes_with_the_keyboard(
    users: dict[str, User], log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    page = log_in(INSPECTOR)
    page.set_viewport_size(PHONE)
    menu = page.get_by_role("banner").locator("details.regie-user-menu")
    toggle = menu.locator("summary")
    expect(toggle).to_have_accessible_name("Mijn menu: Ilse Hendriks")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(menu.get_by_role("link", name="Mijn API-tokens")).to_be_visible()
    expect(menu).to_contain_text("Toezicht en Handhaving")
    _fits(page)
    assert_accessible(page)
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Mijn API-tokens")).to_be_focused()
    page.keyboard.press("Escape")
    expect(menu.get_by_role("link", name="Mijn API-tokens")).to_be_hidden()
    expect(toggle).to_be_focused()


def test_without_javascript_the_menu_is_simply_open(
    users: dict[str, User], browser: Any, base_url: str
) -> None:
    context = browser.new_context(
        base_url=base_url, java_script_enabled=False, viewport=PHONE, locale="nl-NL"
    )
    page = context.new_page()
    page.goto("/login")
    page.get_by_label("Gebruikersnaam", exact=True).fill(INSPECTOR)
    page.get_by_label("Wachtwoord", exact=True).fill("regie-demo")
    page.get_by_role("button", name="Inloggen").click()
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    expect(nav.get_by_role("link", name="Casussen")).to_be_visible()
    expect(nav.get_by_role("button", name="Menu")).to_have_count(0)
    _fits(page)
    context.close()


def test_the_public_report_pages_fit_a_phone_pass_axe_and_link_to_nothing_for_staff(
    users: dict[str, User],
    page: Page,
    assert_accessible: Callable[[Page], None],
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = tmp_path / "documents"
    settings.REGIE_CLASSIFIER_PATH = str(tmp_path / "classifier.pkl")
    page.set_viewport_size(PHONE)
    page.goto("/melden")
    expect(page.get_by_role("heading", level=1)).to_contain_text("melden")
    _fits(page)
    assert_accessible(page)
    _no_staff_links(page)

    page.get_by_role("button", name="Melding versturen").click()  # empty: the errors, still on a phone
    expect(page.get_by_role("alert").first).to_be_visible()
    _fits(page)
    assert_accessible(page)

    page.get_by_label("Wat wilt u melden?").fill(
        "Er staan al weken 's nachts busjes bij de schuur aan de Waaldijk en er wordt van alles uitgeladen."
    )
    page.get_by_label("Anoniem").check()
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw melding is ontvangen")
    _fits(page)
    assert_accessible(page)
    _no_staff_links(page)


def _no_staff_links(page: Page) -> None:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    staff = [h for h in hrefs if h == "/" or h.startswith(STAFF_LINKS)]
    assert not staff, f"{page.url} linkt naar pagina's voor medewerkers: {staff}"
