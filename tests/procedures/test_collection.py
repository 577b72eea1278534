"""Paying and collecting a forfeited penalty (issue 12): the payment term runs from forfeiture (Awb 5:33), the
collection decision interrupts the lapse (5:37a), and a reminder (4:112) comes before a dwangbevel (4:114)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regie.procedures.models import DeadlineStatus

from .conftest import report

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def forfeited(pr_at, move, time_machine):
    procedure = pr_at("notification")
    time_machine.move_to("2026-09-01 10:00 +02:00", tick=False)
    move(
        "handhaver",
        procedure,
        "reinspection",
        "2026-05-26",
        {"violation": "voortduring", "findings": "Nog bewoond."},
        upload=report(),
    )
    move("handhaver", procedure, "forfeiture", "2026-06-01", {"amount": "1000", "period_label": "week 1-2"})
    return procedure


def _refused(call, text: str) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    message = " ".join(caught.value.message_dict["date"])
    assert text in message, message
    return message


def test_the_payment_term_runs_six_weeks_from_forfeiture_not_from_the_collection_decision(forfeited, move):
    payment = forfeited.deadlines.get(code="payment")
    assert payment.event_date == date(2026, 6, 1) and payment.due_date == date(2026, 7, 13)
    assert payment.legal_basis == "Awb 5:33" and payment.statutory
    assert payment.explanation.startswith("Betalingstermijn verbeurde dwangsom (Awb 5:33).")

    move("jurist", forfeited, "collection-decision", "2026-06-15", {"amount": "1000"})
    assert forfeited.deadlines.filter(code="payment").count() == 1  # the decision creates no payment duty
    assert forfeited.deadlines.get(code="collection-lapse").status == DeadlineStatus.MET
    renewed = forfeited.deadlines.get(code="collection-lapse-interrupted")
    assert renewed.due_date == date(2027, 6, 15)  # a year, never extended by the Atw (art. 4)
    assert "Atw art. 4" in renewed.explanation


def test_a_reminder_waits_for_default_and_a_dwangbevel_for_the_reminders_two_weeks(forfeited, move):
    move("jurist", forfeited, "collection-decision", "2026-06-15", {"amount": "1000"})
    _refused(
        lambda: move("jurist", forfeited, "reminder", "2026-07-13", {"amount": "1000"}),
        "Aanmanen kan pas vanaf dinsdag 14 juli 2026",
    )
    move("jurist", forfeited, "reminder", "2026-07-14", {"amount": "1000"})
    reminder = forfeited.deadlines.get(code="reminder-payment")
    assert reminder.due_date == date(2026, 7, 28) and reminder.legal_basis == "Awb 4:112"

    _refused(
        lambda: move("jurist", forfeited, "writ", "2026-07-28", {"amount": "1000", "writ_costs": "45"}),
        "die termijn eindigt op dinsdag 28 juli 2026",
    )
    move("jurist", forfeited, "writ", "2026-07-29", {"amount": "1000", "writ_costs": "45"})
    assert forfeited.deadlines.get(code="collection-lapse-interrupted").status == DeadlineStatus.MET


def test_a_reminder_needs_a_collection_decision_first(forfeited, move):
    with pytest.raises(ValidationError) as caught:
        move("jurist", forfeited, "reminder", "2026-08-01", {"amount": "1000"})
    assert "Invorderingsbesluit" in " ".join(caught.value.message_dict["step"])


def test_the_lapse_runs_on_while_an_objection_against_the_penalty_order_is_pending(
    pr_at, move, time_machine, django_capture_on_commit_callbacks
):
    from django.core import mail

    from regie.procedures.services.reminders import deadlines_remind
    from tests.intake.conftest import run_jobs

    from .conftest import addressee_ids

    forfeited = pr_at("notification")
    time_machine.move_to("2026-09-01 10:00 +02:00", tick=False)
    owner = addressee_ids(forfeited)["eigenaar"]
    move(
        "jurist",
        forfeited,
        "objection-received",
        "2026-02-20",
        {"addressee": owner},
        upload=report("Bezwaar", "brief"),
    )
    move(
        "handhaver",
        forfeited,
        "reinspection",
        "2026-05-26",
        {"violation": "voortduring", "findings": "Nog bewoond."},
        upload=report(),
    )
    move("handhaver", forfeited, "forfeiture", "2026-06-01", {"amount": "1000", "period_label": "week 1-2"})
    lapse = forfeited.deadlines.get(code="collection-lapse")
    assert lapse.due_date == date(2027, 6, 1)

    def run(day: date):
        with django_capture_on_commit_callbacks(execute=True):
            report = deadlines_remind(today=day)
        run_jobs("integrations.send_mail")  # the outbox sends what the reminders put in it
        return report

    # On 1 June 2027 the objection against the penalty order is still undecided: Awb 5:35 lid 2.
    assert run(date(2027, 6, 2)).expired == 0
    lapse.refresh_from_db()
    assert lapse.status == DeadlineStatus.OPEN and "Verlengd (Awb 5:35 lid 2)" in lapse.explanation
    assert any(m.subject == "Termijn verlengd: Verjaring invordering" for m in mail.outbox)
    sent = len(mail.outbox)
    run(date(2027, 6, 3))
    assert len(mail.outbox) == sent  # said once, not every day

    # Decided on 10 June 2027; the appeal term then still stands open, so the lapse still runs on ...
    time_machine.move_to("2027-06-10 10:00 +02:00", tick=False)
    move(
        "jurist",
        forfeited,
        "objection-decision",
        "2027-06-10",
        {"addressee": owner, "outcome": "ongegrond", "reasoning": "Geen nieuwe feiten."},
    )
    appeal = forfeited.deadlines.get(code="appeal")
    assert run(date(2027, 6, 20)).expired == 0
    # ... until the decision is irrevocable: the appeal term ran out unused.
    run(appeal.due_date + (date(2027, 1, 2) - date(2027, 1, 1)))
    lapse.refresh_from_db()
    assert lapse.status == DeadlineStatus.EXPIRED
