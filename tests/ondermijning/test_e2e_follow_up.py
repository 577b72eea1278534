"""In headless Chromium, at desktop width and at 390 px, with axe-core: the project leader edits an area, adds a
contact person and a measure of the KVO-B plan; a colleague reports anonymously; the privacy officer looks the
sender up. Screenshots land in $REGIE_SCREENSHOTS when set (to look at the pages)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from regie.intake.models import Signal
from regie.ondermijning.models import AreaContact, KvoMeasure
from regie.ondermijning.services.contacts import contact_save
from regie.ondermijning.services.kvo import kvo_start
from regie.ondermijning.services.kvo_plan import kvo_measure_save
from tests.e2e.conftest import demo_settings  # noqa: F401 — demo mode, as in the shell's e2e suite
from tests.worlds.cases import add_member
from tests.worlds.ondermijning import OndermijningWorld, make_ondermijning_world, today

pytestmark = pytest.mark.e2e
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def world(users) -> OndermijningWorld:  # type: ignore[no-untyped-def]
    return make_ondermijning_world(users)


def _look(page: Page, name: str, assert_accessible: Callable[[Page], None]) -> None:
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)  # type: ignore[arg-type]
        assert_accessible(page)
        if os.environ.get("REGIE_SCREENSHOTS"):
            page.screenshot(path=f"{os.environ['REGIE_SCREENSHOTS']}/{name}-{size}.png", full_page=True)


def test_the_project_leader_keeps_area_contacts_and_measures(
    world: OndermijningWorld, log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    leader = world.users["projectleider"]
    trajectory = kvo_start(actor=leader, area=world.estate, started_on=today() - timedelta(days=30))
    kvo_measure_save(
        actor=leader,
        trajectory=trajectory,
        description="Verlichting langs de ontsluitingsweg",
        owner="Gemeente, afdeling Openbare Ruimte",
        due_on=today() + timedelta(days=120),
        status="in-uitvoering",
    )
    contact_save(
        actor=leader,
        area=world.estate,
        role="ondernemersvereniging",
        organisation="Ondernemersvereniging Nieuwgraaf",
        name="Gert-Jan Roelofs",
        phone="06 1234 5601",
        email="voorzitter@ov-nieuwgraaf.nl",
    )
    page = log_in("projectleider")
    page.goto(f"/ondermijning/gebieden/{world.estate.pk}/wijzigen")
    _look(page, "gebied-wijzigen", assert_accessible)
    page.get_by_label("Naam van het gebied").fill("")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(page.get_by_text("Vul de naam van het gebied in").first).to_be_visible()
    _look(page, "gebied-wijzigen-fout", assert_accessible)
    page.get_by_label("Naam van het gebied").fill("Nieuwgraaf")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwgraaf")
    page.get_by_role("link", name="Contactpersoon toevoegen").click()
    _look(page, "contact-nieuw", assert_accessible)
    page.get_by_label("Rol").select_option("parkmanagement")
    page.get_by_label("Organisatie").fill("Parkmanagement Nieuwgraaf")
    page.get_by_label("Naam van de contactpersoon").fill("Marieke van Aalst")
    page.get_by_role("button", name="Contactpersoon opslaan").click()
    expect(page.get_by_text("telefoonnummer of e-mailadres").first).to_be_visible()
    page.get_by_label("Telefoon").fill("026 325 1400")
    page.get_by_role("button", name="Contactpersoon opslaan").click()
    expect(page.get_by_role("link", name="Marieke van Aalst")).to_be_visible()
    assert AreaContact.objects.count() == 2
    _look(page, "gebied", assert_accessible)
    page.goto(f"/ondermijning/gebieden/{world.estate.pk}/kvo-b")
    _look(page, "kvo-b", assert_accessible)
    page.get_by_role("link", name="Maatregel toevoegen").click()
    _look(page, "maatregel-nieuw", assert_accessible)
    page.get_by_label("Maatregel", exact=True).fill("Camera's op de toegangswegen")
    page.get_by_label("Eigenaar").fill("Parkmanagement Nieuwgraaf")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("link", name="Camera's op de toegangswegen")).to_be_visible()
    assert KvoMeasure.objects.count() == 2


def test_the_network_with_its_links(
    world: OndermijningWorld, log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    add_member(world.case, world.users["procesregisseur"], user=world.users["jurist"], case_role="jurist")
    page = log_in("jurist")
    page.goto(f"/ondermijning/locaties/{world.sites['A'].pk}")
    expect(page.get_by_role("table", name="Verbanden in het netwerk")).to_be_visible()
    _look(page, "locatie-netwerk", assert_accessible)


def test_an_anonymous_report_and_the_privacy_officer(
    world: OndermijningWorld, log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    page = log_in("brp")
    page.goto("/ondermijning/melden")
    _look(page, "melden", assert_accessible)
    page.get_by_label("Wat heeft u gezien?").fill("Busjes die 's nachts laden bij de loods aan de Rijndijk.")
    page.get_by_label("Nee, anoniem tegenover collega's").check()
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_text("staat onder referentie")).to_be_visible()
    signal = Signal.objects.get(description__startswith="Busjes die")
    assert signal.submitted_by is None
    page.context.clear_cookies()
    page = log_in("privacy")
    page.goto("/ondermijning/melder-opvragen")
    _look(page, "melder-opvragen", assert_accessible)
    page.get_by_label("Referentie van het signaal").fill(signal.reference)
    page.get_by_label("Reden om de melder op te vragen").fill(
        "Verzoek van de vertrouwenspersoon integriteit."
    )
    page.get_by_role("button", name="Melder opvragen").click()
    expect(page.get_by_role("heading", name="Melder", exact=True)).to_be_visible()
    _look(page, "melder-opgevraagd", assert_accessible)
