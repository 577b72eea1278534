"""In headless Chromium, by keyboard, checked with axe-core: the beheerder sets a case type's zaaktype mapping (a
bad address first), and the coordinator hands the case to the local spec-validated zaaksysteem from the case page,
with one of the case's documents chosen (none is by default)."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Page, expect

from regie.cases.models import CaseHandOver, CaseHandOverDocument, ZaakTypeMapping
from regie.cases.services.hand_over import zaak_mapping_save
from tests.integrations.zaken_fixtures import local_zaken  # noqa: F401
from tests.worlds.cases import PDF, add_document, make_world

SHOTS = os.environ.get("REGIE_SCREENSHOTS", "")  # a directory: the hand-over section is saved there as PNGs

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("demo_settings")]



def test_the_beheerder_sets_the_mapping_by_keyboard(
    users, zaken, log_in, assert_accessible, page: Page
) -> None:
    world = make_world(users)
    log_in("beheerder")
    page.goto("/beheer/casustypen")
    assert_accessible(page)
    page.get_by_role("link", name="Instellen voor Persoonsgerichte aanpak").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zaaksysteem: Persoonsgerichte aanpak")
    assert_accessible(page)
    page.get_by_label("Zaaktype").fill("geen adres")
    page.get_by_label("Zaaktype").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Vul een volledig adres in")
    assert_accessible(page)
    page.get_by_label("Zaaktype").fill(zaken.app.zaaktype())
    page.get_by_label("Roltype van de betrokken personen").fill(zaken.app.roltype("belanghebbende"))
    page.get_by_label("Betrokkene", exact=True).check()
    page.get_by_role("button", name="Opslaan").focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_text("De koppeling van Persoonsgerichte aanpak met het zaaksysteem is opgeslagen.")
    ).to_be_visible()
    assert ZaakTypeMapping.objects.get(case_type=world.case_type).person_roles == ["betrokkene"]


def test_the_coordinator_hands_the_case_over_from_the_case_page(
    users, zaken, log_in, assert_accessible, page: Page
) -> None:
    world = make_world(users)
    zaak_mapping_save(
        actor=users["beheerder"],
        case_type=world.case_type,
        zaaktype=zaken.app.zaaktype(),
        coordinator_roltype=zaken.app.roltype("behandelaar"),
        person_roltype=zaken.app.roltype("belanghebbende"),
        person_roles=["betrokkene"],
        informatieobjecttype=zaken.app.informatieobjecttype(),
    )
    director = users["procesregisseur"]
    report = add_document(world.case, director, title="Rapport huisbezoek", content=PDF)
    add_document(world.case, director, title="Verslag overleg", filename="verslag.pdf")
    log_in("procesregisseur")
    page.goto(f"/casussen/{world.case.pk}")
    expect(page.get_by_role("heading", name="Zaaksysteem")).to_be_visible()
    chosen = page.get_by_role("checkbox", name="Rapport huisbezoek")
    expect(chosen).not_to_be_checked()
    expect(page.get_by_role("checkbox", name="Verslag overleg")).not_to_be_checked()
    assert_accessible(page)
    chosen.focus()
    page.keyboard.press("Space")
    expect(chosen).to_be_checked()
    section = page.locator("section[aria-labelledby=zaaksysteem]")
    if SHOTS:
        section.screenshot(path=f"{SHOTS}/hand-over-1280.png")
    page.get_by_role("button", name="Overdragen aan zaaksysteem").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text(f"als zaak REGIE-{world.case.number}")).to_be_visible()
    assert_accessible(page)
    assert CaseHandOver.objects.get(case=world.case).persons == 1
    assert [d.document_id for d in CaseHandOverDocument.objects.all()] == [report.pk]
    expect(page.get_by_role("checkbox", name="Rapport huisbezoek")).not_to_be_checked()  # none again
    page.set_viewport_size({"width": 390, "height": 844})
    if SHOTS:
        section.screenshot(path=f"{SHOTS}/hand-over-390.png")
    zaken.app.fail_next(500)
    page.get_by_role("button", name="Overdragen aan zaaksysteem").click()
    expect(page.get_by_text("Het zaaksysteem gaf een storing (HTTP 500)")).to_be_visible()
    assert_accessible(page)
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1]
