"""In headless Chromium: 'BRP bijwerken' on a lot and a BAG-checked home address on a person, by keyboard, with
axe-core on each new state (issue 21), against the local, spec-validated BRP and BAG on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from regie.integrations.local.bag_server import LocalBag
from regie.integrations.local.brp_server import LocalBrp
from tests.e2e.conftest import demo_settings  # noqa: F401 — demo mode, as in the shell's e2e suite
from tests.integrations.registers import local_bag, local_brp  # noqa: F401
from tests.worlds.cases import make_world
from tests.worlds.park import ParkWorld

pytestmark = pytest.mark.e2e


def test_brp_bijwerken_on_a_lot_by_keyboard(
    park_world: ParkWorld,
    brp: LocalBrp,
    bag: LocalBag,
    log_in: Callable[..., Page],
    assert_accessible: Callable[[Page], None],
) -> None:
    page = log_in("projectleider")
    page.goto(f"/vakantiepark/kavels/{park_world.lots[1].pk}")
    button = page.get_by_role("button", name="BRP bijwerken")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("De BRP-inschrijvingen zijn bijgewerkt: 2 personen.")).to_be_visible()
    expect(page.get_by_role("heading", name="Ingeschreven volgens de BRP: 2")).to_be_visible()
    expect(page.get_by_text("Anna Kuipers (1964)")).to_be_visible()
    assert_accessible(page)  # the lot page with the BRP list and its retrieval date
    brp.fault = "500"
    page.get_by_role("button", name="BRP bijwerken").click()
    expect(page.get_by_text("De BRP heeft een storing (status 500); er is niets gewijzigd.")).to_be_visible()
    assert_accessible(page)  # the error message


def test_a_home_address_by_postcode_checked_in_the_bag(
    users: Any,
    bag: LocalBag,
    log_in: Callable[..., Page],
    assert_accessible: Callable[[Page], None],
) -> None:
    world = make_world(users)
    page = log_in("procesregisseur")
    page.goto(f"/personen/{world.person.pk}")
    page.get_by_role("link", name="Woonadres vastleggen").click()
    assert_accessible(page)  # the address form
    page.get_by_label("Postcode").fill("6921 AB")
    page.get_by_label("Huisnummer").fill("3")
    page.get_by_role("button", name="Adres vastleggen").click()
    expect(page.get_by_text("De BAG kent geen adres").first).to_be_visible()
    assert_accessible(page)  # the form with its Dutch error
    page.get_by_label("Huisletter").fill("B")
    page.get_by_label("Toevoeging").fill("2")
    page.get_by_label("Huisnummer").press("Enter")
    expect(page.get_by_text("Het woonadres is vastgelegd.")).to_be_visible()
    expect(page.get_by_role("link", name="Dorpsstraat 3B-2, 6921 AB Duiven")).to_be_visible()
