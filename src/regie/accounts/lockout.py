"""Lock-outs after failed logins (django-axes counts them per username and source address): who is locked, from
where and until when, and the administrator's unlock.

A lock holds for one username from one address, so a stranger failing from elsewhere cannot lock a colleague out.
It blocks the password login and the account's API tokens from that address alike; the owner sees it on the login
page (and, logging in from elsewhere, a warning that their username is locked somewhere); the administrator sees
it on the user pages and can lift it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import User
from regie.accounts.services import auth_event


@dataclass(frozen=True)
class Lockout:
    """One username locked from one address until a moment, after this many failed logins."""

    username: str
    address: str | None
    failures: int
    until: datetime


def failure_limit() -> int:
    return int(settings.AXES_FAILURE_LIMIT)


def _cool_off() -> timedelta:
    return get_cool_off() or timedelta(0)


def _recent_attempts() -> Any:
    return AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - _cool_off())


def _lockouts(attempts: Any) -> list[Lockout]:
    """Axes' own rule over its attempt rows: failures within the cool-off, summed per username and address, lock
    at the limit; the lock ends when the oldest row still needed to reach the limit leaves the cool-off. One query;
    only the rows of usernames locked somewhere leave the database (not every failed login of the last minutes)."""
    locked = (
        attempts.order_by()
        .values("username", "ip_address")
        .annotate(total=Sum("failures_since_start"))
        .filter(total__gte=failure_limit())
        .values("username")
    )
    rows: dict[tuple[str, str | None], list[tuple[datetime, int]]] = defaultdict(list)
    for username, address, at, failures in attempts.filter(username__in=locked).values_list(
        "username", "ip_address", "attempt_time", "failures_since_start"
    ):
        rows[(username or "", address)].append((at, failures))
    found = []
    for (username, address), attempts_here in rows.items():
        total = 0
        for at, failures in sorted(attempts_here, reverse=True):
            total += failures
            if total >= failure_limit():
                found.append(Lockout(username, address, total, at + _cool_off()))
                break
    return sorted(found, key=lambda lock: (lock.username, lock.until))


def lockouts_of(username: str) -> list[Lockout]:
    """The addresses from which this username is locked out now, soonest end first."""
    return _lockouts(_recent_attempts().filter(username__iexact=username))


def lockout_for(username: str, address: str | None) -> Lockout | None:
    """The lock on this username from this address, if there is one now."""
    locks = [lock for lock in lockouts_of(username) if lock.address == address]
    return locks[0] if locks else None


def current_lockouts() -> dict[str, list[Lockout]]:
    """Every lock now, by lowercased username (one query)."""
    by_user: dict[str, list[Lockout]] = defaultdict(list)
    for lock in _lockouts(_recent_attempts()):
        by_user[lock.username.lower()].append(lock)
    return dict(by_user)


def recent_failures(username: Any, address: str | None) -> Subquery:
    """A subquery: the failed logins within the cool-off for `username` (a value or an OuterRef) from `address`,
    so a query that already reads the account (the API token's) learns of a lock without a query of its own."""
    failures = (
        _recent_attempts()
        .filter(username=username, ip_address=address)
        .order_by()
        .values("username")
        .annotate(total=Sum("failures_since_start"))
        .values("total")
    )
    return Subquery(failures, output_field=IntegerField())


def with_recent_failures(queryset: Any, *, username_field: str, address: str | None) -> Any:
    return queryset.annotate(recent_failures=Coalesce(recent_failures(OuterRef(username_field), address), 0))


def account_unlock(*, actor: User, user: User, request: HttpRequest | None = None) -> int:
    """Lift every lock on the user's username (from every address) and forget its failed logins; logged."""
    with transaction.atomic():
        locks = lockouts_of(user.username)
        AccessAttempt.objects.filter(username__iexact=user.username).delete()
        auth_event(
            action="auth.unlocked",
            request=request,
            user=actor,
            details={
                "forUser": user.username,
                "addresses": sorted(str(lock.address) for lock in locks),
            },
        )
    return len(locks)
