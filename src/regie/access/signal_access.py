"""The door for signals: who sees which signal, and who may triage it. Default deny.

Rules:
- the process director sees every signal of their municipality (they guard the whole intake);
- a member of a municipal team sees the signals routed to their team's queue;
- a partner sees only the signals their own organisation sent;
- analysts, the functional administrator and the privacy officer see no signal at all;
- "does not exist" and "not yours" are the same 404, and every read of one signal is logged.

Each rule is one indexed filter on the signal table (municipality, queue or sending organisation).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from regie.access.case_access import case_person_ids
from regie.access.policy import has_permission
from regie.accounts.models import Organisation, Role
from regie.core.ids import uuid_or_404
from regie.intake.models import Signal
from regie.processing_log.services import log_processing

TEAM_ROLES = frozenset({Role.PROJECT_LEADER, Role.INSPECTOR, Role.LAWYER, Role.BRP})


def _active(user: Any) -> bool:
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and getattr(user, "organisation_id", None)
    )


def signals_visible_to(user: Any) -> QuerySet[Signal]:
    """Every signal this user may see (one filter per role); empty for roles without signal access."""
    if not _active(user):
        return Signal.objects.none()
    if user.role == Role.PROCESS_DIRECTOR:
        municipality = Organisation.objects.filter(pk=user.organisation_id).values("municipality_id")
        return Signal.objects.filter(municipality_id__in=municipality)
    if user.role in TEAM_ROLES:
        return Signal.objects.filter(queue_id=user.organisation_id)
    if user.role == Role.PARTNER:
        return Signal.objects.filter(partner_organisation_id=user.organisation_id)
    return Signal.objects.none()


def may_triage(user: Any, signal: Signal) -> bool:
    """Claiming and deciding: municipal triage roles, on a signal that came to them through the door."""
    if not has_permission(user, "signals.triage"):
        return False
    if user.role == Role.PROCESS_DIRECTOR:
        return True
    return signal.queue_id is not None and signal.queue_id == user.organisation_id


def signal_person_ids(signal: Signal) -> list[UUID]:
    """The confirmed persons of a signal (for the processing log)."""
    return list(signal.subjects.filter(person__isnull=False).values_list("person_id", flat=True))


def get_signal_for(
    user: Any,
    signal_id: object,
    *,
    action: str = "signal.viewed",
    request: HttpRequest | None = None,
    log: bool = True,
) -> Signal:
    """One signal through the door, or Http404 alike for missing and not-visible; the read is logged."""
    signal = (
        signals_visible_to(user)
        .select_related("category", "suggested_category", "queue", "claimed_by", "partner_organisation")
        .filter(pk=uuid_or_404(signal_id))
        .first()
    )
    if signal is None:
        raise Http404
    if log:
        # A signal that went to a case is about that case's persons too (its page shows the case).
        persons = [*signal_person_ids(signal), *case_person_ids([signal.case_id] if signal.case_id else [])]
        log_processing(
            action=action,
            actor=user,
            request=request,
            object_type="signal",
            object_id=signal.pk,
            persons=dict.fromkeys(persons),
            details={"reference": signal.reference},
        )
    return signal


def get_signal_by_reference_for(user: Any, reference: str) -> Signal | None:
    """A visible signal by its reference (e.g. the duplicate to merge into); None when missing or hidden."""
    return signals_visible_to(user).filter(reference=reference.strip().upper()).first()
