"""In headless Chromium: from the case page, the coordinator completes a placeholder person and merges another into
the known person, by keyboard-reachable links and forms that pass axe-core at desktop and phone size."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from regie.cases.services.case import SubjectRef, case_subject_add
from regie.subjects.models import Person
from tests.browser import screenshot
from tests.worlds.cases import make_person, make_world

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("demo_settings")]




def test_the_coordinator_completes_and_merges_placeholders_from_the_case_page(
    users, log_in, assert_accessible, page: Page
) -> None:
    world = make_world(users)
    director = users["procesregisseur"]
    to_complete = make_person(director, surname="Smit", prefix="", given_names="", bsn=None, with_address=False)
    to_merge = make_person(director, given_names="J.", bsn=None, with_address=False)
    for person in (to_complete, to_merge):
        case_subject_add(actor=director, case=world.case, ref=SubjectRef(role="betrokkene", person=person))

    log_in("procesregisseur")
    page.goto(f"/casussen/{world.case.pk}")
    assert_accessible(page)
    page.get_by_role("link", name="aanvullen").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gegevens aanvullen")
    assert_accessible(page)
    page.get_by_label("Voornamen").fill("Karin")
    page.get_by_label("BSN").fill("12345678")
    page.get_by_role("button", name="Gegevens opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("BSN")
    assert_accessible(page)
    screenshot(page, "person-complete-error")
    page.get_by_label("BSN").fill("123456782")
    page.get_by_label("Geboortedatum").fill("1979-11-23")
    page.get_by_role("button", name="Gegevens opslaan").click()
    expect(page.get_by_text("De gegevens van de persoon zijn opgeslagen.")).to_be_visible()
    assert Person.objects.get(pk=to_complete.pk).bsn == "123456782"

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/personen/{to_merge.pk}")
    expect(page.get_by_text("Onvolledige registratie")).to_be_visible()
    page.get_by_role("link", name="Samenvoegen met een bekende persoon").click()
    assert_accessible(page)
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1]
    screenshot(page, "person-merge-phone")
    page.get_by_label("Jan de Vries", exact=False).check()
    page.get_by_label("Waarom is dit dezelfde persoon?").fill("Zelfde persoon, bevestigd in de BRP")
    page.get_by_role("button", name="Samenvoegen").click()
    expect(page.get_by_text("is samengevoegd met Jan de Vries")).to_be_visible()
    assert Person.objects.get(pk=to_merge.pk).merged_into_id == world.person.pk
