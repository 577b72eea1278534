"""Reads of the processing log (privacy officer only, through the policy)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from django.db.models import QuerySet

from regie.processing_log.actions import is_registered
from regie.processing_log.models import LogCheckpoint, ProcessingLogEntry

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class LogFilter:
    person: UUID | None = None
    persons: tuple[UUID, ...] | None = None  # any of these persons (a filter by name or BSN); () finds nothing
    user: str = ""
    action: str = ""
    date_from: date | None = None
    date_to: date | None = None


def processing_log(filters: LogFilter) -> QuerySet[ProcessingLogEntry]:
    """Entries matching the filter, newest first; one indexed query (person via GIN, period via index)."""
    qs = ProcessingLogEntry.objects.all()
    if filters.person:
        qs = qs.filter(person_ids__contains=[filters.person])
    if filters.persons is not None:
        qs = qs.filter(person_ids__overlap=list(filters.persons)) if filters.persons else qs.none()
    if filters.user:
        qs = qs.filter(actor_username=filters.user.strip().lower())
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
