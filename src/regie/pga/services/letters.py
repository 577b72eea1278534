"""The letter that informs the person of the inclusion in the PGA (issue 14, informing the person).

A .docx like the procedures letters: the template is built here with python-docx (merge fields {{ naam }}) and
filled by the procedures letter renderer (`procedures.services.letters.render`, a sandboxed docxtpl), which refuses
a letter in which a merge field would stay empty. The letter is stored as a document on the case (category
general: it names the approach, not a health or justice fact) and the generation is logged.
"""

from __future__ import annotations

import io
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from docx import Document as DocxDocument
from docx.shared import Pt, RGBColor

from regie.access.pga_access import PgaView
from regie.accounts.models import User
from regie.cases.models import DataCategory, Document
from regie.cases.services.documents import document_upload
from regie.core.terms import format_date
from regie.pga.models import PgaStatus
from regie.procedures.services.letters import EmptyFieldError, render
from regie.processing_log.services import log_processing

SUBJECT = "Uw aanmelding voor de persoonsgerichte aanpak"
FIELDS: dict[str, str] = {
    "gemeente": "de gemeente van de casus",
    "datum_brief": "de datum van de brief",
    "kenmerk": "het casusnummer",
    "geadresseerde_naam": "de naam van betrokkene",
    "geadresseerde_straat": "straat en huisnummer van betrokkene",
    "geadresseerde_postcode_woonplaats": "postcode en woonplaats van betrokkene",
    "opgenomen_op": "de datum van opname",
    "niveau": "het niveau (lokale PGA of Zorg- en Veiligheidshuis)",
    "procesregisseur_naam": "de naam van de procesregisseur",
    "procesregisseur_telefoon": "het telefoonnummer van de procesregisseur",
    "procesregisseur_email": "het e-mailadres van de procesregisseur",
}
BODY = (
    "Op {{ opgenomen_op }} is besloten dat u deelneemt aan de persoonsgerichte aanpak van de gemeente "
    "{{ gemeente }} ({{ niveau }}). In deze aanpak werken de gemeente en organisaties als het wijkteam, de zorg, de "
    "woningcorporatie, de reclassering en de politie met u samen aan een plan, zodat u weer grip krijgt op de "
    "onderwerpen die nu moeilijk gaan, zoals wonen, geld, gezondheid en werk.",
    ("Wat betekent dit voor u?", True),
    "Uw vaste aanspreekpunt is {{ procesregisseur_naam }}, procesregisseur. Samen met u en de betrokken "
    "organisaties maakt {{ procesregisseur_naam }} een plan van aanpak per leefgebied, en bespreekt regelmatig met "
    "u hoe het gaat.",
    ("Welke gegevens gebruiken wij?", True),
    "Voor deze aanpak delen de betrokken organisaties alleen de gegevens die nodig zijn voor uw plan "
    "(Wet gegevensverwerking door samenwerkingsverbanden en de publieke taak van de gemeente). Iedere organisatie "
    "ziet alleen wat zij voor haar deel van het plan nodig heeft. U mag vragen welke gegevens wij over u hebben, en "
    "vragen die te verbeteren.",
    ("Vragen?", True),
    "Neem contact op met {{ procesregisseur_naam }}: {{ procesregisseur_telefoon }}, {{ procesregisseur_email }}. "
    "Vermeld daarbij het kenmerk {{ kenmerk }}.",
)


@lru_cache(maxsize=1)
def informing_template() -> bytes:
    """The .docx template of the letter (built once per process)."""
    doc = DocxDocument()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    run = doc.sections[0].header.paragraphs[0].add_run("Gemeente {{ gemeente }}")
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = RGBColor(0x24, 0x57, 0x8F)
    doc.sections[0].footer.paragraphs[0].text = "Gemeente {{ gemeente }} · kenmerk {{ kenmerk }}"
    for line in (
        "{{ geadresseerde_naam }}",
        "{{ geadresseerde_straat }}",
        "{{ geadresseerde_postcode_woonplaats }}",
    ):
        doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
    doc.add_paragraph()
    table = doc.add_table(rows=0, cols=2)
    for label, value in (
        ("Datum", "{{ datum_brief }}"),
        ("Kenmerk", "{{ kenmerk }}"),
        ("Onderwerp", SUBJECT),
        ("Contactpersoon", "{{ procesregisseur_naam }}"),
        ("Telefoon", "{{ procesregisseur_telefoon }}"),
    ):
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value
    doc.add_paragraph()
    doc.add_paragraph("Beste {{ geadresseerde_naam }},")
    for item in BODY:
        if isinstance(item, tuple):
            doc.add_paragraph().add_run(item[0]).bold = True
        else:
            doc.add_paragraph(item)
    doc.add_paragraph()
    for line in (
        "Met vriendelijke groet,",
        "",
        "{{ procesregisseur_naam }}",
        "Procesregisseur persoonsgerichte aanpak",
    ):
        doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
    doc.core_properties.title = SUBJECT
    doc.core_properties.author = "Regie"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def letter_values(view: PgaView) -> dict[str, str]:
    pga = view.pga_case
    person = pga.person
    address = person.address
    director = pga.process_director
    number = ""
    if address is not None:
        number = f"{address.house_number}{address.house_letter}" + (
            f"-{address.addition}" if address.addition else ""
        )
    return {
        "gemeente": pga.case.municipality.name,
        "datum_brief": format_date(timezone.localdate()),
        "kenmerk": pga.case.number,
        "geadresseerde_naam": str(person),
        "geadresseerde_straat": f"{address.street} {number}" if address else "",
        "geadresseerde_postcode_woonplaats": (
            f"{address.postcode[:4]} {address.postcode[4:]} {address.city}" if address else ""
        ),
        "opgenomen_op": format_date(pga.included_on),
        "niveau": pga.get_level_display()
        .lower()
        .replace("zorg- en veiligheidshuis", "Zorg- en Veiligheidshuis"),
        "procesregisseur_naam": director.get_full_name() or director.username,
        "procesregisseur_telefoon": director.phone,
        "procesregisseur_email": director.email,
    }


def informing_letter(*, actor: User, view: PgaView, request: HttpRequest | None = None) -> Document:
    """Make the letter, store it on the case and log it; refused (Dutch, naming what is missing) when a merge field
    would stay empty, when a contra-indication forbids informing, or when the case is no longer running."""
    pga = view.pga_case
    if not view.may_run:
        raise ValidationError({"letter": "Alleen de procesregisseur van deze PGA-casus maakt de brief."})
    if pga.status != PgaStatus.ACTIVE:
        raise ValidationError({"letter": "Deze PGA-casus is afgeschaald of afgesloten."})
    if pga.contra_indication:
        raise ValidationError(
            {
                "letter": "Er is een contra-indicatie vastgelegd: betrokkene wordt (nog) niet geïnformeerd. Bekijk de "
                "contra-indicatie eerst opnieuw."
            }
        )
    try:
        content = render(informing_template(), letter_values(view), refuse_empty=True)
    except EmptyFieldError as exc:
        missing = "; ".join(FIELDS.get(name, name) for name in exc.fields)
        raise ValidationError(
            {
                "letter": f"De brief wordt niet gemaakt: een gegeven ontbreekt en zou leeg in de brief komen: "
                f"{missing}. Vul het aan en probeer het opnieuw."
            }
        ) from exc
    document = document_upload(
        actor=actor,
        access=view.access,
        category=DataCategory.GENERAL,
        title=f"Brief aan betrokkene: {SUBJECT.lower()}"[:200],
        document_type="brief",
        filename=f"{pga.case.number} informeren PGA.docx",
        content=io.BytesIO(content),
        request=request,
    )
    log_processing(
        action="pga_case.letter_generated",
        actor=actor,
        request=request,
        object_type="pga_case",
        object_id=pga.pk,
        persons=[pga.person_id],
        details={"document": str(document.pk)},
    )
    return document
