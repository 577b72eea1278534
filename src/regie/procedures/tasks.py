"""Jobs of the procedures app: they take ids or a timestamp and call services (rule 6)."""

from __future__ import annotations

import logging

from django.utils import timezone
from procrastinate.contrib.django import app

from regie.procedures.services.reminders import deadlines_remind

logger = logging.getLogger(__name__)


@app.periodic(cron="0 6 * * *", periodic_id="daily-deadline-reminders")
@app.task(name="procedures.remind_deadlines", queue="reminders", queueing_lock="deadline-reminders")
def remind_deadlines(timestamp: int) -> None:
    """Daily: remind owners of deadlines that come near, expire passed terms, flag overdue ones."""
    report = deadlines_remind(today=timezone.localdate())
    logger.info(
        "deadline reminders: %s ahead, %s overdue, %s expired", report.before, report.overdue, report.expired
    )
