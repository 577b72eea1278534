"""Building blocks shared by the definitions: roles, the Awb remedy terms, and the objection, appeal and ending steps.

Objection and appeal are 6 weeks, counted from the day after notification (Awb 6:7, 6:8) and statutory, so
the Atw extends them. The decision on objection is due 6 weeks after the objection term ended, 12 with an
advisory committee, and may be extended once by 6 weeks (Awb 7:10).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from regie.procedures.definitions.schema import FieldSpec, LetterSpec, StepSpec, TermSpec

JURIST = "jurist"
INSPECTOR = "handhaver"
PROJECT_LEADER = "projectleider"
BRP = "brp"
PROCESS_DIRECTOR = "procesregisseur"

COLLEGE = "het college van burgemeester en wethouders"
MAYOR = "de burgemeester"

ADDRESSEE = FieldSpec("addressee", "Geadresseerde", "addressee", required=True)
# The day a decision was sent or handed over (Awb 3:41 lid 1): a term the law counts from notification starts the
# day after it (6:8), not after the day the decision was taken.
SENT_ON = FieldSpec(
    "sent_on",
    "Datum van verzending of uitreiking",
    "date",
    help="De bezwaar-, beroeps- of betalingstermijn loopt vanaf de dag na verzending (Awb 3:41, 6:8). Leeg: de "
    "datum van de stap.",
)
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


# Awb 7:15 lid 2: the costs of the objection are reimbursed on request only when the decision is revoked because
# of an unlawfulness the administrative body caused; the amounts follow the Besluit proceskosten bestuursrecht.
COSTS_AWARDED = FieldSpec(
    "costs_awarded",
    "Vergoeding kosten bezwaar (Awb 7:15)",
    "money",
    help="Alleen als het bestreden besluit wordt herroepen wegens een onrechtmatigheid die aan de gemeente te wijten "
    "is, en de indiener om vergoeding heeft gevraagd (Awb 7:15 lid 2 en 3). Leeg: geen vergoeding. De brief noemt "
    "het bedrag.",
)


def work_term(
    code: str,
    label: str,
    period: str,
    *,
    owner: str,
    task: str,
    closed_by: tuple[str, ...],
    legal_basis: str = "",
) -> TermSpec:
    """A term for the municipality's own work, from the step: not statutory (the Atw does not extend it), and
    overdue when it ends before one of the steps `closed_by` is taken."""
    return TermSpec(
        code=code,
        label=label,
        period=period,
        statutory=False,
        owner_role=owner,
        task=task,
        legal_basis=legal_basis,
        closed_by=closed_by,
    )


def six_week_term(
    code: str, label: str, task: str, *, legal_basis: str = "Awb 6:7 en 6:8", start: str = "step"
) -> TermSpec:
    """A statutory term of 6 weeks that runs for the addressee (objection, appeal, payment) and simply expires.

    Statutory, so the Atw extends it; the jurist checks at its end whether the addressee acted.
    """
    return TermSpec(
        code=code,
        label=label,
        period="P6W",
        statutory=True,
        start=start,
        kind="expiry",
        owner_role=JURIST,
        task=task,
        legal_basis=legal_basis,
    )


def objection_term(start: str = "notification") -> TermSpec:
    """The objection term of an addressee: 6 weeks after notification, statutory (Awb 6:7, 6:8)."""
    return six_week_term("objection", "Bezwaartermijn", "Nagaan of bezwaar is ingediend", start=start)


# Awb 7:10: 6 weeks after the objection term of the addressee, 12 with an advisory committee.
DECISION_ON_OBJECTION = TermSpec(
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
# Awb 7:10 lid 3: extended once by 6 weeks, from the end of the running term, which it replaces.
DECISION_ON_OBJECTION_EXTENDED = replace(
    DECISION_ON_OBJECTION,
    label="Beslistermijn bezwaar (verdaagd)",
    period_if=(),
    start="deadline:decision-on-objection",
    supersedes=True,
    task="Beslissen op bezwaar (verdaagde termijn)",
    legal_basis="Awb 7:10 lid 3",
)


def remedy_steps(
    after: tuple[str, ...],
    roles: tuple[str, ...] = (JURIST,),
    authority: str = COLLEGE,
    *,
    sent_on: bool = False,
) -> tuple[StepSpec, ...]:
    """Objection, extension, decision on objection, appeal and higher appeal; each may be followed by `after`.

    With `sent_on` the decision on objection records the day it was sent, from which the appeal term runs
    (Awb 6:8); the step date when left empty.
    """

    def step(code: str, label: str, **spec: Any) -> StepSpec:
        return StepSpec(code=code, label=label, roles=roles, next=after, **spec)

    def judgment(code: str, label: str, *, filed: str, terms: tuple[TermSpec, ...] = ()) -> StepSpec:
        outcome = FieldSpec("outcome", "Uitkomst", "choice", required=True, choices=JUDGMENT_OUTCOMES)
        return step(
            code,
            label,
            fields=(ADDRESSEE, outcome),
            requires_document=True,
            document_hint="de uitspraak",
            terms=terms,
            rules=(f"after:{filed}",),
        )

    return (
        step(
            "objection-received",
            "Bezwaar ontvangen",
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
            terms=(DECISION_ON_OBJECTION,),
            rules=("objection_timeliness",),
        ),
        step(
            "objection-extended",
            "Beslissing op bezwaar verdaagd",
            description="De beslistermijn wordt één keer met ten hoogste zes weken verdaagd (Awb 7:10 lid 3).",
            fields=(FieldSpec("reason", "Reden van verdaging", "longtext", required=True),),
            terms=(DECISION_ON_OBJECTION_EXTENDED,),
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
        step(
            "objection-decision",
            "Beslissing op bezwaar",
            fields=(
                ADDRESSEE,
                FieldSpec("outcome", "Uitkomst", "choice", required=True, choices=OBJECTION_OUTCOMES),
                FieldSpec("reasoning", "Motivering", "longtext", required=True),
                COSTS_AWARDED,
                *((SENT_ON,) if sent_on else ()),
            ),
            terms=(
                six_week_term(
                    "appeal",
                    "Beroepstermijn",
                    "Nagaan of beroep is ingesteld",
                    legal_basis="Awb 6:7, 6:8 en 8:1",
                    start="field:sent_on" if sent_on else "step",
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
            rules=(
                "open_deadline:decision-on-objection",
                "costs_on_revocation",
                *(("not_before_step:sent_on",) if sent_on else ()),
            ),
        ),
        step(
            "appeal-filed",
            "Beroep ingesteld",
            fields=(
                ADDRESSEE,
                FieldSpec("court", "Rechtbank", "text", required=True, default="Rechtbank Gelderland"),
                FieldSpec("court_reference", "Zaaknummer rechtbank", "text"),
            ),
            rules=("after:objection-decision",),
        ),
        judgment(
            "appeal-judgment",
            "Uitspraak rechtbank",
            filed="appeal-filed",
            terms=(
                six_week_term(
                    "higher-appeal",
                    "Termijn hoger beroep",
                    "Besluiten over hoger beroep bij de Raad van State",
                ),
            ),
        ),
        step(
            "higher-appeal-filed",
            "Hoger beroep ingesteld",
            fields=(ADDRESSEE, FieldSpec("court_reference", "Zaaknummer Raad van State", "text")),
            rules=("after:appeal-judgment",),
        ),
        judgment("higher-appeal-judgment", "Uitspraak Raad van State", filed="higher-appeal-filed"),
    )


def _final_step(code: str, label: str, roles: tuple[str, ...], reason_label: str, outcome: str) -> StepSpec:
    return StepSpec(
        code=code,
        label=label,
        roles=roles,
        fields=(FieldSpec("reason", reason_label, "longtext", required=True),),
        final=True,
        outcome=outcome,
    )


def ended_step(
    *roles: str, label: str = "Procedure beëindigd", reason_label: str = "Reden van beëindigen"
) -> StepSpec:
    """The final step 'ended' (violation over, procedure done), with a reason."""
    return _final_step("ended", label, roles, reason_label, "afgerond")


def ending_steps(*roles: str) -> tuple[StepSpec, ...]:
    """Ending (violation over, procedure done) and withdrawal; both final, both with a reason."""
    return (
        ended_step(*roles),
        _final_step("withdrawn", "Besluit ingetrokken", (JURIST,), "Reden van intrekking", "ingetrokken"),
    )


def objection_delay_steps(after: tuple[str, ...], roles: tuple[str, ...] = (JURIST,)) -> tuple[StepSpec, ...]:
    """Awb 7:10 lid 2 (suspension while a defect is repaired, 6:6) and lid 4 (further delay with consent)."""
    return (
        # Recorded on the day of the repair (or the day the repair term ran out unused); the term is moved by the
        # days from the day after the request up to that day, which the rule computes.
        StepSpec(
            code="objection-repaired",
            label="Verzuim in bezwaar hersteld (termijn opgeschort)",
            roles=roles,
            next=after,
            description="De indiener is gevraagd een verzuim te herstellen (Awb 6:6); de beslistermijn is "
            "opgeschort van de dag na dat verzoek tot de dag van herstel of het ongebruikt verstrijken van de "
            "hersteltermijn (Awb 7:10 lid 2). Zet deze stap op die laatste dag.",
            fields=(
                ADDRESSEE,
                FieldSpec("requested_on", "Datum van het verzoek om herstel", "date", required=True),
                FieldSpec(
                    "repaired",
                    "Uitkomst",
                    "choice",
                    required=True,
                    choices=(
                        ("hersteld", "Verzuim hersteld"),
                        ("verstreken", "Hersteltermijn ongebruikt verstreken"),
                    ),
                ),
            ),
            terms=(
                replace(
                    DECISION_ON_OBJECTION_EXTENDED,
                    label="Beslistermijn bezwaar (opgeschort)",
                    period="field:objection-repaired.suspension",
                    task="Beslissen op bezwaar (opgeschorte termijn)",
                    legal_basis="Awb 7:10 lid 2",
                ),
            ),
            rules=("repair_suspension",),
        ),
        # Further delay with consent (or for statutory procedure), as often as needed, only while the term runs.
        StepSpec(
            code="objection-delayed",
            label="Beslissing op bezwaar uitgesteld (met instemming)",
            roles=roles,
            next=after,
            description="Verder uitstel van de beslissing op bezwaar, alleen zolang de beslistermijn loopt "
            "(Awb 7:10 lid 4); dit kan vaker.",
            fields=(
                ADDRESSEE,
                FieldSpec(
                    "period", "Duur van het uitstel", "period", required=True, help="Bijvoorbeeld 4 weken."
                ),
                FieldSpec(
                    "ground",
                    "Grond voor uitstel",
                    "choice",
                    required=True,
                    choices=(
                        ("a", "Alle belanghebbenden stemmen in (lid 4 onder a)"),
                        ("b", "De indiener stemt in en niemand wordt benadeeld (lid 4 onder b)"),
                        ("c", "Nodig voor wettelijke procedurevoorschriften (lid 4 onder c)"),
                    ),
                ),
                FieldSpec("consent", "Instemming of reden", "longtext", required=True),
            ),
            terms=(
                replace(
                    DECISION_ON_OBJECTION_EXTENDED,
                    label="Beslistermijn bezwaar (uitgesteld)",
                    period="field:objection-delayed.period",
                    task="Beslissen op bezwaar (uitgestelde termijn)",
                    legal_basis="Awb 7:10 lid 4",
                ),
            ),
            rules=("open_deadline:decision-on-objection",),
        ),
    )
