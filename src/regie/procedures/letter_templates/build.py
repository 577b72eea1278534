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

# The signatory comes from the mandate register (who signs what for the college or the mayor); the contact
# person is the one point of contact for the procedure and is named in the letter, not as its signatory.
# "namens deze(n)" only when an official signs under mandate: the mayor signing a 13b letter in his own right
# signs for nobody (the field `namens` is empty then and the paragraph is left out).
CLOSING = (
    "Met vriendelijke groet,",
    "{{ bestuursorgaan }} van {{ plaatsnaam }},",
    "{%p if namens %}",
    "{{ namens }}",
    "{%p endif %}",
    "",
    "{{ ondertekenaar_naam }}",
    "{{ ondertekenaar_functie }}",
    "({{ mandaat }})",
)
VIEWS = "{% if zienswijzen_beantwoord %}{{ zienswijzen_beantwoord }}{% endif %}"
# The weighing of interests (Awb 3:4): what the decision recorded, else the fixed reasoning of the enforcement policy.
PROPORTIONALITY_PR = (
    "{% if evenredigheid %}{{ evenredigheid }}{% else %}Wij hebben uw belangen afgewogen tegen het algemeen belang "
    "bij handhaving. Bij een overtreding van een wettelijk voorschrift moet de gemeente in de regel handhavend "
    "optreden (beginselplicht tot handhaving). Er is geen concreet zicht op legalisatie, en wij zien geen bijzondere "
    "omstandigheden die handhaving onevenredig maken.{% endif %}"
)
PROPORTIONALITY_13B = (
    "{% if evenredigheid %}Afweging van de evenredigheid: {{ evenredigheid }}{% else %}De burgemeester heeft "
    "beoordeeld of deze maatregel in dit geval noodzakelijk en evenredig is. Er zijn geen omstandigheden gebleken, "
    "zoals minderjarige kinderen, medische zorg of een eigenaar die van niets wist, die de maatregel onevenredig "
    "maken.{% endif %}"
)
OBJECTION = (("Bezwaar", True), "{{ bezwaarclausule }}")
QUESTIONS = (
    "Heeft u vragen? Neem contact op met uw vaste aanspreekpunt {{ contactpersoon_naam }}: "
    "{{ contactpersoon_telefoon }}, {{ contactpersoon_email }}."
)
# Article 13b Opiumwet speaks of "woningen of lokalen dan wel ... bij woningen of zodanige lokalen behorende erven":
# the premises type is a woning, or a lokaal (with its yard). Never "de lokaal".
PAND = "{{ 'de woning' if soort_pand == 'Woning' else 'het lokaal' }}"
IN_PAND = (
    "{{ 'in de woning' if soort_pand == 'Woning' else 'in het lokaal of op het daarbij behorende erf' }}"
)
PAND_CAPITAL = PAND.replace("'de woning'", "'De woning'").replace("'het lokaal'", "'Het lokaal'")
FOUND_13B = (
    "Op {{ datum_doorzoeking }} heeft de politie " + IN_PAND + " op het adres {{ object_adres }} het "
    "volgende aangetroffen: {{ aangetroffen_middelen }}. Het is de {{ overtreding_nummer }}e overtreding op dit adres "
    "binnen de recidivetermijn."
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

NO_REMEDY = (
    "Tegen {{ soort_brief }} kunt u geen bezwaar maken en geen beroep instellen (artikel 8:4, eerste lid, onder b, "
    "van de Algemene wet bestuursrecht)."
)
LETTERS.update(
    {
        "penalty-reminder": {
            "subject": "Aanmaning: betaal {{ wat_betalen }} ({{ aan_te_manen_bedrag }})",
            "body": [
                ("AANMANING", True),
                "Bij besluit van {{ datum_invorderingsbesluit }} (kenmerk {{ kenmerk_invorderingsbesluit }}) heeft "
                "{{ bestuursorgaan }} besloten {{ wat_betalen }} bij u in te vorderen. U heeft niet binnen de "
                "betalingstermijn betaald en bent daarom in verzuim.",
                "Wij manen u aan om {{ aan_te_manen_bedrag }} te betalen binnen twee weken, gerekend vanaf de dag na "
                "die waarop deze aanmaning is verzonden (artikel 4:112, eerste lid, van de Algemene wet "
                "bestuursrecht): uiterlijk op {{ betaaltermijn_einddatum }}. Vermeld bij betaling kenmerk "
                "{{ kenmerk }}.",
                "Betaalt u niet op tijd, dan kan de betaling worden afgedwongen met invorderingsmaatregelen die op "
                "uw kosten worden uitgevoerd: wij vorderen het bedrag dan met de kosten in bij dwangbevel (artikel "
                "4:112, derde lid, en 4:114).",
                "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
                NO_REMEDY.replace("{{ soort_brief }}", "deze aanmaning"),
                QUESTIONS,
            ],
        },
        "penalty-writ": {
            "subject": "Dwangbevel, {{ object_adres }}",
            "body": [
                ("DWANGBEVEL", True),
                "{{ bestuursorgaan|capitalize }} van {{ plaatsnaam }} vaardigt dit dwangbevel uit tegen "
                "{{ geadresseerde_naam }}, {{ geadresseerde_straat }}, {{ geadresseerde_postcode_woonplaats }}.",
                "De geldschuld volgt uit het besluit van {{ datum_invorderingsbesluit }} (kenmerk "
                "{{ kenmerk_invorderingsbesluit }}) over {{ wat_betalen }}. Op de aanmaning van {{ datum_aanmaning }} "
                "is niet binnen twee weken betaald (artikel 4:112 en 4:114 van de Algemene wet bestuursrecht).",
                "Invorderbare hoofdsom: {{ hoofdsom }}. Kosten van dit dwangbevel: {{ kosten_dwangbevel }}.",
                "Dit dwangbevel kan op kosten van de schuldenaar ten uitvoer worden gelegd (artikel 4:122, eerste "
                "lid, onder e). Een gerechtsdeurwaarder betekent het aan u; het levert een executoriale titel op.",
                "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
                ("Verzet", True),
                NO_REMEDY.replace("{{ soort_brief }}", "dit dwangbevel"),
                "Bent u het niet eens met dit dwangbevel, dan kunt u in verzet komen bij de burgerlijke rechter: "
                "binnen zes weken na de dag waarop het dwangbevel aan u is betekend, door de gemeente {{ plaatsnaam }} "
                "te dagvaarden (afdeling 4.4.4 van de Algemene wet bestuursrecht).",
                QUESTIONS,
            ],
        },
        "default-notice-received": {
            "subject": "Ontvangst van uw ingebrekestelling",
            "body": [
                "Op {{ datum_ingebrekestelling }} hebben wij uw ingebrekestelling ontvangen. U stelt ons in gebreke "
                "omdat wij niet op tijd hebben beslist: {{ beslissing|lower }}.",
                "Wij beslissen zo snel mogelijk. Hebben wij niet binnen twee weken na de ontvangst van uw "
                "ingebrekestelling beslist, dan verbeuren wij aan u een dwangsom voor elke dag dat wij in gebreke "
                "zijn, vanaf {{ dwangsom_vanaf }} en ten hoogste tot en met {{ dwangsom_tot_en_met }} (42 dagen): "
                "€ 23 per dag de eerste veertien dagen, € 35 per dag de volgende veertien dagen en € 45 per dag "
                "daarna, samen ten hoogste € 1.442 (artikel 4:17 van de Algemene wet bestuursrecht). Een verbeurde "
                "dwangsom stellen wij vast bij een apart besluit (artikel 4:18).",
                "U kunt ook beroep instellen bij de rechtbank omdat wij niet tijdig beslissen (artikel 6:12), zodra "
                "twee weken na de ontvangst van uw ingebrekestelling zijn verstreken.",
                "Dit is geen besluit. U kunt er daarom geen bezwaar tegen maken.",
                "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
                QUESTIONS,
            ],
        },
        "default-penalty-decision": {
            "subject": "Besluit: dwangsom bij niet tijdig beslissen",
            "body": [
                "Op {{ datum_ingebrekestelling }} heeft u ons in gebreke gesteld omdat wij niet op tijd hadden "
                "beslist. Wij hebben niet binnen twee weken daarna beslist. Daarom hebben wij aan u een dwangsom "
                "verbeurd (artikel 4:17 van de Algemene wet bestuursrecht).",
                "Wij stellen vast dat de dwangsom verschuldigd is over {{ dwangsom_dagen }} dagen, van "
                "{{ dwangsom_vanaf }} tot en met {{ dwangsom_tot_en_met }}: € 23 per dag over de eerste veertien "
                "dagen, € 35 per dag over de volgende veertien dagen en € 45 per dag daarna. Het bedrag is "
                "{{ dwangsom_bedrag }} (artikel 4:18). Wij betalen dit bedrag binnen zes weken nadat dit besluit aan u "
                "is bekendgemaakt (artikel 4:87).",
                "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
                *OBJECTION,
                QUESTIONS,
            ],
        },
        "o13b-closure-lifted": {
            "subject": "Besluit: de sluiting wordt opgeheven, {{ object_adres }}",
            "body": [
                "Bij besluit van {{ datum_sluitingsbesluit }} (kenmerk {{ kenmerk_sluitingsbesluit }}) heeft de "
                "burgemeester besloten " + PAND + " op het adres {{ object_adres }} te sluiten voor "
                "{{ sluitingsduur }}. " + PAND_CAPITAL + " is op {{ datum_sluiting }} gesloten.",
                "De burgemeester besluit de sluiting nu, vóór het einde van de sluitingsduur, op te heffen. De grond "
                "daarvoor: {{ grond_opheffing }}.",
                ("Motivering", True),
                "{{ motivering }}",
                "De verzegeling en de sluitingsmededeling worden verwijderd. Daarna mag "
                + PAND
                + " weer worden "
                "gebruikt. Wordt "
                + IN_PAND
                + " opnieuw drugshandel of drugsproductie vastgesteld, dan kan de "
                "burgemeester opnieuw optreden (artikel 13b van de Opiumwet).",
                "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
                *OBJECTION,
                QUESTIONS,
            ],
        },
    }
)
LETTERS["cost-reminder"] = LETTERS["penalty-reminder"]
LETTERS["cost-writ"] = {
    **LETTERS["penalty-writ"],
    "subject": "Dwangbevel kosten bestuursdwang, {{ object_adres }}",
}


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
