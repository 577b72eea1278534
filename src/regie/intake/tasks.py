"""Jobs of the intake app: they take ids and call services (rule 6)."""

from __future__ import annotations

import logging

from procrastinate import JobContext, RetryStrategy
from procrastinate.contrib.django import app

from regie.core.idempotency import forget_old_keys
from regie.intake.services import clock, mail, process, rate_limit

logger = logging.getLogger(__name__)


# A failure inside processing marks the signal and ends the job; only when even that cannot be written (the
# database is away) does the job fail, and then it is retried, waiting longer each time.
DATABASE_RETRY = RetryStrategy(max_attempts=6, linear_wait=20)


@app.task(name="intake.process_signal", queue="intake", retry=DATABASE_RETRY)
def process_signal(signal_id: str) -> None:
    """Classify, route and match a stored signal; a failure marks the signal, it never loses it."""
    process.signal_process(signal_id=signal_id)


@app.task(name="intake.send_signal_mail", queue="mail", retry=DATABASE_RETRY, pass_context=True)
def send_signal_mail(context: JobContext, signal_id: str, kind: str) -> None:
    """Confirmation, update, reminder or escalation mail about one signal; once per job, however often it runs."""
    job_id = context.job.id if context.job is not None else None
    mail.signal_mail_send(signal_id=signal_id, kind=kind, cause=None if job_id is None else f"job:{job_id}")


@app.periodic(cron="*/5 * * * *", periodic_id="intake-response-clock")
@app.task(name="intake.check_response_clock", queue="maintenance", queueing_lock="intake-response-clock")
def check_response_clock(timestamp: int) -> None:
    """Every five minutes: remind owners and escalate to team leads for overdue signals."""
    report = clock.signal_clock_sweep()
    if report.reminded or report.escalated:
        logger.info("response clock: %s reminded, %s escalated", report.reminded, report.escalated)


@app.periodic(cron="17 * * * *", periodic_id="intake-rate-cleanup")
@app.task(name="intake.cleanup_public_rate", queue="maintenance", queueing_lock="intake-rate-cleanup")
def cleanup_public_rate(timestamp: int) -> None:
    """Hourly: forget the public rate counters of past windows, and the idempotency keys of public reports older
    than a day."""
    rate_limit.public_rate_cleanup()
    forget_old_keys()
