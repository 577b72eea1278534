"""In headless Chromium at desktop width and 390 px: a decision term that ran out and the 4:17 penalty clock on the
procedure page and /termijnen, and the calculator with Dutch input and its error state; axe-core on each, and a
screenshot of each in /tmp/procedures-shots/ to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from regie.procedures.services.addressees import procedure_addressee_add

from ..conftest import access

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/procedures-shots")


def _look(page: Page, name: str, assert_accessible) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, suffix in ((1280, "desktop"), (390, "390")):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (
            f"{name}: breder dan {width} px"
        )
        assert_accessible(page)
        page.screenshot(path=str(SHOTS / f"{name}-{suffix}.png"), full_page=True)


@pytest.fixture
def in_default(world, pr_at, move, time_machine):
    """A request for enforcement decided too late: notice of default received 21 April, today 19 May 2026."""
    procedure = pr_at("notification")
    user = world.users["jurist"]
    applicant = procedure_addressee_add(
        actor=user,
        access=access(user, procedure.case),
        procedure=procedure,
        role="melder",
        name="J. de Buurman",
        address_line="Parkweg 2",
        postal_line="6851 AB Huissen",
    )
    move(
        "jurist",
        procedure,
        "enforcement-request",
        "2026-02-16",
        {"addressee": str(applicant.pk), "request": "x"},
    )
    time_machine.move_to("2026-04-21 10:00 +02:00", tick=False)
    notice = {"addressee": str(applicant.pk), "term": "request-decision"}
    move("jurist", procedure, "default-notice", "2026-04-21", notice)
    time_machine.move_to("2026-05-19 10:00 +02:00", tick=False)
    return procedure


def test_the_default_and_its_penalty_clock_in_the_browser(page, log_in, in_default, assert_accessible):
    log_in("jurist")
    page.goto(f"/procedures/{in_default.pk}")
    main = page.get_by_role("main")
    expect(
        main.get_by_role("heading", name="Termijn overschreden: de gemeente is in gebreke")
    ).to_be_visible()
    expect(main).to_contain_text("Dwangsom loopt — 15 dagen, € 357")
    _look(page, "procedure-in-gebreke", assert_accessible)
    page.goto("/termijnen")
    expect(page.get_by_role("main")).to_contain_text(
        "1 beslistermijn overschreden: de gemeente is in gebreke."
    )
    _look(page, "termijnen-in-gebreke", assert_accessible)


def test_the_calculator_in_dutch_in_the_browser(page, log_in, users, assert_accessible):
    log_in("jurist")
    page.goto("/termijncalculator")
    page.get_by_label("Datum van de gebeurtenis").fill("2026-03-24")
    page.get_by_label("Duur van de termijn").fill("6 weken")
    page.get_by_label("Wettelijke termijn").check()
    page.get_by_role("button", name="Bereken").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("De termijn eindigt op woensdag 6 mei 2026")
    _look(page, "calculator", assert_accessible)
    page.get_by_label("Duur van de termijn").fill("zes weken")
    page.get_by_role("button", name="Bereken").click()
    expect(page.get_by_role("alert")).to_contain_text("Vul een termijn in zoals '6 weken'")
    _look(page, "calculator-fout", assert_accessible)
