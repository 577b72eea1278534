"""Building blocks shared by the definitions: objection, decision on objection, appeal and higher appeal.

Objection and appeal are 6 weeks, counted from the day after notification (Awb 6:7, 6:8) and statutory, so
the Atw extends them. The decision on objection is due 6 weeks after the objection term ended, 12 with an
advisory committee, and may be extended once by 6 weeks (Awb 7:10).
"""

from __future__ import annotations

from regie.procedures.definitions.schema import FieldSpec, LetterSpec, StepSpec, TermSpec

JURIST = "jurist"
INSPECTOR = "handhaver"
PROJECT_LEADER = "projectleider"
BRP = "brp"
PROCESS_DIRECTOR = "procesregisseur"

ADDRESSEE = FieldSpec("addressee", "Geadresseerde", "addressee", required=True)
NOTIFICATIONS = FieldSpec(
    "notifications",
    "Datum van bekendmaking per geadresseerde",
    "notifications",
    required=True,
    help="Vul per geadresseerde de datum in waarop het besluit is verzonden of uitgereikt (Awb 3:41). "
    "Wie later wordt bekendgemaakt, voegt u toe met een nieuwe stap 'bekendgemaakt'.",
)
OBJECTION_OUTCOMES = (
    ("ongegrond", "Bezwaar ongegrond"),
    ("gegrond", "Bezwaar gegrond"),
    ("deels-gegrond", "Bezwaar deels gegrond"),
    ("niet-ontvankelijk", "Bezwaar niet-ontvankelijk"),
)
JUDGMENT_OUTCOMES = (
    ("ongegrond", "Beroep ongegrond"),
    ("gegrond", "Beroep gegrond"),
    ("deels-gegrond", "Beroep deels gegrond"),
    ("niet-ontvankelijk", "Beroep niet-ontvankelijk"),
)


def objection_term(start: str = "notification") -> TermSpec:
    """The objection term of an addressee: 6 weeks after notification, statutory (Awb 6:7, 6:8)."""
    return TermSpec(
        code="objection",
        label="Bezwaartermijn",
        period="P6W",
        statutory=True,
        start=start,
        kind="expiry",
        owner_role=JURIST,
        task="Nagaan of bezwaar is ingediend",
        legal_basis="Awb 6:7 en 6:8",
    )


def remedy_steps(
    after: tuple[str, ...],
    roles: tuple[str, ...] = (JURIST,),
    authority: str = "het college van burgemeester en wethouders",
) -> tuple[StepSpec, ...]:
    """Objection, extension, decision on objection, appeal and higher appeal; each may be followed by `after`."""
    decision_term = TermSpec(
        code="decision-on-objection",
        label="Beslistermijn bezwaar",
        period="P6W",
        period_if=(("advisory_committee", "true", "P12W"),),
        statutory=True,
        start="deadline:objection",
        owner_role=JURIST,
        task="Beslissen op bezwaar",
        legal_basis="Awb 7:10",
        closed_by=("objection-decision",),
    )
    return (
        StepSpec(
            code="objection-received",
            label="Bezwaar ontvangen",
            roles=roles,
            next=after,
            description="Het bezwaarschrift is ontvangen; de beslistermijn gaat lopen vanaf het einde van de "
            "bezwaartermijn van deze geadresseerde.",
            fields=(
                ADDRESSEE,
                FieldSpec(
                    "advisory_committee",
                    "Advies van de bezwaarschriftencommissie",
                    "bool",
                    help="Met een adviescommissie is de beslistermijn 12 weken in plaats van 6 (Awb 7:10 lid 1).",
                ),
                FieldSpec("summary", "Kern van het bezwaar", "longtext"),
            ),
            requires_document=True,
            document_hint="het bezwaarschrift",
            terms=(decision_term,),
            rules=("objection_timeliness",),
        ),
        StepSpec(
            code="objection-extended",
            label="Beslissing op bezwaar verdaagd",
            roles=roles,
            next=after,
            description="De beslistermijn wordt één keer met ten hoogste zes weken verdaagd (Awb 7:10 lid 3).",
            fields=(FieldSpec("reason", "Reden van verdaging", "longtext", required=True),),
            terms=(
                TermSpec(
                    code="decision-on-objection",
                    label="Beslistermijn bezwaar (verdaagd)",
                    period="P6W",
                    statutory=True,
                    start="deadline:decision-on-objection",
                    supersedes=True,
                    owner_role=JURIST,
                    task="Beslissen op bezwaar (verdaagde termijn)",
                    legal_basis="Awb 7:10 lid 3",
                    closed_by=("objection-decision",),
                ),
            ),
            letters=(
                LetterSpec(
                    code="objection-extension",
                    label="Verdagingsbrief bezwaar",
                    legal_basis="artikel 7:10, derde lid, van de Algemene wet bestuursrecht",
                    addressees="all",
                    authority=authority,
                    merge=(
                        ("reden_verdaging", "data:objection-extended.reason"),
                        ("nieuwe_beslisdatum", "deadline:decision-on-objection|date"),
                    ),
                ),
            ),
            max_times=1,
            rules=("open_deadline:decision-on-objection",),
        ),
        StepSpec(
            code="objection-decision",
            label="Beslissing op bezwaar",
            roles=roles,
            next=after,
            fields=(
                ADDRESSEE,
                FieldSpec("outcome", "Uitkomst", "choice", required=True, choices=OBJECTION_OUTCOMES),
                FieldSpec("reasoning", "Motivering", "longtext", required=True),
            ),
            terms=(
                TermSpec(
                    code="appeal",
                    label="Beroepstermijn",
                    period="P6W",
                    statutory=True,
                    kind="expiry",
                    owner_role=JURIST,
                    task="Nagaan of beroep is ingesteld",
                    legal_basis="Awb 6:7, 6:8 en 8:1",
                ),
            ),
            letters=(
                LetterSpec(
                    code="objection-decision",
                    label="Beslissing op bezwaar",
                    legal_basis="artikel 7:11 van de Algemene wet bestuursrecht",
                    addressees="field",
                    document_type="besluit",
                    objection_term="appeal",
                    authority=authority,
                    merge=(
                        ("uitkomst", "data:objection-decision.outcome|choice"),
                        ("motivering", "data:objection-decision.reasoning"),
                        ("datum_bezwaar", "data:objection-received.@date|date"),
                    ),
                ),
            ),
            rules=("open_deadline:decision-on-objection",),
        ),
        StepSpec(
            code="appeal-filed",
            label="Beroep ingesteld",
            roles=roles,
            next=after,
            fields=(
                ADDRESSEE,
                FieldSpec("court", "Rechtbank", "text", required=True, default="Rechtbank Gelderland"),
                FieldSpec("court_reference", "Zaaknummer rechtbank", "text"),
            ),
            rules=("after:objection-decision",),
        ),
        StepSpec(
            code="appeal-judgment",
            label="Uitspraak rechtbank",
            roles=roles,
            next=after,
            fields=(
                ADDRESSEE,
                FieldSpec("outcome", "Uitkomst", "choice", required=True, choices=JUDGMENT_OUTCOMES),
            ),
            requires_document=True,
            document_hint="de uitspraak",
            terms=(
                TermSpec(
                    code="higher-appeal",
                    label="Termijn hoger beroep",
                    period="P6W",
                    statutory=True,
                    kind="expiry",
                    owner_role=JURIST,
                    task="Besluiten over hoger beroep bij de Raad van State",
                    legal_basis="Awb 6:7 en 6:8",
                ),
            ),
            rules=("after:appeal-filed",),
        ),
        StepSpec(
            code="higher-appeal-filed",
            label="Hoger beroep ingesteld",
            roles=roles,
            next=after,
            fields=(ADDRESSEE, FieldSpec("court_reference", "Zaaknummer Raad van State", "text")),
            rules=("after:appeal-judgment",),
        ),
        StepSpec(
            code="higher-appeal-judgment",
            label="Uitspraak Raad van State",
            roles=roles,
            next=after,
            fields=(
                ADDRESSEE,
                FieldSpec("outcome", "Uitkomst", "choice", required=True, choices=JUDGMENT_OUTCOMES),
            ),
            requires_document=True,
            document_hint="de uitspraak",
            rules=("after:higher-appeal-filed",),
        ),
    )


def ending_steps(*roles: str) -> tuple[StepSpec, ...]:
    """Ending (violation over, procedure done) and withdrawal; both final, both with a reason."""
    return (
        StepSpec(
            code="ended",
            label="Procedure beëindigd",
            roles=roles,
            fields=(FieldSpec("reason", "Reden van beëindigen", "longtext", required=True),),
            final=True,
            outcome="afgerond",
        ),
        StepSpec(
            code="withdrawn",
            label="Besluit ingetrokken",
            roles=(JURIST,),
            fields=(FieldSpec("reason", "Reden van intrekking", "longtext", required=True),),
            final=True,
            outcome="ingetrokken",
        ),
    )
