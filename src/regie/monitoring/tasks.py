"""Jobs of monitoring: the nightly rollup of the recent months, a rebuild on request, and the council report."""

from __future__ import annotations

from datetime import date

from procrastinate.contrib.django import app

from regie.accounts.models import User
from regie.monitoring.services.reports import REPORT_TASK, council_report_generate
from regie.monitoring.services.rollups import REBUILD_TASK, add_months, month_start, rollup_rebuild


@app.periodic(cron="15 1 * * *", periodic_id="nightly-monitoring-rollups")
@app.task(name="monitoring.nightly_rollups", queue="monitoring")
def nightly_rollups(timestamp: int) -> None:
    """Recompute last month and this month (late changes to last month still count)."""
    rollup_rebuild(from_month=add_months(month_start(date.today()), -1))


@app.task(name=REBUILD_TASK, queue="monitoring")
def rebuild(from_month: str, username: str = "") -> None:
    actor = User.objects.filter(username=username).first() if username else None
    rollup_rebuild(actor=actor, from_month=date.fromisoformat(from_month))


@app.task(name=REPORT_TASK, queue="monitoring")
def generate_report(report_id: str) -> None:
    council_report_generate(report_id=report_id)
