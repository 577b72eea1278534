"""Writing and verifying the processing log: one chained entry per processing, in the caller's transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.processing_log.actions import get_action
from regie.processing_log.models import LogCheckpoint, ProcessingLogEntry

GENESIS_HASH = "0" * 64
# One fixed advisory-lock key: appends to the chain are serialised so every entry names its true predecessor.
_CHAIN_LOCK_KEY = 0x5245_4749_45  # "REGIE"


def _canonical(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False).encode()


def entry_hash(fields: dict[str, Any], prev_hash: str) -> str:
    """SHA-256 over the entry's content and the previous entry's hash."""
    return hashlib.sha256(prev_hash.encode() + _canonical(fields)).hexdigest()


def _hashed_fields(
    *,
    seq: int,
    occurred_at: datetime,
    actor_id: int | None,
    actor_username: str,
    actor_organisation: str,
    actor_role: str,
    acting_for: str,
    action: str,
    object_type: str,
    object_id: str,
    person_ids: list[UUID],
    purpose: str,
    break_the_glass: bool,
    source_address: str | None,
    details: dict[str, Any],
) -> dict[str, Any]:
    return {
        "seq": seq,
        "occurred_at": occurred_at.astimezone(UTC).isoformat(),
        "actor_id": actor_id,
        "actor_username": actor_username,
        "actor_organisation": actor_organisation,
        "actor_role": actor_role,
        "acting_for": acting_for,
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "person_ids": sorted(str(p) for p in person_ids),
        "purpose": purpose,
        "break_the_glass": break_the_glass,
        "source_address": source_address,
        "details": details,
    }


def _fields_of(entry: ProcessingLogEntry) -> dict[str, Any]:
    return _hashed_fields(
        seq=entry.seq,
        occurred_at=entry.occurred_at,
        actor_id=entry.actor_id,
        actor_username=entry.actor_username,
        actor_organisation=entry.actor_organisation,
        actor_role=entry.actor_role,
        acting_for=entry.acting_for,
        action=entry.action,
        object_type=entry.object_type,
        object_id=entry.object_id,
        person_ids=list(entry.person_ids),
        purpose=entry.purpose,
        break_the_glass=entry.break_the_glass,
        source_address=entry.source_address,
        details=entry.details,
    )


def client_address(request: HttpRequest | None) -> str | None:
    """The caller's address (REMOTE_ADDR; a proxy in front sets it via the WSGI server)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


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
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
            cursor.execute("SELECT nextval(pg_get_serial_sequence('processing_log_entry', 'seq'))")
            seq = int(cursor.fetchone()[0])
        last = ProcessingLogEntry.objects.order_by("-seq").values_list("hash", flat=True).first()
        prev_hash = last or GENESIS_HASH
        organisation = getattr(actor, "organisation", None) if actor is not None else None
        fields = _hashed_fields(
            seq=seq,
            occurred_at=timezone.now(),
            actor_id=getattr(actor, "pk", None),
            actor_username=getattr(actor, "username", "") or username,
            actor_organisation=str(organisation) if organisation is not None else "",
            actor_role=getattr(actor, "role", "") or "",
            acting_for=acting_for,
            action=action,
            object_type=object_type,
            object_id=str(object_id) if object_id else "",
            person_ids=[UUID(str(p)) for p in persons or ()],
            purpose=purpose,
            break_the_glass=break_the_glass,
            source_address=client_address(request),
            details=details or {},
        )
        digest = entry_hash(fields, prev_hash)
        occurred_at = datetime.fromisoformat(fields["occurred_at"])
        return ProcessingLogEntry.objects.create(
            seq=seq,
            occurred_at=occurred_at,
            actor_id=fields["actor_id"],
            actor_username=fields["actor_username"],
            actor_organisation=fields["actor_organisation"],
            actor_role=fields["actor_role"],
            acting_for=acting_for,
            action=action,
            object_type=object_type,
            object_id=fields["object_id"],
            person_ids=fields["person_ids"],
            purpose=purpose,
            break_the_glass=break_the_glass,
            source_address=fields["source_address"],
            details=fields["details"],
            prev_hash=prev_hash,
            hash=digest,
        )


@dataclass(frozen=True)
class VerifyResult:
    intact: bool
    entries_checked: int
    last_seq: int | None
    last_hash: str
    first_broken_seq: int | None = None
    reason: str = ""


def _entries_from(after_seq: int) -> Iterator[ProcessingLogEntry]:
    return ProcessingLogEntry.objects.filter(seq__gt=after_seq).order_by("seq").iterator(chunk_size=2000)


def verify_chain(*, after_seq: int = 0, prev_hash: str = GENESIS_HASH) -> VerifyResult:
    """Walk the chain from after_seq; intact only when every entry's hash and predecessor link hold."""
    checked = 0
    last_seq: int | None = after_seq or None
    for entry in _entries_from(after_seq):
        if entry.prev_hash != prev_hash:
            return VerifyResult(
                False,
                checked,
                last_seq,
                prev_hash,
                entry.seq,
                "de verwijzing naar de vorige regel klopt niet (regel verwijderd of ingevoegd)",
            )
        if entry_hash(_fields_of(entry), prev_hash) != entry.hash:
            return VerifyResult(
                False, checked, last_seq, prev_hash, entry.seq, "de inhoud van de regel is gewijzigd"
            )
        prev_hash = entry.hash
        last_seq = entry.seq
        checked += 1
    return VerifyResult(True, checked, last_seq, prev_hash)


def checkpoint_tail() -> LogCheckpoint:
    """Verify the entries after the last intact checkpoint and record a new checkpoint."""
    last = LogCheckpoint.objects.filter(intact=True).order_by("-seq").first()
    after_seq, prev = (last.seq, last.hash) if last else (0, GENESIS_HASH)
    result = verify_chain(after_seq=after_seq, prev_hash=prev)
    return LogCheckpoint.objects.create(
        seq=result.last_seq or after_seq,
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
