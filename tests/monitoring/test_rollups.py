"""The rollups against the hand-counted fixture (tests/monitoring/conftest.py), the rebuild and its refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from regie.monitoring.models import RollupRun, RollupValue, RunStatus
from regie.monitoring.selectors import Period, indicator_by_code, indicator_views
from regie.monitoring.services.rollups import parse_month, rollup_month, rollup_rebuild
from regie.processing_log.models import ProcessingLogEntry

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]  # locks rows: CI runs it on PostgreSQL 15 too

JAN, FEB = dt.date(2026, 1, 1), dt.date(2026, 2, 1)


def _value(indicator: str, month: dt.date, dimension: str = "", member: str = "") -> float:
    return RollupValue.objects.get(
        indicator=indicator, month=month, area="", dimension=dimension, member=member
    ).value


def test_signals_are_counted_per_month_category_and_source(figures) -> None:
    assert _value("signals.received", JAN) == 14
    assert _value("signals.received", FEB) == 3
    assert _value("signals.received", JAN, "Categorie", "Overlast (test)") == 12
    assert _value("signals.received", JAN, "Categorie", "Drugs (test)") == 2
    assert _value("signals.received", JAN, "Bron", "Inwoner") == 14
    assert _value("signals.received", FEB, "Bron", "Medewerker van de gemeente") == 3


def test_cases_are_counted_as_opened_closed_and_open_at_month_end(figures) -> None:
    assert _value("cases.opened", JAN, "Casustype", "PGA (test)") == 6
    assert _value("cases.closed", FEB, "Casustype", "PGA (test)") == 1
    assert _value("cases.open", JAN, "Casustype", "PGA (test)") == 6
    assert _value("cases.open", FEB, "Casustype", "PGA (test)") == 5


def test_the_run_records_its_months_figures_and_a_log_entry(figures) -> None:
    run = figures["run"]
    assert (run.status, run.months_total, run.months_done) == (RunStatus.DONE, 4, 4)
    assert run.figures == RollupValue.objects.filter(month__gte=dt.date(2025, 12, 1)).count()
    entry = ProcessingLogEntry.objects.filter(action="monitoring.rebuilt").last()
    assert entry is not None and entry.details["from"] == "2025-12" and entry.person_ids == []


def test_a_month_is_replaced_whole_and_never_doubled(figures) -> None:
    before = RollupValue.objects.filter(month=JAN).count()
    rollup_month(JAN)
    rollup_month(JAN)
    assert RollupValue.objects.filter(month=JAN).count() == before
    assert _value("signals.received", JAN) == 14


def test_the_dashboard_view_suppresses_the_small_category(figures) -> None:
    (view,) = indicator_views([indicator_by_code("signals.received")], Period(JAN, FEB))  # type: ignore[list-item]
    assert [c.text for c in view.totals] == ["14", "< 5"]
    (category,) = [b for b in view.breakdowns if b.dimension == "Categorie"]
    drugs = category.rows[0] if category.rows[0]["member"] == "Drugs (test)" else category.rows[1]
    assert [c.text for c in drugs["cells"]] == ["< 5", "0"]
    assert all(c.value is None for c in drugs["cells"] if c.hidden)


def test_bad_months_are_refused_in_dutch() -> None:
    with pytest.raises(ValidationError, match="geen maand"):
        parse_month("januari")
    with pytest.raises(ValidationError, match="toekomst"):
        rollup_rebuild(from_month=dt.date(2030, 1, 1), today=dt.date(2026, 3, 1))


@pytest.mark.django_db
def test_a_second_rebuild_is_refused_while_one_is_running() -> None:
    RollupRun.objects.create(from_month=JAN, to_month=FEB, status=RunStatus.RUNNING)
    with pytest.raises(ValidationError, match="al opnieuw berekend"):
        rollup_rebuild(from_month=JAN, today=dt.date(2026, 3, 1))


@pytest.mark.django_db
def test_a_job_that_runs_again_after_its_worker_died_takes_over_its_own_run() -> None:
    """Issue 19, item 6: the worker was killed mid-rebuild; core.retry_stalled_jobs runs the job again."""
    dead = RollupRun.objects.create(from_month=JAN, to_month=FEB, status=RunStatus.RUNNING, job_id=42)
    run = rollup_rebuild(from_month=JAN, today=dt.date(2026, 2, 1), job_id=42)
    dead.refresh_from_db()
    assert run.status == RunStatus.DONE and run.job_id == 42
    assert dead.status == RunStatus.FAILED and "opnieuw gestart" in dead.error
    # Another job still waits for a living run.
    RollupRun.objects.create(from_month=JAN, to_month=FEB, status=RunStatus.RUNNING, job_id=7)
    with pytest.raises(ValidationError, match="al opnieuw berekend"):
        rollup_rebuild(from_month=JAN, today=dt.date(2026, 2, 1), job_id=8)


def test_the_command_rebuilds_and_refuses_a_bad_month(figures, capsys) -> None:
    call_command("monitoring", "rebuild", "--from", "2026-01")
    assert "Monitoring opnieuw berekend" in capsys.readouterr().out
    with pytest.raises(CommandError, match="JJJJ-MM"):
        call_command("monitoring", "rebuild", "--from", "26-1")
