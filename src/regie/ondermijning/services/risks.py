"""The risk picture: a versioned weighting (a policy table) and the job that computes every location's score.

A score is the sum of its parts, each part a weight from the policy version in force times how often it applies
(a signal or finding counts at most MAX_COUNT times; an indicator once), capped at 100. Each score keeps its parts
so it explains itself. The job reads everything in a handful of grouped queries, so 50,000 locations take seconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import HttpRequest
from django.utils import timezone

from regie.access import ondermijning_access
from regie.accounts.models import User
from regie.cases.models import CaseStatus, CaseSubject
from regie.intake.models import SignalSubject
from regie.intake.models import Status as SignalStatus
from regie.ondermijning import catalogue
from regie.ondermijning.models import AreaLocation, Finding, LocationRisk, RiskPolicy, RiskWeight
from regie.processing_log.services import log_processing
from regie.subjects.models import Business

INDICATOR_YEARS = 2
BATCH = 5000


def risk_policy_ensure() -> RiskPolicy:
    """The policy in force; version 1 from the catalogue when the table is empty (a new or flushed database)."""
    policy = RiskPolicy.objects.filter(valid_from__lte=timezone.now()).order_by("-version").first()
    if policy is not None:
        return policy
    with transaction.atomic():
        policy, created = RiskPolicy.objects.get_or_create(
            version=1,
            defaults={
                "declared_total": catalogue.DEFAULT_TOTAL,
                "valid_from": timezone.now() - timedelta(days=1),
                "note": "Eerste versie (meegeleverd)",
            },
        )
        if created:
            RiskWeight.objects.bulk_create(
                [
                    RiskWeight(policy=policy, code=c, label=lbl, weight=w)
                    for c, lbl, w in catalogue.DEFAULT_WEIGHTS
                ]
            )
    return policy


def risk_policy_create(
    *,
    actor: User,
    weights: Sequence[tuple[str, int]],
    declared_total: int,
    note: str = "",
    request: HttpRequest | None = None,
) -> RiskPolicy:
    """A new version of the weights: every known code once, whole numbers 0-100, summing to the declared total."""
    if not ondermijning_access.may_manage(actor):
        raise PermissionDenied
    current = risk_policy_ensure()
    labels = dict(current.weights.values_list("code", "label"))
    errors: dict[str, str] = {}
    seen: dict[str, int] = {}
    for code, weight in weights:
        if code not in labels:
            errors["weights"] = f"Onbekende code {code!r} in de weging."
        elif code in seen:
            errors["weights"] = f"De code {code!r} staat twee keer in de weging."
        elif not isinstance(weight, int) or isinstance(weight, bool) or not 0 <= weight <= 100:
            errors["weights"] = f"Het gewicht van {labels[code].lower()} is een geheel getal van 0 tot 100."
        else:
            seen[code] = weight
    if not errors and set(seen) != set(labels):
        errors["weights"] = "Geef voor elk onderdeel van de score een gewicht."
    if not isinstance(declared_total, int) or declared_total < 1:
        errors["declared_total"] = "Geef de som van de gewichten op als geheel getal."
    elif not errors and sum(seen.values()) != declared_total:
        errors["declared_total"] = (
            f"De gewichten tellen op tot {sum(seen.values())}, niet tot de opgegeven {declared_total}."
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        policy = RiskPolicy.objects.create(
            version=current.version + 1,
            declared_total=declared_total,
            valid_from=timezone.now(),
            created_by=actor,
            note=note.strip()[:300],
        )
        RiskWeight.objects.bulk_create(
            [RiskWeight(policy=policy, code=c, label=labels[c], weight=w) for c, w in seen.items()]
        )
        log_processing(
            action="ondermijning_risk_policy.created",
            actor=actor,
            request=request,
            object_type="ondermijning_risk_policy",
            object_id=policy.pk,
            details={"version": policy.version},
        )
    return policy


def _counts(rows: Any, key: str) -> dict[Any, int]:
    return {row[key]: row["n"] for row in rows}


def score_parts(
    weights: dict[str, tuple[str, int]], counts: dict[str, int], indicators: set[str]
) -> tuple[int, list[dict[str, Any]]]:
    """The score and its explained parts for one location."""
    parts: list[dict[str, Any]] = []
    for code, count in counts.items():
        if count and code in weights:
            label, weight = weights[code]
            applied = min(count, catalogue.MAX_COUNT)
            parts.append({"code": code, "label": label, "count": count, "points": weight * applied})
    for code in sorted(indicators):
        if code in weights:
            label, weight = weights[code]
            parts.append({"code": code, "label": label, "count": 1, "points": weight})
    parts.sort(key=lambda p: -p["points"])
    return min(catalogue.MAX_SCORE, sum(p["points"] for p in parts)), parts


def location_risks_compute(*, actor: User | None = None, request: HttpRequest | None = None) -> int:
    """Recompute the risk of every location in every area (the job); returns how many scores were written."""
    policy = risk_policy_ensure()
    weights = {w.code: (w.label, w.weight) for w in policy.weights.all()}
    sites = list(AreaLocation.objects.values_list("pk", "location_id", "location__address_id"))
    in_areas = AreaLocation.objects.values("location_id")
    open_signals = _counts(
        SignalSubject.objects.filter(location_id__in=in_areas)
        .exclude(signal__status=SignalStatus.DONE)
        .values("location_id")
        .annotate(n=Count("signal_id", distinct=True)),
        "location_id",
    )
    case_links = CaseSubject.objects.exclude(case__status=CaseStatus.CLOSED)
    open_by_location = _counts(
        case_links.filter(location_id__in=in_areas)
        .values("location_id")
        .annotate(n=Count("case_id", distinct=True)),
        "location_id",
    )
    open_by_address = _counts(
        case_links.filter(address_id__in=AreaLocation.objects.values("location__address_id"))
        .values("address_id")
        .annotate(n=Count("case_id", distinct=True)),
        "address_id",
    )
    registrations = _counts(
        Business.objects.filter(address_id__in=AreaLocation.objects.values("location__address_id"))
        .values("address_id")
        .annotate(n=Count("pk")),
        "address_id",
    )
    since = timezone.localdate() - timedelta(days=365 * INDICATOR_YEARS)
    follow_ups: dict[Any, int] = defaultdict(int)
    indicators: dict[Any, set[str]] = defaultdict(set)
    for site_id, ticked, needed in Finding.objects.filter(
        inspection_site__inspection__planned_on__gte=since
    ).values_list("inspection_site__site_id", "indicators", "follow_up_needed"):
        indicators[site_id].update(ticked or [])
        follow_ups[site_id] += 1 if needed else 0
    now = timezone.now()
    rows: list[LocationRisk] = []
    for site_id, location_id, address_id in sites:
        counts = {
            catalogue.SIGNAL: open_signals.get(location_id, 0),
            catalogue.FINDING: follow_ups.get(site_id, 0),
            catalogue.CASE: open_by_location.get(location_id, 0)
            + (open_by_address.get(address_id, 0) if address_id else 0),
            catalogue.REGISTRATIONS: 1 if address_id and registrations.get(address_id, 0) >= 3 else 0,
        }
        score, parts = score_parts(weights, counts, indicators.get(site_id, set()))
        rows.append(LocationRisk(site_id=site_id, score=score, parts=parts, policy=policy, computed_at=now))
    with transaction.atomic():
        for start in range(0, len(rows), BATCH):
            LocationRisk.objects.bulk_create(
                rows[start : start + BATCH],
                update_conflicts=True,
                unique_fields=["site"],
                update_fields=["score", "parts", "policy", "computed_at", "updated_at"],
            )
        log_processing(
            action="ondermijning_location.risks_computed",
            actor=actor,
            request=request,
            object_type="ondermijning_location",
            details={"count": len(rows), "policy": policy.version},
        )
    return len(rows)
