"""Build the letter templates Regie ships (.docx with docxtpl merge fields). Run once; the output is committed.

    .venv/bin/python src/regie/procedures/letter_templates/build.py

Each template is an ordinary Word document a municipality can open, restyle and upload again as a new
version (Procedurebeheer → Brieven). Merge fields are written as {{ naam }}; every name used here must be one
the letter knows (see regie.procedures.services.letter_context), which the tests check.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

HERE = Path(__file__).resolve().parent

# Run as a script: its own directory is on the path, and the letters' shared phrases live beside it.
from collection import COLLECTION_LETTERS  # noqa: E402
from phrases import (  # noqa: E402
    CLOSING,
    FOUND_13B,
    IN_PAND,
    OBJECTION,
    PAND,
    PROPORTIONALITY_13B,
    PROPORTIONALITY_PR,
    QUESTIONS,
    VIEWS,
)

LETTERS: dict[str, dict[str, object]] = {
    "pr-intended-decision": {
        "subject": "Voornemen handhaving permanente bewoning {{ object_adres }}",
        "body": [
            "Op {{ datum_controle }} heeft een toezichthouder van de gemeente een controle uitgevoerd bij de "
            "recreatiewoning op het adres {{ object_adres }}. Uit het rapport van bevindingen blijkt het volgende: "
            "{{ bevindingen }}",
            "De woning heeft een recreatieve bestemming. Het gebruik van de woning als hoofdverblijf (permanente "
            "bewoning) is daarmee in strijd. Wij zijn daarom van plan u een {{ sanctie|lower }} op te leggen.",
            "Wij geven u een begunstigingstermijn van {{ begunstigingstermijn }} om de permanente bewoning te "
            "beëindigen.{% if dwangsom_bedrag %} Beëindigt u de overtreding niet binnen die termijn, dan verbeurt u "
            "een dwangsom van {{ dwangsom_bedrag }} {{ dwangsom_eenheid }}, tot een maximum van "
            "{{ dwangsom_maximum }}.{% endif %}",
            ("Uw zienswijze", True),
            "Voordat wij een besluit nemen, kunt u uw zienswijze geven (artikel 4:8 van de Algemene wet "
            "bestuursrecht). U heeft daarvoor {{ zienswijze_termijn }}: uw zienswijze moet uiterlijk op "
            "{{ zienswijze_einddatum }} bij ons zijn. U kunt schriftelijk reageren, of een afspraak maken om uw "
            "zienswijze mondeling te geven.",
            "Dit is nog geen besluit. U kunt er daarom geen bezwaar tegen maken.",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            "Heeft u vragen? {{ contactpersoon_naam }} is uw vaste aanspreekpunt voor deze zaak: "
            "{{ contactpersoon_telefoon }}, {{ contactpersoon_email }}.",
        ],
    },
    "pr-decision": {
        "subject": "Besluit {{ sanctie|lower }}, permanente bewoning {{ object_adres }}",
        "body": [
            "Op {{ datum_besluit }} hebben wij besloten u een {{ sanctie|lower }} op te leggen, omdat de "
            "recreatiewoning op het adres {{ object_adres }} permanent wordt bewoond. Dit besluit is op "
            "{{ datum_bekendmaking }} aan u bekendgemaakt.",
            ("Wat hebben wij vastgesteld?", True),
            "Op {{ datum_controle }} heeft een toezichthouder van de gemeente een controle uitgevoerd. Uit het "
            "rapport van bevindingen blijkt: {{ bevindingen }}",
            "Het gebruik van de recreatiewoning als hoofdverblijf is in strijd met het omgevingsplan. Wij zijn "
            "daarom bevoegd om handhavend op te treden.",
            ("Afweging", True),
            PROPORTIONALITY_PR,
            ("Wat moet u doen?", True),
            "U moet de permanente bewoning beëindigen en beëindigd houden. De begunstigingstermijn is "
            "{{ begunstigingstermijn }} en eindigt op {{ begunstigingstermijn_einddatum }}.{% if dwangsom_bedrag %} "
            "Heeft u de bewoning dan niet beëindigd, dan verbeurt u een dwangsom van {{ dwangsom_bedrag }} "
            "{{ dwangsom_eenheid }}, tot een maximum van {{ dwangsom_maximum }}.{% endif %}",
            ("Uw zienswijze", True),
            "{% if zienswijzen_beantwoord %}{{ zienswijzen_beantwoord }}{% else %}Wij hebben geen zienswijze "
            "ontvangen.{% endif %}",
            "Na afloop van de begunstigingstermijn voeren wij een hercontrole uit. Een verbeurde dwangsom is van "
            "rechtswege verschuldigd (artikel 5:33 van de Algemene wet bestuursrecht); wij vorderen die met een "
            "afzonderlijk besluit in.",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            ("Bezwaar", True),
            "{{ bezwaarclausule }}",
            "Heeft u vragen? Neem contact op met uw vaste aanspreekpunt {{ contactpersoon_naam }}: "
            "{{ contactpersoon_telefoon }}, {{ contactpersoon_email }}.",
        ],
    },
    "pr-collection-decision": {
        "subject": "Invordering dwangsom, {{ object_adres }}",
        "body": [
            "Bij ons besluit van {{ datum_last }} (kenmerk {{ kenmerk_last }}) heeft u een last onder dwangsom "
            "opgelegd gekregen met een maximum van {{ dwangsom_maximum }}. Deze invordering betreft die last. Bij "
            "de hercontrole is gebleken dat u de last niet heeft uitgevoerd. Daardoor heeft u op {{ datum_verbeurte }} "
            "een dwangsom verbeurd.",
            "Wij besluiten om {{ in_te_vorderen_bedrag }} van u in te vorderen. Een verbeurde dwangsom moet binnen "
            "zes weken na de verbeurte worden betaald (artikel 5:33 van de Algemene wet bestuursrecht); die termijn "
            "eindigt op {{ betaaltermijn_einddatum }}. Vermeld bij betaling kenmerk {{ kenmerk }}. Betaalt u niet op "
            "tijd, dan sturen wij u eerst een aanmaning (artikel 4:112) en kunnen wij het bedrag daarna met "
            "bijkomende kosten bij dwangbevel invorderen.",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            ("Bezwaar", True),
            "{{ bezwaarclausule }}",
        ],
    },
    "objection-extension": {
        "subject": "Verdaging beslissing op uw bezwaarschrift",
        "body": [
            "Wij hebben uw bezwaarschrift in behandeling. Wij hebben meer tijd nodig om op uw bezwaar te beslissen. "
            "De reden is: {{ reden_verdaging }}",
            "Daarom verdagen wij onze beslissing met ten hoogste zes weken ({{ wettelijke_grondslag }}). U ontvangt "
            "onze beslissing uiterlijk op {{ nieuwe_beslisdatum }}.",
            "Van deze verdaging doen wij u schriftelijk mededeling (artikel 7:10, vijfde lid, van de Algemene wet "
            "bestuursrecht). Dit is geen besluit; u kunt er daarom geen bezwaar tegen maken.",
        ],
    },
    "objection-decision": {
        "subject": "Beslissing op uw bezwaarschrift van {{ datum_bezwaar }}",
        "body": [
            "Wij hebben uw bezwaarschrift van {{ datum_bezwaar }} beoordeeld. Onze beslissing: {{ uitkomst }}.",
            ("Motivering", True),
            "{% if advies_commissie %}{{ advies_commissie }}{% endif %}",
            "{{ motivering }}",
            "{% if proceskosten %}{{ proceskosten }}{% endif %}",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            ("Beroep", True),
            "{{ beroepsclausule }}",
        ],
    },
    "o13b-warning": {
        "subject": "Waarschuwing artikel 13b Opiumwet, {{ object_adres }}",
        "body": [
            "Op {{ datum_doorzoeking }} heeft de politie " + IN_PAND + " op het adres {{ object_adres }} "
            "het volgende aangetroffen: {{ aangetroffen_middelen }}. Dat zijn meer dan gebruikershoeveelheden; dat "
            "is een overtreding van de Opiumwet.",
            "Het is de {{ overtreding_nummer }}e overtreding op dit adres binnen de recidivetermijn. Volgens het "
            "Damoclesbeleid van de gemeente geeft de burgemeester u daarom een waarschuwing.",
            "Wordt binnen de recidivetermijn opnieuw drugshandel of drugsproductie vastgesteld, dan sluit de "
            "burgemeester de woning of het lokaal (artikel 13b van de Opiumwet).",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
        ],
    },
    "o13b-intended-closure": {
        "subject": "Voornemen tot sluiting, {{ object_adres }}",
        "body": [
            "Op {{ datum_doorzoeking }} heeft de politie " + IN_PAND + " op het adres {{ object_adres }} "
            "het volgende aangetroffen: {{ aangetroffen_middelen }}.",
            "Het is de {{ overtreding_nummer }}e overtreding op dit adres binnen de recidivetermijn. De burgemeester "
            "is van plan " + PAND + " te sluiten voor {{ sluitingsduur }} (artikel 13b van de "
            "Opiumwet en het Damoclesbeleid).",
            ("Uw zienswijze", True),
            "Voordat de burgemeester besluit, kunt u uw zienswijze geven. Uw zienswijze moet uiterlijk op "
            "{{ zienswijze_einddatum }} bij ons zijn. Vertel ons ook of er omstandigheden zijn die de burgemeester "
            "moet meewegen, zoals minderjarige kinderen of medische zorg.",
            "Dit is nog geen besluit. U kunt er daarom geen bezwaar tegen maken.",
        ],
    },
    "o13b-closure-order": {
        "subject": "Besluit tot sluiting, {{ object_adres }}",
        "body": [
            "Op {{ datum_doorzoeking }} heeft de politie " + IN_PAND + " op het adres {{ object_adres }} "
            "het volgende aangetroffen: {{ aangetroffen_middelen }}. Het is de {{ overtreding_nummer }}e overtreding "
            "op dit adres binnen de recidivetermijn.",
            "De burgemeester besluit " + PAND + " te sluiten voor de duur van {{ sluitingsduur }}.",
            ("Motivering", True),
            "{{ motivering }}",
            PROPORTIONALITY_13B,
            VIEWS,
            ("Wat moet u doen?", True),
            "U krijgt een begunstigingstermijn van {{ begunstigingstermijn }} om " + PAND + " zelf te "
            "sluiten en gesloten te houden. Die termijn eindigt op {{ begunstigingstermijn_einddatum }}. Heeft u "
            + PAND
            + " dan niet gesloten, dan sluit de gemeente "
            + PAND
            + " met verzegeling, op uw kosten.",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            ("Bezwaar", True),
            "{{ bezwaarclausule }}",
        ],
    },
    "o13b-intended-penalty": {
        "subject": "Voornemen last onder dwangsom, {{ object_adres }}",
        "body": [
            FOUND_13B,
            "De burgemeester is van plan u een last onder dwangsom op te leggen (artikel 13b van de Opiumwet en het "
            "Damoclesbeleid): u moet de handel in of de productie van drugs beëindigen en beëindigd houden, binnen "
            "een begunstigingstermijn van {{ begunstigingstermijn }}. Doet u dat niet, dan verbeurt u een dwangsom "
            "van {{ dwangsom_bedrag }} {{ dwangsom_eenheid }}, tot een maximum van {{ dwangsom_maximum }}.",
            ("Uw zienswijze", True),
            "Voordat de burgemeester besluit, kunt u uw zienswijze geven (artikel 4:8 van de Algemene wet "
            "bestuursrecht). Uw zienswijze moet uiterlijk op {{ zienswijze_einddatum }} bij ons zijn. Vertel ons ook "
            "of er omstandigheden zijn die de burgemeester moet meewegen.",
            "Dit is nog geen besluit. U kunt er daarom geen bezwaar tegen maken.",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            QUESTIONS,
        ],
    },
    "o13b-penalty-order": {
        "subject": "Last onder dwangsom, {{ object_adres }}",
        "body": [
            FOUND_13B,
            "Op {{ datum_besluit }} heeft de burgemeester besloten u een last onder dwangsom op te leggen. Dit "
            "besluit is op {{ datum_bekendmaking }} aan u bekendgemaakt.",
            ("Wat moet u doen?", True),
            "U moet de handel in of de productie van drugs " + IN_PAND + " beëindigen en beëindigd "
            "houden. De begunstigingstermijn is {{ begunstigingstermijn }} en eindigt op "
            "{{ begunstigingstermijn_einddatum }}. Daarna verbeurt u bij elke overtreding een dwangsom van "
            "{{ dwangsom_bedrag }} {{ dwangsom_eenheid }}, tot een maximum van {{ dwangsom_maximum }}. Een "
            "verbeurde dwangsom is van rechtswege verschuldigd en moet binnen zes weken worden betaald (artikel "
            "5:33 van de Algemene wet bestuursrecht).",
            ("Motivering", True),
            "{{ motivering }}",
            PROPORTIONALITY_13B,
            VIEWS,
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            *OBJECTION,
            QUESTIONS,
        ],
    },
    "o13b-collection-decision": {
        "subject": "Invordering dwangsom artikel 13b Opiumwet, {{ object_adres }}",
        "body": [
            "Bij besluit van {{ datum_last }} (kenmerk {{ kenmerk_last }}) heeft de burgemeester u een last onder "
            "dwangsom opgelegd met een maximum van {{ dwangsom_maximum }}. Deze invordering betreft die last. Bij "
            "de controle is gebleken dat u de last niet heeft nageleefd; daardoor heeft u op {{ datum_verbeurte }} "
            "een dwangsom verbeurd.",
            "De burgemeester besluit om {{ in_te_vorderen_bedrag }} van u in te vorderen. Een verbeurde dwangsom "
            "moet binnen zes weken na de verbeurte worden betaald (artikel 5:33 van de Algemene wet "
            "bestuursrecht); die termijn eindigt op {{ betaaltermijn_einddatum }}. Vermeld bij betaling kenmerk "
            "{{ kenmerk }}. Betaalt u niet op tijd, dan sturen wij u eerst een aanmaning (artikel 4:112) en kan het "
            "bedrag daarna met bijkomende kosten bij dwangbevel worden ingevorderd.",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            *OBJECTION,
        ],
    },
    "pr-cost-recovery-decision": {
        "subject": "Kosten van bestuursdwang, {{ object_adres }}",
        "body": [
            "U heeft de last onder bestuursdwang niet binnen de begunstigingstermijn uitgevoerd. Daarom heeft de "
            "gemeente de overtreding op {{ datum_uitvoering }} zelf beëindigd (bestuursdwang).",
            "Wij besluiten de kosten daarvan op u te verhalen: {{ te_verhalen_bedrag }} (artikel 5:25 van de "
            "Algemene wet bestuursrecht). De kosten zijn als volgt opgebouwd en gemotiveerd: {{ motivering_kosten }}",
            "U moet dit bedrag betalen binnen zes weken nadat dit besluit aan u is bekendgemaakt (artikel 4:87); die "
            "termijn eindigt op {{ betaaltermijn_einddatum }}. Vermeld bij betaling kenmerk {{ kenmerk }}. Betaalt u "
            "niet op tijd, dan sturen wij u een aanmaning (artikel 4:112).",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            *OBJECTION,
            QUESTIONS,
        ],
    },
    "o13b-cost-recovery-decision": {
        "subject": "Kosten van de sluiting, {{ object_adres }}",
        "body": [
            "De burgemeester heeft het pand op het adres {{ object_adres }} gesloten. De sluiting is bestuursdwang; de "
            "gemeente heeft haar op {{ datum_uitvoering }} uitgevoerd.",
            "De burgemeester besluit de kosten daarvan op u te verhalen: {{ te_verhalen_bedrag }} (artikel 5:25 "
            "van de Algemene wet bestuursrecht). De kosten zijn als volgt opgebouwd en gemotiveerd: "
            "{{ motivering_kosten }}",
            "U moet dit bedrag betalen binnen zes weken nadat dit besluit aan u is bekendgemaakt (artikel 4:87); die "
            "termijn eindigt op {{ betaaltermijn_einddatum }}. Vermeld bij betaling kenmerk {{ kenmerk }}.",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            *OBJECTION,
        ],
    },
    "pr-request-decision": {
        "subject": "Besluit op uw verzoek om handhaving, {{ object_adres }}",
        "body": [
            "Op {{ datum_verzoek }} hebben wij uw verzoek om handhaving ontvangen. U vroeg: {{ verzoek }}",
            "Wij hebben op uw verzoek besloten: {{ besluit_verzoek }}.",
            ("Motivering", True),
            "{{ motivering }}",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            *OBJECTION,
            QUESTIONS,
        ],
    },
    "o13b-request-decision": {
        "subject": "Besluit op uw verzoek om handhaving, {{ object_adres }}",
        "body": [
            "Op {{ datum_verzoek }} heeft de burgemeester uw verzoek om handhaving ontvangen. U vroeg: {{ verzoek }}",
            "De burgemeester heeft op uw verzoek besloten: {{ besluit_verzoek }}.",
            ("Motivering", True),
            "{{ motivering }}",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            *OBJECTION,
        ],
    },
    "brp-letter": {
        "subject": "Onderzoek naar uw woonadres",
        "body": [
            "U staat in de Basisregistratie Personen (BRP) ingeschreven op een adres in onze gemeente. Wij hebben "
            "aanwijzingen dat u daar niet (meer) woont. De aanleiding is: {{ aanleiding }}",
            "Wij vragen u uiterlijk op {{ reactie_einddatum }} contact met ons op te nemen en ons te laten weten "
            "waar u woont. Reageert u niet, dan kunnen wij u ambtshalve inschrijven op uw werkelijke adres, of "
            "registreren dat u met onbekende bestemming bent vertrokken.",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            "U kunt contact opnemen met {{ contactpersoon_naam }}: {{ contactpersoon_telefoon }}, "
            "{{ contactpersoon_email }}.",
        ],
    },
    "brp-intended-decision": {
        "subject": "Voornemen na onderzoek naar uw woonadres",
        "body": [
            "Wij hebben onderzocht waar u woont. Op basis van dat onderzoek zijn wij van plan: "
            "{{ voorgenomen_uitkomst }}{% if werkelijk_adres %} ({{ werkelijk_adres }}){% endif %}.",
            "Bent u het hier niet mee eens? Laat het ons dan uiterlijk op {{ zienswijze_einddatum }} weten.",
            "Dit is nog geen besluit. U kunt er daarom geen bezwaar tegen maken.",
        ],
    },
    "brp-reporter-informed": {
        "subject": "Uw melding over een adres in de Basisregistratie Personen",
        "body": [
            "Naar aanleiding van uw melding zijn wij op {{ datum_start }} een adresonderzoek gestart. Met deze brief "
            "laten wij u weten dat het onderzoek in de afrondende fase is.",
            "Om de privacy van de betrokkene te beschermen, kunnen wij u niet informeren over de uitkomst.",
        ],
    },
    "brp-decision": {
        "subject": "Besluit over uw inschrijving in de Basisregistratie Personen",
        "body": [
            "Op {{ datum_start }} zijn wij een onderzoek gestart naar uw woonadres. Wij hebben besloten: "
            "{{ uitkomst }}{% if werkelijk_adres %}, op het adres {{ werkelijk_adres }}{% endif %}.",
            ("Motivering", True),
            "{{ motivering }}",
            VIEWS,
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            ("Bezwaar", True),
            "{{ bezwaarclausule }}",
        ],
    },
}
LETTERS.update(COLLECTION_LETTERS)


def _letter(code: str, spec: dict[str, object]) -> None:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    header = doc.sections[0].header.paragraphs[0]
    run = header.add_run("{{ gemeente }}")
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = RGBColor(0x24, 0x57, 0x8F)
    footer = doc.sections[0].footer.paragraphs[0]
    footer.text = "{{ gemeente }} · kenmerk {{ kenmerk }} · vast aanspreekpunt {{ contactpersoon_naam }}"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
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
        ("Onderwerp", str(spec["subject"])),
        ("Contactpersoon", "{{ contactpersoon_naam }}"),
        ("Telefoon", "{{ contactpersoon_telefoon }}"),
    ):
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value
    doc.add_paragraph()
    doc.add_paragraph("Geachte heer, mevrouw,")
    for item in spec["body"]:  # type: ignore[attr-defined]
        if isinstance(item, tuple):
            doc.add_paragraph().add_run(item[0]).bold = True
        else:
            doc.add_paragraph(item)
    doc.add_paragraph()
    for line in CLOSING:
        doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
    doc.core_properties.title = str(spec["subject"]).split(" {{")[0]
    doc.core_properties.author = "Regie"
    doc.save(str(HERE / f"{code}.docx"))


def main() -> None:
    for code, spec in LETTERS.items():
        _letter(code, spec)
        print(f"{code}.docx")


if __name__ == "__main__":
    main()
