"""Collecting money and answering a notice of default, shared by the two enforcement procedures (issue 12).

- The reminder (aanmaning, Awb 4:112) and the writ (dwangbevel, 4:114, with the contents of 4:122) for a forfeited
  penalty and, as steps of their own, for the costs of administrative enforcement recovered by a decision (5:25):
  a reminder only once the debtor is in default (the payment term has run out), a writ only when the reminder's
  two weeks have passed. Neither is open to objection or appeal (Awb 8:4 lid 1 onder b); the writ is contested
  by verzet before the civil court, within six weeks after it was served.
- The confirmation of a notice of default (ingebrekestelling, 4:17) and the decision fixing the penalty for not
  deciding in time (4:18: within two weeks after the last day over which it was due), which is open to objection.
"""

from __future__ import annotations

from regie.procedures.definitions.common import ADDRESSEE, COLLEGE, JURIST, SENT_ON, objection_term
from regie.procedures.definitions.schema import FieldSpec, LetterSpec, StepSpec, TermSpec

# Awb 4:122 lid 1 onder d: the writ states its own costs.
WRIT_COSTS = FieldSpec(
    "writ_costs",
    "Kosten van het dwangbevel",
    "money",
    required=True,
    help="De kosten die het dwangbevel zelf vermeldt (Awb 4:122 lid 1 onder d), zoals de kosten van betekening.",
)


def reminder_letter(code: str, *, authority: str = COLLEGE, category: str = "general") -> LetterSpec:
    """The reminder for a forfeited penalty (Awb 4:112, after the collection decision of 5:37)."""
    return LetterSpec(
        code=code,
        label="Aanmaning verbeurde dwangsom",
        legal_basis="artikel 4:112 en 5:37 van de Algemene wet bestuursrecht",
        authority=authority,
        category=category,
        merge=(
            ("aan_te_manen_bedrag", "data:reminder.amount|money"),
            ("betaaltermijn_einddatum", "deadline:reminder-payment|date"),
            ("datum_invorderingsbesluit", "data:collection-decision.@date|date"),
            ("kenmerk_invorderingsbesluit", "data:collection-decision.@kenmerk"),
            ("wat_betalen", "text:de verbeurde dwangsom"),
        ),
    )


def writ_letter(code: str, *, authority: str = COLLEGE, category: str = "general") -> LetterSpec:
    """The writ for a forfeited penalty (Awb 4:114, 4:122, 5:37)."""
    return LetterSpec(
        code=code,
        label="Dwangbevel verbeurde dwangsom",
        legal_basis="artikel 4:114, 4:122 en 5:37 van de Algemene wet bestuursrecht",
        authority=authority,
        category=category,
        merge=(
            ("hoofdsom", "data:writ.amount|money"),
            ("kosten_dwangbevel", "data:writ.writ_costs|money"),
            ("datum_invorderingsbesluit", "data:collection-decision.@date|date"),
            ("kenmerk_invorderingsbesluit", "data:collection-decision.@kenmerk"),
            ("datum_aanmaning", "data:reminder.@date|date"),
            ("wat_betalen", "text:de verbeurde dwangsom"),
        ),
    )


def cost_reminder_letter(code: str, *, authority: str = COLLEGE, category: str = "general") -> LetterSpec:
    return LetterSpec(
        code=code,
        label="Aanmaning kosten bestuursdwang",
        legal_basis="artikel 4:112 en 5:25 van de Algemene wet bestuursrecht",
        addressees="field",
        authority=authority,
        category=category,
        merge=(
            ("aan_te_manen_bedrag", "data:cost-reminder.amount|money"),
            ("betaaltermijn_einddatum", "deadline:cost-reminder-payment|date"),
            ("datum_invorderingsbesluit", "data:cost-recovery-decision.@date|date"),
            ("kenmerk_invorderingsbesluit", "data:cost-recovery-decision.@kenmerk"),
            ("wat_betalen", "text:de kosten van de bestuursdwang"),
        ),
    )


def cost_writ_letter(code: str, *, authority: str = COLLEGE, category: str = "general") -> LetterSpec:
    return LetterSpec(
        code=code,
        label="Dwangbevel kosten bestuursdwang",
        legal_basis="artikel 4:114, 4:122 en 5:25 van de Algemene wet bestuursrecht",
        addressees="field",
        authority=authority,
        category=category,
        merge=(
            ("hoofdsom", "data:cost-writ.amount|money"),
            ("kosten_dwangbevel", "data:cost-writ.writ_costs|money"),
            ("datum_invorderingsbesluit", "data:cost-recovery-decision.@date|date"),
            ("kenmerk_invorderingsbesluit", "data:cost-recovery-decision.@kenmerk"),
            ("datum_aanmaning", "data:cost-reminder.@date|date"),
            ("wat_betalen", "text:de kosten van de bestuursdwang"),
        ),
    )


def cost_collection_steps(
    after: tuple[str, ...], *, letters: tuple[LetterSpec, LetterSpec]
) -> tuple[StepSpec, ...]:
    """Reminder and writ for the costs of administrative enforcement, to the debtor of the cost-recovery decision."""
    debtor = FieldSpec("addressee", "Schuldenaar", "addressee", required=True)
    return (
        StepSpec(
            code="cost-reminder",
            label="Aanmaning kosten bestuursdwang verzonden",
            roles=(JURIST,),
            next=after,
            description="Is het kostenverhaal niet binnen zes weken na de bekendmaking betaald (Awb 4:87), dan is "
            "de schuldenaar in verzuim en maant de gemeente aan om binnen twee weken te betalen (Awb 4:112).",
            fields=(debtor, FieldSpec("amount", "Bedrag van de aanmaning", "money", required=True), SENT_ON),
            rules=("after:cost-recovery-decision", "cost_reminder_after_default", "not_before_step:sent_on"),
            terms=(
                TermSpec(
                    code="cost-reminder-payment",
                    label="Betalingstermijn aanmaning kosten",
                    period="P2W",
                    statutory=True,
                    start="field:sent_on",
                    kind="expiry",
                    owner_role=JURIST,
                    task="Betaling van de kosten na aanmaning controleren",
                    legal_basis="Awb 4:112",
                ),
            ),
            letters=(letters[0],),
        ),
        StepSpec(
            code="cost-writ",
            label="Dwangbevel kosten bestuursdwang uitgevaardigd",
            roles=(JURIST,),
            next=after,
            description="Is na de aanmaning niet binnen twee weken betaald, dan kan de gemeente de kosten bij "
            "dwangbevel invorderen (Awb 4:114); een deurwaarder betekent het dwangbevel.",
            fields=(
                debtor,
                FieldSpec("amount", "Bedrag van het dwangbevel", "money", required=True),
                WRIT_COSTS,
            ),
            rules=("after:cost-reminder", "cost_writ_after_reminder"),
            letters=(letters[1],),
        ),
    )


def default_notice_letter(
    code: str = "default-notice-received", *, authority: str = COLLEGE, category: str = "general"
) -> LetterSpec:
    """The confirmation of a notice of default, with the day the penalty would start (Awb 4:17 lid 3)."""
    return LetterSpec(
        code=code,
        label="Ontvangstbevestiging ingebrekestelling",
        legal_basis="artikel 4:17 van de Algemene wet bestuursrecht",
        addressees="field",
        authority=authority,
        category=category,
        merge=(
            ("beslissing", "data:default-notice.term|choice"),
            ("datum_ingebrekestelling", "data:default-notice.@date|date"),
            ("dwangsom_vanaf", "data:default-notice.penalty_from|date"),
            ("dwangsom_tot_en_met", "data:default-notice.penalty_until|date"),
        ),
    )


def default_penalty_step(letters: tuple[LetterSpec, ...] = ()) -> StepSpec:
    """Awb 4:18: the decision fixing that the penalty for not deciding in time is due and how much it is."""
    return StepSpec(
        code="default-penalty-decision",
        label="Dwangsom niet tijdig beslissen vastgesteld",
        roles=(JURIST,),
        action=True,
        description="De gemeente stelt de verschuldigdheid en de hoogte van de dwangsom bij niet tijdig "
        "beslissen bij beschikking vast, binnen twee weken na de laatste dag waarover hij verschuldigd was "
        "(Awb 4:18). Regie rekent het bedrag uit (Awb 4:17 lid 1 en 2).",
        fields=(
            ADDRESSEE,
            FieldSpec(
                "decided_on",
                "Datum van de beslissing die te laat kwam",
                "date",
                help="Leeg als er nog steeds niet is beslist: dan telt de dwangsom tot en met de laatste van de "
                "42 dagen.",
            ),
            SENT_ON,
        ),
        rules=("after:default-notice", "default_penalty_fixed", "not_before_step:sent_on"),
        terms=(objection_term(start="field:sent_on"),),
        letters=letters,
    )


def default_penalty_letter(
    code: str = "default-penalty-decision", *, authority: str = COLLEGE, category: str = "general"
) -> LetterSpec:
    return LetterSpec(
        code=code,
        label="Vaststelling dwangsom bij niet tijdig beslissen",
        legal_basis="artikel 4:17 en 4:18 van de Algemene wet bestuursrecht",
        addressees="field",
        document_type="besluit",
        objection_term="objection",
        authority=authority,
        category=category,
        merge=(
            ("datum_ingebrekestelling", "data:default-notice.@date|date"),
            ("dwangsom_vanaf", "data:default-penalty-decision.penalty_from|date"),
            ("dwangsom_tot_en_met", "data:default-penalty-decision.penalty_last|date"),
            ("dwangsom_dagen", "data:default-penalty-decision.days"),
            ("dwangsom_bedrag", "data:default-penalty-decision.amount|money"),
        ),
    )
