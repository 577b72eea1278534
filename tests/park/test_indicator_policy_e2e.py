"""In headless Chromium: the functional administrator finds the indicators of main residence under Beheer, is
answered in Dutch on bad input and sets a new version; axe-core passes on the page and on its error state."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from regie.accounts.models import User
from regie.park.indicator_selectors import indicators_in_force
from tests.e2e.conftest import demo_settings  # noqa: F401 — demo mode, as in the shell's e2e suite

pytestmark = pytest.mark.e2e


def test_the_administrator_changes_the_indicators_on_an_accessible_page(
    users: dict[str, User],
    log_in: Callable[..., Page],
    assert_accessible: Callable[[Page], None],
    console_errors: list[str],
) -> None:
    page = log_in("beheerder")
    page.goto("/beheer")
    page.get_by_role("link", name="Indicatoren voor hoofdverblijf (vakantieparken)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Indicatoren voor hoofdverblijf")
    assert_accessible(page)
    label = page.get_by_label("Omschrijving, ‘Post op naam van de bewoners’")
    label.fill("")
    page.get_by_role("button", name="Nieuwe versie vaststellen").click()
    expect(page.get_by_text("Indicator ‘post’: vul de omschrijving in.")).to_be_visible()
    assert_accessible(page)  # the page with its errors
    page.get_by_label("Omschrijving, ‘Post op naam van de bewoners’").fill(
        "Post op naam van de bewoners of huurders"
    )
    page.get_by_label("Code, nieuwe indicator 0").fill("zonnepanelen")
    page.get_by_label("Omschrijving, nieuwe indicator 0").fill("Zonnepanelen op de chalet")
    page.get_by_role("button", name="Nieuwe versie vaststellen").click()
    expect(page.get_by_text("van de indicatoren is vastgesteld en in gebruik")).to_be_visible()
    offered = {i.code: i.label for i in indicators_in_force()}
    assert offered["post"] == "Post op naam van de bewoners of huurders" and "zonnepanelen" in offered
    assert not [m for m in console_errors if "Content Security Policy" in m], console_errors
