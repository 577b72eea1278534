"""In headless Chromium: the project leader changes the park, registers a new one, ends an occupancy, changes and
cancels a round — through the links on the existing pages; axe-core passes on every new form (and an error state)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from regie.park.models import InspectionRound, Occupancy, Park
from tests.e2e.conftest import demo_settings  # noqa: F401 — demo mode, as in the shell's e2e suite
from tests.worlds.park import ParkWorld

pytestmark = pytest.mark.e2e


def test_the_project_leader_keeps_the_register_with_accessible_forms(
    park_world: ParkWorld,
    log_in: Callable[..., Page],
    assert_accessible: Callable[[Page], None],
    console_errors: list[str],
) -> None:
    page = log_in("projectleider")
    park = park_world.park
    page.goto(f"/vakantiepark/{park.pk}")
    page.get_by_role("link", name="Parkgegevens wijzigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Parkgegevens wijzigen")
    assert_accessible(page)  # the park form
    page.get_by_label("Naam van het park").fill("")
    page.get_by_role("button", name="Parkgegevens opslaan").click()
    expect(page.get_by_text("Vul de naam van het park in.").first).to_be_visible()
    assert_accessible(page)  # the park form with its errors
    page.get_by_label("Naam van het park").fill("Recreatiepark Testmeren-Noord")
    page.get_by_label("Planologische status").select_option(label="Legalisatietraject")
    page.get_by_role("button", name="Parkgegevens opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recreatiepark Testmeren-Noord")

    page.get_by_role("link", name="Alle vakantieparken").click()
    assert_accessible(page)  # the list of parks
    page.get_by_role("link", name="Nieuw park registreren").click()
    assert_accessible(page)  # the empty park form
    page.get_by_label("Naam van het park").fill("Recreatiepark Het Nieuwe Bos")
    page.get_by_role("button", name="Park registreren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recreatiepark Het Nieuwe Bos")
    assert Park.objects.filter(name="Recreatiepark Het Nieuwe Bos").exists()

    page.goto(f"/vakantiepark/kavels/{park_world.lots[1].pk}")
    page.get_by_role("link", name="Bewoning door Piet Permanent beëindigen").click()
    assert_accessible(page)  # the end-of-occupancy form
    page.get_by_label("Laatste dag van de bewoning").fill("2024-06-30")
    page.get_by_role("button", name="Bewoning beëindigen").click()
    expect(page.get_by_text("is beëindigd per 30 juni 2024")).to_be_visible()
    assert Occupancy.objects.get(person=park_world.occupant).to_date == date(2024, 6, 30)

    page.goto(f"/vakantiepark/rondes/{park_world.round.pk}")
    page.get_by_role("link", name="Ronde wijzigen").click()
    assert_accessible(page)  # the round form
    page.get_by_label("Toelichting").fill("Andere ploeg")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(page.get_by_text("De ronde is gewijzigd")).to_be_visible()
    page.get_by_role("link", name="Ronde annuleren").click()
    assert_accessible(page)  # the cancel form
    page.get_by_label("Reden van de annulering").fill("Storm; nieuwe datum volgt.")
    page.get_by_role("button", name="Ronde annuleren").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("(geannuleerd)")
    assert_accessible(page)  # the cancelled round
    assert InspectionRound.objects.get(pk=park_world.round.pk).is_cancelled
    assert not [m for m in console_errors if "Content Security Policy" in m], console_errors
