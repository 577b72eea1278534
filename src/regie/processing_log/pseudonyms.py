"""Keyed references for the fields of a log entry that can name someone (decision 0013).

A reference is HMAC-SHA-256 under `REGIE_LOG_PSEUDONYM_KEY`, a key kept outside the database. The entry's hash covers
the references, so the plain values can be cleared when the log's own term has passed while the chain still
verifies; with the key the privacy officer can still answer "does this entry concern person X" without the log
holding X. An empty value has an empty reference: there is nothing to hide and nothing to match.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings


def reference(kind: str, value: object) -> str:
    """The keyed reference of one value of one kind ("person", "actor", "source", "object", "details")."""
    if value is None or value in ("", {}, []):
        return ""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)
    keyed = _keyed(settings.REGIE_LOG_PSEUDONYM_KEY).copy()
    keyed.update(f"{kind}:{text}".encode())
    return keyed.hexdigest()


@functools.lru_cache(maxsize=4)
def _keyed(key: str) -> hmac.HMAC:
    """The HMAC state after the key, made once per key and copied per reference (verify makes five per entry)."""
    return hmac.new(key.encode(), digestmod=hashlib.sha256)


def person_reference(person_id: object) -> str:
    return reference("person", str(person_id))


def person_references(person_ids: Iterable[object]) -> list[str]:
    """References of the persons, sorted (the order the hash covers)."""
    return sorted(person_reference(p) for p in person_ids)


def actor_reference(username: str) -> str:
    return reference("actor", username)


@dataclass(frozen=True)
class References:
    person_refs: list[str]
    actor_ref: str
    source_ref: str
    object_ref: str
    details_ref: str


def references_of(
    *, person_ids: Iterable[object], username: str, source: str | None, object_id: str, details: dict[str, Any]
) -> References:
    return References(
        person_refs=person_references(person_ids),
        actor_ref=actor_reference(username),
        source_ref=reference("source", source),
        object_ref=reference("object", object_id),
        details_ref=reference("details", details),
    )
