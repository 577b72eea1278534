"""Building blocks the two enforcement procedures share (permanent residence, art. 13b Opiumwet).

- Collecting a forfeited penalty: forfeiture (payable within six weeks, Awb 5:33; lapse after a year, 5:35),
  the collection decision (5:37; it interrupts the lapse, 5:37a), the reminder (4:112) and the dwangbevel (4:114).
- Carrying out administrative enforcement (bestuursdwang) and recovering its costs by a decision (Awb 5:25), payable
  within six weeks of its notification (4:87) and lapsing five years after that (4:104).
- A formal request for enforcement by a third party: an application decided within a reasonable term, at most
  eight weeks after receipt (Awb 4:13), to the applicant, who may object to it.
- The notice of default (ingebrekestelling) after a decision term has passed, with the penalty clock of Awb 4:17.
"""

from __future__ import annotations

from dataclasses import replace

from regie.procedures.definitions.common import (
    ADDRESSEE,
    COLLEGE,
    INSPECTOR,
    JURIST,
    SENT_ON,
    objection_term,
    six_week_term,
    work_term,
)
from regie.procedures.definitions.schema import FieldSpec, LetterSpec, StepSpec, TermSpec


def penalty_collection_steps(
    after: tuple[str, ...],
    *,
    letters: tuple[LetterSpec, ...],
    reminder_letters: tuple[LetterSpec, ...] = (),
    writ_letters: tuple[LetterSpec, ...] = (),
    writ_fields: tuple[FieldSpec, ...] = (),
) -> tuple[StepSpec, ...]:
    """Forfeiture, collection decision (with `letters`), reminder and dwangbevel (with their letters, from the
    versions that have them); each may be followed by `after`."""
    return (
        StepSpec(
            code="forfeiture",
            label="Dwangsom verbeurd",
            roles=(INSPECTOR, JURIST),
            next=after,
            fields=(
                FieldSpec("amount", "Verbeurd bedrag", "money", required=True),
                FieldSpec("period_label", "Tijdvak of overtreding", "text", required=True),
            ),
            rules=("forfeiture_after_compliance", "forfeiture_within_maximum"),
            terms=(
                six_week_term(
                    "payment",
                    "Betalingstermijn verbeurde dwangsom",
                    "Betaling controleren",
                    legal_basis="Awb 5:33",
                ),
                TermSpec(
                    code="collection-lapse",
                    label="Verjaring invordering",
                    period="P1Y",
                    statutory=True,
                    kind="expiry",
                    owner_role=JURIST,
                    task="Invorderen vóór de verjaring",
                    legal_basis="Awb 5:35",
                    closed_by=("collection-decision",),
                    # The warning comes well before the lapse: about three months of working days ahead.
                    remind_working_days=60,
                ),
                work_term(
                    "collection-due",
                    "Invorderingsbesluit nemen",
                    "P6M",
                    owner=JURIST,
                    task="Invorderingsbesluit nemen",
                    closed_by=("collection-decision",),
                ),
            ),
        ),
        StepSpec(
            code="collection-decision",
            label="Invorderingsbesluit",
            roles=(JURIST,),
            next=after,
            fields=(FieldSpec("amount", "In te vorderen bedrag", "money", required=True), SENT_ON),
            rules=("after:forfeiture", "collection_within_forfeited", "not_before_step:sent_on"),
            terms=(
                # The collection decision interrupts the lapse (Awb 5:37a lid 1): a new term of a year starts, counted
                # from the decision itself, the earliest and safe date (core.awb.collection_lapse).
                TermSpec(
                    code="collection-lapse-interrupted",
                    label="Verjaring invordering na stuiting",
                    period="P1Y",
                    statutory=True,
                    kind="expiry",
                    owner_role=JURIST,
                    task="Aanmanen en dwangbevel vóór de verjaring",
                    legal_basis="Awb 5:37a en 5:35",
                    closed_by=("writ",),
                    remind_working_days=60,
                ),
                six_week_term(
                    "collection-objection",
                    "Bezwaartermijn invorderingsbesluit",
                    "Nagaan of bezwaar is ingediend tegen de invordering",
                    start="field:sent_on",
                ),
            ),
            letters=letters,
        ),
        StepSpec(
            code="reminder",
            label="Aanmaning verzonden",
            roles=(JURIST,),
            next=after,
            description="Wie na de betalingstermijn van zes weken na verbeurte (Awb 5:33) niet heeft betaald, is in "
            "verzuim; na de invorderingsbeschikking maant de gemeente aan om binnen twee weken te betalen (Awb 4:112).",
            fields=(FieldSpec("amount", "Bedrag van de aanmaning", "money", required=True), SENT_ON),
            rules=("after:collection-decision", "reminder_after_default", "not_before_step:sent_on"),
            terms=(
                TermSpec(
                    code="reminder-payment",
                    label="Betalingstermijn aanmaning",
                    period="P2W",
                    statutory=True,
                    # Two weeks after the day the reminder was sent (Awb 4:112 lid 1).
                    start="field:sent_on",
                    kind="expiry",
                    owner_role=JURIST,
                    task="Betaling na aanmaning controleren",
                    legal_basis="Awb 4:112",
                ),
            ),
            letters=reminder_letters,
        ),
        StepSpec(
            code="writ",
            label="Dwangbevel uitgevaardigd",
            roles=(JURIST,),
            next=after,
            description="Is na de aanmaning niet binnen twee weken betaald, dan kan de gemeente bij dwangbevel "
            "invorderen (Awb 4:114, 5:37).",
            fields=(FieldSpec("amount", "Bedrag van het dwangbevel", "money", required=True), *writ_fields),
            rules=("after:reminder", "writ_after_reminder"),
            letters=writ_letters,
        ),
    )


COSTS = FieldSpec(
    "costs",
    "Kosten van de bestuursdwang",
    "money",
    help="Wat de uitvoering heeft gekost, inclusief de voorbereiding na de begunstigingstermijn (Awb 5:25 lid 2); "
    "deze kosten kunt u verhalen met een kostenverhaalbesluit.",
)


def execution_step(after: tuple[str, ...], *, notified: str, roles: tuple[str, ...]) -> StepSpec:
    """Carrying out an administrative enforcement order after its compliance period (Awb 5:21, 5:24)."""
    return StepSpec(
        code="enforcement-executed",
        label="Bestuursdwang uitgevoerd",
        roles=roles,
        next=after,
        description="De gemeente beëindigt de overtreding zelf, na afloop van de begunstigingstermijn (Awb 5:24); "
        "de kosten komen voor rekening van de overtreder (Awb 5:25).",
        fields=(
            FieldSpec("actions", "Wat is uitgevoerd", "longtext", required=True),
            replace(COSTS, required=True),
            FieldSpec("cost_items", "Opbouw van de kosten", "longtext", required=True),
        ),
        rules=(
            f"after:{notified}",
            "sanction_of_decision:enforcement-order",
            "after_compliance:bestuursdwang",
        ),
        terms=(
            work_term(
                "cost-recovery",
                "Kostenverhaalbesluit nemen",
                "P3M",
                owner=JURIST,
                task="Kosten van de bestuursdwang verhalen (kostenverhaalbesluit)",
                closed_by=("cost-recovery-decision", "ended", "withdrawn"),
                legal_basis="Awb 5:25",
            ),
        ),
    )


def cost_recovery_step(
    after: tuple[str, ...], *, executed: str, letters: tuple[LetterSpec, ...] = ()
) -> StepSpec:
    """The decision recovering the costs of administrative enforcement from the violator (Awb 5:25).

    Payable within six weeks after it is made known (4:87 lid 1), so from the day it is sent; open to objection
    (6:7, 6:8); the claim lapses five years after the payment term ended (4:104).
    """
    return StepSpec(
        code="cost-recovery-decision",
        label="Kostenverhaalbesluit genomen",
        roles=(JURIST,),
        next=after,
        description="De kosten van de bestuursdwang worden verhaald op de overtreder (Awb 5:25), tenzij die kosten "
        "redelijkerwijze niet of niet geheel te zijnen laste behoren te komen (lid 1).",
        fields=(
            FieldSpec("addressee", "Overtreder (schuldenaar)", "addressee", required=True),
            FieldSpec("amount", "Te verhalen bedrag", "money", required=True),
            FieldSpec("reasoning", "Motivering en opbouw van de kosten", "longtext", required=True),
            SENT_ON,
        ),
        rules=(f"after:{executed}", f"costs_within:{executed}", "not_before_step:sent_on"),
        letters=letters,
        terms=(
            TermSpec(
                code="cost-payment",
                label="Betalingstermijn kostenverhaal",
                period="P6W",
                statutory=True,
                start="field:sent_on",
                kind="expiry",
                owner_role=JURIST,
                task="Betaling van de kosten van bestuursdwang controleren",
                legal_basis="Awb 4:87",
            ),
            six_week_term(
                "cost-objection",
                "Bezwaartermijn kostenverhaalbesluit",
                "Nagaan of bezwaar is ingediend tegen het kostenverhaal",
                start="field:sent_on",
            ),
            TermSpec(
                code="cost-lapse",
                label="Verjaring kostenverhaal",
                period="P5Y",
                statutory=True,
                start="deadline:cost-payment",
                kind="expiry",
                owner_role=JURIST,
                task="Kosten invorderen vóór de verjaring",
                legal_basis="Awb 4:104",
                remind_working_days=60,
            ),
        ),
    )


APPLICANT = FieldSpec(
    "addressee",
    "Verzoeker",
    "addressee",
    required=True,
    help="Voeg de verzoeker eerst toe als geadresseerde (rol melder): het besluit is aan hem gericht en hij kan "
    "er bezwaar tegen maken.",
)


def enforcement_request_steps(letters: tuple[LetterSpec, ...] = ()) -> tuple[StepSpec, ...]:
    """A formal request for enforcement (an application, Awb 1:3 lid 3) and the decision on it (4:13), as actions
    that can be taken at any point; the applicant is an addressee with his own decision and objection term."""
    return (
        StepSpec(
            code="enforcement-request",
            label="Verzoek om handhaving ontvangen",
            roles=(JURIST,),
            action=True,
            description="Een verzoek om handhaving is een aanvraag: de gemeente beslist binnen een redelijke "
            "termijn, die in ieder geval verstreken is acht weken na ontvangst (Awb 4:13). Zet de stap op de dag "
            "van ontvangst.",
            fields=(APPLICANT, FieldSpec("request", "Wat vraagt de verzoeker", "longtext", required=True)),
            terms=(
                TermSpec(
                    code="request-decision",
                    label="Beslistermijn verzoek om handhaving",
                    period="P8W",
                    statutory=True,
                    owner_role=JURIST,
                    task="Beslissen op het verzoek om handhaving",
                    legal_basis="Awb 4:13",
                    closed_by=("enforcement-request-decision",),
                ),
            ),
        ),
        StepSpec(
            code="enforcement-request-decision",
            label="Besluit op verzoek om handhaving",
            roles=(JURIST,),
            action=True,
            fields=(
                APPLICANT,
                FieldSpec(
                    "outcome",
                    "Besluit",
                    "choice",
                    required=True,
                    choices=(
                        ("toegewezen", "Verzoek toegewezen: de gemeente treedt op"),
                        ("afgewezen", "Verzoek afgewezen"),
                        ("buiten-behandeling", "Verzoek buiten behandeling gelaten (Awb 4:5)"),
                    ),
                ),
                FieldSpec("reasoning", "Motivering", "longtext", required=True),
                SENT_ON,
            ),
            rules=("open_deadline:request-decision", "not_before_step:sent_on"),
            terms=(objection_term(start="field:sent_on"),),
            letters=letters,
        ),
    )


def cost_recovery_letter(
    code: str, *, legal_basis: str, executed: str, authority: str = COLLEGE, category: str = "general"
) -> LetterSpec:
    """The cost-recovery decision (Awb 5:25) to the debtor, with the costs, the payment term and an objection clause."""
    return LetterSpec(
        code=code,
        label="Kostenverhaalbesluit bestuursdwang",
        legal_basis=legal_basis,
        addressees="field",
        document_type="besluit",
        objection_term="cost-objection",
        merge=(
            ("te_verhalen_bedrag", "data:cost-recovery-decision.amount|money"),
            ("motivering_kosten", "data:cost-recovery-decision.reasoning"),
            ("betaaltermijn_einddatum", "deadline:cost-payment|date"),
            ("datum_uitvoering", f"data:{executed}.@date|date"),
        ),
        authority=authority,
        category=category,
    )


def request_decision_letter(
    code: str, *, legal_basis: str, authority: str = COLLEGE, category: str = "general"
) -> LetterSpec:
    """The decision on a request for enforcement (Awb 4:13), to the applicant, who may object to it."""
    return LetterSpec(
        code=code,
        label="Besluit op verzoek om handhaving",
        legal_basis=legal_basis,
        addressees="field",
        document_type="besluit",
        objection_term="objection",
        merge=(
            ("datum_verzoek", "data:enforcement-request.@date|date"),
            ("verzoek", "data:enforcement-request.request"),
            ("besluit_verzoek", "data:enforcement-request-decision.outcome|choice"),
            ("motivering", "data:enforcement-request-decision.reasoning"),
        ),
        authority=authority,
        category=category,
    )


def default_notice_step(
    decisions: tuple[str, ...], terms: tuple[tuple[str, str], ...], letters: tuple[LetterSpec, ...] = ()
) -> StepSpec:
    """A written notice of default received after a decision term passed: the municipality forfeits a penalty per
    day from two weeks after its receipt unless it decides (Awb 4:17, for an objection via 7:14)."""
    return StepSpec(
        code="default-notice",
        label="Ingebrekestelling ontvangen",
        roles=(JURIST,),
        action=True,
        description="Na het verstrijken van de beslistermijn kan de indiener de gemeente schriftelijk in gebreke "
        "stellen. Beslist de gemeente niet binnen twee weken na ontvangst, dan verbeurt zij een dwangsom per dag, "
        "ten hoogste 42 dagen (Awb 4:17). Zet de stap op de dag van ontvangst.",
        fields=(
            ADDRESSEE,
            FieldSpec("term", "Voor welke beslissing", "choice", required=True, choices=terms),
        ),
        rules=("default_notice",),
        terms=(
            TermSpec(
                code="default-decision",
                label="Beslissen vóór de dwangsom bij niet tijdig beslissen",
                period="P13D",
                statutory=False,
                owner_role=JURIST,
                task="Beslissen: anders verbeurt de gemeente een dwangsom per dag",
                legal_basis="Awb 4:17",
                closed_by=decisions,
            ),
        ),
        letters=letters,
    )
