"""Monthly partitions of the processing log (decision 0017).

`processing_log_entry` is partitioned by RANGE on `occurred_at`, one partition per calendar month in UTC
(`processing_log_entry_y2027m01` holds January 2027), plus `processing_log_entry_default` for any entry dated in
a month that has no partition (so an append never fails when the job did not run). The database function
`regie_log_ensure_partition(month)` (migration 0006) makes one month's partition with its TRUNCATE trigger; the
row trigger is cloned by PostgreSQL. This module calls it for the current month and the next ones: the periodic
job `processing_log.partitions` every night and `regie audit partitions` on demand. Nothing here ever drops,
detaches or empties a partition: how long the log is kept is a legal term, handled by people (docs/operations.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date

from django.db import OperationalError, connection, transaction
from django.utils import timezone

from regie.core.periods import add_months

MONTHS_AHEAD = 3
DEFAULT_PARTITION = "processing_log_entry_default"
# Making a partition takes a short exclusive lock on the log; it must never queue appends behind a long reader.
LOCK_TIMEOUT = "2s"


def month_of(day: date) -> date:
    return day.replace(day=1)


def partition_name(month: date) -> str:
    return f"processing_log_entry_y{month.year:04d}m{month.month:02d}"


def processing_log_partitions_ensure(*, today: date | None = None, months_ahead: int = MONTHS_AHEAD) -> dict[date, str]:
    """Make the partitions of this UTC month and the next `months_ahead` that do not exist yet.

    Returns per month what happened: "created", "exists", "default" (entries of that month already sit in the
    default partition: PostgreSQL would refuse the new partition and moving evidence is refused, so the month
    stays in the default partition) or "busy" (the lock was not had within LOCK_TIMEOUT; the next run retries —
    months are made three ahead, so a few missed nights change nothing). Each month is its own transaction.
    """
    first = month_of(today or timezone.now().astimezone(UTC).date())
    outcome: dict[date, str] = {}
    for step in range(months_ahead + 1):
        month = add_months(first, step)
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT current_setting('lock_timeout')")
                previous = cursor.fetchone()[0]
                cursor.execute("SELECT set_config('lock_timeout', %s, true)", [LOCK_TIMEOUT])
                cursor.execute("SELECT regie_log_ensure_partition(%s)", [month])
                outcome[month] = cursor.fetchone()[0]
                cursor.execute("SELECT set_config('lock_timeout', %s, true)", [previous])
        except OperationalError as error:
            if getattr(error.__cause__, "sqlstate", None) != "55P03":  # lock_not_available
                raise
            outcome[month] = "busy"
    return outcome


@dataclass(frozen=True)
class Partition:
    name: str
    bounds: str  # as PostgreSQL states them: FOR VALUES FROM (…) TO (…), or DEFAULT
    estimated_rows: int  # the planner's estimate (pg_class.reltuples, -1 before the first ANALYZE): no count(*)


def processing_log_partitions() -> list[Partition]:
    """The partitions of the log, oldest first, the default partition last."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid), c.reltuples::bigint "
            "FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = 'processing_log_entry'::regclass "
            "ORDER BY c.relname = %s, c.relname",
            [DEFAULT_PARTITION],
        )
        return [Partition(name, bounds, rows) for name, bounds, rows in cursor.fetchall()]


def default_partition_rows() -> int:
    """How many entries sit in the default partition (normally none: each is a month nobody made in time)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {DEFAULT_PARTITION}")  # noqa: S608 -- a constant name
        return int(cursor.fetchone()[0])


def default_partition_in_use() -> bool:
    """Whether any entry sits in the default partition: a month nobody made in time (the nightly job did not run
    for three months, or the clock jumped). Cheap enough for every health check: one probe, no count."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {DEFAULT_PARTITION})")  # noqa: S608 -- a constant name
        return bool(cursor.fetchone()[0])
