"""In headless Chromium: in a large municipality the coordinator filter is a combobox; a colleague is found by part
of the name, taken with the arrow keys and Enter, and the list filters; axe-core passes at desktop and phone size."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from regie.accounts.models import User
from regie.cases.views.case_list import COORDINATOR_SELECT_MAX
from tests.browser import screenshot
from tests.cases.test_coordinator_filter import add_colleagues, fillers
from tests.worlds.cases import make_case, make_case_type

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("demo_settings")]




@pytest.mark.parametrize("width", [1280, 390])
def test_a_coordinator_is_found_by_name_and_taken_by_keyboard(
    users: dict[str, User], log_in, assert_accessible, page: Page, width: int
) -> None:
    director = users["procesregisseur"]
    organisation = users["handhaver"].organisation
    assert organisation is not None
    visser, _ = add_colleagues(organisation, [("Anouk", "Visser"), ("Anouk", "Vissering")])
    add_colleagues(organisation, fillers(COORDINATOR_SELECT_MAX))
    case_type = make_case_type(users["beheerder"])
    make_case(director, case_type, coordinator=visser, title="Casus van Anouk Visser")
    make_case(director, case_type, title="Casus van de regisseur")

    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    log_in("procesregisseur")
    page.goto("/casussen")
    field = page.get_by_role("combobox", name="Coördinator")
    field.press_sequentially("viss", delay=30)
    listbox = page.get_by_role("listbox")
    expect(listbox.get_by_role("option")).to_have_count(2)
    expect(field).to_have_attribute("aria-expanded", "true")
    expect(page.locator("[data-regie-combobox-status]")).to_have_text(
        "2 suggesties. Gebruik pijl omhoog en omlaag om te kiezen."
    )
    field.press("ArrowDown")
    first = listbox.get_by_role("option").first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(field).to_have_attribute("aria-activedescendant", first.get_attribute("id") or "")
    assert_accessible(page)
    screenshot(page, f"coordinator-suggestions-{width}")

    field.press("Enter")  # takes the suggestion
    expect(field).to_have_value("Anouk Visser")
    expect(field).to_have_attribute("aria-expanded", "false")
    field.press("Enter")  # sends the form

    expect(page).to_have_url(
        f"{page.url.split('?')[0]}?casustype=&status=&coordinator_naam=Anouk+Visser&coordinator={visser.pk}"
    )
    expect(page.get_by_text("Gefilterd op coördinator Anouk Visser.")).to_be_visible()
    expect(page.get_by_role("cell", name="Casus van Anouk Visser")).to_be_visible()
    expect(page.get_by_text("Casus van de regisseur")).to_have_count(0)
    assert_accessible(page)
    screenshot(page, f"coordinator-filtered-{width}")

    field = page.get_by_role("combobox", name="Coördinator")
    field.fill("")
    field.press_sequentially("viss", delay=30)
    expect(page.get_by_role("listbox").get_by_role("option")).to_have_count(2)
    field.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
