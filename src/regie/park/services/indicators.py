"""The indicators of main residence as a versioned policy table: the functional administrator sets a new version.

A version is never changed: every change (a reworded label, a new indicator, another order, switching one off)
is a new version, in force from the moment it is set. A code is never removed or reused, since inspections keep
the codes they recorded; an indicator no longer in use is switched off. Inspections keep the version they were
recorded under, so their labels read as they did then (park.indicator_selectors.indicator_labels).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import User
from regie.core.errors import ConflictError
from regie.park.indicator_selectors import indicator_policy_in_force, latest_indicators, shipped_indicators
from regie.park.models import IndicatorPolicy, ResidenceIndicator
from regie.processing_log.services import log_processing

CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_CODE = 40
MAX_LABEL = 160
MAX_NOTE = 300
MAX_ORDER = 9999
STALE = (
    "Iemand anders heeft intussen een nieuwe versie van de indicatoren vastgesteld. Uw wijzigingen zijn niet "
    "opgeslagen; laad de pagina opnieuw en voer ze nogmaals in."
)


@dataclass(frozen=True)
class IndicatorInput:
    """One indicator as the administrator sets it in the new version."""

    code: str
    label: str
    order: int
    active: bool = True


def indicator_policy_ensure() -> IndicatorPolicy:
    """The stored version in force; when none is stored (an emptied database), version 1 as shipped is stored
    first — the same rows migration park 0005 writes, so it is not a change of policy and is not logged."""
    policy = indicator_policy_in_force()
    if policy is not None:
        return policy
    try:
        with transaction.atomic():
            policy = IndicatorPolicy.objects.create(
                version=1, valid_from=timezone.now(), note="De indicatoren zoals Regie ze levert."
            )
            for row in shipped_indicators():
                row.policy = policy
                row.save()
    except IntegrityError:  # stored meanwhile by a concurrent request
        pass
    found = indicator_policy_in_force()
    assert found is not None
    return found


def _problems(indicators: Sequence[IndicatorInput], current: dict[str, ResidenceIndicator]) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for item in indicators:
        code, label = item.code.strip(), item.label.strip()
        name = f"‘{label or code}’"
        if not CODE.match(code) or len(code) > MAX_CODE:
            problems.append(
                f"Indicator {name}: een code bestaat uit kleine letters, cijfers en streepjes "
                f"(hoogstens {MAX_CODE} tekens)."
            )
        elif code in seen:
            problems.append(f"De code ‘{code}’ komt twee keer voor; een code hoort bij één indicator.")
        seen.add(code)
        if not label:
            problems.append(f"Indicator ‘{code}’: vul de omschrijving in.")
        elif len(label) > MAX_LABEL:
            problems.append(f"Indicator {name}: een omschrijving heeft hoogstens {MAX_LABEL} tekens.")
        if not 0 <= item.order <= MAX_ORDER:
            problems.append(
                f"Indicator {name}: de volgorde is een geheel getal van 0 tot en met {MAX_ORDER}."
            )
    for code, row in current.items():
        if code not in seen:
            problems.append(
                f"De indicator ‘{row.label}’ kan niet worden verwijderd: inspecties noemen hem. "
                "Zet hem op niet actief."
            )
    if indicators and not any(item.active for item in indicators):
        problems.append("Laat ten minste één indicator actief: anders kan een inspecteur niets aanvinken.")
    if not indicators:
        problems.append("Geef ten minste één indicator.")
    return problems


def _unchanged(indicators: Sequence[IndicatorInput], current: dict[str, ResidenceIndicator]) -> bool:
    proposed = {(i.code.strip(), i.label.strip(), i.order, i.active) for i in indicators}
    return proposed == {(r.code, r.label, r.order, r.active) for r in current.values()}


def residence_indicators_set(
    *,
    actor: User,
    indicators: Sequence[IndicatorInput],
    based_on: int | None,
    note: str = "",
    request: HttpRequest | None = None,
) -> IndicatorPolicy:
    """Set a new version of the indicators (the whole list); refused whole, with Dutch messages, on bad input.

    `based_on` is the version the administrator saw: when someone set a newer one meanwhile, nothing is saved.
    """
    in_force, rows = latest_indicators()
    current = {row.code: row for row in rows}
    errors: dict[str, list[str]] = {}
    problems = _problems(indicators, current)
    if problems:
        errors["indicators"] = problems
    elif _unchanged(indicators, current):
        errors["indicators"] = ["Er is niets gewijzigd; er is geen nieuwe versie gemaakt."]
    if len(note.strip()) > MAX_NOTE:
        errors["note"] = [f"Gebruik hoogstens {MAX_NOTE} tekens."]
    if errors:
        raise ValidationError(errors)
    if based_on is not None and based_on != in_force:
        raise ConflictError(STALE)
    version = in_force + 1
    try:
        with transaction.atomic():
            indicator_policy_ensure()  # version 1 stored first when the table was empty
            # The unique version number orders two administrators saving at once: the second one conflicts.
            policy = IndicatorPolicy.objects.create(
                version=version, valid_from=timezone.now(), created_by=actor, note=note.strip()
            )
            ResidenceIndicator.objects.bulk_create(
                ResidenceIndicator(
                    policy=policy, code=i.code.strip(), label=i.label.strip(), order=i.order, active=i.active
                )
                for i in indicators
            )
            log_processing(
                action="park_indicator_policy.created",
                actor=actor,
                request=request,
                object_type="park_indicator_policy",
                object_id=policy.pk,
                details={"version": version, **_changes(indicators, current)},
            )
    except IntegrityError as exc:
        raise ConflictError(STALE) from exc
    return policy


def _changes(
    indicators: Sequence[IndicatorInput], current: dict[str, ResidenceIndicator]
) -> dict[str, list[str]]:
    """What the new version changes, by code (for the log entry)."""
    changes: dict[str, list[str]] = {
        "added": [],
        "relabelled": [],
        "reordered": [],
        "switchedOff": [],
        "switchedOn": [],
    }
    for item in indicators:
        code, old = item.code.strip(), current.get(item.code.strip())
        if old is None:
            changes["added"].append(code)
            continue
        if old.label != item.label.strip():
            changes["relabelled"].append(code)
        if old.order != item.order:
            changes["reordered"].append(code)
        if old.active and not item.active:
            changes["switchedOff"].append(code)
        if item.active and not old.active:
            changes["switchedOn"].append(code)
    return {k: v for k, v in changes.items() if v}
