"""Enforcement against permanent residence of a recreational dwelling (domain.md), version 4.

signal → inspection report → check of exceptions → intended decision + view (skippable when urgent, Awb 4:11)
→ decision (penalty order or administrative enforcement order) → notification per addressee → objection
(6 weeks) → decision on objection (6/12 weeks after the objection term, once extendable) → appeal and higher
appeal → re-inspection after the compliance period → forfeiture (payable within six weeks of forfeiture,
Awb 5:33) → collection decision (5:37; interrupts the lapse, 5:37a) → reminder (aanmaning, two weeks, 4:112)
→ dwangbevel (4:114), with a warning well before each forfeiture's one-year collection lapse (Awb 5:35) →
ending or withdrawal.

Version 2 (issue 12): the payment term runs from forfeiture (5:33) instead of six weeks after the collection
decision ("4:87"), which creates no duty to pay; the reminder and dwangbevel steps are new, the collection
decision starts a new lapse term (5:37a), and the decision term on an objection can be suspended while a
defect is repaired (7:10 lid 2) and delayed with consent, more than once (7:10 lid 4). Version 1 stays stored
for the procedures that run under it.

Version 4 (issue 12): letters for the cost-recovery decision (Awb 5:25) and the decision on a request for
enforcement (4:13); the decision letter states the findings, the inspection date and the weighing of interests
(an optional 'Afweging evenredigheid' on the decision); the collection decision names the penalty order it
collects; the decision on objection records a reimbursement of costs (7:15); help texts show periods in words.

Version 5 (issue 12): letters for the reminder (aanmaning, Awb 4:112) and the writ (dwangbevel, 4:114) of a
forfeited penalty; a reminder and a writ for the costs of administrative enforcement (5:25) as steps of their
own; a confirmation of a notice of default (4:17) and the decision fixing the penalty for not deciding in time
(4:18), with its letter. Version 4 stays stored for the procedures that run under it.
"""

from __future__ import annotations

from regie.procedures.definitions import phases
from regie.procedures.definitions.collection import (
    WRIT_COSTS,
    cost_collection_steps,
    cost_reminder_letter,
    cost_writ_letter,
    default_notice_letter,
    default_penalty_letter,
    default_penalty_step,
    reminder_letter,
    writ_letter,
)
from regie.procedures.definitions.common import (
    INSPECTOR,
    JURIST,
    PROJECT_LEADER,
    ending_steps,
    objection_delay_steps,
    remedy_steps,
    work_term,
)
from regie.procedures.definitions.enforcement import (
    cost_recovery_letter,
    cost_recovery_step,
    default_notice_step,
    enforcement_request_steps,
    execution_step,
    penalty_collection_steps,
    request_decision_letter,
)
from regie.procedures.definitions.schema import (
    Definition,
    FieldSpec,
    LetterSpec,
    StepSpec,
)

SANCTIONS = (
    ("penalty-order", "Last onder dwangsom"),
    ("enforcement-order", "Last onder bestuursdwang"),
)
UNITS = (("week", "per week"), ("maand", "per maand"), ("overtreding", "per geconstateerde overtreding"))
PRESENT = (("geen", "Niet aanwezig"), ("aanwezig", "Aanwezig"))
LEGAL_BASIS = (
    "artikel 125 van de Gemeentewet, artikel 5:32 van de Algemene wet bestuursrecht en "
    "het bestemmingsplan (recreatieve bestemming)"
)

AFTER_DECISION = (
    "notification",
    "objection-received",
    "objection-extended",
    "objection-repaired",
    "objection-delayed",
    "objection-decision",
    "appeal-filed",
    "appeal-judgment",
    "higher-appeal-filed",
    "higher-appeal-judgment",
    "reinspection",
    "forfeiture",
    "collection-decision",
    "reminder",
    "writ",
    "enforcement-executed",
    "cost-recovery-decision",
    "cost-reminder",
    "cost-writ",
    "ended",
    "withdrawn",
)


def _sanction_fields(*, urgent: bool) -> tuple[FieldSpec, ...]:
    penalty = ("sanction", "penalty-order")
    fields: tuple[FieldSpec, ...] = (
        FieldSpec("sanction", "Sanctie", "choice", required=True, choices=SANCTIONS),
        FieldSpec("amount", "Dwangsom (bedrag)", "money", required_if=penalty),
        FieldSpec("unit", "Per tijdseenheid", "choice", required_if=penalty, choices=UNITS),
        FieldSpec("maximum", "Maximum te verbeuren bedrag", "money", required_if=penalty),
        phases.compliance_period_field(
            default="P3M",
            help="Bijvoorbeeld 3 maanden. Een begunstigingstermijn staat in het besluit en wordt "
            "niet verlengd door de Algemene termijnenwet.",
        ),
    )
    if urgent:
        fields += (
            FieldSpec(
                "proportionality",
                "Afweging evenredigheid",
                "longtext",
                help="De belangen van de bewoner tegenover het belang van handhaving (Awb 3:4). Leeg: de brief "
                "gebruikt de vaste afweging (beginselplicht tot handhaving, geen zicht op legalisatie).",
            ),
        )
        fields += (
            phases.urgent_reason_field(
                "Reden om zonder voornemen te besluiten (spoed)",
                skipping_from="exceptions-check",
                help="Alleen bij spoed mag het voornemen met zienswijze achterwege blijven (Awb 4:11).",
            ),
        )
    return fields


def _sanction_merge(step: str) -> tuple[tuple[str, str], ...]:
    return (
        ("sanctie", f"data:{step}.sanction|choice"),
        ("dwangsom_bedrag", f"data:{step}.amount|money"),
        ("dwangsom_eenheid", f"data:{step}.unit|choice"),
        ("dwangsom_maximum", f"data:{step}.maximum|money"),
        ("begunstigingstermijn", f"data:{step}.compliance_period|period"),
    )


COLLECTION_LETTERS = (
    LetterSpec(
        code="pr-collection-decision",
        label="Invorderingsbesluit dwangsom",
        legal_basis="artikel 5:37 van de Algemene wet bestuursrecht",
        document_type="besluit",
        objection_term="collection-objection",
        merge=(
            ("in_te_vorderen_bedrag", "data:collection-decision.amount|money"),
            ("betaaltermijn_einddatum", "deadline:payment|date"),
            ("datum_verbeurte", "data:forfeiture.@date|date"),
            ("dwangsom_maximum", "data:decision.maximum|money"),
            ("datum_last", "data:decision.@date|date"),
            ("kenmerk_last", "data:decision.@kenmerk"),
        ),
    ),
)


STEPS = (
    StepSpec(
        code="signal",
        label="Signaal vastgelegd",
        roles=(INSPECTOR, PROJECT_LEADER, JURIST),
        next=("inspection-report", "ended"),
        fields=(FieldSpec("signal", "Omschrijving van het signaal", "longtext", required=True),),
        terms=(
            work_term(
                "inspection",
                "Controle uitvoeren",
                "P4W",
                owner=INSPECTOR,
                task="Controle uitvoeren en rapport van bevindingen opmaken",
                closed_by=("inspection-report", "ended"),
            ),
        ),
    ),
    StepSpec(
        code="inspection-report",
        label="Rapport van bevindingen",
        roles=(INSPECTOR,),
        next=("exceptions-check", "inspection-report", "ended"),
        requires_document=True,
        document_hint="het rapport van bevindingen",
        fields=(
            FieldSpec("findings", "Bevindingen (samenvatting)", "longtext", required=True),
            FieldSpec(
                "entry",
                "Woning betreden",
                "choice",
                required=True,
                choices=(("niet-betreden", "Niet betreden"), ("met-toestemming", "Betreden met toestemming")),
                help="Een woning wordt alleen met toestemming van de bewoner betreden.",
            ),
            FieldSpec("brp_registration", "Ingeschreven in de BRP op het parkadres", "bool"),
            FieldSpec("no_other_home", "Geen andere woning gevonden", "bool"),
            FieldSpec("commuting", "Woon-werkverkeer vanaf het park", "bool"),
            FieldSpec("energy", "Energieverbruik als bij een hoofdverblijf", "bool"),
            FieldSpec("neighbours", "Verklaringen van buren of parkbeheer", "bool"),
        ),
        terms=(
            work_term(
                "exceptions",
                "Uitzonderingen controleren",
                "P2W",
                owner=JURIST,
                task="Persoonsgebonden beschikking, gedoogbesluit en uitsterfregeling controleren",
                closed_by=("exceptions-check", "ended"),
            ),
        ),
    ),
    StepSpec(
        code="exceptions-check",
        label="Uitzonderingen gecontroleerd",
        roles=(JURIST, INSPECTOR),
        next=("intended-decision", "decision", "ended"),
        fields=(
            FieldSpec(
                "personal_permit",
                "Persoonsgebonden beschikking (bewoning vóór 31 oktober 2003)",
                "choice",
                required=True,
                choices=PRESENT,
            ),
            FieldSpec("tolerance", "Lokaal gedoogbesluit", "choice", required=True, choices=PRESENT),
            FieldSpec("phasing_out", "Uitsterfregeling", "choice", required=True, choices=PRESENT),
            FieldSpec("note", "Toelichting", "longtext"),
        ),
    ),
    *phases.view_steps(
        role=JURIST,
        label="Voornemen verzonden",
        fields=_sanction_fields(urgent=False),
        view_period_help="Meestal twee weken.",
        rules=("no_exception", "penalty_within_maximum"),
        decision="decision",
        onward=("decision", "intended-decision", "ended"),
        task="Zienswijze afwachten en besluit voorbereiden",
        letter=LetterSpec(
            code="pr-intended-decision",
            label="Voornemen handhaving permanente bewoning",
            legal_basis=LEGAL_BASIS,
            merge=(
                *_sanction_merge("intended-decision"),
                ("zienswijze_termijn", "data:intended-decision.view_period|period"),
                phases.VIEW_END_MERGE,
                ("bevindingen", "data:inspection-report.findings"),
                ("datum_controle", "data:inspection-report.@date|date"),
            ),
        ),
        received_fields=(
            phases.VIEW_FROM,
            FieldSpec(
                "form",
                "Vorm",
                "choice",
                required=True,
                choices=(("schriftelijk", "Schriftelijk"), ("mondeling", "Mondeling (verslag)")),
            ),
            phases.VIEW_SUMMARY,
        ),
    ),
    phases.decision_step(
        "decision",
        "Besluit genomen",
        fields=_sanction_fields(urgent=True),
        rules=("no_exception", "penalty_within_maximum"),
        notify_label="Besluit bekendmaken",
        notify_period="P1W",
        notify_task="Besluit bekendmaken aan bewoners en eigenaar",
    ),
    phases.notification_step(
        label="Besluit bekendgemaakt",
        decision="decision",
        methods=(
            ("post", "Per post"),
            ("aangetekend", "Aangetekend"),
            ("uitgereikt", "Persoonlijk uitgereikt"),
        ),
        after=AFTER_DECISION,
        compliance=phases.compliance_term(
            "decision", task="Begunstigingstermijn loopt af: hercontrole plannen", legal_basis="Awb 5:32a"
        ),
        follow_up=phases.after_compliance_term(
            "reinspection",
            "Hercontrole na de begunstigingstermijn",
            "P2W",
            task="Hercontrole uitvoeren",
            closed_by=("reinspection", "ended", "withdrawn"),
        ),
        letter=phases.decision_letter(
            "pr-decision",
            "Besluit handhaving permanente bewoning",
            legal_basis=LEGAL_BASIS,
            addressees="notified",
            merge=(
                *_sanction_merge("decision"),
                ("begunstigingstermijn_einddatum", "deadline:compliance|date"),
                ("datum_besluit", "data:decision.@date|date"),
                ("bevindingen", "data:inspection-report.findings"),
                ("datum_controle", "data:inspection-report.@date|date"),
                ("evenredigheid", "data:decision.proportionality"),
            ),
        ),
    ),
    StepSpec(
        code="reinspection",
        label="Hercontrole uitgevoerd",
        roles=(INSPECTOR,),
        next=AFTER_DECISION,
        requires_document=True,
        document_hint="het rapport van de hercontrole",
        fields=(
            FieldSpec(
                "violation",
                "Overtreding",
                "choice",
                required=True,
                choices=(("voortduring", "Overtreding duurt voort"), ("beeindigd", "Overtreding beëindigd")),
            ),
            FieldSpec("findings", "Bevindingen", "longtext", required=True),
        ),
        rules=("after:notification",),
    ),
    *penalty_collection_steps(
        AFTER_DECISION,
        letters=COLLECTION_LETTERS,
        reminder_letters=(reminder_letter("penalty-reminder"),),
        writ_letters=(writ_letter("penalty-writ"),),
        writ_fields=(WRIT_COSTS,),
    ),
    execution_step(AFTER_DECISION, notified="notification", roles=(INSPECTOR, JURIST)),
    cost_recovery_step(
        AFTER_DECISION,
        executed="enforcement-executed",
        letters=(
            cost_recovery_letter(
                "pr-cost-recovery-decision",
                legal_basis="artikel 5:25 van de Algemene wet bestuursrecht en artikel 125 van de Gemeentewet",
                executed="enforcement-executed",
            ),
        ),
    ),
    *cost_collection_steps(
        AFTER_DECISION, letters=(cost_reminder_letter("cost-reminder"), cost_writ_letter("cost-writ"))
    ),
    *remedy_steps(AFTER_DECISION, sent_on=True),
    *objection_delay_steps(AFTER_DECISION),
    *enforcement_request_steps(
        letters=(
            request_decision_letter(
                "pr-request-decision",
                legal_basis="artikel 125 van de Gemeentewet, artikel 5:32 en afdeling 4.1.3 van de Algemene wet "
                "bestuursrecht",
            ),
        )
    ),
    default_notice_step(
        ("objection-decision", "enforcement-request-decision"),
        (
            ("decision-on-objection", "Beslissing op bezwaar"),
            ("request-decision", "Besluit op verzoek om handhaving"),
        ),
        letters=(default_notice_letter(),),
    ),
    default_penalty_step(letters=(default_penalty_letter(),)),
    *ending_steps(JURIST, INSPECTOR),
)

DEFINITION = Definition(
    code="permanent-residence",
    version=5,
    label="Handhaving permanente bewoning",
    description="Handhaving tegen permanente bewoning van een recreatiewoning.",
    case_types=("handhaving-permanente-bewoning",),
    category="general",
    start_step="signal",
    steps=STEPS,
    actions=(
        "enforcement-request",
        "enforcement-request-decision",
        "default-notice",
        "default-penalty-decision",
    ),
)
