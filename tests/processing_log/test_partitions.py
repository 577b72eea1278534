"""The processing log is partitioned by month (decision 0017): each entry lands in its month's partition, the
months ahead are made by a job, an entry in a month without a partition lands in the default partition and is
verified like any other, and the log stays append-only on the parent and on every partition."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.partitions import (
    DEFAULT_PARTITION,
    default_partition_rows,
    month_of,
    partition_name,
    processing_log_partitions,
    processing_log_partitions_ensure,
)
from regie.processing_log.services import log_processing, processing_log_seal
from regie.processing_log.tasks import ensure_processing_log_partitions
from regie.processing_log.verify import verify_chain

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

FAR_AHEAD = datetime(2041, 5, 17, 9, 30, tzinfo=UTC)  # no partition is made this far ahead: the default one
TWO_YEARS_AGO = date(2024, 10, 1)  # before the test database's first month: no partition until a test makes one


def _append() -> ProcessingLogEntry:
    return log_processing(action="person.viewed", username="tester", object_type="person", persons=[])


def _appended_at(moment: datetime) -> ProcessingLogEntry:
    with time_machine.travel(moment, tick=False):
        return _append()


def _partition_of(entry: ProcessingLogEntry) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tableoid::regclass::text FROM processing_log_entry WHERE seq = %s", [entry.seq])
        return str(cursor.fetchone()[0])


def _triggers_on(table: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND tgenabled <> 'D'", [table])
        return {name for (name,) in cursor.fetchall()}


def _tamper(table: str, sql: str, params: list[object]) -> None:
    # As database superuser with the trigger switched off, on that table only: what an attacker could do.
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER processing_log_append_only")
        cursor.execute(sql, params)
        cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER processing_log_append_only")


def test_an_entry_lands_in_the_partition_of_its_month():
    entry = _append()
    assert _partition_of(entry) == partition_name(month_of(entry.occurred_at.astimezone(UTC).date()))


def test_the_table_is_partitioned_by_month_with_a_default_partition():
    names = [p.name for p in processing_log_partitions()]
    this_month = month_of(datetime.now(UTC).date())
    assert names[-1] == DEFAULT_PARTITION
    assert partition_name(this_month) in names
    bounds = {p.name: p.bounds for p in processing_log_partitions()}
    assert bounds[DEFAULT_PARTITION] == "DEFAULT"
    assert bounds[partition_name(this_month)].startswith(f"FOR VALUES FROM ('{this_month:%Y-%m}-01 00:00:00+00')")


def test_the_job_makes_this_month_and_the_next_three():
    with time_machine.travel(datetime(2039, 11, 20, 12, 0, tzinfo=UTC), tick=False):
        ensure_processing_log_partitions(timestamp=0)
    bounds = {p.name: p.bounds for p in processing_log_partitions()}
    for name in ("processing_log_entry_y2039m11", "processing_log_entry_y2039m12",
                 "processing_log_entry_y2040m01", "processing_log_entry_y2040m02"):
        assert name in bounds
    assert "processing_log_entry_y2040m03" not in bounds
    assert bounds["processing_log_entry_y2039m12"] == (
        "FOR VALUES FROM ('2039-12-01 00:00:00+00') TO ('2040-01-01 00:00:00+00')"
    )
    # Run again: nothing new, nothing changed.
    assert set(processing_log_partitions_ensure(today=date(2039, 11, 20)).values()) == {"exists"}


def test_a_new_partition_refuses_truncate_and_carries_the_row_trigger():
    processing_log_partitions_ensure(today=date(2039, 6, 1), months_ahead=0)
    assert _triggers_on("processing_log_entry_y2039m06") == {
        "processing_log_append_only", "processing_log_no_truncate"
    }
    assert _triggers_on(DEFAULT_PARTITION) == {"processing_log_append_only", "processing_log_no_truncate"}


def test_the_periodic_job_runs_every_night():
    from procrastinate.contrib.django import app

    periodic = {t.periodic_id: t for t in app.periodic_registry.periodic_tasks.values()}
    assert periodic["nightly-log-partitions"].cron == "15 2 * * *"


def test_an_entry_in_a_month_without_partition_lands_in_the_default_partition_and_is_verified():
    before = _append()
    far = _appended_at(FAR_AHEAD)
    after = _append()
    assert _partition_of(far) == DEFAULT_PARTITION
    assert default_partition_rows() >= 1
    processing_log_seal()
    positions = ProcessingLogEntry.objects.filter(seq__in=[before.seq, far.seq, after.seq]).order_by("chain_pos")
    assert [e.seq for e in positions] == [before.seq, far.seq, after.seq]
    result = verify_chain()
    assert result.intact and result.last_pos == positions.last().chain_pos
    # Its month cannot get a partition now (the row would have to move, a DELETE the log refuses); the next can.
    outcome = processing_log_partitions_ensure(today=FAR_AHEAD.date(), months_ahead=1)
    assert outcome == {date(2041, 5, 1): "default", date(2041, 6, 1): "created"}
    assert _partition_of(far) == DEFAULT_PARTITION and verify_chain().intact


@pytest.mark.parametrize("where", ["parent", "partition", "default"])
def test_update_delete_and_truncate_are_refused_on_the_parent_and_on_each_partition(where):
    entry = _appended_at(FAR_AHEAD) if where == "default" else _append()
    processing_log_seal()
    table = {"parent": "processing_log_entry", "partition": _partition_of(entry), "default": DEFAULT_PARTITION}[
        where
    ]
    for statement in (
        "UPDATE {} SET action = 'iets.anders' WHERE seq = %s",
        "UPDATE {} SET chain_pos = NULL, hash = '' WHERE seq = %s",
        "DELETE FROM {} WHERE seq = %s",
    ):
        sql = statement.format(table)  # a table name of the log's own
        with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic(), connection.cursor() as c:
            c.execute(sql, [entry.seq])
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic(), connection.cursor() as c:
        c.execute(f"TRUNCATE {table}")
    assert ProcessingLogEntry.objects.filter(seq=entry.seq, action="person.viewed").exists()


def test_verify_finds_an_entry_tampered_in_an_older_partition():
    assert processing_log_partitions_ensure(today=TWO_YEARS_AGO, months_ahead=0) == {TWO_YEARS_AGO: "created"}
    old = [_appended_at(datetime(2024, 10, day, 8, 0, tzinfo=UTC)) for day in (2, 3, 4)]
    _append()
    processing_log_seal()
    old_partition = "processing_log_entry_y2024m10"
    assert {_partition_of(e) for e in old} == {old_partition}
    assert verify_chain().intact
    tampering = "UPDATE processing_log_entry_y2024m10 SET purpose = 'verzonnen' WHERE seq = %s"
    _tamper(old_partition, tampering, [old[1].seq])
    result = verify_chain()
    assert not result.intact and result.first_broken_seq == old[1].seq
    assert "gewijzigd" in result.reason


def test_verify_finds_an_entry_deleted_from_an_older_partition():
    processing_log_partitions_ensure(today=TWO_YEARS_AGO, months_ahead=0)
    old = [_appended_at(datetime(2024, 10, day, 8, 0, tzinfo=UTC)) for day in (2, 3, 4)]
    processing_log_seal()
    _tamper("processing_log_entry_y2024m10", "DELETE FROM processing_log_entry_y2024m10 WHERE seq = %s", [old[1].seq])
    result = verify_chain()
    assert not result.intact and result.first_broken_seq == old[2].seq and "vorige regel" in result.reason


def test_the_walk_in_chain_order_is_an_index_scan_over_the_partitions_not_a_sort():
    processing_log_partitions_ensure(today=TWO_YEARS_AGO, months_ahead=0)
    _appended_at(datetime(2024, 10, 2, 8, 0, tzinfo=UTC))
    _append()
    processing_log_seal()
    query = ProcessingLogEntry.objects.filter(chain_pos__gt=0).order_by("chain_pos")
    with connection.cursor() as cursor:
        # The test tables are tiny, so the planner would rightly sort them; take sorting away to see that an
        # ordered index path exists (the benchmark shows the planner choosing it at 2 million entries).
        cursor.execute("SET LOCAL enable_sort = off")
        sql, params = query.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Merge Append" in plan and "Index Scan using processing_log_entry_y" in plan and "chain_pos" in plan
    assert "Sort" not in plan.replace("Sort Key", "")


def test_audit_partitions_makes_the_months_ahead_and_lists_them():
    out = io.StringIO()
    call_command("audit", "partitions", stdout=out)
    text = out.getvalue()
    this_month = month_of(datetime.now(UTC).date())
    assert f"Partitie {this_month:%Y-%m}: bestond al." in text
    assert DEFAULT_PARTITION in text and "DEFAULT" in text
