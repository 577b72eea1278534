"""Computing the rollups: every registered indicator, month by month, into `RollupValue`.

A run replaces one month at a time in its own transaction, so a page never sees a half-computed month and a run
that dies halfway leaves every month either as it was or fully recomputed; its row says how far it came. Only
one run at a time (a transaction-level advisory lock per month, and a refusal while another run is busy).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone
from procrastinate.contrib.django import app

from regie.accounts.models import User
from regie.core.indicators import Indicator, indicators
from regie.monitoring.models import RollupRun, RollupValue, RunStatus
from regie.processing_log.services import log_processing

DEFAULT_MONTHS = 36  # a rebuild without --from covers three years
STALE_RUN = timedelta(hours=2)  # a run "bezig" for longer than this has died; another may start
LOCK_KEY = 0x526F6C6C  # "Roll"
REBUILD_TASK = "monitoring.rebuild"


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def add_months(month: date, n: int) -> date:
    """The first day of the month `n` months after (or before, when negative) `month`."""
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    months, current = [], month_start(first)
    while current <= last:
        months.append(current)
        current = next_month(current)
    return months


def parse_month(text: str) -> date:
    """'2025-03' → 1 March 2025 (years 2000-2099), with a Dutch message for anything else."""
    match = re.fullmatch(r"(20\d\d)-(0[1-9]|1[0-2])", (text or "").strip())
    if match is None:
        raise ValidationError(
            {
                "from_month": f"'{text}' is geen maand; schrijf jaar en maand als JJJJ-MM, bijvoorbeeld 2025-01."
            }
        )
    return date(int(match[1]), int(match[2]), 1)


def _month_figures(indicator: Indicator, month: date, now: datetime) -> list[RollupValue]:
    figures = indicator.compute(month, next_month(month))
    return [
        RollupValue(
            indicator=indicator.code,
            theme=indicator.theme,
            month=month,
            area=f.area,
            dimension=f.dimension,
            member=f.member[:160],
            value=float(f.value),
            base=int(f.base),
            computed_at=now,
        )
        for f in figures
    ]


def rollup_month(month: date) -> int:
    """Recompute every indicator for one month in one transaction; returns the number of figures stored."""
    now = timezone.now()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_KEY, month.year * 100 + month.month])
        rows = [row for indicator in indicators for row in _month_figures(indicator, month, now)]
        RollupValue.objects.filter(month=month).delete()
        RollupValue.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def rollup_rebuild(
    *,
    actor: User | None = None,
    from_month: date | None = None,
    today: date | None = None,
    job_id: int | None = None,
) -> RollupRun:
    """Recompute the rollups from `from_month` (default: three years back) up to this month, with progress.

    `job_id`: the job running it. A job that runs again after its worker died finds its own earlier run still
    "bezig": that run is marked broken off and this one takes over, instead of waiting hours for it to go stale.
    Each month is replaced in one transaction, so running again computes the same figures once.
    """
    current = month_start(today or timezone.localdate())
    first = month_start(from_month) if from_month else add_months(current, -(DEFAULT_MONTHS - 1))
    if first > current:
        raise ValidationError({"from_month": "De beginmaand ligt in de toekomst; kies deze maand of eerder."})
    if job_id is not None:
        RollupRun.objects.filter(status=RunStatus.RUNNING, job_id=job_id).update(
            status=RunStatus.FAILED,
            error="Afgebroken: de worker stopte midden in de berekening; de taak is opnieuw gestart.",
            updated_at=timezone.now(),
        )
    busy = RollupRun.objects.filter(status=RunStatus.RUNNING, created_at__gte=timezone.now() - STALE_RUN)
    if busy.exists():
        raise ValidationError("De cijfers worden al opnieuw berekend; wacht tot die berekening klaar is.")
    months = months_between(first, current)
    run = RollupRun.objects.create(
        from_month=first,
        to_month=current,
        months_total=len(months),
        requested_by=actor.username if actor else "",
        job_id=job_id,
    )
    try:
        for month in months:
            stored = rollup_month(month)
            RollupRun.objects.filter(pk=run.pk).update(
                months_done=run.months_done + 1, figures=run.figures + stored, updated_at=timezone.now()
            )
            run.months_done += 1
            run.figures += stored
    except Exception as exc:
        RollupRun.objects.filter(pk=run.pk).update(status=RunStatus.FAILED, error=str(exc)[:2000])
        raise
    with transaction.atomic():
        RollupRun.objects.filter(pk=run.pk).update(
            status=RunStatus.DONE, finished_at=timezone.now(), areas=areas_per_theme()
        )
        log_processing(
            action="monitoring.rebuilt",
            actor=actor,
            object_type="rollup_run",
            object_id=run.pk,
            details={"from": first.isoformat()[:7], "to": current.isoformat()[:7], "figures": run.figures},
        )
    run.refresh_from_db()
    return run


def rollup_rebuild_request(*, actor: User, from_month: date, request: HttpRequest | None = None) -> None:
    """Defer a rebuild from `from_month` (the page's button); the run's row shows its progress once it starts."""
    if from_month > month_start(timezone.localdate()):
        raise ValidationError({"from_month": "De beginmaand ligt in de toekomst; kies deze maand of eerder."})
    busy = RollupRun.objects.filter(status=RunStatus.RUNNING, created_at__gte=timezone.now() - STALE_RUN)
    if busy.exists():
        raise ValidationError("De cijfers worden al opnieuw berekend; wacht tot die berekening klaar is.")
    app.configure_task(name=REBUILD_TASK).defer(from_month=from_month.isoformat(), username=actor.username)


def areas_per_theme() -> dict[str, list[str]]:
    """Every area with a figure, per theme (one pass over the rollup table, at the end of a run)."""
    found: dict[str, list[str]] = {}
    pairs = (
        RollupValue.objects.exclude(area="").values_list("theme", "area").distinct().order_by("theme", "area")
    )
    for theme, area in pairs:
        found.setdefault(theme, []).append(area)
    return found


def last_computed() -> RollupRun | None:
    return RollupRun.objects.filter(status=RunStatus.DONE).order_by("-finished_at").first()
