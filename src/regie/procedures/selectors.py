"""Reads of procedures, always through the door of the case they belong to (architecture rule 1).

A procedure is visible when its case is (`cases_visible_to`) and the user may see the procedure's data
category in that case: a 13b procedure carries criminal-law data (AVG art. 10), so only the coordinator,
team members granted the justice category and a running break-the-glass that grants it see it. Missing and
not visible are the same 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from regie.access.case_access import CaseAccess, cases_visible_to, get_case_for, may_see_cases
from regie.cases.models import BreakTheGlass, CaseMember, DataCategory
from regie.core.ids import uuid_or_404
from regie.core.terms import term_end
from regie.procedures.models import (
    Deadline,
    DeadlineKind,
    DeadlineStatus,
    Procedure,
    ProcedureStatus,
    Transition,
)

OVERVIEW_WINDOW = "P30D"


def _category_visible(user: Any) -> Q:
    members = CaseMember.objects.filter(case=OuterRef("case_id"))
    members = members.filter(
        Q(user=user) | Q(organisation_id=user.organisation_id) if user.organisation_id else Q(user=user)
    )
    emergency = BreakTheGlass.objects.filter(
        case=OuterRef("case_id"), user=user, expires_at__gt=timezone.now()
    )
    visible = Q(category=DataCategory.GENERAL)
    for category in (DataCategory.CARE, DataCategory.JUSTICE):
        visible |= Q(category=category) & (
            Q(case__coordinator=user)
            | Exists(members.filter(categories__contains=[category]))
            | Exists(emergency.filter(case__case_type__default_categories__contains=[category]))
        )
    return visible


def procedures_visible_to(user: Any) -> QuerySet[Procedure]:
    """Every procedure whose case and data category this user may see; empty for roles without cases."""
    if not may_see_cases(user):
        return Procedure.objects.none()
    return Procedure.objects.filter(case__in=cases_visible_to(user)).filter(_category_visible(user))


@dataclass(frozen=True)
class ProcedureFilter:
    type_code: str = ""
    step: str = ""
    status: str = ""
    case_id: Any = None
    deadline_before: date | None = None


def procedure_list(user: Any, filters: ProcedureFilter) -> QuerySet[Procedure]:
    """Visible procedures matching the filters, earliest next deadline first (one query, indexed)."""
    qs = procedures_visible_to(user).select_related("case", "definition")
    if filters.type_code:
        qs = qs.filter(type_code=filters.type_code)
    if filters.step:
        qs = qs.filter(current_step=filters.step)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.case_id is not None:
        qs = qs.filter(case_id=filters.case_id)
    if filters.deadline_before is not None:
        qs = qs.filter(next_deadline_on__lte=filters.deadline_before)
    return qs.order_by("next_deadline_on", "-started_on", "id")


def get_procedure_for(
    user: Any, procedure_id: object, *, request: HttpRequest | None = None, action: str = "procedure.viewed"
) -> tuple[CaseAccess, Procedure]:
    """The procedure with the user's rights in its case; 404 alike for missing and not visible; logged."""
    procedure = (
        procedures_visible_to(user)
        .select_related("case", "definition", "address", "case__coordinator", "case__case_type")
        .filter(pk=uuid_or_404(procedure_id))
        .first()
    )
    if procedure is None:
        raise Http404
    access = get_case_for(user, procedure.case_id, action=action, request=request)
    if procedure.category not in access.categories:  # the query above already ensures this
        raise Http404
    return access, procedure


def open_deadlines_for(user: Any, *, today: date, mine: bool = False) -> QuerySet[Deadline]:
    """Open deadlines of visible running procedures: overdue actions, and everything due in the next 30 days."""
    until = term_end(today, OVERVIEW_WINDOW, statutory=False).end_date
    qs = Deadline.objects.filter(
        procedure__in=procedures_visible_to(user).filter(status=ProcedureStatus.RUNNING),
        status=DeadlineStatus.OPEN,
    ).filter(Q(due_date__gte=today, due_date__lte=until) | Q(due_date__lt=today, kind=DeadlineKind.ACTION))
    if mine:
        qs = qs.filter(owner=user)
    return qs.select_related("procedure__case", "procedure__definition", "owner", "addressee").order_by(
        "due_date", "label"
    )


def default_notices(procedure_ids: list[Any]) -> list[Transition]:
    """The notices of default (Awb 4:17) recorded in these procedures, for the penalty clock of their terms."""
    return list(
        Transition.objects.filter(procedure_id__in=procedure_ids, to_step="default-notice").order_by("seq")
    )
