"""Enforcement against permanent residence of a recreational dwelling (domain.md), version 1.

signal → inspection report → check of exceptions → intended decision + view (skippable when urgent, Awb 4:11)
→ decision (penalty order or administrative enforcement order) → notification per addressee → objection
(6 weeks) → decision on objection (6/12 weeks after the objection term, once extendable) → appeal and higher
appeal → re-inspection after the compliance period → forfeiture → collection decision, with a warning well
before each forfeiture's one-year collection lapse (Awb 5:35) → ending or withdrawal.
"""

from __future__ import annotations

from regie.procedures.definitions.common import (
    INSPECTOR,
    JURIST,
    NOTIFICATIONS,
    PROJECT_LEADER,
    ending_steps,
    objection_term,
    remedy_steps,
)
from regie.procedures.definitions.schema import (
    Definition,
    FieldSpec,
    LetterSpec,
    StepSpec,
    TermSpec,
)

SANCTIONS = (
    ("penalty-order", "Last onder dwangsom"),
    ("enforcement-order", "Last onder bestuursdwang"),
)
UNITS = (("week", "per week"), ("maand", "per maand"), ("overtreding", "per geconstateerde overtreding"))
PRESENT = (("geen", "Niet aanwezig"), ("aanwezig", "Aanwezig"))

AFTER_DECISION = (
    "notification",
    "objection-received",
    "objection-extended",
    "objection-decision",
    "appeal-filed",
    "appeal-judgment",
    "higher-appeal-filed",
    "higher-appeal-judgment",
    "reinspection",
    "forfeiture",
    "collection-decision",
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
        FieldSpec(
            "compliance_period",
            "Begunstigingstermijn",
            "period",
            required=True,
            default="P3M",
            help="Bijvoorbeeld P3M voor drie maanden. Een begunstigingstermijn staat in het besluit en wordt "
            "niet verlengd door de Algemene termijnenwet.",
        ),
    )
    if urgent:
        fields += (
            FieldSpec(
                "urgent_reason",
                "Reden om zonder voornemen te besluiten (spoed)",
                "longtext",
                required_from=("exceptions-check",),
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


STEPS = (
    StepSpec(
        code="signal",
        label="Signaal vastgelegd",
        roles=(INSPECTOR, PROJECT_LEADER, JURIST),
        next=("inspection-report", "ended"),
        fields=(FieldSpec("signal", "Omschrijving van het signaal", "longtext", required=True),),
        terms=(
            TermSpec(
                code="inspection",
                label="Controle uitvoeren",
                period="P4W",
                statutory=False,
                owner_role=INSPECTOR,
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
            TermSpec(
                code="exceptions",
                label="Uitzonderingen controleren",
                period="P2W",
                statutory=False,
                owner_role=JURIST,
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
    StepSpec(
        code="intended-decision",
        label="Voornemen verzonden",
        roles=(JURIST,),
        next=("view-received", "decision", "intended-decision", "ended"),
        fields=(
            *_sanction_fields(urgent=False),
            FieldSpec(
                "view_period",
                "Termijn voor de zienswijze",
                "period",
                required=True,
                default="P2W",
                help="Meestal twee weken (P2W).",
            ),
        ),
        rules=("no_exception", "penalty_within_maximum"),
        terms=(
            TermSpec(
                code="view",
                label="Termijn zienswijze",
                period="field:intended-decision.view_period",
                statutory=False,
                kind="expiry",
                owner_role=JURIST,
                task="Zienswijze afwachten en besluit voorbereiden",
                legal_basis="Awb 4:8",
                closed_by=("view-received",),
                blocks=("decision",),
            ),
        ),
        letters=(
            LetterSpec(
                code="pr-intended-decision",
                label="Voornemen handhaving permanente bewoning",
                legal_basis="artikel 125 van de Gemeentewet, artikel 5:32 van de Algemene wet bestuursrecht en "
                "het bestemmingsplan (recreatieve bestemming)",
                merge=(
                    *_sanction_merge("intended-decision"),
                    ("zienswijze_termijn", "data:intended-decision.view_period|period"),
                    ("zienswijze_einddatum", "deadline:view|date"),
                    ("bevindingen", "data:inspection-report.findings"),
                    ("datum_controle", "data:inspection-report.@date|date"),
                ),
            ),
        ),
    ),
    StepSpec(
        code="view-received",
        label="Zienswijze ontvangen",
        roles=(JURIST,),
        next=("decision", "intended-decision", "ended"),
        fields=(
            FieldSpec("addressee", "Van geadresseerde", "addressee"),
            FieldSpec(
                "form",
                "Vorm",
                "choice",
                required=True,
                choices=(("schriftelijk", "Schriftelijk"), ("mondeling", "Mondeling (verslag)")),
            ),
            FieldSpec("summary", "Kern van de zienswijze", "longtext", required=True),
        ),
    ),
    StepSpec(
        code="decision",
        label="Besluit genomen",
        roles=(JURIST,),
        next=("notification", "withdrawn"),
        fields=_sanction_fields(urgent=True),
        rules=("no_exception", "penalty_within_maximum"),
        terms=(
            TermSpec(
                code="notify",
                label="Besluit bekendmaken",
                period="P1W",
                statutory=False,
                owner_role=JURIST,
                task="Besluit bekendmaken aan bewoners en eigenaar",
                closed_by=("notification",),
            ),
        ),
    ),
    StepSpec(
        code="notification",
        label="Besluit bekendgemaakt",
        roles=(JURIST,),
        next=AFTER_DECISION,
        fields=(
            NOTIFICATIONS,
            FieldSpec(
                "method",
                "Wijze van bekendmaking",
                "choice",
                required=True,
                choices=(
                    ("post", "Per post"),
                    ("aangetekend", "Aangetekend"),
                    ("uitgereikt", "Persoonlijk uitgereikt"),
                ),
            ),
        ),
        rules=("after:decision",),
        terms=(
            objection_term(),
            TermSpec(
                code="compliance",
                label="Begunstigingstermijn",
                period="field:decision.compliance_period",
                statutory=False,
                start="notification",
                kind="expiry",
                owner_role=INSPECTOR,
                task="Begunstigingstermijn loopt af: hercontrole plannen",
                legal_basis="Awb 5:32a",
            ),
            TermSpec(
                code="reinspection",
                label="Hercontrole na de begunstigingstermijn",
                period="P2W",
                statutory=False,
                start="deadline:compliance",
                single=True,
                owner_role=INSPECTOR,
                task="Hercontrole uitvoeren",
                closed_by=("reinspection", "ended", "withdrawn"),
            ),
        ),
        letters=(
            LetterSpec(
                code="pr-decision",
                label="Besluit handhaving permanente bewoning",
                legal_basis="artikel 125 van de Gemeentewet, artikel 5:32 van de Algemene wet bestuursrecht en "
                "het bestemmingsplan (recreatieve bestemming)",
                addressees="notified",
                document_type="besluit",
                objection_term="objection",
                merge=(
                    *_sanction_merge("decision"),
                    ("begunstigingstermijn_einddatum", "deadline:compliance|date"),
                    ("datum_besluit", "data:decision.@date|date"),
                ),
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
    StepSpec(
        code="forfeiture",
        label="Dwangsom verbeurd",
        roles=(INSPECTOR, JURIST),
        next=AFTER_DECISION,
        fields=(
            FieldSpec("amount", "Verbeurd bedrag", "money", required=True),
            FieldSpec("period_label", "Tijdvak of overtreding", "text", required=True),
        ),
        rules=("forfeiture_after_compliance", "forfeiture_within_maximum"),
        terms=(
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
            TermSpec(
                code="collection-due",
                label="Invorderingsbesluit nemen",
                period="P6M",
                statutory=False,
                owner_role=JURIST,
                task="Invorderingsbesluit nemen",
                closed_by=("collection-decision",),
            ),
        ),
    ),
    StepSpec(
        code="collection-decision",
        label="Invorderingsbesluit",
        roles=(JURIST,),
        next=AFTER_DECISION,
        fields=(FieldSpec("amount", "In te vorderen bedrag", "money", required=True),),
        rules=("after:forfeiture", "collection_within_forfeited"),
        terms=(
            TermSpec(
                code="payment",
                label="Betalingstermijn",
                period="P6W",
                statutory=True,
                kind="expiry",
                owner_role=JURIST,
                task="Betaling controleren",
                legal_basis="Awb 4:87",
            ),
            TermSpec(
                code="collection-objection",
                label="Bezwaartermijn invorderingsbesluit",
                period="P6W",
                statutory=True,
                kind="expiry",
                owner_role=JURIST,
                task="Nagaan of bezwaar is ingediend tegen de invordering",
                legal_basis="Awb 6:7 en 6:8",
            ),
        ),
        letters=(
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
                ),
            ),
        ),
    ),
    *remedy_steps(AFTER_DECISION),
    *ending_steps(JURIST, INSPECTOR),
)

DEFINITION = Definition(
    code="permanent-residence",
    version=1,
    label="Handhaving permanente bewoning",
    description="Handhaving tegen permanente bewoning van een recreatiewoning.",
    case_types=("handhaving-permanente-bewoning",),
    category="general",
    start_step="signal",
    steps=STEPS,
)
