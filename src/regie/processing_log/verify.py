"""Verifying the processing log (decisions 0002, 0014, 0015, 0017, 0021): streamed, and for a long log in parallel.

Every sealed entry holds its predecessor's hash. So one entry can be checked on its own: its hash over its fields
and its stored `prev_hash`, and its plain values against their references. The chain is then checked by comparing
neighbours. A long range of positions is therefore cut into segments. Each segment is checked in its own process,
all on one snapshot of the database, and the segments are joined in order: a segment's first link must equal the
last hash of the segment before it. The result is the one a single walk from the start gives: the first broken
entry in chain order, and the number of intact entries before it.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, connections, transaction
from django.db.models import Max, QuerySet

from regie.processing_log.chain import (
    CHAIN_COLUMNS,
    GENESIS_HASH,
    entry_hash,
    fields_of,
    plain_references,
    stored_references,
)
from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.signing import CheckpointFileError, last_checkpoint

LINK_BROKEN = "de verwijzing naar de vorige regel klopt niet (regel verwijderd of ingevoegd)"
CONTENT_CHANGED = "de inhoud van de regel is gewijzigd"
# Below this many sealed entries one process walks the chain: starting processes costs more than it saves.
PARALLEL_FROM = 200_000
_SNAPSHOT = re.compile(r"^[0-9A-F]+-[0-9A-F]+-[0-9]+$")


@dataclass(frozen=True)
class VerifyResult:
    intact: bool
    entries_checked: int
    last_pos: int | None  # the chain position verified up to
    last_hash: str
    first_broken_seq: int | None = None  # the entry (its number, `seq`) where the chain breaks
    reason: str = ""
    unsealed: int = 0  # entries written but not yet chained by the sealer: pending, not broken


@dataclass(frozen=True)
class Segment:
    """One walk over the chain positions (after, upto]."""

    checked: int  # intact entries before the first broken one (all of them when none is)
    first_seq: int | None  # its first entry (None: no entry has a position in the range)
    first_prev: str  # the `prev_hash` of its first entry: the join compares it with the segment before
    last_pos: int | None  # the last intact entry's position
    last_hash: str  # and its hash
    broken_seq: int | None = None
    reason: str = ""


def sealed_rows(after_pos: int, upto_pos: int | None) -> QuerySet[ProcessingLogEntry, Any]:
    """The sealed entries in (after_pos, upto_pos], in chain order, as rows of CHAIN_COLUMNS."""
    rows = ProcessingLogEntry.objects.filter(chain_pos__gt=after_pos)
    if upto_pos is not None:
        rows = rows.filter(chain_pos__lte=upto_pos)
    return rows.order_by("chain_pos").values_list(*CHAIN_COLUMNS, named=True)


def _streamed(rows: QuerySet[ProcessingLogEntry, Any]) -> Iterator[Any]:
    return rows.iterator(chunk_size=5000)  # a server-side cursor: constant memory at any length


def plain_values_problem(entry: Any) -> str:
    """For a version-2 entry: the plain values must match their references, or be cleared once pseudonymised."""
    if entry.hash_version != 2:
        return ""
    if entry.pseudonymised_at is None:
        if plain_references(entry) != stored_references(entry):
            return "een persoon, gebruiker, adres of detail van de regel is gewijzigd"
        return ""
    cleared = not (
        entry.person_ids or entry.actor_username or entry.source_address or entry.object_id or entry.details
    )
    return "" if cleared else "een gepseudonimiseerde regel heeft weer herleidbare gegevens"


def walk(after_pos: int, upto_pos: int | None, prev_hash: str | None) -> Segment:
    """Check the entries in (after_pos, upto_pos]. With `prev_hash` the first entry's link is checked against it;
    without, the first link is left to the join (a segment in the middle of the chain)."""
    checked, first_seq, first_prev = 0, None, ""
    last_pos: int | None = None
    last_hash = prev_hash or ""
    for row in _streamed(sealed_rows(after_pos, upto_pos)):
        if first_seq is None:
            first_seq, first_prev = row.seq, row.prev_hash
            prev_hash = row.prev_hash if prev_hash is None else prev_hash
        if row.prev_hash != prev_hash:
            reason = LINK_BROKEN
        elif entry_hash(fields_of(row), row.prev_hash) != row.hash:
            reason = CONTENT_CHANGED
        else:
            reason = plain_values_problem(row)
        if reason:
            return Segment(checked, first_seq, first_prev, last_pos, last_hash, row.seq, reason)
        prev_hash = last_hash = row.hash
        last_pos = row.chain_pos
        checked += 1
    return Segment(checked, first_seq, first_prev, last_pos, last_hash)


def _joined(segments: Iterable[Segment], after_pos: int, prev_hash: str, unsealed: int) -> VerifyResult:
    """The segments in chain order as one walk: the first link or entry that breaks, or intact to the end."""
    checked, last_pos, running = 0, after_pos or None, prev_hash
    for segment in segments:
        if segment.first_seq is None:
            continue
        if segment.first_prev != running:
            return VerifyResult(False, checked, last_pos, running, segment.first_seq, LINK_BROKEN, unsealed)
        if segment.broken_seq is not None:
            if segment.checked:
                checked, last_pos, running = checked + segment.checked, segment.last_pos, segment.last_hash
            return VerifyResult(False, checked, last_pos, running, segment.broken_seq, segment.reason, unsealed)
        checked, last_pos, running = checked + segment.checked, segment.last_pos, segment.last_hash
    broken_at, problem = signed_checkpoint_problem()
    if problem:
        return VerifyResult(False, checked, last_pos, running, broken_at, problem, unsealed)
    return VerifyResult(True, checked, last_pos, running, unsealed=unsealed)


def default_verify_workers() -> int:
    """One verifying process per core, at most eight (the walk reads as fast as PostgreSQL serves one scan each)."""
    return max(1, min(os.cpu_count() or 1, 8))


def _unsealed() -> int:
    return ProcessingLogEntry.objects.filter(chain_pos__isnull=True).count()


def verify_chain(*, after_pos: int = 0, prev_hash: str = GENESIS_HASH, workers: int = 1) -> VerifyResult:
    """Walk the sealed chain from after_pos; intact only when every entry's hash and predecessor link hold, the
    plain values match their references, and the chain agrees with the last signed checkpoint (decision 0014).

    With `workers` > 1 and a long chain, the walk is split over that many processes (decision 0021); inside an
    open transaction it stays in this process, because other processes cannot see what the transaction wrote."""
    if workers > 1 and not connection.in_atomic_block:
        end = ProcessingLogEntry.objects.aggregate(end=Max("chain_pos"))["end"] or 0
        if end - after_pos >= PARALLEL_FROM:
            return _verify_in_parallel(after_pos, prev_hash, workers)
    return _joined([walk(after_pos, None, prev_hash)], after_pos, prev_hash, _unsealed())


# What a worker inherited from its parent's connections: kept referenced and never used or closed. Closing one
# would end the parent's session (the socket is shared); dropping it would let the garbage collector do that.
_INHERITED: list[Any] = []


def _detach_inherited_connections() -> None:
    """In a forked worker, first: whatever database connection the parent had open is not this process's to use.
    Each worker opens its own, so a worker that is stopped takes only its own session with it."""
    for wrapper in connections.all():
        if wrapper.connection is not None:
            _INHERITED.append(wrapper.connection)
            wrapper.connection = None
        wrapper.in_atomic_block = False
        wrapper.savepoint_ids = []
        wrapper.atomic_blocks = []
        wrapper.needs_rollback = False
        wrapper.closed_in_transaction = False
        wrapper.run_on_commit = []


def _walk_in_snapshot(job: tuple[str, int, int]) -> Segment:
    """In a worker process: walk one segment on the parent's snapshot, so every segment sees the same log."""
    snapshot, after_pos, upto_pos = job
    if not _SNAPSHOT.match(snapshot):
        raise ValueError(f"Geen snapshot-naam van PostgreSQL: {snapshot!r}")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
        # Should this worker hang, its session ends by itself instead of holding the log's lock indefinitely.
        cursor.execute("SET LOCAL idle_in_transaction_session_timeout = '60s'")
        return walk(after_pos, upto_pos, None)


def _verify_in_parallel(after_pos: int, prev_hash: str, workers: int) -> VerifyResult:
    # The workers are forked before this process opens the snapshot's transaction, with no connection open: a
    # forked child must never share its parent's connection. Each opens its own.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_detach_inherited_connections) as pool, transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        end = ProcessingLogEntry.objects.aggregate(end=Max("chain_pos"))["end"] or 0
        unsealed = _unsealed()
        # Four segments per worker: an uneven segment (pseudonymised entries are cheaper) does not idle the rest.
        count = workers * 4
        bounds = [after_pos + (end - after_pos) * i // count for i in range(count + 1)]
        jobs = [(snapshot, bounds[i], bounds[i + 1]) for i in range(count)]
        segments = []
        for segment in pool.imap(_walk_in_snapshot, jobs):
            segments.append(segment)
            if segment.broken_seq is not None:  # what comes after the first break does not change the result
                break
        return _joined(segments, after_pos, prev_hash, unsealed)


def first_hash() -> str | None:
    return ProcessingLogEntry.objects.filter(chain_pos=1).values_list("hash", flat=True).first()


def signed_checkpoint_problem() -> tuple[int | None, str]:
    """The chain against the last signed checkpoint outside the database (decision 0014): (entry, reason) when
    the log was shortened, re-chained or replaced since, or the checkpoint is forged; (None, "") when it holds."""
    try:
        signed = last_checkpoint()
    except CheckpointFileError as error:
        return None, f"het bestand met ondertekende controlepunten is onleesbaar: {error}"
    if signed is None:
        return None, ""
    if not signed.signature_holds():
        return signed.seq, "het laatste ondertekende controlepunt is vervalst: de handtekening klopt niet"
    if first_hash() != signed.chain:
        return signed.seq, (
            "de keten begint anders dan bij het laatste ondertekende controlepunt: het log is vervangen of "
            "opnieuw begonnen"
        )
    at = ProcessingLogEntry.objects.filter(chain_pos=signed.position).values_list("seq", "hash").first()
    if at is None:
        return signed.seq, (
            f"regel {signed.seq} van het laatste ondertekende controlepunt ontbreekt: het log is ingekort "
            "(na het terugzetten van een oudere back-up is dat te verwachten: de regels van daarna ontbreken)"
        )
    if at != (signed.seq, signed.hash):
        return signed.seq, (
            f"regel {signed.seq} heeft een andere plaats of hash dan het ondertekende controlepunt: het log is "
            "herschreven"
        )
    return None, ""
