"""Idempotent writes for clients that retry (the `Idempotency-Key` request header, IETF draft
"The Idempotency-Key HTTP Header Field").

A request with a key reserves it in the caller's transaction before it writes anything: `INSERT … ON CONFLICT DO
NOTHING` on (scope, key). The first request gets the reservation, does its work and stores its answer in the same
transaction; a retry that arrives meanwhile waits on the unique index until that transaction ends, then finds the
stored answer and gets it again (marked `Idempotent-Replayed: true`); if the first one rolled back, the retry takes
the key itself. So an answered request happened exactly once, and a request that was never answered (the database
went away) left nothing behind. The same key with a different body is refused (422). Keys are kept for
`RETENTION` and then forgotten (`forget_old_keys`).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import connection
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.request import Request

from regie.core.models import IdempotencyKey

HEADER = "Idempotency-Key"
RETENTION = timedelta(hours=24)
_KEY = re.compile(r"[\x21-\x7e]{8,255}")  # visible ASCII, no spaces: a UUID, a ULID, a random token


class IdempotencyKeyReused(exceptions.APIException):
    status_code = 422
    default_detail = (
        "Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel voor een nieuw "
        "verzoek; herhaal een verzoek alleen met precies dezelfde inhoud."
    )
    default_code = "idempotency_key_reused"


@dataclass(frozen=True)
class StoredAnswer:
    status_code: int
    body: Any


def request_key(request: Request) -> str | None:
    """The request's key, None without the header; a malformed key is a 400 naming the header."""
    raw = request.headers.get(HEADER)
    if raw is None:
        return None
    if not _KEY.fullmatch(raw):
        raise exceptions.ValidationError(
            {HEADER: ["Een Idempotency-Key is 8 tot 255 zichtbare ASCII-tekens zonder spaties, bijvoorbeeld een UUID."]}
        )
    return raw


def fingerprint(data: Any) -> str:
    """A hash of the request's content, the same whatever order its fields came in."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def reserve_or_replay(scope: str, key: str, print_: str) -> StoredAnswer | None:
    """Inside the caller's transaction: None when this request now holds the key (go on, then `remember`), or
    the answer stored for the earlier request with the same key and content."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_idempotencykey (scope, key, fingerprint, created_at) VALUES (%s, %s, %s, now()) "
            "ON CONFLICT (scope, key) DO NOTHING RETURNING id",
            [scope, key, print_],
        )
        if cursor.fetchone() is not None:
            return None
    earlier = IdempotencyKey.objects.get(scope=scope, key=key)
    if earlier.fingerprint != print_ or earlier.status_code is None:
        raise IdempotencyKeyReused()
    return StoredAnswer(earlier.status_code, earlier.body)


def remember(scope: str, key: str, status_code: int, body: Any) -> None:
    """Store the answer for the key this request holds (in the same transaction as its effect)."""
    IdempotencyKey.objects.filter(scope=scope, key=key).update(status_code=status_code, body=body)


def forget_old_keys(now: Any = None) -> int:
    """Forget keys older than RETENTION; returns how many."""
    cutoff = (now or timezone.now()) - RETENTION
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted
