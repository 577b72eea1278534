"""In headless Chromium at a phone-sized viewport: an inspector runs a round, inspects three lots and starts the
follow-ups (a procedure, a BRP referral, a care signal); the map and overview change; axe-core passes on the map,
the overview and the inspection form."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from regie.intake.models import Signal
from regie.park.models import FollowUp
from regie.procedures.models import Procedure
from tests.e2e.conftest import demo_settings  # noqa: F401 — demo mode, as in the shell's e2e suite
from tests.worlds.park import ParkWorld

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}


def _inspect(tab: Page, number: int, outcome: str, findings: str) -> None:
    tab.get_by_role("link", name=f"Inspecteer kavel {number}", exact=True).click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(f"Inspectie kavel {number}")
    tab.get_by_label("Post op naam van de bewoners").check()
    tab.get_by_label("Bevindingen").fill(findings)
    tab.get_by_label(outcome).check()
    tab.get_by_role("button", name="Inspectie opslaan").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text(f"Inspectie kavel {number}")


def test_an_inspector_runs_a_round_on_a_phone(
    park_world: ParkWorld,
    log_in: Callable[..., Page],
    assert_accessible: Callable[[Page], None],
    console_errors: list[str],
) -> None:
    page = log_in("handhaver")
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.set_viewport_size(PHONE)
    park = park_world.park
    page.goto(f"/vakantiepark/rondes/{park_world.round.pk}")
    page.get_by_role("link", name="Inspecteer kavel 2", exact=True).click()
    assert_accessible(page)  # the inspection form
    page.go_back()

    _inspect(page, 2, "Permanente bewoning vastgesteld", "Gezin woont er het hele jaar.")
    page.get_by_role("button", name="Handhavingsprocedure permanente bewoning starten").click()
    expect(page.get_by_text("De handhavingsprocedure permanente bewoning is gestart.")).to_be_visible()
    page.get_by_role("link", name="Terug naar de ronde").click()

    _inspect(page, 1, "Aanwijzingen voor permanente bewoning", "Auto's en post; bewoner zegt hier te wonen.")
    page.get_by_label("Doorverwijzen naar burgerzaken: waarom een adresonderzoek?").fill(
        "Staat elders ingeschreven."
    )
    page.get_by_role("button", name="Doorverwijzen naar burgerzaken").click()
    expect(page.get_by_text("Doorverwezen naar burgerzaken voor een adresonderzoek.")).to_be_visible()
    page.get_by_role("link", name="Terug naar de ronde").click()

    _inspect(page, 4, "Permanente bewoning vastgesteld", "Kinderspullen, geen ander huis.")
    page.get_by_label("Sociale problematiek doorverwijzen naar de procesregisseur: wat zag u?").fill(
        "Moeder met twee kinderen, dreigende dakloosheid."
    )
    page.get_by_role("button", name="Signaal naar de procesregisseur").click()
    expect(page.get_by_text("staat bij de procesregisseur in de triage")).to_be_visible()

    assert Procedure.objects.filter(type_code="permanent-residence").count() == 1
    assert FollowUp.objects.filter(kind="brp").count() == 1
    assert Signal.objects.filter(source="inspectie").count() == 1

    page.goto(f"/vakantiepark/{park.pk}?status=permanent-vastgesteld")
    expect(page.locator("table.park-table tbody tr")).to_have_count(
        2
    )  # 2 and 4 now; lot 1 went to "vermoedelijk"
    assert_accessible(page)  # the overview

    page.goto(f"/vakantiepark/{park.pk}/kaart")
    expect(page.locator("#park-kaart")).to_have_attribute("data-loaded", "6")
    expect(page.locator("#park-kaart path.leaflet-interactive")).to_have_count(6)
    assert_accessible(page)  # the map
    page.locator("#park-kaart path.leaflet-interactive").first.click(force=True)
    expect(page).to_have_url(re.compile(r"/vakantiepark/kavels/"))
    assert_accessible(page)  # the lot
    page.goto(f"/vakantiepark/{park.pk}/voortgang")
    expect(page.locator("svg.park-chart polyline").first).to_be_visible()
    assert_accessible(page)  # the progress chart and its table
    assert not [m for m in console_errors if "Content Security Policy" in m], console_errors
    assert not [url for url in missing if not url.endswith("/favicon.ico")], missing
