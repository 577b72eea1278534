"""The response clock: when a signal must be triaged and first acted on, and the overdue sweep.

Working-day promises come from `core.terms.add_working_days` on the municipality's Atw calendar (Saturdays,
Sundays, Atw holidays and equated days are skipped) and end at the end of that day in Europe/Amsterdam. Urgent
signals are promised in hours, which is clock time, not a legal term.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from regie.core.calendar import atw_calendar
from regie.core.terms import AtwCalendar, add_working_days
from regie.intake.models import Signal, SignalCategory, Status, Urgency
from regie.intake.services.history import enqueue, record
from regie.processing_log.services import log_processing

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FALLBACK_CODE = "overig"


@dataclass(frozen=True)
class Promise:
    triage_days: int
    first_action_days: int
    urgent_hours: int


# Only when no category (not even `overig`) is configured yet: a signal must still get a clock.
UNCONFIGURED = Promise(triage_days=3, first_action_days=10, urgent_hours=8)


def promise_for(category: SignalCategory | None) -> Promise:
    """The response times of a category, falling back to `overig`, and to UNCONFIGURED on a fresh install."""
    chosen = category or SignalCategory.objects.filter(code=FALLBACK_CODE).first()
    if chosen is None:
        return UNCONFIGURED
    return Promise(chosen.triage_days, chosen.first_action_days, chosen.urgent_hours)


def _end_of_working_day(received_at: datetime, days: int, calendar: AtwCalendar) -> datetime:
    local_day = received_at.astimezone(AMSTERDAM).date()
    last_day = add_working_days(local_day, days, calendar)
    return datetime.combine(last_day, time.max, tzinfo=AMSTERDAM)


def due_times(
    received_at: datetime, category: SignalCategory | None, urgency: str, calendar: AtwCalendar | None = None
) -> tuple[datetime, datetime]:
    """(triage due, first action due) for a signal received at `received_at`."""
    promise = promise_for(category)
    if urgency == Urgency.URGENT:
        due = received_at + timedelta(hours=promise.urgent_hours)
        return due, due
    cal = calendar or atw_calendar()
    return (
        _end_of_working_day(received_at, promise.triage_days, cal),
        _end_of_working_day(received_at, promise.first_action_days, cal),
    )


def overdue_q(now: datetime) -> Q:
    """Signals past a promise: not triaged in time, or no first action in time."""
    return Q(status__in=[Status.NEW, Status.CLAIMED], triage_due_at__lt=now) | Q(
        first_action_at__isnull=True, first_action_due_at__lt=now
    )


def overdue_signals(queryset: QuerySet[Signal], now: datetime | None = None) -> QuerySet[Signal]:
    """The overdue part of a queryset (still one indexed statement)."""
    return queryset.filter(overdue_q(now or timezone.now()))


@dataclass(frozen=True)
class SweepReport:
    reminded: int
    escalated: int


def signal_clock_sweep(*, now: datetime | None = None, batch: int = 500) -> SweepReport:
    """Remind the owner and escalate to the team lead, once per phase, for every overdue signal.

    The flags are set and the mail jobs enqueued in one transaction; rows locked by a triager are skipped and
    picked up by the next sweep.
    """
    moment = now or timezone.now()
    reminded = escalated = 0
    with transaction.atomic():
        rows = list(
            Signal.objects.filter(overdue_q(moment))
            .filter(Q(reminded_at__isnull=True) | Q(escalated_at__isnull=True))
            .select_for_update(skip_locked=True)
            .order_by("triage_due_at")[:batch]
        )
        for signal in rows:
            fields = []
            if signal.reminded_at is None:
                signal.reminded_at = moment
                fields.append("reminded_at")
                record(
                    signal=signal,
                    actor=None,
                    kind="clock.reminded",
                    summary="Herinnering: termijn verstreken",
                )
                enqueue("intake.send_signal_mail", signal_id=str(signal.pk), kind="reminder")
                reminded += 1
            if signal.escalated_at is None:
                signal.escalated_at = moment
                fields.append("escalated_at")
                record(
                    signal=signal,
                    actor=None,
                    kind="clock.escalated",
                    summary="Geëscaleerd naar de teamleider: termijn verstreken",
                )
                enqueue("intake.send_signal_mail", signal_id=str(signal.pk), kind="escalation")
                escalated += 1
            signal.save(update_fields=[*fields, "updated_at"])
        if rows:
            log_processing(
                action="signal.clock_checked",
                username="systeem",
                object_type="signal",
                details={"reminded": reminded, "escalated": escalated},
            )
    return SweepReport(reminded=reminded, escalated=escalated)
