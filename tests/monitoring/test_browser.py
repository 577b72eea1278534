"""In headless Chromium: the analist reads the monitoring overview and a theme's dashboard (chart, tables, filters)
and asks for a council report — axe-core clean, by keyboard, at desktop and phone size without sideways scroll."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from regie.monitoring.models import CouncilReport

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("demo_settings")]
SHOTS = Path("/tmp/regie-shots")



def _fits(page: Page) -> None:
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{page.url}: {widths[0]} px breed op {widths[1]} px"


def test_the_analist_reads_the_dashboards_and_asks_for_a_report(
    users, figures, log_in, assert_accessible, page: Page
) -> None:
    SHOTS.mkdir(exist_ok=True)
    log_in("analist")
    page.goto("/monitoring")
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitoring")
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "monitoring-overview.png"), full_page=True)
    page.get_by_role("link", name="Signalen en meldingen").click()
    page.get_by_label("Van maand").fill("2026-01")
    page.get_by_label("Tot en met maand").fill("2026-02")
    page.get_by_label("Tot en met maand").press("Enter")
    expect(page.get_by_text("jan 2026 t/m feb 2026")).to_be_visible()
    expect(page.locator("svg.regie-chart").first).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "monitoring-signalen.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    _fits(page)
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "monitoring-signalen-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/monitoring/rapportages")
    page.get_by_label("Jaar", exact=True).fill("2026")
    page.get_by_label("Kwartaal (niet verplicht)").select_option("1")
    page.get_by_label("Inleiding").fill("Eerste kwartaal: de aanpak loopt.")
    page.get_by_role("button", name="Rapportage maken").click()
    expect(page.get_by_text("Wacht op verwerking")).to_be_visible()
    assert_accessible(page)
    assert CouncilReport.objects.get().texts["inleiding"] == "Eerste kwartaal: de aanpak loopt."


def test_the_procesregisseur_goes_from_a_figure_to_the_cases_behind_it(
    users, figures, areas, log_in, assert_accessible, page: Page
) -> None:
    SHOTS.mkdir(exist_ok=True)
    log_in("procesregisseur")
    page.goto("/monitoring/thema/zorg?van=2026-01&tot=2026-02")
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "monitoring-zorg-links.png"), full_page=True)
    page.locator('a[href="/monitoring/casussen?indicator=cases.opened&maand=2026-01"]').first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Casussen achter een cijfer")
    expect(page.locator("tbody tr")).to_have_count(13)
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "monitoring-drilldown.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    _fits(page)
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "monitoring-drilldown-phone.png"), full_page=True)
    page.goto("/monitoring/thema/zorg?van=2026-01&tot=2026-02")
    _fits(page)
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "monitoring-zorg-links-phone.png"), full_page=True)
    page.goto("/monitoring/thema/signalen?van=2026-01&tot=2026-02")
    _fits(page)
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "monitoring-signalen-cross-phone.png"), full_page=True)
