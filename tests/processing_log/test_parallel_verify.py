"""Decision 0021: verify walks a long chain in segments, in several processes on one snapshot, and says what one walk
from the start would say: intact and how far, or the first broken entry in chain order and the intact ones before.

The processes read committed data only, so these tests are transactional; the threshold is lowered to 0 so a short
chain is split too (the forked workers inherit the lowered value)."""

from __future__ import annotations

import io
import time
import uuid
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from regie.processing_log import verify
from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.services import log_processing, processing_log_seal
from regie.processing_log.verify import LINK_BROKEN, VerifyResult, verify_chain

pytestmark = [pytest.mark.usefixtures("transactional_db"), pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _split_every_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verify, "PARALLEL_FROM", 0)


@pytest.fixture(autouse=True)
def _no_session_left_in_a_transaction(transactional_db: None) -> Iterator[None]:
    """After each test (before the flush): no other session on this database is left inside a transaction. A
    verifying process that kept one open would hold the log's lock, and the flush would wait for it for ever."""
    yield
    deadline = time.monotonic() + 5
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
            )
            left_open = cursor.fetchone()[0]
        if not left_open or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    if left_open:  # end them, so the flush after this test does not wait for ever, and fail the test
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
            )
    assert left_open == 0, "a verifying process left its transaction open"


def _chain(n: int) -> list[ProcessingLogEntry]:
    """n more sealed entries; returns the whole sealed chain in chain order."""
    for _ in range(n):
        log_processing(action="person.viewed", username="jurist", object_type="person", persons=[uuid.uuid4()])
    processing_log_seal()
    return list(ProcessingLogEntry.objects.exclude(chain_pos=None).order_by("chain_pos"))


def _tamper(sql: str, params: list[object]) -> None:
    """What someone with full database rights can do: switch the append-only trigger off and write."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE processing_log_entry DISABLE TRIGGER processing_log_append_only")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE processing_log_entry ENABLE TRIGGER processing_log_append_only")


def _both() -> tuple[VerifyResult, VerifyResult]:
    return verify_chain(workers=1), verify_chain(workers=3)


def _segment_starts(chain: list[ProcessingLogEntry], workers: int = 3) -> list[int]:
    """The chain positions where the parallel walk's segments begin (one after each bound but the last)."""
    end, count = chain[-1].chain_pos or 0, workers * 4
    return [end * i // count + 1 for i in range(1, count)]


def test_an_intact_chain_gives_the_same_count_end_and_hash_in_parallel_as_in_one_walk(
    monkeypatch: pytest.MonkeyPatch,
):
    chain = _chain(40)
    splits = []
    split = verify._verify_in_parallel

    def counted(*args: int | str) -> VerifyResult:
        splits.append(args)
        return split(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(verify, "_verify_in_parallel", counted)
    one, parallel = _both()
    assert len(splits) == 1  # the second verify, with three workers, split the walk; the first did not
    assert one.intact and parallel.intact
    assert parallel.entries_checked == one.entries_checked == len(chain)
    assert parallel.last_pos == one.last_pos == chain[-1].chain_pos
    assert parallel.last_hash == one.last_hash == chain[-1].hash


def test_a_changed_entry_inside_a_segment_is_named_with_the_same_count_before_it():
    chain = _chain(40)
    inside = next(e for e in chain if e.chain_pos not in _segment_starts(chain) and e.chain_pos > 8)
    _tamper("UPDATE processing_log_entry SET purpose = 'verzonnen' WHERE seq = %s", [inside.seq])
    one, parallel = _both()
    assert not parallel.intact and parallel.first_broken_seq == one.first_broken_seq == inside.seq
    assert parallel.reason == one.reason == verify.CONTENT_CHANGED
    assert parallel.entries_checked == one.entries_checked == chain.index(inside)


def test_an_entry_deleted_at_the_start_of_a_segment_breaks_the_link_of_the_next_one():
    chain = _chain(40)
    start = _segment_starts(chain)[3]
    deleted = next(e for e in chain if e.chain_pos == start)
    after = chain[chain.index(deleted) + 1]
    _tamper("DELETE FROM processing_log_entry WHERE seq = %s", [deleted.seq])
    one, parallel = _both()
    assert parallel.first_broken_seq == one.first_broken_seq == after.seq
    assert parallel.reason == one.reason == LINK_BROKEN
    assert parallel.entries_checked == one.entries_checked == chain.index(deleted)


def test_a_whole_segment_deleted_is_found_at_the_first_entry_after_it():
    chain = _chain(40)
    starts = _segment_starts(chain)
    gone = [e for e in chain if starts[2] <= (e.chain_pos or 0) < starts[3]]
    _tamper("DELETE FROM processing_log_entry WHERE chain_pos >= %s AND chain_pos < %s", [starts[2], starts[3]])
    one, parallel = _both()
    first_after = chain[chain.index(gone[-1]) + 1]
    assert parallel.first_broken_seq == one.first_broken_seq == first_after.seq
    assert parallel.reason == LINK_BROKEN


def test_of_two_breaks_the_first_in_chain_order_is_named():
    chain = _chain(40)
    early, late = chain[5], chain[30]
    _tamper("UPDATE processing_log_entry SET purpose = 'later' WHERE seq = %s", [late.seq])
    _tamper("UPDATE processing_log_entry SET actor_username = 'iemand' WHERE seq = %s", [early.seq])
    one, parallel = _both()
    assert parallel.first_broken_seq == one.first_broken_seq == early.seq
    assert parallel.reason == one.reason and "gebruiker" in parallel.reason


def test_inside_an_open_transaction_verify_stays_in_this_process(monkeypatch: pytest.MonkeyPatch):
    # Other processes cannot see what an open transaction wrote: splitting there would verify another log.
    _chain(10)

    def refuse(*args: object) -> VerifyResult:
        raise AssertionError("verify split the walk inside an open transaction")

    monkeypatch.setattr(verify, "_verify_in_parallel", refuse)
    with transaction.atomic():
        log_processing(action="person.viewed", username="jurist", object_type="person", persons=[uuid.uuid4()])
        processing_log_seal()
        result = verify_chain(workers=4)
    assert result.intact and result.entries_checked == ProcessingLogEntry.objects.count()


def test_audit_verify_with_workers_reports_every_entry_intact():
    chain = _chain(30)
    out = io.StringIO()
    call_command("audit", "verify", "--workers", "2", stdout=out)
    assert f"intact: {len(chain)} regels" in out.getvalue()


def test_audit_verify_refuses_zero_workers_in_dutch():
    with pytest.raises(CommandError, match="--workers moet 1 of meer zijn"):
        call_command("audit", "verify", "--workers", "0")
