"""In headless Chromium: one administrator asks for a case role, a second approves it, the privacy officer sees
it; a coordinator hands a case over on the team page. axe-core passes on every new page and error state."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from regie.accounts.models import User
from regie.cases.models import Case
from tests.e2e.conftest import demo_settings  # noqa: F401 — demo mode, as in the shell's e2e suite
from tests.worlds.cases import make_world

pytestmark = pytest.mark.e2e

SCREENS = os.environ.get("REGIE_SCREENSHOTS", "")  # a directory: save what the test looked at, to look again


def _look(page: Page, name: str, assert_accessible: Callable[[Page], None]) -> None:
    assert_accessible(page)
    if SCREENS:
        for width, size in ((1280, "desktop"), (390, "phone")):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=f"{SCREENS}/{name}-{size}.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 720})


def _switch(page: Page, log_in: Callable[..., Page], username: str) -> Page:
    page.get_by_role("button", name="Uitloggen").click()
    return log_in(username)


def test_two_administrators_give_a_case_role_and_the_privacy_officer_sees_it(
    users: dict[str, User],
    log_in: Callable[..., Page],
    assert_accessible: Callable[[Page], None],
    console_errors: list[str],
) -> None:
    analist = users["analist"]
    page = log_in("beheerder")
    page.goto(f"/beheer/gebruikers/{analist.pk}")
    page.get_by_label("Rol").select_option(label="Procesregisseur")
    page.get_by_label("Organisatie").select_option(label="Team Zorg en Veiligheid")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("gaat pas in als een andere beheerder haar goedkeurt")).to_be_visible()
    page.goto(f"/beheer/gebruikers/{analist.pk}")
    expect(
        page.get_by_text("Wacht op goedkeuring: procesregisseur bij Team Zorg en Veiligheid")
    ).to_be_visible()
    _look(page, "user-pending", assert_accessible)
    page.goto("/beheer/toegangswijzigingen")
    expect(page.get_by_text("Deze wijziging wacht op een andere beheerder")).to_be_visible()
    _look(page, "changes-own-request", assert_accessible)

    page = _switch(page, log_in, "beheerder2")
    page.goto("/beheer")
    page.get_by_role("link", name="Wijzigingen van rol of organisatie (1 wachten op goedkeuring)").click()
    _look(page, "changes-to-decide", assert_accessible)
    page.get_by_role("button", name="Afwijzen").click()
    expect(page.get_by_text("Licht toe waarom u deze wijziging afwijst.").first).to_be_visible()
    _look(page, "changes-error", assert_accessible)
    page.get_by_label("Toelichting").fill("Afgestemd met het team; start per maandag.")
    page.get_by_role("button", name="Goedkeuren").click()
    expect(page.get_by_text("is goedgekeurd en doorgevoerd")).to_be_visible()
    analist.refresh_from_db()
    assert analist.role == "procesregisseur"

    page = _switch(page, log_in, "privacy")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Rolwijzigingen").click()
    expect(page.get_by_text("Goedgekeurd door Yusuf Demir")).to_be_visible()
    _look(page, "changes-privacy", assert_accessible)
    assert not [m for m in console_errors if "Failed to load resource" not in m], console_errors


def test_the_coordinator_hands_over_on_the_team_page(
    users: dict[str, User],
    log_in: Callable[..., Page],
    assert_accessible: Callable[[Page], None],
    console_errors: list[str],
) -> None:
    world = make_world(users)
    page = log_in("procesregisseur")
    page.goto(f"/casussen/{world.case.pk}/team")
    _look(page, "team-hand-over", assert_accessible)
    form = page.locator("form", has=page.get_by_role("button", name="Coördinatie overdragen"))
    form.get_by_role("button", name="Coördinatie overdragen").click()
    expect(page.get_by_text("Dit veld is verplicht.").first).to_be_visible()
    _look(page, "team-hand-over-error", assert_accessible)
    page.get_by_label("Nieuwe coördinator").select_option(label="Pieter Kuipers (Juridische Zaken)")
    keeps = page.get_by_role("group", name="De vorige coördinator blijft in het team en ziet")
    for label in ("Algemeen", "Zorg (AVG art. 9)"):  # nothing is pre-checked: what stays is chosen
        keeps.get_by_label(label).check()
    page.get_by_role("button", name="Coördinatie overdragen").click()
    expect(page.get_by_text("Pieter Kuipers is nu de coördinator van deze casus.")).to_be_visible()
    assert Case.objects.get(pk=world.case.pk).coordinator == users["jurist"]
    previous = world.case.members.get(user=users["procesregisseur"])
    assert sorted(previous.categories) == ["care", "general"]
    assert not [m for m in console_errors if "Failed to load resource" not in m], console_errors
