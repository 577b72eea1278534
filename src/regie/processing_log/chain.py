"""The hash chain of the processing log (decisions 0002, 0013, 0015): what an entry's hash covers and how it is
computed. The sealer (`services`) and the verifier (`verify`) both hash through here, so they cannot disagree.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any, Protocol
from uuid import UUID

from regie.processing_log.pseudonyms import References, references_of

GENESIS_HASH = "0" * 64


class ChainRow(Protocol):
    """What hashing and verifying read of an entry: a `ProcessingLogEntry`, or a row of its columns (verify reads
    rows, not model instances: a quarter of the time per entry at millions of entries)."""

    @property
    def seq(self) -> int: ...
    @property
    def occurred_at(self) -> datetime: ...
    @property
    def actor_id(self) -> int | None: ...
    @property
    def actor_username(self) -> str: ...
    @property
    def actor_organisation(self) -> str: ...
    @property
    def actor_role(self) -> str: ...
    @property
    def acting_for(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def object_type(self) -> str: ...
    @property
    def object_id(self) -> str: ...
    @property
    def person_ids(self) -> Any: ...
    @property
    def purpose(self) -> str: ...
    @property
    def break_the_glass(self) -> bool: ...
    @property
    def source_address(self) -> str | None: ...
    @property
    def details(self) -> Any: ...
    @property
    def hash_version(self) -> int: ...
    @property
    def person_refs(self) -> Any: ...
    @property
    def actor_ref(self) -> str: ...
    @property
    def source_ref(self) -> str: ...
    @property
    def object_ref(self) -> str: ...
    @property
    def details_ref(self) -> str: ...


# The columns a ChainRow holds, with the chain's own (position, links) and the pseudonymisation mark.
CHAIN_COLUMNS = (
    "seq", "occurred_at", "actor_id", "actor_username", "actor_organisation", "actor_role", "acting_for", "action",
    "object_type", "object_id", "person_ids", "purpose", "break_the_glass", "source_address", "details",
    "hash_version", "person_refs", "actor_ref", "source_ref", "object_ref", "details_ref",
    "chain_pos", "prev_hash", "hash", "pseudonymised_at",
)  # fmt: skip


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


def _hashed_fields_v2(
    *, seq: int, occurred_at: datetime, actor_id: int | None, actor_organisation: str, actor_role: str,
    acting_for: str, action: str, object_type: str, purpose: str, break_the_glass: bool, refs: References,
) -> dict[str, Any]:
    """Version 2 (decision 0013): what can name someone enters the hash only as its keyed reference."""
    return {
        "v": 2,
        "seq": seq,
        "occurred_at": occurred_at.astimezone(UTC).isoformat(),
        "actor_id": actor_id,
        "actor_ref": refs.actor_ref,
        "actor_organisation": actor_organisation,
        "actor_role": actor_role,
        "acting_for": acting_for,
        "action": action,
        "object_type": object_type,
        "object_ref": refs.object_ref,
        "person_refs": list(refs.person_refs),
        "purpose": purpose,
        "break_the_glass": break_the_glass,
        "source_ref": refs.source_ref,
        "details_ref": refs.details_ref,
    }


def stored_references(entry: ChainRow) -> References:
    return References(
        person_refs=list(entry.person_refs),
        actor_ref=entry.actor_ref,
        source_ref=entry.source_ref,
        object_ref=entry.object_ref,
        details_ref=entry.details_ref,
    )


def plain_references(entry: ChainRow) -> References:
    return references_of(
        person_ids=entry.person_ids,
        username=entry.actor_username,
        source=entry.source_address,
        object_id=entry.object_id,
        details=entry.details,
    )


def fields_of(entry: ChainRow) -> dict[str, Any]:
    if entry.hash_version == 2:
        return _hashed_fields_v2(
            seq=entry.seq,
            occurred_at=entry.occurred_at,
            actor_id=entry.actor_id,
            actor_organisation=entry.actor_organisation,
            actor_role=entry.actor_role,
            acting_for=entry.acting_for,
            action=entry.action,
            object_type=entry.object_type,
            purpose=entry.purpose,
            break_the_glass=entry.break_the_glass,
            refs=stored_references(entry),
        )
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
