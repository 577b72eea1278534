"""Letters: filled .docx templates stored on the case; the tests open the files and read the computed dates."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from django.core.exceptions import ValidationError

from regie.cases.models import Document
from regie.cases.services.documents import document_path
from regie.procedures.models import Letter, LetterTemplate
from regie.procedures.services.engine import letters_regenerate
from regie.procedures.services.letter_context import allowed_fields, letter_codes
from regie.procedures.services.letters import SHIPPED_DIR, letter_template_upload, template_fields

from .conftest import access, addressee_ids, report

pytestmark = pytest.mark.django_db


def text_of(letter: Letter) -> str:
    """All text of a generated letter: body, the table with date and reference, header and footer."""
    document = docx.Document(str(document_path(letter.document)))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def _template(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("code", sorted(letter_codes()))
def test_every_letter_has_a_shipped_template_using_only_known_fields(code):
    content = (SHIPPED_DIR / f"{code}.docx").read_bytes()
    assert template_fields(content) <= set(allowed_fields(code))


def test_the_intended_decision_states_the_view_end_date_and_the_penalty(pr_at):
    procedure = pr_at("intended-decision")
    letter = Letter.objects.get(procedure=procedure, code="pr-intended-decision", addressee__role="bewoner")
    text = text_of(letter)
    assert "uiterlijk op 2 februari 2026 bij ons zijn" in text
    assert "€ 500,00 per week, tot een maximum van € 10.000,00" in text
    assert "Peter Jansen" in text and "Marsweg 14" in text and "6988 BX  Lathum" in text
    assert "Marsweg 14, 6988 BX Lathum" in text  # the dwelling the procedure is about
    assert "Mark van der Linden" in text  # the single point of contact: the case coordinator
    assert "artikel 5:32 van de Algemene wet bestuursrecht" in text
    assert "{{" not in text


def test_each_addressee_gets_a_decision_with_their_own_objection_end_date(pr_at):
    procedure = pr_at("notification")
    resident = text_of(Letter.objects.get(procedure=procedure, code="pr-decision", addressee__role="bewoner"))
    owner = text_of(Letter.objects.get(procedure=procedure, code="pr-decision", addressee__role="eigenaar"))
    assert "uiterlijk op donderdag 19 maart 2026 is ontvangen" in resident
    assert "uiterlijk op dinsdag 24 maart 2026 is ontvangen" in owner
    assert "eindigt op 5 mei 2026" in resident and "eindigt op 10 mei 2026" in owner  # compliance period
    assert "is op 5 februari 2026 aan u bekendgemaakt" in resident
    assert "college van burgemeester en wethouders van Lingewaard" in resident


def test_letters_are_stored_on_the_case_as_documents(pr_at, world):
    procedure = pr_at("notification")
    letter = Letter.objects.filter(procedure=procedure, code="pr-decision").first()
    document = Document.objects.get(pk=letter.document_id)
    assert document.case_id == world.pr_case.pk and document.document_type == "besluit"
    assert document.content_type.endswith("wordprocessingml.document")
    assert document.filename.startswith(world.pr_case.number) and document.filename.endswith(".docx")


def test_the_decision_on_objection_carries_the_appeal_clause(pr_at, move):
    procedure = pr_at("notification")
    owner = addressee_ids(procedure)["eigenaar"]
    move(
        "jurist",
        procedure,
        "objection-received",
        "2026-02-20",
        {"addressee": owner},
        upload=report("Bezwaar", "brief"),
    )
    move(
        "jurist",
        procedure,
        "objection-decision",
        "2026-02-27",
        {"addressee": owner, "outcome": "ongegrond", "reasoning": "Bewoning staat vast."},
    )
    letter = Letter.objects.get(procedure=procedure, code="objection-decision")
    text = text_of(letter)
    assert letter.addressee.role == "eigenaar"
    assert (
        "Bezwaar ongegrond" in text
        and "beroepschrift is op tijd als het uiterlijk op vrijdag 10 april 2026" in text
    )
    assert "rechtbank Gelderland" in text and "20 februari 2026" in text


def test_the_closure_order_is_the_mayors_and_names_the_findings(world, matrix, start, move):
    procedure = start(
        "jurist",
        world.o13b_case,
        "opiumwet-13b",
        "2026-01-08",
        data={
            "search_date": "2026-01-06",
            "premises_type": "woning",
            "substances": [{"substance": "cocaine", "amount": "12,5"}],
            "findings": "Cocaïne en een weegschaal.",
        },
        upload=report(),
    ).procedure
    move("jurist", procedure, "assessment", "2026-01-12", {"sanction": "sluiting"})
    move(
        "jurist",
        procedure,
        "closure-order",
        "2026-01-13",
        {
            "closure_period": "P3M",
            "compliance_period": "P1W",
            "reasons": "Handel in harddrugs.",
            "urgent_reason": "Overlast.",
        },
    )
    resident = str(procedure.addressees.get().pk)
    move(
        "jurist",
        procedure,
        "notification",
        "2026-01-15",
        {"notifications": {resident: "2026-01-15"}, "method": "politie"},
    )
    letter = Letter.objects.get(procedure=procedure, code="o13b-closure-order")
    text = text_of(letter)
    assert letter.document.category == "justice"
    assert "12,5 gram cocaïne" in text and "sluiten voor de duur van 3 maanden" in text
    assert "eindigt op 22 januari 2026" in text  # compliance period: 1 week after notification
    assert "bezwaarschrift indienen bij de burgemeester van Lingewaard" in text
    assert "uiterlijk op donderdag 26 februari 2026" in text


def test_it_refuses_a_template_with_an_unknown_merge_field(world):
    content = _template("Geachte {{ geadresseerde_naam }},", "Uw IBAN: {{ rekeningnummer }}")
    with pytest.raises(ValidationError) as caught:
        letter_template_upload(
            actor=world.users["beheerder"], code="pr-decision", filename="x.docx", content=content
        )
    assert "Onbekend samenvoegveld: {{ rekeningnummer }}" in caught.value.message_dict["file"][0]
    assert not LetterTemplate.objects.exists()


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (b"geen word-bestand", "geen Word-bestand"),
        (b"PK\x03\x04kapot", "kan niet worden gelezen"),
        (_template("{{ geadresseerde_naam "), "fout in een samenvoegveld"),
        (_template("{% for x in %}"), "fout in een samenvoegveld"),
        (b"", "leeg"),
    ],
)
def test_it_refuses_a_file_that_is_no_valid_template(world, content, text):
    with pytest.raises(ValidationError) as caught:
        letter_template_upload(
            actor=world.users["beheerder"], code="pr-decision", filename="x.docx", content=content
        )
    assert text in caught.value.message_dict["file"][0]


def test_it_refuses_an_unknown_letter_code(world):
    with pytest.raises(ValidationError) as caught:
        letter_template_upload(
            actor=world.users["beheerder"], code="kerstkaart", filename="x.docx", content=_template("x")
        )
    assert "bestaande brief" in caught.value.message_dict["code"][0]


def test_it_refuses_template_code_that_escapes_the_sandbox(world):
    content = _template("{{ geadresseerde_naam.__class__.__mro__ }}")
    with pytest.raises(ValidationError):
        letter_template_upload(
            actor=world.users["beheerder"], code="pr-decision", filename="x.docx", content=content
        )


def test_a_new_template_version_is_used_for_the_next_letter(pr_at, world):
    procedure = pr_at("notification")
    content = _template(
        "Aan {{ geadresseerde_naam }}: bezwaar kan tot {{ bezwaar_einddatum }}. Kenmerk {{ kenmerk }}."
    )
    row = letter_template_upload(
        actor=world.users["beheerder"],
        code="pr-decision",
        filename="nieuw.docx",
        content=content,
        note="Korter",
    )
    assert row.version == 2 and row.merge_fields == ["bezwaar_einddatum", "geadresseerde_naam", "kenmerk"]
    letters = letters_regenerate(
        actor=world.users["jurist"],
        access=access(world.users["jurist"], world.pr_case),
        procedure=procedure,
        code="pr-decision",
    )
    assert len(letters) == 2 and all(letter.template_version == 2 for letter in letters)
    texts = sorted(text_of(letter) for letter in letters)
    assert (
        texts[0].strip() == "Aan Marieke de Vos: bezwaar kan tot dinsdag 24 maart 2026. Kenmerk 2026-00001/6."
    )


def test_it_refuses_to_regenerate_a_letter_no_step_produced(pr_at, world):
    procedure = pr_at("signal")
    with pytest.raises(ValidationError) as caught:
        letters_regenerate(
            actor=world.users["jurist"],
            access=access(world.users["jurist"], world.pr_case),
            procedure=procedure,
            code="pr-decision",
        )
    assert "geen stap die deze brief maakt" in caught.value.message_dict["letter"][0]


def test_the_build_script_is_shipped_next_to_its_output():
    assert (Path(SHIPPED_DIR) / "build.py").exists()
