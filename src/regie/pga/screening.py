"""The screening checklist: the national complex-case criteria (afbakening van de doelgroep), versioned.

A person meets the criteria when there are problems on more than one life domain that lead or threaten to lead to
crime, nuisance or further decline, AND chain cooperation with compulsion and persuasion is needed, AND there is
impact on the family system or the direct surroundings — OR when there is a serious local safety problem. The
beheerder keeps the checklist and the local target-group rules as versions (`ScreeningChecklist`, services in
pga/services/reference.py); a referral keeps the version it was made under, so an old decision is read against the
checklist it was made with and a running screening is not changed under the procesregisseur's hands.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

CHECKLIST_VERSION = "landelijk-complexe-casus-1"
CHECKLIST_LABEL = "Landelijke criteria complexe casus (versie 1)"

MULTI_DOMAIN = "meerdere-leefdomeinen"
CHAIN = "ketensamenwerking"
IMPACT = "impact-omgeving"
LOCAL_SAFETY = "lokaal-veiligheidsprobleem"

ALL_OF = "samen"  # every criterion of this group must be met
ON_ITS_OWN = "alleen"  # a criterion of this group suffices on its own
GROUPS = {ALL_OF: "Moet samen met de andere vervuld zijn", ON_ITS_OWN: "Volstaat op zichzelf"}

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
# The shipped version 1 as stored data (the data migration and `checklist_in_force` write it from here).
SHIPPED_CRITERIA = [
    {"code": code, "label": label, "group": ON_ITS_OWN if code == LOCAL_SAFETY else ALL_OF}
    for code, label in CRITERIA
]


@dataclass(frozen=True)
class Item:
    code: str
    label: str
    group: str = ALL_OF  # for a local rule: always required


@dataclass(frozen=True)
class Checklist:
    """One version of the checklist as the screening reads it."""

    code: str
    label: str
    criteria: tuple[Item, ...]
    local_rules: tuple[Item, ...] = ()

    @property
    def items(self) -> tuple[Item, ...]:
        return self.criteria + self.local_rules

    @property
    def labels(self) -> dict[str, str]:
        return {item.code: item.label for item in self.items}

    def meets(self, answers: Mapping[str, bool]) -> bool:
        """All criteria of the group 'samen' (when there are any), or one of the group 'alleen'; and every local
        rule."""
        together = [i for i in self.criteria if i.group == ALL_OF]
        alone = [i for i in self.criteria if i.group == ON_ITS_OWN]
        criteria_met = (bool(together) and all(answers.get(i.code) for i in together)) or any(
            answers.get(i.code) for i in alone
        )
        return bool(criteria_met and all(answers.get(i.code) for i in self.local_rules))

    def rule_text(self) -> str:
        together = [i.label.rstrip(".") for i in self.criteria if i.group == ALL_OF]
        alone = [i.label.removeprefix("Of: ").rstrip(".") for i in self.criteria if i.group == ON_ITS_OWN]
        parts = []
        if together:
            parts.append(" én ".join(t[0].lower() + t[1:] for t in together))
        if alone:
            parts.append(" of ".join(a[0].lower() + a[1:] for a in alone))
        text = " — of: ".join(parts)
        if self.local_rules:
            text += "; en altijd: " + ", ".join(r.label[0].lower() + r.label[1:] for r in self.local_rules)
        return text


SHIPPED = Checklist(
    code=CHECKLIST_VERSION,
    label=CHECKLIST_LABEL,
    criteria=tuple(Item(c["code"], c["label"], c["group"]) for c in SHIPPED_CRITERIA),
)


def meets_criteria(answers: Mapping[str, bool]) -> bool:
    """Whether the answers meet the shipped target-group definition (all three, or the local safety problem)."""
    return SHIPPED.meets(answers)
