"""The letters of the art. 13b Opiumwet procedure: the mayor decides, and they carry criminal-law data (AVG art. 10)."""

from __future__ import annotations

from functools import partial

from regie.procedures.definitions.common import MAYOR
from regie.procedures.definitions.enforcement import cost_recovery_letter, request_decision_letter
from regie.procedures.definitions.schema import LetterSpec

LEGAL_BASIS = "artikel 13b van de Opiumwet en het Damoclesbeleid van de gemeente"
# The mayor decides; the letters carry criminal-law data (AVG art. 10).
letter = partial(LetterSpec, legal_basis=LEGAL_BASIS, category="justice", authority=MAYOR)
FINDINGS_MERGE = (
    ("datum_doorzoeking", "data:police-report.search_date|date"),
    ("aangetroffen_middelen", "data:police-report.substances|substances"),
    ("soort_pand", "data:police-report.premises_type|choice"),
    ("overtreding_nummer", "data:assessment.damocles.offence_number"),
)
PROPORTIONALITY_MERGE = ("evenredigheid", "data:assessment.proportionality_note")
PENALTY_MERGE = (
    ("dwangsom_bedrag", "data:{step}.amount|money"),
    ("dwangsom_eenheid", "data:{step}.unit|choice"),
    ("dwangsom_maximum", "data:{step}.maximum|money"),
    ("begunstigingstermijn", "data:{step}.compliance_period|period"),
)


def penalty_merge(step: str) -> tuple[tuple[str, str], ...]:
    return tuple((name, source.format(step=step)) for name, source in PENALTY_MERGE)


COLLECTION_LETTER = letter(
    code="o13b-collection-decision",
    label="Invorderingsbesluit dwangsom (artikel 13b Opiumwet)",
    legal_basis="artikel 5:37 van de Algemene wet bestuursrecht en artikel 13b van de Opiumwet",
    document_type="besluit",
    objection_term="collection-objection",
    merge=(
        ("in_te_vorderen_bedrag", "data:collection-decision.amount|money"),
        ("betaaltermijn_einddatum", "deadline:payment|date"),
        ("datum_verbeurte", "data:forfeiture.@date|date"),
        ("dwangsom_maximum", "data:penalty-order.maximum|money"),
        ("datum_last", "data:penalty-order.@date|date"),
        ("kenmerk_last", "data:penalty-order.@kenmerk"),
    ),
)
COST_RECOVERY_LETTER = cost_recovery_letter(
    "o13b-cost-recovery-decision",
    legal_basis="artikel 5:25 van de Algemene wet bestuursrecht en artikel 13b van de Opiumwet",
    executed="closure",
    authority=MAYOR,
    category="justice",
)
REQUEST_DECISION_LETTER = request_decision_letter(
    "o13b-request-decision",
    legal_basis=LEGAL_BASIS + " en afdeling 4.1.3 van de Algemene wet bestuursrecht",
    authority=MAYOR,
    category="justice",
)

# The early lifting of a closure is a decision of the mayor (art. 13b Opiumwet; Awb 5:32a does not apply): it ends
# the administrative enforcement before the closure period and can be objected to by an interested party.
LIFTED_LETTER = letter(
    code="o13b-closure-lifted",
    label="Besluit tot vroegtijdige opheffing van de sluiting",
    document_type="besluit",
    objection_term="objection",
    merge=(
        ("soort_pand", "data:police-report.premises_type|choice"),
        ("datum_sluitingsbesluit", "data:closure-order.@date|date"),
        ("kenmerk_sluitingsbesluit", "data:closure-order.@kenmerk"),
        ("datum_sluiting", "data:closure.@date|date"),
        ("sluitingsduur", "data:closure-order.closure_period|period"),
        ("grond_opheffing", "data:closure-lifted.ground|choice"),
        ("motivering", "data:closure-lifted.reasons"),
    ),
)
