"""Tasks on a case; due dates come only from the terms module (rule 4)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from regie.access.case_access import cases_visible_to
from regie.accounts.models import User
from regie.cases.models import Case, CaseStatus, Task
from regie.cases.services.deadlines import case_refresh_next_deadline
from regie.cases.timeline import record
from regie.core.calendar import atw_calendar
from regie.core.errors import ConflictError
from regie.core.terms import PeriodError, add_working_days, format_date, term_end
from regie.processing_log.services import log_processing

OWNER_CANNOT_SEE_CASE = (
    "Kies een uitvoerder die deze casus kan inzien: de coördinator of iemand uit het team."
)


def may_own_task(owner: User, case: Case) -> bool:
    """Whether a task on this case may be given to `owner`: the access door lets them see the case, on their own
    footing (coordinator, member, or through a member organisation). A task must not point anyone at a case they
    cannot open — its title would show in their task list — and a break-the-glass access ends within hours while
    the task stays. One query."""
    works_on = Q(coordinator=owner) | Q(members__user=owner)
    if owner.organisation_id is not None:
        works_on |= Q(members__organisation_id=owner.organisation_id)
    return cases_visible_to(owner).filter(works_on, pk=case.pk).exists()


def tasks_hand_back(*, actor: User, case: Case) -> list[Task]:
    """Give the coordinator the open tasks of owners who no longer work on the case (e.g. taken off the team), so
    no open task points at a case its owner cannot open. Call inside the transaction that changed the team."""
    owners: dict[int, bool] = {}
    moved = []
    for task in case.tasks.filter(done_at__isnull=True).select_related("owner"):
        if task.owner_id == case.coordinator_id:
            continue
        if task.owner_id not in owners:
            owners[task.owner_id] = may_own_task(task.owner, case)
        if owners[task.owner_id]:
            continue
        previous = task.owner
        task.owner_id = case.coordinator_id
        task.version += 1
        task.save(update_fields=["owner", "version", "updated_at"])
        record(
            case=case,
            actor=actor,
            kind="task.reassigned",
            summary=f"Taak '{task.title}' overgedragen van {previous} aan de coördinator (niet meer in het team)",
        )
        moved.append(task)
    return moved


def task_create(
    *,
    actor: User,
    case: Case,
    title: str,
    owner: User,
    due_date: date | None = None,
    period: str | None = None,
    working_days: int | None = None,
    allow_past_due: bool = False,
    request: HttpRequest | None = None,
) -> Task:
    """Create a task; its due date is a given date, a term after today (ISO 8601), or N working days.

    allow_past_due is for callers that compute a legal date themselves (the procedure engine recording a step
    late): the term may already have passed, and the task must then show as overdue, not be refused.
    The owner must be able to see the case (`may_own_task`); otherwise nothing is saved.
    """
    errors: dict[str, str] = {}
    if case.status == CaseStatus.CLOSED:
        errors["title"] = "Deze casus is gesloten; er kunnen geen taken meer bij."
    if not title.strip():
        errors["title"] = "Vul een omschrijving van de taak in."
    if not owner.is_active:
        errors["owner"] = "Deze gebruiker is geblokkeerd."
    elif not may_own_task(owner, case):
        errors["owner"] = OWNER_CANNOT_SEE_CASE
    if sum(x is not None for x in (due_date, period, working_days)) > 1:
        errors["due_date"] = "Geef een datum, een termijn of een aantal werkdagen — niet meer dan één."
    today = timezone.localdate()
    explanation = ""
    if due_date is not None and due_date < today and not allow_past_due:
        errors["due_date"] = "De uiterste datum ligt in het verleden."
    if period is not None and not errors:
        try:
            result = term_end(today, period, statutory=False, calendar=atw_calendar())
            due_date, explanation = result.end_date, result.explanation()
        except PeriodError as exc:
            errors["period"] = str(exc)
    if working_days is not None and not errors:
        if working_days < 1 or working_days > 365:
            errors["working_days"] = "Geef een aantal werkdagen tussen 1 en 365."
        else:
            due_date = add_working_days(today, working_days, atw_calendar())
            explanation = (
                f"{working_days} werkdagen na {format_date(today, weekday=False)} "
                "(zaterdag, zondag en feestdagen tellen niet)"
            )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        task = Task.objects.create(
            case=case,
            title=title.strip(),
            owner=owner,
            due_date=due_date,
            due_explanation=explanation,
            created_by=actor,
        )
        case_refresh_next_deadline(case)
        record(
            case=case,
            actor=actor,
            kind="task.created",
            summary=f"Taak voor {owner}: {task.title}"
            + (f" (uiterlijk {format_date(due_date, weekday=False)})" if due_date else ""),
        )
        log_processing(
            action="case.task_created",
            actor=actor,
            request=request,
            object_type="task",
            object_id=task.pk,
            details={"case": case.number},
        )
    return task


def task_complete(
    *, actor: User, task: Task, version: int | None, request: HttpRequest | None = None
) -> Task:
    """Mark a task done; a stale version conflicts."""
    with transaction.atomic():
        locked = Task.objects.select_for_update().select_related("case").get(pk=task.pk)
        if version is not None and locked.version != version:
            raise ConflictError("Deze taak is intussen door iemand anders gewijzigd. Laad de pagina opnieuw.")
        if locked.done_at is not None:
            raise ValidationError({"task": "Deze taak is al afgerond."})
        locked.done_at = timezone.now()
        locked.version += 1
        locked.save(update_fields=["done_at", "version", "updated_at"])
        case_refresh_next_deadline(locked.case)
        record(case=locked.case, actor=actor, kind="task.done", summary=f"Taak afgerond: {locked.title}")
        log_processing(
            action="case.task_done", actor=actor, request=request, object_type="task", object_id=locked.pk
        )
    return locked
