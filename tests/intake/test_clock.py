"""The response clock: working days on the Atw calendar (Easter!), hours when urgent, reminders and escalation."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from regie.core.models import EquatedHoliday
from regie.intake.models import Signal
from regie.intake.services.claim import signal_claim
from regie.intake.services.clock import signal_clock_sweep
from regie.intake.services.receive import signal_create_from_inspection

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]
AMS = ZoneInfo("Europe/Amsterdam")
MAUNDY_THURSDAY = datetime(2026, 4, 2, 14, 0, tzinfo=AMS)  # Easter Sunday is 5 April 2026


def _drugs_signal(users, urgency: str = "normaal") -> Signal:
    return signal_create_from_inspection(
        actor=users["handhaver"],
        description="Bij de controle rook het in de loods sterk naar hennep.",
        category_code="drugs",  # 2 working days to triage, 5 to first action, 4 hours when urgent
        urgency=urgency,
    )


def test_it_skips_good_friday_the_easter_weekend_and_easter_monday(users, policy):
    with time_machine.travel(MAUNDY_THURSDAY, tick=False):
        signal = _drugs_signal(users)
    assert signal.triage_due_at == datetime(2026, 4, 8, 23, 59, 59, 999999, tzinfo=AMS)  # Tue 7 + Wed 8
    assert signal.first_action_due_at == datetime(2026, 4, 13, 23, 59, 59, 999999, tzinfo=AMS)


def test_a_day_equated_by_royal_decree_also_does_not_count(users, policy):
    EquatedHoliday.objects.create(day=datetime(2026, 4, 7).date(), name="Gelijkgestelde dag (test)")
    with time_machine.travel(MAUNDY_THURSDAY, tick=False):
        signal = _drugs_signal(users)
    assert signal.triage_due_at.astimezone(AMS).date() == datetime(2026, 4, 9).date()


def test_urgent_signals_are_promised_in_hours_even_over_easter(users, policy):
    with time_machine.travel(MAUNDY_THURSDAY, tick=False):
        signal = _drugs_signal(users, urgency="urgent")
    assert signal.triage_due_at == MAUNDY_THURSDAY + timedelta(hours=4)


def test_a_signal_received_on_easter_sunday_counts_from_the_next_working_day(users, policy):
    with time_machine.travel(datetime(2026, 4, 5, 11, 0, tzinfo=AMS), tick=False):
        signal = _drugs_signal(users)
    assert signal.triage_due_at.astimezone(AMS).date() == datetime(2026, 4, 8).date()


def test_it_is_not_overdue_until_the_end_of_the_last_working_day(users, policy, sign_in, processed):
    with time_machine.travel(MAUNDY_THURSDAY, tick=False):
        signal = processed(_drugs_signal(users))
    with time_machine.travel(datetime(2026, 4, 8, 23, 0, tzinfo=AMS), tick=False):
        assert signal_clock_sweep().reminded == 0
    with time_machine.travel(datetime(2026, 4, 9, 0, 5, tzinfo=AMS), tick=False):
        html = sign_in(users["handhaver"]).get("/signalen?te_laat=on").content.decode()
    assert signal.reference in html and "Te laat" in html


def test_it_reminds_the_owner_and_escalates_to_the_team_lead_once(users, policy, jobs, processed):
    with time_machine.travel(MAUNDY_THURSDAY, tick=False):
        signal = processed(_drugs_signal(users))
    assert signal.queue.name == "Toezicht en Handhaving"  # lead: the inspector (demo queue lead)
    mail.outbox.clear()
    with time_machine.travel(datetime(2026, 4, 9, 9, 0, tzinfo=AMS), tick=False):
        report = signal_clock_sweep()
        again = signal_clock_sweep()
    assert (report.reminded, report.escalated) == (1, 1)
    assert (again.reminded, again.escalated) == (0, 0)
    jobs("intake.send_signal_mail")
    jobs("integrations.send_mail")  # the outbox sends it
    subjects = {m.subject.split(":")[0]: m for m in mail.outbox}
    assert subjects["Herinnering"].to == ["handhaving@lingewaard.example"]  # unclaimed: the team mailbox
    assert subjects["Escalatie"].to == [users["handhaver"].email]
    assert (
        signal.reference in subjects["Escalatie"].body
        and "Niemand heeft dit signaal opgepakt" in subjects["Escalatie"].body
    )
    kinds = list(signal.events.values_list("kind", flat=True))
    assert "clock.reminded" in kinds and "clock.escalated" in kinds


def test_the_reminder_goes_to_whoever_claimed_it(users, policy, jobs, processed):
    with time_machine.travel(MAUNDY_THURSDAY, tick=False):
        signal = processed(_drugs_signal(users))
        signal_claim(actor=users["procesregisseur"], signal=signal)
    mail.outbox.clear()
    with time_machine.travel(datetime(2026, 4, 9, 9, 0, tzinfo=AMS), tick=False):
        signal_clock_sweep()
    jobs("intake.send_signal_mail")
    jobs("integrations.send_mail")  # the outbox sends it
    reminder = next(m for m in mail.outbox if m.subject.startswith("Herinnering"))
    assert reminder.to == [users["procesregisseur"].email]


def test_the_clock_job_runs_every_five_minutes():
    from procrastinate.contrib.django import app

    periodic = {t.periodic_id: t for t in app.periodic_registry.periodic_tasks.values()}
    assert periodic["intake-response-clock"].cron == "*/5 * * * *"
