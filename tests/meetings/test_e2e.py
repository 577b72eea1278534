"""In headless Chromium: the chair runs a meeting (minutes, an agreement, approving the minutes and an addendum
after it, asking to discuss a case, the calendar feed), a partner reads the agenda with only their own case and
downloads it as PDF with only that case, and a deelnemer confirms the confidentiality statement first; axe-core
passes on each page at desktop width and at 390 px."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from regie.cases.models import Note, Task
from tests.e2e.conftest import demo_settings  # noqa: F401 — demo mode, as in the shell's e2e suite
from tests.worlds.meetings import MeetingsWorld, make_meetings_world

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SHOTS = Path("/tmp/meetings-shots")


@pytest.fixture
def world(users) -> MeetingsWorld:  # type: ignore[no-untyped-def]
    return make_meetings_world(users)


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_the_chair_runs_the_meeting(
    world: MeetingsWorld, log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    page = log_in("procesregisseur")
    for size, name in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page.set_viewport_size(size)
        page.goto("/overleggen")
        assert_accessible(page)
        page.goto(f"/overleggen/reeksen/{world.series.pk}")
        assert_accessible(page)
        page.goto(world.url())
        expect(page.get_by_role("heading", level=1)).to_have_text("Wekelijkse triage PGA")
        assert_accessible(page)
        _shot(page, f"meeting-chair-{name}")
    page.set_viewport_size(DESKTOP)
    page.get_by_role("link", name=f"Casus {world.case_a.number}: Zorgen rond Jan de Vries").click()
    assert_accessible(page)
    page.get_by_role("button", name="Verslag vastleggen").click()  # empty
    expect(page.get_by_text("Controleer uw invoer.")).to_be_visible()
    page.get_by_role("textbox", name="Verslag", exact=True).fill(
        "GGZ legt een huisbezoek af en koppelt terug."
    )
    page.get_by_label("Gegevenscategorie", exact=True).select_option("care")
    page.get_by_role("button", name="Verslag vastleggen").click()
    expect(page.get_by_text("als notitie bij de casus opgeslagen")).to_be_visible()
    page.get_by_role("textbox", name="Afspraak", exact=True).fill("Huisbezoek afleggen")
    page.get_by_label("Uitvoerder").select_option(str(world.users["ggz"].pk))
    page.get_by_label("Uiterlijk op").fill((timezone.localdate() + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Afspraak vastleggen").click()
    expect(page.get_by_text("De afspraak is vastgelegd als taak bij de casus.")).to_be_visible()
    assert_accessible(page)
    _shot(page, "item-chair-desktop")
    assert Note.objects.filter(case=world.case_a, category="care").exists()
    assert Task.objects.filter(case=world.case_a, title="Huisbezoek afleggen").exists()
    # the chair approves the minutes; a later entry is an addendum after approval
    page.goto(world.url())
    page.get_by_role("button", name="Verslag vaststellen").click()
    expect(page.get_by_text("Het verslag is vastgesteld.")).to_be_visible()
    assert_accessible(page)
    _shot(page, "meeting-approved-desktop")
    page.goto(world.item_url(world.item_a))
    page.get_by_role("textbox", name="Verslag", exact=True).fill("Correctie: de wijkagent gaat mee.")
    page.get_by_role("button", name="Verslag vastleggen").click()
    expect(page.get_by_text("Aanvulling na vaststelling")).to_be_visible()
    # the case's coordinator asks to discuss a case; the page and the feed page pass axe at both widths
    for size, name in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page.set_viewport_size(size)
        page.goto(f"/overleggen/casussen/{world.case_b.pk}/bespreken")
        assert_accessible(page)
        _shot(page, f"request-{name}")
        page.goto("/overleggen/agendafeed")
        assert_accessible(page)
    page.get_by_role("button", name="Adres maken").click()
    expect(page.get_by_label("Adres van uw agendafeed")).to_be_visible()
    assert_accessible(page)
    _shot(page, "feed-phone")
    page.set_viewport_size(DESKTOP)
    page.goto(f"/overleggen/casussen/{world.case_b.pk}/bespreken")
    page.get_by_role("button", name="Aanmelden om te bespreken").click()  # empty
    expect(page.get_by_text("Controleer uw invoer.")).to_be_visible()
    page.get_by_label("Overleg", exact=True).select_option(str(world.series.pk))
    page.get_by_label("Vraag aan het overleg", exact=True).fill(
        "Is opschalen naar het Zorg- en Veiligheidshuis nodig?"
    )
    page.get_by_role("button", name="Aanmelden om te bespreken").click()
    expect(page.get_by_text("De casus is aangemeld")).to_be_visible()
    assert_accessible(page)


def test_a_partner_and_a_deelnemer_see_only_their_part(
    world: MeetingsWorld, log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    page = log_in("ggz")
    page.set_viewport_size(PHONE)
    page.goto(world.url())
    expect(page.get_by_text(world.case_a.number).first).to_be_visible()
    expect(page.get_by_text(world.case_b.number)).to_have_count(0)
    assert_accessible(page)
    _shot(page, "meeting-partner-phone")
    pdf = page.request.get(world.url("/agenda.pdf"))
    assert pdf.status == 200
    SHOTS.mkdir(exist_ok=True)
    (SHOTS / "agenda-ggz.pdf").write_bytes(pdf.body())
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    assert world.case_a.number in text and world.case_b.number not in text
    page.get_by_role("link", name=f"Casus {world.case_a.number}: Zorgen rond Jan de Vries").click()
    assert_accessible(page)
    page.context.clear_cookies()
    page = log_in("jurist")
    page.set_viewport_size(PHONE)
    page.goto(world.url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Geheimhoudingsverklaring")
    assert_accessible(page)
    _shot(page, "confirm-phone")
    page.get_by_label("Ik heb de verklaring gelezen en houd mij eraan").check()
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_text("Evaluatie van het convenant")).to_be_visible()
    expect(page.get_by_text(world.case_a.number)).to_have_count(0)
    assert_accessible(page)
