"""Reads of the processing log (privacy officer only, through the policy)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet

from regie.processing_log.actions import is_registered
from regie.processing_log.models import LogCheckpoint, ProcessingLogEntry
from regie.processing_log.pseudonyms import actor_reference, person_reference

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class LogFilter:
    person: UUID | None = None
    persons: tuple[UUID, ...] | None = None  # any of these persons (a filter by name or BSN); () finds nothing
    user: str = ""
    action: str = ""
    date_from: date | None = None
    date_to: date | None = None


def concerning(person_ids: Iterable[UUID]) -> Q:
    """Entries naming any of these persons: by id, or by reference once the entry is pseudonymised."""
    ids = list(person_ids)
    return Q(person_ids__overlap=ids) | Q(person_refs__overlap=[person_reference(p) for p in ids])


def processing_log(filters: LogFilter) -> QuerySet[ProcessingLogEntry]:
    """Entries matching the filter, newest first; one indexed query (person via GIN, period via index)."""
    qs = ProcessingLogEntry.objects.all()
    # A pseudonymised entry (decision 0013) no longer holds the person or the user, only their keyed references.
    if filters.person:
        qs = qs.filter(concerning([filters.person]))
    if filters.persons is not None:
        qs = qs.filter(concerning(filters.persons)) if filters.persons else qs.none()
    if filters.user:
        username = filters.user.strip().lower()
        qs = qs.filter(Q(actor_username=username) | Q(actor_ref=actor_reference(username)))
    if filters.action:
        action = filters.action.strip()
        # A registered code is one action; anything else is the beginning of codes (`auth.`, `case.`).
        qs = qs.filter(action=action) if is_registered(action) else qs.filter(action__startswith=action)
    if filters.date_from:
        qs = qs.filter(occurred_at__gte=datetime.combine(filters.date_from, time.min, AMSTERDAM))
    if filters.date_to:
        qs = qs.filter(
            occurred_at__lt=datetime.combine(filters.date_to + timedelta(days=1), time.min, AMSTERDAM)
        )
    return qs.order_by("-seq")


def latest_checkpoint() -> LogCheckpoint | None:
    """The most recent verification of the chain."""
    return LogCheckpoint.objects.order_by("-verified_at").first()
