"""The public confirmation, the status lookup and the triage queue in a real browser: axe-core clean, and no
horizontal scroll on a phone (390 px) (issue 13). With SHOTS13C=<dir> it also leaves screenshots there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from regie.intake.models import Signal

pytestmark = pytest.mark.e2e

SHOTS = os.environ.get("SHOTS13C", "")
DESCRIPTION = "Op het vakantiepark bij chalet 12: wietlucht, busjes en dozen, elke avond na tienen."
SIZES = ((1280, "desktop"), (390, "telefoon"))


def _no_horizontal_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport, f"{page.url}: {width}px breed bij een venster van {viewport}px"


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def test_confirmation_and_status_lookup(users, policy, page: Page, assert_accessible) -> None:
    page.goto("/melden")
    page.get_by_label("Anoniem, zonder contactgegevens").check()
    page.get_by_label("Wat wilt u melden?").fill(DESCRIPTION)
    page.get_by_label("Waar speelt het?").select_option("park-lot")
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw melding is ontvangen")
    reference = page.locator(".regie-reference").first.inner_text()
    code = page.locator(".regie-status-code .regie-reference").inner_text()
    for width, name in SIZES:
        page.set_viewport_size({"width": width, "height": 900})
        _no_horizontal_scroll(page)
        _shot(page, f"bevestiging-{name}")
    assert_accessible(page)
    expect(page.get_by_text("U meldde anoniem")).to_be_visible()
    page.get_by_role("link", name="Stand van uw melding").first.click()
    page.get_by_label("Referentie").fill(reference)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Bekijk de stand").click()
    expect(page.get_by_role("status")).to_contain_text("wacht op beoordeling")
    for width, name in SIZES:
        page.set_viewport_size({"width": width, "height": 900})
        _no_horizontal_scroll(page)
        _shot(page, f"status-{name}")
    assert_accessible(page)
    page.get_by_label("Code").fill("AAAA-BBBB-CCCC")
    page.get_by_role("button", name="Bekijk de stand").click()  # answered 404, like an unknown reference
    expect(page.get_by_role("alert")).to_contain_text("Wij vinden geen melding")
    assert_accessible(page)


def test_the_triage_queue(users, policy, processed, client, log_in, assert_accessible, console_errors) -> None:
    client.post("/melden", {"reporter_type": "anoniem", "description": DESCRIPTION, "location_kind": "park-lot"})
    processed(Signal.objects.get())
    page = log_in("procesregisseur")
    page.goto("/signalen")
    expect(page.get_by_role("columnheader", name="Waarover")).to_be_visible()
    for width, name in SIZES:
        page.set_viewport_size({"width": width, "height": 900})
        _shot(page, f"triage-{name}")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)
    assert not console_errors, console_errors
