"""The enforcement steps of issue 12 in permanent residence version 3: carrying out an administrative enforcement
order and recovering its costs (Awb 5:24, 5:25, 4:87, 4:104), a request for enforcement (4:13) and a notice of
default with its penalty clock (4:17). Every date below is worked out by hand from the law."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regie.procedures.models import DeadlineStatus
from regie.procedures.services.addressees import procedure_addressee_add

from .conftest import NO_EXCEPTIONS, access, addressee_ids, report

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ORDER = {"sanction": "enforcement-order", "compliance_period": "P3M"}


def _refused(call, field: str) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    message = " ".join(caught.value.message_dict[field])
    return message


@pytest.fixture
def ordered(world, start, move, time_machine):
    """An administrative enforcement order, made known to the resident on 5 and the owner on 10 February 2026."""
    procedure = start(
        "handhaver", world.pr_case, "permanent-residence", "2026-01-05", data={"signal": "Buren"}
    ).procedure
    move(
        "handhaver",
        procedure,
        "inspection-report",
        "2026-01-12",
        {"findings": "Woont er permanent.", "entry": "niet-betreden"},
        upload=report(),
    )
    move("jurist", procedure, "exceptions-check", "2026-01-14", NO_EXCEPTIONS)
    move("jurist", procedure, "intended-decision", "2026-01-19", {**ORDER, "view_period": "P2W"})
    move("jurist", procedure, "decision", "2026-02-03", ORDER)
    ids = addressee_ids(procedure)
    move(
        "jurist",
        procedure,
        "notification",
        "2026-02-10",
        {
            "notifications": {ids["bewoner"]: "2026-02-05", ids["eigenaar"]: "2026-02-10"},
            "method": "aangetekend",
        },
    )
    time_machine.move_to("2026-09-01 10:00 +02:00", tick=False)
    return procedure


EXECUTED = {
    "actions": "Woning ontruimd en afgesloten.",
    "costs": "2400",
    "cost_items": "Slotenmaker, verhuizer.",
}


def test_the_order_is_carried_out_only_after_the_first_compliance_period_ends(ordered, move):
    # P3M from 5 February ends 5 May 2026 (not statutory: no Atw extension); on that day it still runs.
    message = _refused(
        lambda: move("handhaver", ordered, "enforcement-executed", "2026-05-05", EXECUTED), "date"
    )
    assert "Bestuursdwang kan pas worden toegepast na afloop van de begunstigingstermijn" in message
    assert "5 mei 2026" in message and "Awb 5:24" in message
    result = move("handhaver", ordered, "enforcement-executed", "2026-05-20", EXECUTED)
    due = ordered.deadlines.get(code="cost-recovery")
    assert due.due_date == date(2026, 8, 20) and not due.statutory and due.legal_basis == "Awb 5:25"
    assert result.transition.data["costs"] == "2400.00"


def test_carrying_out_needs_an_administrative_enforcement_order(pr_at, move, time_machine):
    procedure = pr_at("notification")  # a penalty order
    time_machine.move_to("2026-09-01 10:00 +02:00", tick=False)
    message = _refused(
        lambda: move("handhaver", procedure, "enforcement-executed", "2026-06-01", EXECUTED), "step"
    )
    assert message == (
        "Deze stap hoort bij een besluit met een last onder bestuursdwang; het besluit is een last onder dwangsom."
    )


def test_bad_execution_input_is_refused_per_field_in_dutch_with_nothing_written(ordered, move):
    before = ordered.transitions.count()
    with pytest.raises(ValidationError) as caught:
        move("handhaver", ordered, "enforcement-executed", "2026-05-20", {"actions": "", "costs": "veel"})
    errors = caught.value.message_dict
    assert set(errors) == {"actions", "costs", "cost_items"}
    assert errors["actions"] == ["Wat is uitgevoerd: vul dit in."]
    assert (
        ordered.transitions.count() == before and not ordered.deadlines.filter(code="cost-recovery").exists()
    )


def test_the_cost_recovery_decision_runs_its_terms_from_sending(ordered, move):
    move("handhaver", ordered, "enforcement-executed", "2026-05-20", EXECUTED)
    owner = addressee_ids(ordered)["eigenaar"]
    data = {
        "addressee": owner,
        "amount": "2400",
        "reasoning": "Kosten van ontruiming.",
        "sent_on": "2026-06-03",
    }
    message = _refused(
        lambda: move(
            "jurist", ordered, "cost-recovery-decision", "2026-06-01", {**data, "amount": "2400,01"}
        ),
        "amount",
    )
    assert "u kunt ten hoogste € 2.400,00 verhalen" in message
    assert "niet vóór de datum van de stap" in _refused(
        lambda: move(
            "jurist", ordered, "cost-recovery-decision", "2026-06-01", {**data, "sent_on": "2026-05-29"}
        ),
        "sent_on",
    )
    assert (
        _refused(
            lambda: move(
                "jurist", ordered, "cost-recovery-decision", "2026-06-01", {**data, "sent_on": "2026-09-02"}
            ),
            "sent_on",
        )
        == "De datum ligt in de toekomst."
    )
    move("jurist", ordered, "cost-recovery-decision", "2026-06-01", data)
    assert ordered.deadlines.get(code="cost-recovery").status == DeadlineStatus.MET
    payment = ordered.deadlines.get(code="cost-payment")
    # Sent Wednesday 3 June 2026: six weeks from the next day end Wednesday 15 July (Awb 4:87, 6:8).
    assert payment.event_date == date(2026, 6, 3) and payment.due_date == date(2026, 7, 15)
    assert payment.statutory and str(payment.addressee_id) == owner
    assert ordered.deadlines.get(code="cost-objection").due_date == date(2026, 7, 15)
    # Five years from the day after the payment term ended (Awb 4:104); a term in years is never Atw-extended.
    lapse = ordered.deadlines.get(code="cost-lapse")
    assert lapse.event_date == date(2026, 7, 15) and lapse.due_date == date(2031, 7, 15)
    # Nothing left to recover.
    assert "ten hoogste € 0,00" in _refused(
        lambda: move("jurist", ordered, "cost-recovery-decision", "2026-06-02", {**data, "amount": "1"}),
        "amount",
    )


def test_no_cost_recovery_without_recorded_costs(ordered, move):
    owner = addressee_ids(ordered)["eigenaar"]
    message = _refused(
        lambda: move(
            "jurist",
            ordered,
            "cost-recovery-decision",
            "2026-06-01",
            {"addressee": owner, "amount": "10", "reasoning": "x"},
        ),
        "step",
    )
    assert "Bestuursdwang uitgevoerd" in message or "geen kosten" in message


def _applicant(world, procedure):
    user = world.users["jurist"]
    return procedure_addressee_add(
        actor=user,
        access=access(user, procedure.case),
        procedure=procedure,
        role="melder",
        name="J. de Buurman",
        address_line="Parkweg 2",
        postal_line="1234 AB Dorp",
    )


def test_a_request_for_enforcement_is_decided_within_eight_weeks_and_open_to_objection(world, ordered, move):
    applicant = str(_applicant(world, ordered).pk)
    ordered.refresh_from_db()
    step_before = ordered.current_step
    move(
        "jurist",
        ordered,
        "enforcement-request",
        "2026-02-17",
        {"addressee": applicant, "request": "Handhaaf."},
    )
    ordered.refresh_from_db()
    assert ordered.current_step == step_before  # an action: the procedure stays where it is
    term = ordered.deadlines.get(code="request-decision")
    # Received Tuesday 17 February 2026: eight weeks end Tuesday 14 April (Awb 4:13 lid 2).
    assert term.due_date == date(2026, 4, 14) and term.statutory and term.legal_basis == "Awb 4:13"
    decision = {
        "addressee": applicant,
        "outcome": "toegewezen",
        "reasoning": "Zie het besluit.",
        "sent_on": "2026-04-13",
    }
    move("jurist", ordered, "enforcement-request-decision", "2026-04-10", decision)
    assert ordered.deadlines.get(code="request-decision").status == DeadlineStatus.MET
    objection = ordered.deadlines.get(code="objection", addressee_id=applicant)
    # Sent Monday 13 April: six weeks end Monday 25 May 2026, Whit Monday, so Tuesday 26 May (Atw art. 1, 3).
    assert objection.plain_due_date == date(2026, 5, 25) and objection.due_date == date(2026, 5, 26)


def test_a_decision_on_a_request_needs_a_request_of_that_applicant(world, ordered, move):
    applicant = str(_applicant(world, ordered).pk)
    message = _refused(
        lambda: move(
            "jurist",
            ordered,
            "enforcement-request-decision",
            "2026-02-20",
            {"addressee": applicant, "outcome": "afgewezen", "reasoning": "x"},
        ),
        "addressee",
    )
    assert message == "Er loopt geen beslistermijn verzoek om handhaving voor deze geadresseerde."


def test_a_notice_of_default_starts_the_penalty_clock_of_4_17(world, ordered, move):
    applicant = str(_applicant(world, ordered).pk)
    move(
        "jurist",
        ordered,
        "enforcement-request",
        "2026-02-16",
        {"addressee": applicant, "request": "Handhaaf."},
    )
    # Eight weeks from Monday 16 February end Monday 13 April 2026; a notice on that day is too early.
    notice = {"addressee": applicant, "term": "request-decision"}
    message = _refused(lambda: move("jurist", ordered, "default-notice", "2026-04-13", notice), "date")
    assert "pas na het verstrijken van de beslistermijn" in message
    result = move("jurist", ordered, "default-notice", "2026-04-21", notice)
    # Received Tuesday 21 April: the penalty runs from 5 May (two weeks later) for at most 42 days, to 15 June.
    assert result.transition.data["penalty_from"] == "2026-05-05"
    assert result.transition.data["penalty_until"] == "2026-06-15"
    assert any("€ 23 per dag" in note for note in result.notes)
    clock = ordered.deadlines.get(code="default-decision")
    assert clock.due_date == date(2026, 5, 4) and clock.legal_basis == "Awb 4:17"
    move(
        "jurist",
        ordered,
        "enforcement-request-decision",
        "2026-04-30",
        {"addressee": applicant, "outcome": "afgewezen", "reasoning": "Geen overtreding."},
    )
    assert ordered.deadlines.get(code="default-decision").status == DeadlineStatus.MET


def test_the_appeal_term_runs_from_the_day_the_decision_on_objection_was_sent(pr_at, move, time_machine):
    procedure = pr_at("notification")
    owner = addressee_ids(procedure)["eigenaar"]
    time_machine.move_to("2026-09-01 10:00 +02:00", tick=False)
    move(
        "jurist",
        procedure,
        "objection-received",
        "2026-02-20",
        {"addressee": owner},
        upload=report("Bezwaar", "brief"),
    )
    move(
        "jurist",
        procedure,
        "objection-decision",
        "2026-04-01",
        {"addressee": owner, "outcome": "ongegrond", "reasoning": "Zie advies.", "sent_on": "2026-04-08"},
    )
    appeal = procedure.deadlines.get(code="appeal")
    # Sent Wednesday 8 April 2026: six weeks end Wednesday 20 May (not counted from the decision of 1 April).
    assert appeal.event_date == date(2026, 4, 8) and appeal.due_date == date(2026, 5, 20)
