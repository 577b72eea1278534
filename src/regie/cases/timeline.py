"""Recording a case's timeline (append-only; called by services inside their transaction)."""

from __future__ import annotations

from django.utils import timezone

from regie.accounts.models import User
from regie.cases.models import Case, DataCategory, TimelineEvent


def record(
    *, case: Case, actor: User | None, kind: str, summary: str, category: str = DataCategory.GENERAL
) -> TimelineEvent:
    """Append one event to the case's timeline."""
    return TimelineEvent.objects.create(
        case=case, at=timezone.now(), actor=actor, kind=kind, summary=summary[:300], category=category
    )
