"""Art. 13b Opiumwet version 2 (issue 12): the penalty-order path the Damocles matrix can prescribe, early lifting
of a closure and the recovery of its costs (Awb 5:25). Dates worked out by hand from the law."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regie.procedures.models import DeadlineStatus
from regie.procedures.services.damocles import RuleInput, damocles_policy_create

from .conftest import demo_matrix, report

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

SOFT = [{"substance": "hennep", "amount": "800"}]
PENALTY = {"amount": "1000", "unit": "week", "maximum": "20000", "compliance_period": "P2W"}


def _refused(call, field: str) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return " ".join(caught.value.message_dict[field])


@pytest.fixture
def penalty_matrix(world):
    """The matrix with a penalty order for a first soft-drugs offence in premises (lokaal × softdrugs)."""
    rules = [
        RuleInput("lokaal", "soft", 1, 1, "last-onder-dwangsom", "")
        if (r.premises_type, r.drug_type, r.offence_from) == ("lokaal", "soft", 1)
        else r
        for r in demo_matrix()
    ]
    return damocles_policy_create(
        actor=world.users["beheerder"], valid_from=date(2024, 1, 1), recidive_period="P5Y", rules=rules
    )


def _report(**data):
    return {
        "search_date": "2026-01-06",
        "premises_type": "lokaal",
        "substances": SOFT,
        "findings": "Hennep in de winkel.",
        **data,
    }


@pytest.fixture
def assessed(world, penalty_matrix, start, move, time_machine):
    procedure = start(
        "jurist", world.o13b_case, "opiumwet-13b", "2026-01-08", data=_report(), upload=report()
    ).procedure
    result = move("jurist", procedure, "assessment", "2026-01-12", {"sanction": "last-onder-dwangsom"})
    assert result.transition.data["damocles"]["sanction"] == "last-onder-dwangsom"
    time_machine.move_to("2026-09-01 10:00 +02:00", tick=False)
    return procedure


def test_the_penalty_order_path_runs_to_forfeiture_and_its_payment_term(assessed, move):
    procedure = assessed
    move("jurist", procedure, "penalty-intended", "2026-01-13", {**PENALTY, "view_period": "P2W"})
    view = procedure.deadlines.get(code="view")
    assert view.due_date == date(2026, 1, 27)
    # No penalty order while the view term runs (Awb 4:8).
    assert _refused(
        lambda: move("jurist", procedure, "penalty-order", "2026-01-20", {**PENALTY, "reasons": "Handel."}),
        "step",
    )
    move("jurist", procedure, "penalty-order", "2026-01-28", {**PENALTY, "reasons": "Handel in softdrugs."})
    occupant = str(procedure.addressees.get().pk)
    move(
        "jurist",
        procedure,
        "penalty-notification",
        "2026-01-30",
        {"notifications": {occupant: "2026-01-30"}, "method": "aangetekend"},
    )
    # The compliance period of two weeks from Friday 30 January ends Friday 13 February (in the order: no Atw).
    assert procedure.deadlines.get(code="compliance").due_date == date(2026, 2, 13)
    assert procedure.deadlines.get(code="objection").due_date == date(2026, 3, 13)
    assert "na afloop van de begunstigingstermijn" in _refused(
        lambda: move(
            "jurist", procedure, "forfeiture", "2026-02-13", {"amount": "1000", "period_label": "week 1"}
        ),
        "date",
    )
    move(
        "handhaver",
        procedure,
        "reinspection",
        "2026-02-16",
        {"violation": "voortduring", "findings": "Nog steeds verkoop."},
        upload=report(),
    )
    move("jurist", procedure, "forfeiture", "2026-02-16", {"amount": "1000", "period_label": "week 1"})
    # Forfeited Monday 16 February: payable within six weeks, by Monday 30 March (Awb 5:33).
    assert procedure.deadlines.get(code="payment").due_date == date(2026, 3, 30)
    assert procedure.deadlines.get(code="collection-lapse").due_date == date(2027, 2, 16)
    move(
        "jurist", procedure, "collection-decision", "2026-04-01", {"amount": "1000", "sent_on": "2026-04-02"}
    )
    # The objection term against the collection decision runs from its sending: 2 April + 6 weeks = 14 May 2026,
    # Ascension Day, so Friday 15 May (Atw art. 1, 3).
    objection = procedure.deadlines.get(code="collection-objection")
    assert objection.plain_due_date == date(2026, 5, 14) and objection.due_date == date(2026, 5, 15)


def test_a_penalty_above_its_maximum_is_refused(assessed, move):
    message = _refused(
        lambda: move(
            "jurist",
            assessed,
            "penalty-order",
            "2026-01-13",
            {**PENALTY, "amount": "25000", "reasons": "x", "urgent_reason": "Spoed."},
        ),
        "amount",
    )
    assert "hoger dan het maximum" in message
    assert not assessed.transitions.filter(to_step="penalty-order").exists()


def test_a_penalty_order_does_not_fit_an_assessment_that_chose_closure(world, matrix, start, move):
    procedure = start(
        "jurist",
        world.o13b_case,
        "opiumwet-13b",
        "2026-01-08",
        data=_report(substances=[{"substance": "cocaine", "amount": "12"}]),
        upload=report(),
    ).procedure
    move("jurist", procedure, "assessment", "2026-01-12", {"sanction": "sluiting"})
    message = _refused(
        lambda: move(
            "jurist", procedure, "penalty-intended", "2026-01-13", {**PENALTY, "view_period": "P2W"}
        ),
        "step",
    )
    assert "past niet bij de gekozen maatregel ('sluiting')" in message


@pytest.fixture
def closed(world, matrix, start, move, time_machine):
    procedure = start(
        "jurist",
        world.o13b_case,
        "opiumwet-13b",
        "2026-01-08",
        data=_report(premises_type="woning", substances=[{"substance": "cocaine", "amount": "12"}]),
        upload=report(),
    ).procedure
    move("jurist", procedure, "assessment", "2026-01-12", {"sanction": "sluiting"})
    move(
        "jurist",
        procedure,
        "closure-order",
        "2026-01-13",
        {"closure_period": "P3M", "compliance_period": "P1W", "reasons": "x", "urgent_reason": "Gevaar."},
    )
    resident = str(procedure.addressees.get().pk)
    move(
        "jurist",
        procedure,
        "notification",
        "2026-01-14",
        {"notifications": {resident: "2026-01-14"}, "method": "politie"},
    )
    move(
        "handhaver",
        procedure,
        "closure",
        "2026-01-22",
        {"sealed": True, "notice_posted": True, "costs": "850"},
        upload=report("PV", "verslag"),
    )
    time_machine.move_to("2026-09-01 10:00 +02:00", tick=False)
    return procedure


def test_a_closure_can_be_lifted_early_but_not_after_its_planned_end(closed, move):
    reopening = closed.deadlines.get(code="reopening")
    assert reopening.due_date == date(2026, 4, 22)  # 22 January + 3 months
    lifted = {"ground": "uitspraak", "reasons": "Voorlopige voorziening toegewezen."}
    message = _refused(lambda: move("jurist", closed, "closure-lifted", "2026-04-22", lifted), "date")
    assert "eindigt volgens het besluit op woensdag 22 april 2026" in message
    move("jurist", closed, "closure-lifted", "2026-03-10", lifted)
    assert closed.deadlines.get(code="reopening").status == DeadlineStatus.MET
    assert "Er loopt geen sluiting" in _refused(
        lambda: move("jurist", closed, "closure-lifted", "2026-03-11", lifted), "step"
    )


def test_the_costs_of_a_closure_are_recovered_by_decision(closed, move):
    resident = str(closed.addressees.get().pk)
    data = {"addressee": resident, "amount": "850", "reasoning": "Verzegeling en slotenmaker."}
    assert "ten hoogste € 850,00" in _refused(
        lambda: move("jurist", closed, "cost-recovery-decision", "2026-02-02", {**data, "amount": "900"}),
        "amount",
    )
    move("jurist", closed, "cost-recovery-decision", "2026-02-02", data)
    # Not sent separately: the terms run from the step date, Monday 2 February; six weeks end Monday 16 March.
    assert closed.deadlines.get(code="cost-payment").due_date == date(2026, 3, 16)
