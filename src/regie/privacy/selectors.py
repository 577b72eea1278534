"""Reads of the privacy workplace: the register, and what the log says about one person's consultations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from django.db.models import Q
from django.utils import timezone

from regie.accounts.models import Role
from regie.integrations.brp import purpose_label
from regie.privacy.models import (
    DataSubjectRequest,
    DestructionList,
    ListStatus,
    ProcessingActivity,
    ProcessingRestriction,
    RequestStatus,
)
from regie.processing_log.actions import get_action, is_registered, label_for
from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.selectors import concerning


def activities_by_name() -> dict[str, ProcessingActivity]:
    """The register keyed by the activity names the action registry uses."""
    return {activity.name: activity for activity in ProcessingActivity.objects.all()}


def activity_name_for(action: str) -> str:
    """The processing activity an action belongs to ('' for an action no longer declared)."""
    return get_action(action).activity if is_registered(action) else ""


def role_label(code: str) -> str:
    return str(Role(code).label) if code in Role.values else code


@dataclass(frozen=True)
class Consultation:
    """One processing of the person's data as the data subject is told of it (CJEU C-579/21): when, by which
    organisation and role, what, for which purpose and activity; employees are not named."""

    occurred_at: datetime
    organisation: str
    role: str
    action: str
    purpose: str
    activity: str
    break_the_glass: bool


def consultations_of(person_id: UUID) -> list[Consultation]:
    """Every log entry naming the person, oldest first; a BRP doelbinding code is put in words, and an entry
    without a purpose falls back on the activity's purpose."""
    register = activities_by_name()
    found = []
    entries = ProcessingLogEntry.objects.filter(concerning([person_id])).order_by("seq")
    for entry in entries.iterator(chunk_size=500):
        activity_name = activity_name_for(entry.action)
        activity = register.get(activity_name)
        found.append(
            Consultation(
                occurred_at=entry.occurred_at,
                organisation=entry.actor_organisation or ("Regie (systeem)" if not entry.actor_id else "—"),
                role=role_label(entry.actor_role) or "—",
                action=label_for(entry.action),
                purpose=purpose_label(entry.purpose) if entry.purpose else (activity.purpose if activity else ""),
                activity=activity_name,
                break_the_glass=entry.break_the_glass,
            )
        )
    return found


@dataclass(frozen=True)
class OfficerWork:
    """What waits for the privacy officer (counts only, for the start page)."""

    open_requests: int
    overdue_requests: int
    lists_to_handle: int


def officer_work() -> OfficerWork:
    today = timezone.localdate()
    open_requests = DataSubjectRequest.objects.filter(status=RequestStatus.OPEN)
    overdue = open_requests.filter(
        Q(extended_to__isnull=True, deadline__lt=today) | Q(extended_to__lt=today)
    ).count()
    lists = DestructionList.objects.exclude(status=ListStatus.DESTROYED).count()
    return OfficerWork(open_requests.count(), overdue, lists)


def active_restrictions_in_case(case: Any) -> list[ProcessingRestriction]:
    """The restrictions in force on the persons of a case the caller has already read through the case door."""
    return list(
        ProcessingRestriction.objects.filter(
            lifted_at__isnull=True, person_id__in=case.subjects.values("person_id")
        ).select_related("person")
    )
