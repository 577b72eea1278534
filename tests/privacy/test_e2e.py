"""In headless Chromium: the privacy officer reads the register, finds who looked at Jan de Vries in the log,
opens his access export, and takes a destruction list through review; the archivist (who sees the list's metadata,
no case) approves it and, after the cooling-off period, the officer destroys it by typing its name. axe-core passes
on every main page, at desktop and 390 px."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from regie.cases.models import Case
from regie.privacy.models import DestructionList
from tests.e2e.conftest import demo_settings  # noqa: F401 — demo mode, as in the shell's e2e suite
from tests.worlds.privacy import DestructionWorld, PrivacyWorld

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _both_widths(page: Page, check: Callable[[Page], None]) -> None:
    """Check at both widths; the page is loaded again at each, as a person opening it on that screen would."""
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        page.reload()
        check(page)


def test_the_officer_reads_the_register_the_log_and_an_export(
    pw: PrivacyWorld, log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    page = log_in("privacy")
    page.goto("/privacy/verwerkingsregister")
    expect(page.get_by_role("heading", name="Casusregie zorg en veiligheid")).to_be_visible()
    _both_widths(page, assert_accessible)

    page.goto("/privacy/verwerkingslog")
    page.get_by_label("Persoon (naam of BSN)").fill("Jan de Vries")
    page.get_by_role("button", name="Filteren").click()
    expect(page.get_by_text("Afstemmen van de aanpak met de wijkagent")).to_be_visible()
    _both_widths(page, assert_accessible)

    page.goto("/privacy/verzoeken")
    _both_widths(page, assert_accessible)
    page.get_by_role("link", name="Nieuw verzoek registreren").click()
    page.get_by_label("BSN").fill("111222333")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name="Jan de Vries")).to_be_visible()
    _both_widths(page, assert_accessible)
    page.get_by_label("Identiteit vastgesteld met").fill("Paspoort gezien aan de balie")
    page.get_by_role("button", name="Verzoek registreren voor Jan de Vries").click()
    expect(page.get_by_text("is geregistreerd; uiterste datum")).to_be_visible()
    expect(page.get_by_role("cell", name="Behandelplan afstemmen").first).to_be_visible()
    _both_widths(page, assert_accessible)


def test_the_officer_and_the_archivist_take_a_list_through_destruction(
    dw: DestructionWorld, log_in: Callable[..., Page], assert_accessible: Callable[[Page], None]
) -> None:
    page = log_in("privacy")
    page.goto("/privacy/bewaartermijnen")
    _both_widths(page, assert_accessible)
    page.goto("/privacy/vernietigingslijsten")
    page.get_by_role("button", name="Nu een lijst voorstellen").click()
    expect(page.get_by_role("cell", name=dw.old.number, exact=True)).to_be_visible()
    _both_widths(page, assert_accessible)
    page.get_by_role("button", name="Beoordeeld: naar de archivaris").click()
    expect(page.get_by_text("De lijst is beoordeeld en ligt bij de archivaris")).to_be_visible()
    list_url = page.url

    page.context.clear_cookies()
    page = log_in("archivaris-test", "Zomer-Kastanje-8317")
    page.goto("/privacy/vernietigingslijsten")
    expect(page.get_by_role("button", name="Nu een lijst voorstellen")).to_have_count(0)
    page.goto(list_url)
    expect(page.get_by_role("cell", name=dw.old.number, exact=True)).to_be_visible()
    expect(page.get_by_text("Handhaving Smit")).to_have_count(0)  # metadata, never the case's contents
    _both_widths(page, assert_accessible)
    page.get_by_role("button", name="Goedkeuren als archivaris").click()
    expect(page.get_by_text("de bedenktijd van 7 dagen loopt")).to_be_visible()
    _both_widths(page, assert_accessible)
    assert page.goto(f"/casussen/{dw.old.pk}").status in (403, 404)  # no case contents for the archivist

    dlist = DestructionList.objects.get()
    DestructionList.objects.filter(pk=dlist.pk).update(destroy_after=timezone.now() - timedelta(minutes=1))
    page.goto(list_url)
    expect(page.get_by_text("de privacyfunctionaris vernietigt de records")).to_be_visible()
    page.context.clear_cookies()
    page = log_in("privacy")
    page.goto(list_url)
    page.get_by_label("Typ de naam van de lijst om te bevestigen").fill(dlist.name)
    page.get_by_role("button", name="Definitief vernietigen").click()
    expect(page.get_by_text("is vernietigd; de vernietigingsverklaring staat klaar")).to_be_visible()
    _both_widths(page, assert_accessible)
    assert not Case.objects.filter(pk=dw.old.pk).exists()


def test_the_officer_decides_an_objection_and_the_case_page_says_the_data_are_restricted(
    pw: PrivacyWorld, log_in: Callable[..., Page], assert_accessible: Callable[[Page], None], users
) -> None:
    from regie.privacy.rights import rights_request_create

    dsr = rights_request_create(
        actor=users["privacy"],
        person=pw.cases.person,
        kind="bezwaar",
        received_on=timezone.localdate(),
        identity_check="Paspoort gezien aan de balie",
        subject_matter="Jan vraagt zijn gegevens niet meer te gebruiken vanwege zijn nieuwe baan.",
    )
    page = log_in("privacy")
    page.goto(f"/privacy/verzoeken/{dsr.pk}")
    expect(page.get_by_role("heading", name="Besluit met motivering")).to_be_visible()
    _both_widths(page, assert_accessible)
    page.set_viewport_size(PHONE)
    page.screenshot(path="/tmp/privacy-objection-390.png", full_page=True)
    page.get_by_role("radio", name="Toegewezen", exact=True).check()
    page.get_by_label("Motivering (bij bezwaar: de afweging)").fill("De bijzondere situatie weegt zwaarder.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("worden alleen bewaard, niet verder verwerkt")).to_be_visible()
    page.set_viewport_size(DESKTOP)
    page.screenshot(path="/tmp/privacy-objection-1280.png", full_page=True)
    _both_widths(page, assert_accessible)


def test_the_officer_sees_the_brp_retrievals_about_the_person_in_the_access_export(
    pw: PrivacyWorld, log_in: Callable[..., Page], assert_accessible: Callable[[Page], None], users
) -> None:
    from regie.cases.services.person_brp import PURPOSE as PERSON_PURPOSE
    from regie.integrations.brp import PURPOSE_LABELS
    from regie.subjects.models import BrpRetrieval

    BrpRetrieval.objects.create(
        person=pw.cases.person, purpose=PERSON_PURPOSE.code, retrieved_by=users["procesregisseur"],
        retrieved_at=timezone.now() - timedelta(days=2),
    )  # fmt: skip
    page = log_in("privacy")
    page.goto(f"/privacy/verzoeken/{pw.request.pk}")
    table = page.get_by_role("table", name="1 bevraging van de BRP")
    expect(table.get_by_text(PURPOSE_LABELS[PERSON_PURPOSE.code])).to_be_visible()
    expect(table.get_by_text(users["procesregisseur"].organisation.name)).to_be_visible()
    assert PERSON_PURPOSE.code not in table.inner_text()  # a label, never the code
    _both_widths(page, assert_accessible)
    table.scroll_into_view_if_needed()
    page.set_viewport_size(PHONE)
    page.screenshot(path="/tmp/regie-shots/privacy-brp-export-390.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path="/tmp/regie-shots/privacy-brp-export-1280.png", full_page=True)
