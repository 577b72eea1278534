"""A signal's append-only history, and follow-up jobs enqueued in the caller's transaction (rule 2)."""

from __future__ import annotations

from django.utils import timezone
from procrastinate.contrib.django import app

from regie.accounts.models import User
from regie.intake.models import Signal, SignalEvent


def record(*, signal: Signal, actor: User | None, kind: str, summary: str) -> SignalEvent:
    """Append one event to the signal's history."""
    return SignalEvent.objects.create(
        signal=signal, at=timezone.now(), actor=actor, kind=kind, summary=summary[:300]
    )


def enqueue(task_name: str, **kwargs: str) -> None:
    """Defer a job on the current database connection, so it commits (or rolls back) with the change."""
    app.configure_task(name=task_name).defer(**kwargs)
