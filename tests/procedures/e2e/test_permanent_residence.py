"""End to end in headless Chromium: an inspector and a lawyer take a permanent-residence procedure from the
report of findings to the decision on objection, with letters, and the deadline overview follows every move."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import docx
import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from regie.accounts.models import Municipality
from regie.cases.models import CaseType
from regie.cases.services.case import SubjectRef, case_create
from regie.cases.services.team import case_member_add
from regie.core.terms import format_date
from regie.procedures.models import Procedure
from regie.subjects.services import address_get_or_create, person_create

pytestmark = pytest.mark.e2e


def _day(days_ago: int) -> str:
    return (timezone.localdate() - timedelta(days=days_ago)).isoformat()


@pytest.fixture
def case(users):
    case_type, _ = CaseType.objects.get_or_create(
        code="handhaving-permanente-bewoning",
        defaults={
            "label": "Handhaving permanente bewoning",
            "default_categories": ["general"],
            "retention_years": 10,
        },
    )
    park = address_get_or_create(
        actor=None, postcode="6988BX", house_number=14, street="Marsweg", city="Lathum"
    )
    home = address_get_or_create(
        actor=None, postcode="6851AR", house_number=9, street="Karstraat", city="Huissen"
    )
    resident = person_create(actor=None, surname="Jansen", given_names="Peter", address=park)
    owner = person_create(actor=None, surname="Vos", given_names="Marieke", prefix="de", address=home)
    case = case_create(
        actor=users["handhaver"],
        case_type=case_type,
        title="Permanente bewoning Marsweg 14",
        coordinator=users["handhaver"],
        municipality=Municipality.objects.get(code="1705"),
        subjects=[
            SubjectRef(role="locatie", address=park),
            SubjectRef(role="bewoner", person=resident),
            SubjectRef(role="eigenaar", person=owner),
        ],
    )
    case_member_add(
        actor=users["handhaver"], case=case, case_role="jurist", categories=["general"], user=users["jurist"]
    )
    return case


def _overview(page: Page):
    page.goto("/termijnen")
    return page.get_by_role("main")


def _step(page: Page, procedure_url: str, label: str, on: str) -> None:
    page.goto(procedure_url)
    page.get_by_role("link", name=label, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(label)
    page.get_by_label("Datum van de stap").fill(on)


def _save(page: Page) -> None:
    page.get_by_role("button", name="Stap vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text("is vastgelegd")


def _log_out(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def test_inspector_and_lawyer_take_a_procedure_to_the_decision_on_objection(
    page, log_in, case, users, tmp_path, assert_accessible
):
    # The inspector starts the procedure on the case and records the report of findings.
    log_in("handhaver")
    page.goto(f"/procedures/starten?soort=permanent-residence&casus={case.number}")
    page.get_by_label("Datum", exact=True).fill(_day(40))
    page.get_by_label("Omschrijving van het signaal").fill(
        "Buren melden dat het gezin er ook 's winters woont."
    )
    page.get_by_role("button", name="Procedure starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Handhaving permanente bewoning")
    url = page.url.removeprefix(page.url.split("/procedures/")[0])
    overview = _overview(page)
    expect(overview).to_contain_text("Controle uitvoeren")
    expect(overview).to_contain_text("te laat")

    report = tmp_path / "rapport-van-bevindingen.txt"
    report.write_text("Rapport van bevindingen Marsweg 14\nWoning volledig ingericht als hoofdverblijf.\n")
    _step(page, url, "Rapport van bevindingen", _day(38))
    page.get_by_label("Bevindingen (samenvatting)").fill(
        "Woning ingericht als hoofdverblijf; post op naam van bewoners."
    )
    page.get_by_label("Woning betreden").select_option("met-toestemming")
    page.get_by_label("Ingeschreven in de BRP op het parkadres").check()
    page.get_by_label("Nieuw bestand").set_input_files(str(report))
    _save(page)
    overview = _overview(page)
    expect(overview).to_contain_text("Uitzonderingen controleren")
    expect(overview).not_to_contain_text("Controle uitvoeren")
    _log_out(page)

    # The lawyer checks the exceptions, sends the intended decision, decides and notifies.
    log_in("jurist")
    _step(page, url, "Uitzonderingen gecontroleerd", _day(37))
    for label in ("Persoonsgebonden beschikking", "Lokaal gedoogbesluit", "Uitsterfregeling"):
        page.get_by_label(label).select_option("geen")
    _save(page)
    expect(_overview(page)).not_to_contain_text("Uitzonderingen controleren")

    _step(page, url, "Voornemen verzonden", _day(36))
    page.get_by_label("Sanctie").select_option("penalty-order")
    page.get_by_label("Dwangsom (bedrag)").fill("500")
    page.get_by_label("Per tijdseenheid").select_option("week")
    page.get_by_label("Maximum te verbeuren bedrag").fill("10.000")
    _save(page)
    procedure = Procedure.objects.get(case=case)
    view_end = procedure.deadlines.get(code="view").due_date
    page.goto(url)
    with page.expect_download() as download:
        page.get_by_role("link", name="Voornemen handhaving permanente bewoning").first.click()
    letter = docx.Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert f"uiterlijk op {format_date(view_end, weekday=False)} bij ons zijn" in "\n".join(
        p.text for p in letter.paragraphs
    )

    _step(page, url, "Besluit genomen", _day(20))
    page.get_by_label("Sanctie").select_option("penalty-order")
    page.get_by_label("Dwangsom (bedrag)").fill("500")
    page.get_by_label("Per tijdseenheid").select_option("week")
    page.get_by_label("Maximum te verbeuren bedrag").fill("10.000")
    page.get_by_label("Begunstigingstermijn").fill("P3M")
    _save(page)
    expect(_overview(page)).to_contain_text("Besluit bekendmaken")

    _step(page, url, "Besluit bekendgemaakt", _day(12))
    page.get_by_label("Peter Jansen (bewoner)").fill(_day(14))
    page.get_by_label("Marieke de Vos (eigenaar)").fill(_day(12))
    page.get_by_label("Wijze van bekendmaking").select_option("aangetekend")
    _save(page)
    overview = _overview(page)
    expect(overview).not_to_contain_text("Besluit bekendmaken")
    resident_term = procedure.deadlines.get(code="objection", addressee__role="bewoner").due_date
    if resident_term <= timezone.localdate() + timedelta(days=30):
        expect(overview).to_contain_text("Bezwaartermijn")
    page.goto(url)
    expect(page.get_by_role("main")).to_contain_text(format_date(resident_term))  # the resident's own term
    letters = page.get_by_role("table", name="Brieven, opgeslagen als documenten bij de casus")
    expect(letters.get_by_role("link", name="Besluit handhaving permanente bewoning")).to_have_count(2)

    # The owner objects; the lawyer decides on the objection, with the letter that opens appeal.
    bezwaar = tmp_path / "bezwaarschrift.txt"
    bezwaar.write_text("Bezwaarschrift van de eigenaar.\n")
    _step(page, url, "Bezwaar ontvangen", _day(5))
    page.get_by_label("Geadresseerde").select_option(label="Marieke de Vos (eigenaar)")
    page.get_by_label("Nieuw bestand").set_input_files(str(bezwaar))
    page.get_by_label("Soort document").select_option("brief")
    _save(page)
    decision_term = procedure.deadlines.get(code="decision-on-objection").due_date
    page.goto(url)
    expect(page.get_by_role("main")).to_contain_text("Beslistermijn bezwaar")

    _step(page, url, "Beslissing op bezwaar", _day(2))
    page.get_by_label("Geadresseerde").select_option(label="Marieke de Vos (eigenaar)")
    page.get_by_label("Uitkomst").select_option("ongegrond")
    page.get_by_label("Motivering").fill("De permanente bewoning is vastgesteld; er geldt geen uitzondering.")
    _save(page)
    procedure.refresh_from_db()
    assert procedure.current_step == "objection-decision"
    assert procedure.deadlines.get(code="decision-on-objection", due_date=decision_term).status == "met"
    page.goto(url)
    letters = page.get_by_role("table", name="Brieven, opgeslagen als documenten bij de casus")
    expect(letters.get_by_role("link", name="Beslissing op bezwaar", exact=True)).to_have_count(1)
    expect(page.locator("svg.regie-chart")).to_be_visible()
    assert_accessible(page)
    assert_accessible(_overview(page).page)
