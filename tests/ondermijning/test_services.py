"""The rules of the services: the weighting sums as declared, scores explain themselves, the choice of locations
is recorded, KVO-B certificates run three years, nothing half-written on refusal."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from regie.ondermijning import catalogue
from regie.ondermijning.models import IntegralInspection, LocationRisk, RiskPolicy
from regie.ondermijning.services.inspections import integral_inspection_plan
from regie.ondermijning.services.kvo import certificate_expiry, kvo_reminders, kvo_start, kvo_step_record
from regie.ondermijning.services.risks import location_risks_compute, risk_policy_create, risk_policy_ensure
from tests.worlds.ondermijning import OndermijningWorld

pytestmark = pytest.mark.django_db


def _weights(policy: RiskPolicy, **changes: int) -> list[tuple[str, int]]:
    return [(w.code, changes.get(w.code.replace("-", "_"), w.weight)) for w in policy.weights.all()]


def test_a_weighting_that_does_not_sum_as_declared_is_refused(world: OndermijningWorld) -> None:
    leader = world.users["projectleider"]
    policy = risk_policy_ensure()
    with pytest.raises(ValidationError) as refused:
        risk_policy_create(actor=leader, weights=_weights(policy), declared_total=policy.declared_total + 1)
    assert "tellen op tot" in str(refused.value)
    with pytest.raises(ValidationError):
        risk_policy_create(actor=leader, weights=[("onbekend", 5)], declared_total=5)
    with pytest.raises(PermissionDenied):
        risk_policy_create(
            actor=world.users["handhaver"], weights=_weights(policy), declared_total=policy.declared_total
        )
    assert RiskPolicy.objects.count() == 1


def test_a_new_weighting_changes_the_scores_after_the_job(world: OndermijningWorld) -> None:
    leader = world.users["projectleider"]
    policy = risk_policy_ensure()
    weights = _weights(policy, vervolg_bevinding=30)
    new = risk_policy_create(actor=leader, weights=weights, declared_total=sum(w for _, w in weights))
    assert new.version == 2
    before = LocationRisk.objects.get(site=world.sites["A"]).score
    location_risks_compute()
    after = LocationRisk.objects.get(site=world.sites["A"])
    assert after.policy == new and after.score == before + 15
    assert after.score == sum(p["points"] for p in after.parts)


def test_scores_are_capped_and_each_part_explained(world: OndermijningWorld) -> None:
    risk = LocationRisk.objects.get(site=world.sites["A"])
    labels = {p["code"]: p for p in risk.parts}
    assert labels["open-casus"]["count"] == 1 and labels["ramen-afgeplakt"]["points"] == 4
    assert risk.score <= catalogue.MAX_SCORE
    assert LocationRisk.objects.get(site=world.sites["1"]).score == 0


def test_the_choice_of_locations_is_recorded_and_explained(world: OndermijningWorld) -> None:
    inspection = integral_inspection_plan(
        actor=world.users["handhaver"],
        area=world.estate,
        planned_on=timezone.localdate(),
        partners=[world.police],
        size=2,
        random_share=50,
        rng=random.Random(3),
    )
    reasons = sorted(inspection.sites.values_list("reason", flat=True))
    assert (
        len(reasons) == 2 and reasons[1] == "willekeurig getrokken" and reasons[0].startswith("risicoscore")
    )
    assert "1 locatie(s) op risicoscore" in inspection.explanation and "50%" in inspection.explanation


def test_an_inspection_refuses_a_department_as_partner(world: OndermijningWorld) -> None:
    department = world.users["handhaver"].organisation
    assert department is not None
    count = IntegralInspection.objects.count()
    with pytest.raises(ValidationError):
        integral_inspection_plan(
            actor=world.users["handhaver"],
            area=world.rural,
            planned_on=date(2026, 1, 5),
            partners=[department],
            size=1,
            random_share=0,
        )
    assert IntegralInspection.objects.count() == count


def test_certificate_runs_three_years_and_reminds(world: OndermijningWorld) -> None:
    assert certificate_expiry(date(2024, 2, 29)) == date(2027, 2, 28)
    leader = world.users["projectleider"]
    trajectory = kvo_start(actor=leader, area=world.estate, started_on=date(2024, 1, 10))
    today = timezone.localdate()
    kvo_step_record(
        actor=leader, trajectory=trajectory, step="schouw-donker", done_on=today - timedelta(days=300)
    )
    assert any("in het donker" in r for r in kvo_reminders(trajectory, today=today))
    with pytest.raises(ValidationError):
        kvo_step_record(actor=leader, trajectory=trajectory, step="schouw-donker", done_on=today)
    with pytest.raises(ValidationError):
        kvo_start(actor=leader, area=world.rural, started_on=date(2024, 1, 10))  # not an estate
