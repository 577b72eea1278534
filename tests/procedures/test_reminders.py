"""The daily job reminds owners before a deadline and when it has passed; running it twice sends nothing new."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from regie.cases.models import Task, TimelineEvent
from regie.procedures.models import DeadlineStatus
from regie.procedures.services.reminders import deadlines_remind
from regie.procedures.tasks import remind_deadlines
from tests.intake.conftest import run_jobs

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _run(today: date, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = deadlines_remind(today=today)
    run_jobs("integrations.send_mail")  # the outbox sends what the reminders put in it
    return report


def test_it_reminds_the_owner_five_working_days_before(pr_at, django_capture_on_commit_callbacks):
    procedure = pr_at("notification")
    # the resident's objection term ends Thursday 19 March; five working days before is Thursday 12 March
    assert _run(date(2026, 3, 11), django_capture_on_commit_callbacks).before == 0
    report = _run(date(2026, 3, 12), django_capture_on_commit_callbacks)
    assert report.before == 1
    assert mail.outbox[-1].to == ["jurist@lingewaard.example"]
    assert mail.outbox[-1].subject == "Termijn nadert: Bezwaartermijn"
    assert "donderdag 19 maart 2026" in mail.outbox[-1].body and "Jansen" not in mail.outbox[-1].body
    assert procedure.deadlines.get(code="objection", addressee__role="bewoner").reminded_before_on == date(
        2026, 3, 12
    )
    assert _run(date(2026, 3, 12), django_capture_on_commit_callbacks).before == 0  # not twice


def test_it_expires_a_passed_objection_term_and_tells_the_owner(pr_at, django_capture_on_commit_callbacks):
    procedure = pr_at("notification")
    report = _run(date(2026, 3, 20), django_capture_on_commit_callbacks)
    term = procedure.deadlines.get(code="objection", addressee__role="bewoner")
    assert report.expired == 1 and term.status == DeadlineStatus.EXPIRED
    assert Task.objects.get(pk=term.task_id).done_at is not None
    assert any(m.subject == "Termijn verstreken: Bezwaartermijn" for m in mail.outbox)
    procedure.refresh_from_db()
    assert procedure.next_deadline_on == date(2026, 3, 24)  # now the owner's term is the next one


def test_it_flags_an_overdue_action_once(pr_at, django_capture_on_commit_callbacks):
    procedure = pr_at("signal")  # "Controle uitvoeren" is due 2 February
    report = _run(date(2026, 2, 3), django_capture_on_commit_callbacks)
    assert report.overdue == 1
    deadline = procedure.deadlines.get(code="inspection")
    assert deadline.status == DeadlineStatus.OPEN and deadline.reminded_after_on == date(2026, 2, 3)
    assert mail.outbox[-1].to == ["handhaver@lingewaard.example"]
    assert TimelineEvent.objects.filter(
        kind="procedure.reminder", summary__contains="nog niet afgehandeld"
    ).exists()
    assert _run(date(2026, 2, 4), django_capture_on_commit_callbacks).overdue == 0


def test_the_collection_lapse_is_announced_well_before_the_year_runs_out(
    pr_at, move, time_machine, django_capture_on_commit_callbacks
):
    from .conftest import report as document

    procedure = pr_at("notification")
    time_machine.move_to("2026-06-30 10:00 +02:00", tick=False)
    move(
        "handhaver",
        procedure,
        "reinspection",
        "2026-05-26",
        {"violation": "voortduring", "findings": "x"},
        upload=document(),
    )
    move("handhaver", procedure, "forfeiture", "2026-06-01", {"amount": "1000", "period_label": "week 1-2"})
    lapse = procedure.deadlines.get(code="collection-lapse")
    assert lapse.due_date == date(2027, 6, 1) and lapse.remind_working_days == 60
    assert _run(date(2027, 3, 1), django_capture_on_commit_callbacks).before == 1  # warned three months ahead
    assert any(m.subject == "Termijn nadert: Verjaring invordering" for m in mail.outbox)


def test_the_periodic_job_calls_the_service(pr_at, time_machine, django_capture_on_commit_callbacks):
    pr_at("signal")
    time_machine.move_to("2026-02-03 06:00 +01:00", tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        remind_deadlines(timestamp=0)
    run_jobs("integrations.send_mail")
    assert any(m.subject.startswith("Termijn overschreden") for m in mail.outbox)
