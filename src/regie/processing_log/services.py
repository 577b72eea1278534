"""Writing and sealing the processing log (decisions 0002, 0013, 0014, 0015); verifying is in `verify`.

A request appends its entry with one INSERT in its own transaction: no lock, no read of the previous hash. The
sealing job (every minute, and before every verification) chains the committed entries; nightly checkpoints are
verified, signed and written outside the database; entries past the log's term are pseudonymised.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.ipv6 import clean_ipv6_address

from regie.core.periods import add_months
from regie.processing_log.actions import get_action
from regie.processing_log.chain import GENESIS_HASH, entry_hash, fields_of
from regie.processing_log.models import LogCheckpoint, ProcessingLogEntry
from regie.processing_log.pseudonyms import references_of
from regie.processing_log.signing import append_checkpoint, sign_checkpoint
from regie.processing_log.verify import first_hash, verify_chain

# One fixed advisory-lock key, taken by the sealer only (decision 0015): one sealer at a time chains the entries.
_CHAIN_LOCK_KEY = 0x5245_4749_45  # "REGIE"


def client_address(request: HttpRequest | None) -> str | None:
    """The caller's address (REMOTE_ADDR; a proxy in front sets it via the WSGI server)."""
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR") or None
    # As PostgreSQL will store it (an IPv6 address in its one canonical form), so its reference matches it later.
    return clean_ipv6_address(address) if address and ":" in address else address


def log_processing(
    *,
    action: str,
    actor: Any = None,
    request: HttpRequest | None = None,
    object_type: str = "",
    object_id: object = "",
    persons: Iterable[UUID] | None = None,
    purpose: str = "",
    acting_for: str = "",
    break_the_glass: bool = False,
    details: dict[str, Any] | None = None,
    username: str = "",
) -> ProcessingLogEntry:
    """Append one chained entry inside the current transaction (or its own, when none is open).

    `action` must be declared in `regie.processing_log.actions`; where it is declared to name persons, `persons` must be
    given (empty when the object concerns no one). Both are programming errors, refused before anything is written.
    """
    declared = get_action(action)
    if declared.names_persons and persons is None:
        raise ValueError(f"Handeling {action!r} moet de betrokken personen noemen: geef persons= mee.")
    # One INSERT in the caller's transaction, no lock and no read (decision 0015): the sealing job chains it.
    organisation = getattr(actor, "organisation", None) if actor is not None else None
    username_value = getattr(actor, "username", "") or username
    person_ids = sorted(str(UUID(str(p))) for p in persons or ())
    object_text = str(object_id) if object_id else ""
    source = client_address(request)
    refs = references_of(
        person_ids=person_ids, username=username_value, source=source, object_id=object_text, details=details or {}
    )
    return ProcessingLogEntry.objects.create(
        occurred_at=timezone.now(),
        actor_id=getattr(actor, "pk", None),
        actor_username=username_value,
        actor_organisation=str(organisation) if organisation is not None else "",
        actor_role=getattr(actor, "role", "") or "",
        acting_for=acting_for,
        action=action,
        object_type=object_type,
        object_id=object_text,
        person_ids=person_ids,
        purpose=purpose,
        break_the_glass=break_the_glass,
        source_address=source,
        details=details or {},
        hash_version=2,
        person_refs=refs.person_refs,
        actor_ref=refs.actor_ref,
        source_ref=refs.source_ref,
        object_ref=refs.object_ref,
        details_ref=refs.details_ref,
    )


def processing_log_seal(*, batch_size: int = 5000) -> int:
    """Chain the committed entries that are not sealed yet, in `seq` order, after the last sealed one.

    Only one sealer works at a time (a try-lock: a second one returns 0 at once, the first does the work); requests
    never wait for it. An entry whose transaction commits after a sealer passed it is sealed by the next run, at a
    later position: the chain's order is the order of sealing, and each entry's hash covers its own `seq` and time.
    Returns how many entries were sealed.
    """
    sealed = 0
    while True:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
                if not cursor.fetchone()[0]:
                    return sealed
            last = (
                ProcessingLogEntry.objects.filter(chain_pos__isnull=False)
                .order_by("-chain_pos")
                .values_list("chain_pos", "hash")
                .first()
            )
            position, prev_hash = (last[0] or 0, last[1]) if last else (0, GENESIS_HASH)
            batch = list(ProcessingLogEntry.objects.filter(chain_pos__isnull=True).order_by("seq")[:batch_size])
            for entry in batch:
                position += 1
                entry.chain_pos, entry.prev_hash = position, prev_hash
                entry.hash = prev_hash = entry_hash(fields_of(entry), prev_hash)
            if batch:  # one UPDATE for the batch (bulk_update's CASE per row is quadratic in the batch size)
                # By the key of the monthly partitions (seq, occurred_at), within the batch's ranges of both: only
                # the partitions and index range concerned are read, not the whole log (decision 0017).
                times = [e.occurred_at for e in batch]
                with connection.cursor() as cursor:
                    cursor.execute(
                        "UPDATE processing_log_entry e SET chain_pos = v.pos, prev_hash = v.prev, hash = v.hash "
                        "FROM unnest(%s::bigint[], %s::timestamptz[], %s::bigint[], %s::text[], %s::text[]) "
                        "AS v(seq, at, pos, prev, hash) WHERE e.seq = v.seq AND e.occurred_at = v.at "
                        "AND e.seq BETWEEN %s AND %s AND e.occurred_at BETWEEN %s AND %s",
                        [
                            [e.seq for e in batch],
                            times,
                            [e.chain_pos for e in batch],
                            [e.prev_hash for e in batch],
                            [e.hash for e in batch],
                            batch[0].seq,
                            batch[-1].seq,
                            min(times),
                            max(times),
                        ],
                    )
            sealed += len(batch)
        if len(batch) < batch_size:
            return sealed


def oldest_unsealed() -> datetime | None:
    """When the oldest entry still waiting for the sealer was written (None: everything is sealed)."""
    return (
        ProcessingLogEntry.objects.filter(chain_pos__isnull=True)
        .order_by("seq")
        .values_list("occurred_at", flat=True)
        .first()
    )


def checkpoint_tail() -> LogCheckpoint:
    """Seal what is pending, verify the chain after the last intact checkpoint, record a new checkpoint, and when
    intact sign it outside the database. `LogCheckpoint.seq` holds the chain position verified up to."""
    processing_log_seal()
    last = LogCheckpoint.objects.filter(intact=True).order_by("-seq").first()
    after_pos, prev = (last.seq, last.hash) if last else (0, GENESIS_HASH)
    result = verify_chain(after_pos=after_pos, prev_hash=prev)
    first = first_hash()
    if result.intact and result.last_pos and first:
        at = ProcessingLogEntry.objects.get(chain_pos=result.last_pos)
        append_checkpoint(
            sign_checkpoint(
                chain=first, position=at.chain_pos or 0, seq=at.seq, hash=at.hash, at=timezone.now()
            )
        )
    return LogCheckpoint.objects.create(
        seq=result.last_pos or after_pos,
        hash=result.last_hash,
        entries_checked=result.entries_checked,
        intact=result.intact,
        first_broken_seq=result.first_broken_seq,
    )


def processing_log_checkpoint() -> LogCheckpoint:
    """Record a checkpoint over the unverified tail and log that the check ran (and its outcome)."""
    with transaction.atomic():
        checkpoint = checkpoint_tail()
        log_processing(
            action="audit.checkpoint_recorded" if checkpoint.intact else "audit.chain_broken",
            username="systeem",
            object_type="log_checkpoint",
            object_id=checkpoint.pk,
            details={
                "seq": checkpoint.seq,
                "entriesChecked": checkpoint.entries_checked,
                "firstBrokenSeq": checkpoint.first_broken_seq,
            },
        )
    return checkpoint


def pseudonymisation_cutoff(today: date) -> date:
    """Entries from before this day are past the log's own term (REGIE_LOG_TERM_YEARS, at least five: NEN 7513)."""
    return add_months(today, -12 * settings.REGIE_LOG_TERM_YEARS)


def processing_log_pseudonymise(*, batch_size: int = 5000) -> int:
    """Clear the plain values of version-2 entries older than the log's term (decision 0013); returns how many.

    Each batch is its own transaction, so a run that is stopped halfway leaves whole entries either pseudonymised or
    not, and the next run goes on where it stopped. The chain verifies the same before and after, because the hash
    covers the references, never the plain values. The run itself is logged, with the count and the cutoff.
    """
    cutoff_day = pseudonymisation_cutoff(timezone.localdate())
    cutoff = datetime.combine(cutoff_day, time.min, tzinfo=timezone.get_current_timezone())
    due = ProcessingLogEntry.objects.filter(
        hash_version=2, chain_pos__isnull=False, pseudonymised_at__isnull=True, occurred_at__lt=cutoff
    )
    total = 0
    while True:
        with transaction.atomic():
            batch = list(due.order_by("seq").values_list("seq", flat=True)[:batch_size])
            if not batch:
                break
            # occurred_at too, so only the partitions of the months before the cutoff are touched (decision 0017)
            total += ProcessingLogEntry.objects.filter(seq__in=batch, occurred_at__lt=cutoff).update(
                person_ids=[], actor_username="", source_address=None, object_id="", details={},
                pseudonymised_at=timezone.now(),
            )
    log_processing(
        action="audit.log_pseudonymised",
        username="systeem",
        object_type="processing_log",
        details={"entries": total, "before": cutoff_day.isoformat()},
    )
    return total
