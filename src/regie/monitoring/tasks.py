"""Jobs of monitoring: the nightly rollup of the recent months, a rebuild on request, and the council report."""

from __future__ import annotations

from datetime import date

from procrastinate import JobContext
from procrastinate.contrib.django import app

from regie.accounts.models import User
from regie.monitoring.services.reports import REPORT_TASK, council_report_generate
from regie.monitoring.services.rollups import REBUILD_TASK, add_months, month_start, rollup_rebuild


@app.periodic(cron="15 1 * * *", periodic_id="nightly-monitoring-rollups")
@app.task(name="monitoring.nightly_rollups", queue="monitoring", pass_context=True)
def nightly_rollups(context: JobContext, timestamp: int) -> None:
    """Recompute last month and this month (late changes to last month still count)."""
    rollup_rebuild(from_month=add_months(month_start(date.today()), -1), job_id=_job_id(context))


@app.task(name=REBUILD_TASK, queue="monitoring", pass_context=True)
def rebuild(context: JobContext, from_month: str, username: str = "") -> None:
    actor = User.objects.filter(username=username).first() if username else None
    rollup_rebuild(actor=actor, from_month=date.fromisoformat(from_month), job_id=_job_id(context))


def _job_id(context: JobContext) -> int | None:
    return context.job.id if context.job is not None else None


@app.task(name=REPORT_TASK, queue="monitoring")
def generate_report(report_id: str) -> None:
    council_report_generate(report_id=report_id)
