"""BRP address investigation following the Circulaire Adresonderzoek BRP (2023), version 3.

start (and the "in onderzoek" decision) → letter to the person → gathering information → home visit →
intended decision → informing the reporter → decision (registration ex officio, or departure to an unknown
address: registration in the RNI) → objection. Target 8 weeks, at most about 3 months.

This procedure has its own status and never reads or writes an enforcement procedure (and vice versa):
enforcement never decides a BRP outcome (domain.md). Social problems found along the way are referred to
care and safety with the action "refer-social".

Version 2 (issue 12): placing and ending the "in onderzoek" marking are actions with their own dates, and the
marking has a maximum duration; the decision records how and when it was made known (sent, or published when the
person cannot be reached, Awb 3:41 lid 2), and the objection term runs from that day (6:8); the decision on
objection records its sending day; 7:10 lid 2 and 4 and the notice of default (4:17) are available. Version 1
stays stored for the procedures that run under it.

Version 3 (issue 12): the decision on objection records a reimbursement of the costs of the objection (Awb 7:15).
"""

from __future__ import annotations

from functools import partial

from regie.procedures.definitions import phases
from regie.procedures.definitions.common import (
    BRP,
    JURIST,
    ended_step,
    objection_delay_steps,
    objection_term,
    remedy_steps,
    work_term,
)
from regie.procedures.definitions.enforcement import default_notice_step
from regie.procedures.definitions.schema import (
    Definition,
    FieldSpec,
    LetterSpec,
    StepSpec,
    TermSpec,
)

OUTCOMES = (
    ("ambtshalve", "Ambtshalve inschrijving op het werkelijke adres"),
    ("vertrek-onbekend", "Vertrek onbekend waarheen (inschrijving in de RNI)"),
)
LEGAL_BASIS = "artikel 2.39 van de Wet basisregistratie personen en de Circulaire Adresonderzoek BRP"
AFTER_DECISION = (
    "objection-received",
    "objection-extended",
    "objection-repaired",
    "objection-delayed",
    "objection-decision",
    "appeal-filed",
    "appeal-judgment",
    "higher-appeal-filed",
    "higher-appeal-judgment",
    "ended",
)
DONE = ("decision", "ended")
letter = partial(LetterSpec, legal_basis=LEGAL_BASIS)


def _outcome_fields() -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("outcome", "Uitkomst", "choice", required=True, choices=OUTCOMES),
        FieldSpec(
            "new_address",
            "Werkelijk adres",
            "text",
            required_if=("outcome", "ambtshalve"),
            help="Verplicht bij ambtshalve inschrijving.",
        ),
    )


STEPS = (
    StepSpec(
        code="started",
        label="Adresonderzoek gestart",
        roles=(BRP,),
        next=("letter-sent", "information-gathered", "ended"),
        fields=(
            FieldSpec("reason", "Aanleiding", "longtext", required=True),
            FieldSpec("reporter", "Melder (organisatie of afdeling)", "text"),
            FieldSpec(
                "in_research",
                "Gegevens in onderzoek",
                "choice",
                required=True,
                choices=(("ja", "Adresgegevens in onderzoek gezet"), ("nee", "Niet in onderzoek gezet")),
            ),
            FieldSpec(
                "in_research_reason",
                "Motivering om de gegevens niet in onderzoek te zetten",
                "longtext",
                required_if=("in_research", "nee"),
            ),
        ),
        terms=(
            work_term(
                "target",
                "Streefdatum afronding (8 weken)",
                "P8W",
                owner=BRP,
                task="Adresonderzoek afronden (streefdatum)",
                closed_by=DONE,
                legal_basis="Circulaire Adresonderzoek BRP",
            ),
            work_term(
                "maximum",
                "Uiterste afronding (3 maanden)",
                "P3M",
                owner=BRP,
                task="Adresonderzoek uiterlijk nu afronden",
                closed_by=DONE,
                legal_basis="Circulaire Adresonderzoek BRP",
            ),
        ),
    ),
    StepSpec(
        code="letter-sent",
        label="Brief aan betrokkene verzonden",
        roles=(BRP,),
        next=("information-gathered", "home-visit", "intended-decision", "ended"),
        terms=(
            TermSpec(
                code="response",
                label="Reactietermijn betrokkene",
                period="P2W",
                statutory=False,
                kind="expiry",
                owner_role=BRP,
                task="Reactie van betrokkene beoordelen",
            ),
        ),
        letters=(
            letter(
                code="brp-letter",
                label="Brief adresonderzoek aan betrokkene",
                merge=(
                    ("reactie_einddatum", "deadline:response|date"),
                    ("aanleiding", "data:started.reason"),
                ),
            ),
        ),
    ),
    StepSpec(
        code="information-gathered",
        label="Informatie verzameld",
        roles=(BRP,),
        next=("home-visit", "intended-decision", "letter-sent", "information-gathered", "ended"),
        fields=(FieldSpec("sources", "Geraadpleegde bronnen en uitkomst", "longtext", required=True),),
    ),
    StepSpec(
        code="home-visit",
        label="Huisbezoek afgelegd",
        roles=(BRP,),
        next=("intended-decision", "home-visit", "information-gathered", "ended"),
        fields=(
            FieldSpec(
                "result",
                "Uitkomst huisbezoek",
                "choice",
                required=True,
                choices=(
                    ("woont-er", "Betrokkene woont op het adres"),
                    ("woont-er-niet", "Betrokkene woont niet op het adres"),
                    ("onduidelijk", "Onduidelijk"),
                ),
            ),
            FieldSpec("report", "Verslag", "longtext", required=True),
        ),
    ),
    *phases.view_steps(
        role=BRP,
        label="Voornemen aan betrokkene",
        fields=_outcome_fields(),
        view_period_label="Reactietermijn",
        decision="decision",
        onward=("reporter-informed", "decision", "intended-decision"),
        task="Reactie op het voornemen afwachten",
        letter=letter(
            code="brp-intended-decision",
            label="Voornemen adresonderzoek",
            merge=(
                ("voorgenomen_uitkomst", "data:intended-decision.outcome|choice"),
                ("werkelijk_adres", "data:intended-decision.new_address"),
                phases.VIEW_END_MERGE,
            ),
        ),
        received_label="Reactie betrokkene ontvangen",
        received_fields=(FieldSpec("summary", "Kern van de reactie", "longtext", required=True),),
    ),
    StepSpec(
        code="reporter-informed",
        label="Melder geïnformeerd",
        roles=(BRP,),
        next=("decision", "intended-decision"),
        letters=(
            letter(
                code="brp-reporter-informed",
                label="Bericht aan de melder",
                addressees="reporter",
                merge=(("datum_start", "data:started.@date|date"),),
            ),
        ),
    ),
    StepSpec(
        code="decision",
        label="Besluit adresonderzoek",
        roles=(BRP,),
        next=AFTER_DECISION,
        fields=(
            *_outcome_fields(),
            FieldSpec("reasoning", "Motivering", "longtext", required=True),
            FieldSpec(
                "made_known_by",
                "Wijze van bekendmaking",
                "choice",
                default="toezending",
                help="Leeg: toegezonden of uitgereikt.",
                choices=(
                    ("toezending", "Toegezonden of uitgereikt (Awb 3:41 lid 1)"),
                    ("publicatie", "Gepubliceerd: verblijfplaats en adres onbekend (Awb 3:41 lid 2)"),
                ),
            ),
            FieldSpec(
                "made_known_on",
                "Datum van verzending of publicatie",
                "date",
                help="De bezwaartermijn loopt vanaf de dag na deze datum (Awb 6:8). Leeg: de datum van de stap.",
            ),
        ),
        rules=("not_before_step:made_known_on",),
        terms=(objection_term(start="field:made_known_on"),),
        letters=(
            phases.decision_letter(
                "brp-decision",
                "Besluit adresonderzoek",
                legal_basis=LEGAL_BASIS,
                merge=(
                    ("uitkomst", "data:decision.outcome|choice"),
                    ("werkelijk_adres", "data:decision.new_address"),
                    ("motivering", "data:decision.reasoning"),
                    ("datum_start", "data:started.@date|date"),
                ),
            ),
        ),
    ),
    StepSpec(
        code="refer-social",
        label="Sociale problematiek doorverwezen",
        roles=(BRP,),
        action=True,
        description="Een signaal voor de triage van zorg en veiligheid; de stap van het adresonderzoek verandert "
        "niet.",
        fields=(
            FieldSpec("concern", "Wat is er aan de hand (niet meer dan nodig)", "longtext", required=True),
            FieldSpec(
                "refer_to",
                "Verwijzen naar",
                "choice",
                required=True,
                choices=(
                    ("procesregisseur", "Procesregisseur zorg en veiligheid"),
                    ("wijkteam", "Sociaal wijkteam"),
                    ("zvh", "Zorg- en Veiligheidshuis"),
                ),
            ),
        ),
        signal_category="zorg-en-veiligheid",
    ),
    StepSpec(
        code="research-marked",
        label="Gegevens in onderzoek gezet",
        roles=(BRP,),
        action=True,
        description="De aanduiding 'in onderzoek' in de BRP, met de datum waarop zij is geplaatst. Afnemers zien "
        "dat de gegevens worden onderzocht; de aanduiding duurt niet langer dan het onderzoek.",
        fields=(
            FieldSpec(
                "what",
                "Welke gegevens",
                "choice",
                required=True,
                choices=(("adres", "Adresgegevens"), ("overig", "Adres- en andere gegevens")),
            ),
            FieldSpec("note", "Toelichting", "longtext"),
        ),
        rules=("research_marking:off",),
        terms=(
            work_term(
                "research-maximum",
                "Aanduiding 'in onderzoek' uiterlijk beëindigen",
                "P3M",
                owner=BRP,
                task="Onderzoek afronden en de aanduiding 'in onderzoek' beëindigen",
                closed_by=("research-ended",),
                legal_basis="Circulaire Adresonderzoek BRP",
            ),
        ),
    ),
    StepSpec(
        code="research-ended",
        label="Aanduiding 'in onderzoek' beëindigd",
        roles=(BRP,),
        action=True,
        fields=(
            FieldSpec(
                "reason",
                "Reden",
                "choice",
                required=True,
                choices=(
                    ("besluit", "Besluit genomen en gegevens bijgewerkt"),
                    ("juist", "De gegevens bleken juist"),
                    ("anders", "Anders"),
                ),
            ),
            FieldSpec("note", "Toelichting", "longtext", required_if=("reason", "anders")),
        ),
        rules=("research_marking:on",),
    ),
    *remedy_steps(AFTER_DECISION, roles=(BRP, JURIST), sent_on=True),
    *objection_delay_steps(AFTER_DECISION, roles=(BRP, JURIST)),
    default_notice_step(("objection-decision",), (("decision-on-objection", "Beslissing op bezwaar"),)),
    ended_step(BRP, label="Adresonderzoek afgerond", reason_label="Toelichting"),
)

DEFINITION = Definition(
    code="brp-address-investigation",
    version=3,
    label="Adresonderzoek BRP",
    description="Adresonderzoek volgens de Circulaire Adresonderzoek BRP; gescheiden van de handhaving.",
    case_types=("brp-adresonderzoek",),
    category="general",
    start_step="started",
    steps=STEPS,
    actions=("refer-social", "research-marked", "research-ended", "default-notice"),
)
