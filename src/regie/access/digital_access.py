"""The door for digital safety (C10): who sees the follow-ups residents asked for after online crime.

Rules (default deny):
- a follow-up holds personal data the resident gave with consent, for one purpose: contacting them. It is seen by
  the municipality's process directors and project leaders (the team that calls residents back), of the
  municipality it was made for, and by no one else (no partner, analyst, administrator or privacy officer);
- a withdrawn follow-up stays in the list as an anonymised line (so the team sees the request is gone);
- self-check results and campaigns are not personal data and have no door: the role permission decides;
- missing and not yours are the same 404; every read of a list or a follow-up is logged naming the persons.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from regie.accounts.models import Role
from regie.core.ids import uuid_or_404
from regie.digital.models import VictimFollowUp
from regie.processing_log.services import log_processing

FOLLOW_UP_ROLES = frozenset({Role.PROCESS_DIRECTOR, Role.PROJECT_LEADER})


def may_handle_follow_ups(user: Any) -> bool:
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and user.role in FOLLOW_UP_ROLES
        and getattr(user, "organisation", None) is not None
    )


def follow_ups_visible_to(user: Any) -> QuerySet[VictimFollowUp]:
    if not may_handle_follow_ups(user):
        return VictimFollowUp.objects.none()
    return VictimFollowUp.objects.filter(municipality_id=user.organisation.municipality_id)


def follow_up_list(
    *, user: Any, request: HttpRequest | None = None, status: str = "", limit: int = 200
) -> list[VictimFollowUp]:
    """The follow-ups this user may handle, oldest deadline first; logged naming the persons shown."""
    qs = follow_ups_visible_to(user).select_related("person")
    if status:
        qs = qs.filter(status=status)
    rows = list(qs.order_by("first_contact_due", "created_at")[:limit])
    log_processing(
        action="digital_follow_up.listed",
        actor=user,
        request=request,
        object_type="digital_follow_up",
        persons=[r.person_id for r in rows if r.person_id],
        details={"count": len(rows), "status": status},
    )
    return rows


def follow_up_get(
    *, user: Any, follow_up_id: object, request: HttpRequest | None = None, log: bool = True
) -> VictimFollowUp:
    """One follow-up; 404 alike for missing and not yours; logged unless the caller writes (the write logs)."""
    found = (
        follow_ups_visible_to(user)
        .select_related("person", "signal")
        .filter(pk=uuid_or_404(follow_up_id))
        .first()
    )
    if found is None:
        raise Http404
    if log:
        log_processing(
            action="digital_follow_up.viewed",
            actor=user,
            request=request,
            object_type="digital_follow_up",
            object_id=found.pk,
            persons=[found.person_id] if found.person_id else [],
        )
    return found


def follow_up_of_case(*, user: Any, case: Any, request: HttpRequest | None = None) -> VictimFollowUp | None:
    """The follow-up whose signal started this (nazorg) case, for who may handle follow-ups; logged when shown."""
    found = (
        follow_ups_visible_to(user).select_related("person", "signal").filter(signal__case_id=case.pk).first()
    )
    if found is not None:
        log_processing(
            action="digital_follow_up.viewed",
            actor=user,
            request=request,
            object_type="digital_follow_up",
            object_id=found.pk,
            persons=[found.person_id] if found.person_id else [],
            details={"case": str(case.pk)},
        )
    return found
