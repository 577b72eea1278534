"""The public rate limit per address, counted in the database so every web process shares one count.

`REGIE_PUBLIC_RATE_LIMIT` (e.g. `20/h`) is the number of public submissions one address may make per window.
Only a keyed hash of the address is stored, and only for the current and the previous window.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone
from rest_framework.permissions import SAFE_METHODS
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from regie.intake.models import PublicRateWindow
from regie.processing_log.services import client_address

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def public_rate() -> tuple[int, int]:
    """(allowed submissions, window in seconds) from the configured rate."""
    raw = str(api_settings.DEFAULT_THROTTLE_RATES["public"])
    count, unit = raw.split("/")
    return int(count), _PERIODS[unit[0]]


@dataclass(frozen=True)
class RateDecision:
    allowed: bool
    retry_after: int  # seconds until the window ends


def _key(address: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def public_rate_hit(address: str | None) -> RateDecision:
    """Count one public submission from this address; allowed while within the limit for this window."""
    limit, period = public_rate()
    now = timezone.now()
    start_ts = int(now.timestamp()) // period * period
    window_start = datetime.fromtimestamp(start_ts, tz=UTC)
    with connection.cursor() as cursor:
        # One statement, atomic under concurrency: the row is created or its count raised, never lost.
        cursor.execute(
            "INSERT INTO intake_publicratewindow (key, window_start, count) VALUES (%s, %s, 1) "
            "ON CONFLICT (key, window_start) DO UPDATE SET count = intake_publicratewindow.count + 1 "
            "RETURNING count",
            [_key(address or "onbekend"), window_start],
        )
        count = int(cursor.fetchone()[0])
    retry_after = max(1, start_ts + period - int(now.timestamp()))
    return RateDecision(allowed=count <= limit, retry_after=retry_after)


def public_rate_cleanup() -> int:
    """Forget counters older than the previous window (the keyed hashes included)."""
    _, period = public_rate()
    deleted, _ = PublicRateWindow.objects.filter(
        window_start__lt=timezone.now() - timedelta(seconds=2 * period)
    ).delete()
    return deleted


class PublicRateThrottle(BaseThrottle):
    """REGIE_PUBLIC_RATE_LIMIT per address, counted in the database (shared by every web process): the throttle of
    every public API. `counts_reads = False` lets reading (GET, HEAD, OPTIONS) through and counts only what is sent."""

    counts_reads = True

    def __init__(self) -> None:
        self.retry_after = 0

    def allow_request(self, request: Any, view: Any) -> bool:
        if not self.counts_reads and request.method in SAFE_METHODS:
            return True
        decision = public_rate_hit(client_address(request._request))
        self.retry_after = decision.retry_after
        return decision.allowed

    def wait(self) -> float:
        return float(self.retry_after)
