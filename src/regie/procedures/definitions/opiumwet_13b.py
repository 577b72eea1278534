"""Closure under article 13b Opiumwet with the local Damocles policy (domain.md), version 3.

police administrative report → assessment against the Damocles matrix (recidive on the same address,
proportionality recorded) → warning, or intended decision + view, or urgent closure → closure order →
notification (registered post or by the police) → closure (seals) → reopening at the end of the period →
follow-up (landlord, housing, care for occupants); objection and appeal run alongside.
The data are criminal-law data (AVG art. 10): the procedure and its letters carry the justice category.

Version 2 (issue 12): the penalty order the Damocles matrix can prescribe (e.g. lokaal × softdrugs) has its own
path: intended penalty order + view → penalty order → notification → inspection after the compliance period →
forfeiture and its collection (Awb 5:33-5:37a, 4:112, 4:114). A closure can be lifted early; its costs (the
closure is administrative enforcement) are recovered by a decision (Awb 5:25). A request for enforcement (4:13),
a notice of default (4:17), the suspension and delay of the decision on objection (7:10 lid 2 and 4) and the day
a decision on objection was sent (6:8) are new. Version 1 stays stored for the procedures that run under it.

Version 3 (issue 12): letters for the intended penalty order and the penalty order, the collection decision (which
names the order it collects), the cost-recovery decision (Awb 5:25) and the decision on a request for enforcement;
the closure order states the weighing of proportionality recorded in the assessment; the decision on objection
records a reimbursement of costs (7:15).

Version 4 (issue 12): letters for the reminder (Awb 4:112) and the writ (4:114) of a forfeited penalty; a reminder
and a writ for the costs of the closure (5:25) as steps of their own; the early lifting of a closure is a decision
with its letter and objection term; a confirmation of a notice of default (4:17) and the decision fixing the
penalty for not deciding in time (4:18). Version 3 stays stored for the procedures that run under it.
"""

from __future__ import annotations

from dataclasses import replace

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
    MAYOR,
    PROCESS_DIRECTOR,
    PROJECT_LEADER,
    ending_steps,
    objection_delay_steps,
    objection_term,
    remedy_steps,
    work_term,
)
from regie.procedures.definitions.enforcement import (
    COSTS,
    cost_recovery_step,
    default_notice_step,
    enforcement_request_steps,
    penalty_collection_steps,
)
from regie.procedures.definitions.o13b_letters import (
    COLLECTION_LETTER,
    COST_RECOVERY_LETTER,
    FINDINGS_MERGE,
    LEGAL_BASIS,
    LIFTED_LETTER,
    PROPORTIONALITY_MERGE,
    REQUEST_DECISION_LETTER,
    letter,
    penalty_merge,
)
from regie.procedures.definitions.schema import (
    Definition,
    FieldSpec,
    StepSpec,
    TaskSpec,
)

PREMISES = (("woning", "Woning"), ("lokaal", "Lokaal of erf (geen woning)"))
SANCTIONS = (
    ("geen", "Geen maatregel"),
    ("waarschuwing", "Waarschuwing"),
    ("last-onder-dwangsom", "Last onder dwangsom"),
    ("sluiting", "Sluiting"),
)

AFTER_ORDER = (
    "notification",
    "penalty-notification",
    "closure",
    "closure-lifted",
    "reopening",
    "cost-recovery-decision",
    "cost-reminder",
    "cost-writ",
    "reinspection",
    "forfeiture",
    "collection-decision",
    "reminder",
    "writ",
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
    "withdrawn",
)

UNITS = (("week", "per week"), ("dag", "per dag"), ("overtreding", "per geconstateerde overtreding"))
PENALTY_FIELDS = (
    FieldSpec("amount", "Dwangsom (bedrag)", "money", required=True),
    FieldSpec("unit", "Per tijdseenheid", "choice", required=True, choices=UNITS),
    FieldSpec("maximum", "Maximum te verbeuren bedrag", "money", required=True),
    phases.compliance_period_field(
        default="P2W",
        help="Tijd om de handel te beëindigen; staat in het besluit en wordt niet verlengd door de Atw.",
    ),
)
METHODS = (("aangetekend", "Aangetekende post"), ("politie", "Uitgereikt door de politie"))
CLOSURE_PERIOD = FieldSpec(
    "closure_period",
    "Duur van de sluiting",
    "period",
    required=True,
    default="data:assessment.damocles.closure_period",
)


def _penalty_steps() -> tuple[StepSpec, ...]:
    """The penalty-order path: intended penalty order + view, the order, its notification and the inspection."""
    after_assessment = ("after:assessment", "sanction_is:last-onder-dwangsom")
    closure_intended = phases.view_steps(
        role=JURIST,
        label="Voornemen last onder dwangsom verzonden",
        rules=after_assessment,
        fields=PENALTY_FIELDS,
        decision="penalty-order",
        onward=(),
        task="Zienswijze afwachten en de last onder dwangsom voorbereiden",
        letter=letter(
            code="o13b-intended-penalty",
            label="Voornemen last onder dwangsom (artikel 13b Opiumwet)",
            merge=(
                *FINDINGS_MERGE,
                *penalty_merge("penalty-intended"),
                ("zienswijze_einddatum", "deadline:view|date"),
            ),
        ),
        received_fields=(),
    )[0]
    intended = replace(
        closure_intended,
        code="penalty-intended",
        next=("view-received", "penalty-order", "penalty-intended", "ended"),
        terms=tuple(replace(t, period="field:penalty-intended.view_period") for t in closure_intended.terms),
    )
    notified = phases.notification_step(
        label="Last onder dwangsom bekendgemaakt",
        decision="penalty-order",
        methods=METHODS,
        after=AFTER_ORDER,
        compliance=phases.compliance_term(
            "penalty-order", task="Begunstigingstermijn loopt af: controle plannen", legal_basis="Awb 5:32a"
        ),
        follow_up=phases.after_compliance_term(
            "reinspection",
            "Controle na de begunstigingstermijn",
            "P2W",
            task="Controle uitvoeren: is de handel beëindigd?",
            closed_by=("reinspection", "ended", "withdrawn"),
        ),
        letter=phases.decision_letter(
            "o13b-penalty-order",
            "Last onder dwangsom artikel 13b Opiumwet",
            legal_basis=LEGAL_BASIS,
            category="justice",
            authority=MAYOR,
            addressees="notified",
            merge=(
                *FINDINGS_MERGE,
                *penalty_merge("penalty-order"),
                ("begunstigingstermijn_einddatum", "deadline:compliance|date"),
                ("motivering", "data:penalty-order.reasons"),
                ("datum_besluit", "data:penalty-order.@date|date"),
                PROPORTIONALITY_MERGE,
            ),
        ),
    )
    return (
        intended,
        StepSpec(
            code="penalty-order",
            label="Last onder dwangsom opgelegd",
            roles=(JURIST,),
            next=("penalty-notification", "withdrawn"),
            fields=(
                *PENALTY_FIELDS,
                FieldSpec("reasons", "Motivering", "longtext", required=True),
                phases.urgent_reason_field(
                    "Reden om zonder zienswijze te besluiten", skipping_from="assessment"
                ),
            ),
            rules=(*after_assessment, "penalty_within_maximum"),
            terms=(
                work_term(
                    "notify",
                    "Last onder dwangsom bekendmaken",
                    "P3D",
                    owner=JURIST,
                    task="Last onder dwangsom aangetekend verzenden of laten uitreiken door de politie",
                    closed_by=("penalty-notification",),
                ),
            ),
        ),
        replace(notified, code="penalty-notification"),
        StepSpec(
            code="reinspection",
            label="Controle na de begunstigingstermijn",
            roles=(INSPECTOR,),
            next=AFTER_ORDER,
            requires_document=True,
            document_hint="het rapport van de controle",
            fields=(
                FieldSpec(
                    "violation",
                    "Overtreding",
                    "choice",
                    required=True,
                    choices=(
                        ("voortduring", "Overtreding duurt voort"),
                        ("beeindigd", "Overtreding beëindigd"),
                    ),
                ),
                FieldSpec("findings", "Bevindingen", "longtext", required=True),
            ),
            rules=("after:penalty-notification",),
        ),
    )


STEPS = (
    StepSpec(
        code="police-report",
        label="Bestuurlijke rapportage ontvangen",
        roles=(JURIST, PROJECT_LEADER, INSPECTOR),
        next=("assessment", "ended"),
        requires_document=True,
        document_hint="de bestuurlijke rapportage van de politie",
        fields=(
            FieldSpec("search_date", "Datum van de doorzoeking", "date", required=True),
            FieldSpec("premises_type", "Soort pand", "choice", required=True, choices=PREMISES),
            FieldSpec("substances", "Aangetroffen middelen en hoeveelheden", "substances", required=True),
            FieldSpec("findings", "Wat is aangetroffen (samenvatting)", "longtext", required=True),
            FieldSpec("occupants", "Bewoners of gebruikers", "longtext"),
        ),
        rules=("search_before_report",),
        terms=(
            work_term(
                "assessment",
                "Beoordeling tegen het Damoclesbeleid",
                "P2W",
                owner=JURIST,
                task="Rapportage beoordelen tegen het Damoclesbeleid",
                closed_by=("assessment", "ended"),
            ),
        ),
    ),
    StepSpec(
        code="assessment",
        label="Beoordeling (Damoclesbeleid)",
        roles=(JURIST,),
        next=("warning", "intended-decision", "closure-order", "penalty-intended", "penalty-order", "ended"),
        description="Regie zoekt in de Damoclesmatrix die gold op de datum van de doorzoeking, telt eerdere "
        "overtredingen op hetzelfde adres binnen de recidivetermijn en stelt de maatregel voor.",
        fields=(
            FieldSpec("sanction", "Maatregel", "choice", required=True, choices=SANCTIONS),
            FieldSpec("minor_children", "Minderjarige kinderen in de woning", "bool"),
            FieldSpec("medical_needs", "Medische noodzaak bij een bewoner", "bool"),
            FieldSpec("owner_unaware", "Eigenaar of verhuurder was onwetend", "bool"),
            FieldSpec("social_arrangements", "Afspraken in het sociaal domein", "bool"),
            FieldSpec(
                "proportionality_note",
                "Afweging evenredigheid",
                "longtext",
                help="Verplicht als een van de evenredigheidsfactoren speelt.",
            ),
            FieldSpec(
                "deviation_reason",
                "Reden om af te wijken van de matrix",
                "longtext",
                help="Verplicht als de maatregel afwijkt van wat de Damoclesmatrix voorschrijft.",
            ),
        ),
        rules=("damocles_assessment", "proportionality"),
    ),
    StepSpec(
        code="warning",
        label="Waarschuwing verzonden",
        roles=(JURIST,),
        next=("ended",),
        rules=("after:assessment", "sanction_is:waarschuwing"),
        letters=(
            letter(code="o13b-warning", label="Waarschuwing artikel 13b Opiumwet", merge=FINDINGS_MERGE),
        ),
    ),
    *phases.view_steps(
        role=JURIST,
        label="Voornemen tot sluiting verzonden",
        rules=("after:assessment", "sanction_is:sluiting"),
        fields=(CLOSURE_PERIOD,),
        decision="closure-order",
        onward=("closure-order", "penalty-order", "intended-decision", "penalty-intended", "ended"),
        task="Zienswijze afwachten en sluitingsbesluit voorbereiden",
        letter=letter(
            code="o13b-intended-closure",
            label="Voornemen tot sluiting (artikel 13b Opiumwet)",
            merge=(
                *FINDINGS_MERGE,
                ("sluitingsduur", "data:intended-decision.closure_period|period"),
                phases.VIEW_END_MERGE,
            ),
        ),
        received_fields=(phases.VIEW_FROM, phases.VIEW_SUMMARY),
    ),
    phases.decision_step(
        "closure-order",
        "Sluitingsbesluit genomen",
        fields=(
            CLOSURE_PERIOD,
            phases.compliance_period_field(
                default="P1W",
                help="Tijd om de woning of het lokaal zelf te sluiten; niet verlengd door de Atw.",
            ),
            FieldSpec("reasons", "Motivering", "longtext", required=True),
            phases.urgent_reason_field(
                "Reden voor spoedsluiting zonder zienswijze", skipping_from="assessment"
            ),
        ),
        rules=("after:assessment", "sanction_is:sluiting"),
        notify_label="Sluitingsbesluit bekendmaken",
        notify_period="P3D",
        notify_task="Sluitingsbesluit aangetekend verzenden of laten uitreiken door de politie",
    ),
    phases.notification_step(
        label="Sluitingsbesluit bekendgemaakt",
        decision="closure-order",
        methods=METHODS,
        after=AFTER_ORDER,
        compliance=phases.compliance_term("closure-order"),
        follow_up=phases.after_compliance_term(
            "closure-due",
            "Sluiting uitvoeren",
            "P1D",
            task="Sluiting uitvoeren: verzegelen en sluitingsmededeling aanbrengen",
            closed_by=("closure", "withdrawn", "ended"),
        ),
        letter=phases.decision_letter(
            "o13b-closure-order",
            "Sluitingsbesluit artikel 13b Opiumwet",
            legal_basis=LEGAL_BASIS,
            category="justice",
            authority=MAYOR,
            addressees="notified",
            merge=(
                *FINDINGS_MERGE,
                ("sluitingsduur", "data:closure-order.closure_period|period"),
                ("begunstigingstermijn", "data:closure-order.compliance_period|period"),
                ("begunstigingstermijn_einddatum", "deadline:compliance|date"),
                ("motivering", "data:closure-order.reasons"),
                PROPORTIONALITY_MERGE,
            ),
        ),
    ),
    StepSpec(
        code="closure",
        label="Gesloten (verzegeld)",
        roles=(INSPECTOR,),
        next=AFTER_ORDER,
        requires_document=True,
        document_hint="het proces-verbaal van sluiting of foto's van de verzegeling",
        fields=(
            FieldSpec("sealed", "Verzegeling aangebracht", "bool", required=True),
            FieldSpec("notice_posted", "Sluitingsmededeling op het pand aangebracht", "bool", required=True),
            COSTS,
        ),
        rules=("after:notification",),
        terms=(
            work_term(
                "reopening",
                "Heropening",
                "field:closure-order.closure_period",
                owner=INSPECTOR,
                task="Pand heropenen en verzegeling verwijderen",
                closed_by=("reopening", "closure-lifted", "withdrawn"),
                legal_basis="Opiumwet 13b",
            ),
        ),
        tasks=(
            TaskSpec("Eigenaar of verhuurder informeren over de sluiting", PROJECT_LEADER, "P3D"),
            TaskSpec("Huisvesting van de bewoners afstemmen met de woningcorporatie", PROJECT_LEADER, "P1W"),
            TaskSpec("Zorg voor de bewoners afstemmen met het sociaal wijkteam", PROCESS_DIRECTOR, "P1W"),
        ),
    ),
    StepSpec(
        code="reopening",
        label="Heropend",
        roles=(INSPECTOR,),
        next=AFTER_ORDER,
        fields=(FieldSpec("note", "Bijzonderheden bij heropening", "longtext"),),
        rules=("after:closure",),
        tasks=(
            TaskSpec("Nazorg: afspraken met de verhuurder over herhaling vastleggen", PROJECT_LEADER, "P2W"),
        ),
    ),
    StepSpec(
        code="closure-lifted",
        label="Sluiting vroegtijdig opgeheven",
        roles=(JURIST,),
        next=AFTER_ORDER,
        description="De burgemeester heft de sluiting op vóór het einde van de sluitingsduur, bijvoorbeeld na een "
        "uitspraak, een gewijzigde situatie of uit evenredigheid; de verzegeling wordt verwijderd.",
        fields=(
            FieldSpec(
                "ground",
                "Grond",
                "choice",
                required=True,
                choices=(
                    ("uitspraak", "Uitspraak van de rechter (voorlopige voorziening of beroep)"),
                    ("bezwaar", "Beslissing op bezwaar"),
                    ("evenredigheid", "Evenredigheid of gewijzigde omstandigheden"),
                ),
            ),
            FieldSpec("reasons", "Motivering van de opheffing", "longtext", required=True),
        ),
        rules=("after:closure", "lift_before_reopening"),
        terms=(objection_term(start="step"),),
        letters=(LIFTED_LETTER,),
        tasks=(TaskSpec("Verzegeling verwijderen en sluitingsmededeling weghalen", INSPECTOR, "P1D"),),
    ),
    *_penalty_steps(),
    *penalty_collection_steps(
        AFTER_ORDER,
        letters=(COLLECTION_LETTER,),
        reminder_letters=(reminder_letter("penalty-reminder", authority=MAYOR, category="justice"),),
        writ_letters=(writ_letter("penalty-writ", authority=MAYOR, category="justice"),),
        writ_fields=(WRIT_COSTS,),
    ),
    cost_recovery_step(
        AFTER_ORDER,
        executed="closure",
        letters=(COST_RECOVERY_LETTER,),
    ),
    *cost_collection_steps(
        AFTER_ORDER,
        letters=(
            cost_reminder_letter("cost-reminder", authority=MAYOR, category="justice"),
            cost_writ_letter("cost-writ", authority=MAYOR, category="justice"),
        ),
    ),
    *remedy_steps(AFTER_ORDER, authority=MAYOR, sent_on=True),
    *objection_delay_steps(AFTER_ORDER),
    *enforcement_request_steps(letters=(REQUEST_DECISION_LETTER,)),
    default_notice_step(
        ("objection-decision", "enforcement-request-decision"),
        (
            ("decision-on-objection", "Beslissing op bezwaar"),
            ("request-decision", "Besluit op verzoek om handhaving"),
        ),
        letters=(default_notice_letter(authority=MAYOR, category="justice"),),
    ),
    default_penalty_step(letters=(default_penalty_letter(authority=MAYOR, category="justice"),)),
    *ending_steps(JURIST, PROJECT_LEADER),
)

DEFINITION = Definition(
    code="opiumwet-13b",
    version=4,
    label="Sluiting artikel 13b Opiumwet",
    description="Sluiting van een woning of lokaal wegens drugshandel of -productie (Damoclesbeleid).",
    case_types=("opiumwet-13b",),
    category="justice",
    start_step="police-report",
    steps=STEPS,
    actions=(
        "enforcement-request",
        "enforcement-request-decision",
        "default-notice",
        "default-penalty-decision",
    ),
    requires_address=True,
)
