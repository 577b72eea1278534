"""Reminding deadline owners: before a deadline (in working days) and when it has passed.

Run daily by the job `procedures.remind_deadlines`; every deadline is handled in its own transaction under
a row lock with SKIP LOCKED, so any number of workers can run it at once without sending a reminder twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db import transaction

from regie.cases.timeline import record
from regie.core.calendar import atw_calendar
from regie.core.terms import format_date, term_end, working_days_between
from regie.integrations.mail import outgoing_mail_queue
from regie.procedures.models import Deadline, DeadlineKind, DeadlineStatus
from regie.procedures.services.deadlines import deadline_expire

# The furthest a reminder looks ahead; the largest remind_working_days (60) fits well inside it.
LOOK_AHEAD = "P4M"


@dataclass
class ReminderReport:
    before: int = 0
    overdue: int = 0
    expired: int = 0


def _notify(deadline: Deadline, subject: str, sentence: str) -> None:
    procedure = deadline.procedure
    owner = deadline.owner
    record(
        case=procedure.case,
        actor=None,
        kind="procedure.reminder",
        summary=f"Herinnering aan {owner}: {sentence}",
        category=procedure.category,
    )
    if owner.email:
        # Data minimisation: the mail names the case number and the term, never a person.
        body = (
            f"{sentence}\n\nCasus {procedure.case.number}, {deadline.label}.\n"
            f"Bekijk de procedure in Regie: /procedures/{procedure.pk}\n"
        )
        # Into the outbox in this deadline's transaction: sent by its job, retried while the mail server is away,
        # and shown to the beheerder if it cannot be delivered (nothing is dropped).
        outgoing_mail_queue(
            to=[owner.email], subject=subject, body=body, purpose="Herinnering aan een termijn"
        )


def _locked(deadline_id: UUID) -> Deadline | None:
    return (
        Deadline.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("procedure__case", "owner")
        .filter(pk=deadline_id, status=DeadlineStatus.OPEN)
        .first()
    )


def deadlines_remind(*, today: date) -> ReminderReport:
    """Send every reminder that is due today; running it twice on one day sends nothing new."""
    report = ReminderReport()
    calendar = atw_calendar()
    horizon = term_end(today, LOOK_AHEAD, statutory=False).end_date
    passed = Deadline.objects.filter(status=DeadlineStatus.OPEN, due_date__lt=today).values_list(
        "pk", flat=True
    )
    for pk in list(passed):
        with transaction.atomic():
            deadline = _locked(pk)
            if deadline is None:
                continue
            when = format_date(deadline.due_date)
            if deadline.kind == DeadlineKind.EXPIRY:
                if not deadline_expire(deadline, today):
                    # A lapse of collection extended by Awb 5:35 lid 2: say so once, not every day.
                    if deadline.reminded_after_on is None:
                        deadline.reminded_after_on = today
                        deadline.save(update_fields=["reminded_after_on", "updated_at"])
                        _notify(
                            deadline,
                            f"Termijn verlengd: {deadline.label}",
                            f"De {deadline.label.lower()} zou op {when} verstrijken, maar loopt door zolang "
                            "bezwaar of beroep tegen de last onder dwangsom openstaat of aanhangig is "
                            "(Awb 5:35 lid 2).",
                        )
                    continue
                _notify(
                    deadline,
                    f"Termijn verstreken: {deadline.label}",
                    f"De {deadline.label.lower()} is op {when} verstreken.",
                )
                report.expired += 1
            elif deadline.reminded_after_on is None:
                deadline.reminded_after_on = today
                deadline.save(update_fields=["reminded_after_on", "updated_at"])
                _notify(
                    deadline,
                    f"Termijn overschreden: {deadline.label}",
                    f"De termijn '{deadline.label}' is op {when} verstreken en nog niet afgehandeld.",
                )
                report.overdue += 1
    upcoming = Deadline.objects.filter(
        status=DeadlineStatus.OPEN,
        due_date__gte=today,
        due_date__lte=horizon,
        reminded_before_on__isnull=True,
    ).values_list("pk", "due_date", "remind_working_days")
    for pk, due, ahead in list(upcoming):
        if working_days_between(today, due, calendar) > ahead:
            continue
        with transaction.atomic():
            deadline = _locked(pk)
            if deadline is None or deadline.reminded_before_on is not None:
                continue
            deadline.reminded_before_on = today
            deadline.save(update_fields=["reminded_before_on", "updated_at"])
            _notify(
                deadline,
                f"Termijn nadert: {deadline.label}",
                f"De termijn '{deadline.label}' eindigt op {format_date(deadline.due_date)}.",
            )
            report.before += 1
    return report
