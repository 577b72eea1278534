"""The screening checklist: the national complex-case criteria (afbakening van de doelgroep), versioned.

A person meets the criteria when there are problems on more than one life domain that lead or threaten to lead to
crime, nuisance or further decline, AND chain cooperation with compulsion and persuasion is needed, AND there is
impact on the family system or the direct surroundings — OR when there is a serious local safety problem. The
version is stored with every screening, so an old decision can be read against the checklist it was made with.
"""

from __future__ import annotations

from collections.abc import Mapping

CHECKLIST_VERSION = "landelijk-complexe-casus-1"
CHECKLIST_LABEL = "Landelijke criteria complexe casus (versie 1)"

MULTI_DOMAIN = "meerdere-leefdomeinen"
CHAIN = "ketensamenwerking"
IMPACT = "impact-omgeving"
LOCAL_SAFETY = "lokaal-veiligheidsprobleem"

CRITERIA: tuple[tuple[str, str], ...] = (
    (
        MULTI_DOMAIN,
        "Problemen op meer dan één leefdomein die leiden of dreigen te leiden tot criminaliteit, overlast of "
        "verdere achteruitgang",
    ),
    (CHAIN, "Ketensamenwerking met drang en dwang is nodig"),
    (IMPACT, "Er is impact op het gezinssysteem of de directe omgeving"),
    (LOCAL_SAFETY, "Of: er is een ernstig lokaal veiligheidsprobleem"),
)
CRITERION_LABELS = dict(CRITERIA)


def meets_criteria(answers: Mapping[str, bool]) -> bool:
    """Whether the answers meet the target-group definition (all three, or the local safety problem)."""
    return bool(
        (answers.get(MULTI_DOMAIN) and answers.get(CHAIN) and answers.get(IMPACT))
        or answers.get(LOCAL_SAFETY)
    )
