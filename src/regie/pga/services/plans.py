"""The plan per life domain, the dated ZRM scores and the evaluations of a PGA case."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import Organisation, User
from regie.cases.models import Task
from regie.cases.services.tasks import task_create
from regie.cases.timeline import record
from regie.core.errors import ConflictError
from regie.pga.models import Cooperation, DomainPlan, DomainScore, Evaluation, PgaCase, PgaStatus, ZrmDomain
from regie.processing_log.services import log_processing

PLAN_STALE = (
    "Het plan voor dit leefdomein is intussen door iemand anders gewijzigd. Uw tekst staat hieronder: open het plan "
    "opnieuw en voeg uw wijziging samen met de nieuwe versie."
)


def _open(pga_case: PgaCase, field: str) -> None:
    if pga_case.status != PgaStatus.ACTIVE:
        raise ValidationError({field: "Deze PGA-casus is afgeschaald of afgesloten."})


def _of_case(pga_case: PgaCase, domain: ZrmDomain) -> None:
    if domain.version_id != pga_case.zrm_version_id:
        raise ValidationError({"domain": "Dit leefdomein hoort niet bij de matrix van deze casus."})


def score_record(
    *,
    actor: User,
    pga_case: PgaCase,
    domain: ZrmDomain,
    score: int,
    scored_on: date,
    reason: str,
    request: HttpRequest | None = None,
) -> DomainScore:
    """A ZRM score (1 acuut probleem … 5 volledig zelfredzaam) on one domain, dated, with a short reason."""
    errors: dict[str, str] = {}
    if not isinstance(score, int) or isinstance(score, bool) or not 1 <= score <= 5:
        errors["score"] = "Een score ligt tussen 1 (acuut probleem) en 5 (volledig zelfredzaam)."
    if scored_on > timezone.localdate():
        errors["scored_on"] = "De datum van de score ligt in de toekomst."
    if not reason.strip():
        errors["reason"] = "Licht de score kort toe."
    elif len(reason.strip()) > 300:
        errors["reason"] = "De toelichting is te lang (ten hoogste 300 tekens)."
    if errors:
        raise ValidationError(errors)
    _of_case(pga_case, domain)
    _open(pga_case, "score")
    with transaction.atomic():
        made = DomainScore.objects.create(
            pga_case=pga_case,
            domain=domain,
            score=score,
            scored_on=scored_on,
            scored_by=actor,
            reason=reason.strip(),
        )
        # The work list's "last scored" column, kept here in the same transaction (an older date never wins).
        PgaCase.objects.filter(pk=pga_case.pk).filter(
            Q(last_scored_on__isnull=True) | Q(last_scored_on__lt=scored_on)
        ).update(last_scored_on=scored_on)
        record(
            case=pga_case.case,
            actor=actor,
            kind="pga.score",
            summary=f"ZRM {domain.label}: {score}",
            category=domain.category,
        )
        log_processing(
            action="pga_case.score_recorded",
            actor=actor,
            request=request,
            object_type="pga_case",
            object_id=pga_case.pk,
            persons=[pga_case.person_id],
            details={"domain": domain.code, "category": domain.category},
        )
    return made


def plan_update(
    *,
    actor: User,
    pga_case: PgaCase,
    domain: ZrmDomain,
    goal: str,
    actions: str,
    partner: Organisation | None,
    version: int | None,
    task_title: str = "",
    task_owner: User | None = None,
    task_due: date | None = None,
    request: HttpRequest | None = None,
) -> tuple[DomainPlan, Task | None]:
    """Set the goal, agreed actions and responsible partner of one domain; an agreed action with an owner becomes a
    task on the case (the task service checks the owner may open the case). A stale version answers 409."""
    _of_case(pga_case, domain)
    _open(pga_case, "goal")
    if task_title.strip() and task_owner is None:
        raise ValidationError({"task_owner": "Kies wie de actie uitvoert."})
    if partner is not None and partner.municipality_id != pga_case.case.municipality_id:
        raise ValidationError({"partner": "Kies een partner van deze gemeente."})
    with transaction.atomic():
        plan = DomainPlan.objects.select_for_update().filter(pga_case=pga_case, domain=domain).first()
        if plan is None:
            if version not in (None, 0):
                raise ConflictError(PLAN_STALE)
            plan = DomainPlan(pga_case=pga_case, domain=domain, updated_by=actor, version=0)
        elif version is not None and plan.version != version:
            raise ConflictError(PLAN_STALE)
        plan.goal = goal.strip()
        plan.actions = actions.strip()
        plan.partner = partner
        plan.updated_by = actor
        plan.version += 1
        plan.save()
        task = None
        if task_title.strip() and task_owner is not None:
            task = task_create(
                actor=actor,
                case=pga_case.case,
                title=f"{domain.label}: {task_title.strip()}",
                owner=task_owner,
                due_date=task_due,
                request=request,
            )
        record(
            case=pga_case.case,
            actor=actor,
            kind="pga.plan",
            summary=f"Plan van aanpak {domain.label} bijgewerkt",
            category=domain.category,
        )
        log_processing(
            action="pga_case.plan_updated",
            actor=actor,
            request=request,
            object_type="pga_case",
            object_id=pga_case.pk,
            persons=[pga_case.person_id],
            details={"domain": domain.code, "category": domain.category},
        )
    return plan, task


def evaluation_record(
    *,
    actor: User,
    pga_case: PgaCase,
    held_on: date,
    cooperation: str,
    progress: str,
    result: str,
    request: HttpRequest | None = None,
) -> Evaluation:
    """An evaluation: cooperation, progress and result at this moment."""
    errors: dict[str, str] = {}
    if held_on > timezone.localdate():
        errors["held_on"] = "De datum van de evaluatie ligt in de toekomst."
    if cooperation not in Cooperation.values:
        errors["cooperation"] = "Kies hoe de medewerking was."
    if not progress.strip():
        errors["progress"] = "Beschrijf de voortgang."
    if not result.strip():
        errors["result"] = "Beschrijf het resultaat tot nu toe."
    if errors:
        raise ValidationError(errors)
    _open(pga_case, "progress")
    with transaction.atomic():
        made = Evaluation.objects.create(
            pga_case=pga_case,
            held_on=held_on,
            cooperation=cooperation,
            progress=progress.strip(),
            result=result.strip(),
            recorded_by=actor,
        )
        record(case=pga_case.case, actor=actor, kind="pga.evaluated", summary="Evaluatie PGA vastgelegd")
        log_processing(
            action="pga_case.evaluated",
            actor=actor,
            request=request,
            object_type="pga_case",
            object_id=pga_case.pk,
            persons=[pga_case.person_id],
        )
    return made
