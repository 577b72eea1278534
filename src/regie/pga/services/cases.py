"""Running a PGA case: informing the person (or the contra-indication), the two directors, and the exit."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import User
from regie.cases.services.tasks import may_own_task, task_create
from regie.cases.timeline import record
from regie.core.errors import ConflictError
from regie.core.terms import format_date
from regie.pga.models import ExitReason, PgaCase, PgaStatus
from regie.processing_log.services import log_processing

STALE = "Deze PGA-casus is intussen door iemand anders gewijzigd. Laad de pagina opnieuw."
EXIT_KINDS = {"afschalen": PgaStatus.STEPPED_DOWN, "afsluiten": PgaStatus.CLOSED}


def _locked(pga_case: PgaCase, version: int | None) -> PgaCase:
    locked = PgaCase.objects.select_for_update().select_related("case").get(pk=pga_case.pk)
    if version is not None and locked.version != version:
        raise ConflictError(STALE)
    return locked


def _active(pga_case: PgaCase) -> None:
    if pga_case.status != PgaStatus.ACTIVE:
        raise ValidationError({"__all__": "Deze PGA-casus is afgeschaald of afgesloten."})


def pga_inform(
    *,
    actor: User,
    pga_case: PgaCase,
    informed_on: date | None = None,
    contra_indication: str = "",
    review_on: date | None = None,
    version: int | None = None,
    request: HttpRequest | None = None,
) -> PgaCase:
    """Record that the person was informed of the inclusion, or why not (with a date to review that)."""
    today = timezone.localdate()
    errors: dict[str, str] = {}
    reason = contra_indication.strip()
    if informed_on is None and not reason:
        errors["informed_on"] = (
            "Vul de datum in waarop betrokkene is geïnformeerd, of leg een contra-indicatie vast."
        )
    if informed_on is not None and reason:
        errors["contra_indication"] = "Kies: óf betrokkene is geïnformeerd, óf er is een contra-indicatie."
    if informed_on is not None and informed_on > today:
        errors["informed_on"] = "De datum van informeren ligt in de toekomst."
    if reason and review_on is None:
        errors["review_on"] = "Vul een datum in waarop de contra-indicatie opnieuw wordt bekeken."
    if reason and review_on is not None and review_on <= today:
        errors["review_on"] = "De heroverweging moet na vandaag liggen."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _locked(pga_case, version)
        _active(locked)
        locked.informed_on = informed_on
        locked.contra_indication = reason
        locked.contra_review_on = review_on if reason else None
        locked.version += 1
        locked.save()
        if reason:
            summary = (
                f"Contra-indicatie voor informeren vastgelegd; heroverweging op {format_date(review_on)}"  # type: ignore[arg-type]
            )
        else:
            summary = f"Betrokkene geïnformeerd over de PGA op {format_date(informed_on)}"  # type: ignore[arg-type]
        record(case=locked.case, actor=actor, kind="pga.informed", summary=summary)
        log_processing(
            action="pga_case.contra_indication" if reason else "pga_case.informed",
            actor=actor,
            request=request,
            object_type="pga_case",
            object_id=locked.pk,
            persons=[locked.person_id],
        )
    return locked


def pga_roles_change(
    *,
    actor: User,
    pga_case: PgaCase,
    process_director: User,
    case_director: User | None,
    version: int | None = None,
    request: HttpRequest | None = None,
) -> PgaCase:
    """Hand over the procesregisseur or casusregisseur; both must be able to open the case; the timeline keeps
    who held the role before."""
    errors: dict[str, str] = {}
    if not process_director.is_active or not may_own_task(process_director, pga_case.case):
        errors["process_director"] = (
            "Kies een procesregisseur die deze casus kan inzien (coördinator of teamlid)."
        )
    if case_director is not None and (
        not case_director.is_active or not may_own_task(case_director, pga_case.case)
    ):
        errors["case_director"] = "Kies een casusregisseur die in het team van deze casus zit."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _locked(pga_case, version)
        changes = []
        if locked.process_director_id != process_director.pk:
            changes.append(f"procesregisseur van {locked.process_director} aan {process_director}")
        if locked.case_director_id != (case_director.pk if case_director else None):
            changes.append(f"casusregisseur van {locked.case_director or '—'} aan {case_director or '—'}")
        if not changes:
            return locked
        locked.process_director = process_director
        locked.case_director = case_director
        locked.version += 1
        locked.save()
        record(case=locked.case, actor=actor, kind="pga.roles", summary="Overgedragen: " + "; ".join(changes))
        log_processing(
            action="pga_case.roles_changed",
            actor=actor,
            request=request,
            object_type="pga_case",
            object_id=locked.pk,
            persons=[locked.person_id],
        )
    return locked


def pga_exit(
    *,
    actor: User,
    pga_case: PgaCase,
    kind: str,
    reason: str,
    follow_up_on: date | None,
    explanation: str = "",
    version: int | None = None,
    request: HttpRequest | None = None,
) -> PgaCase:
    """Step down (afschalen) or close the PGA case with a reason from the list; the follow-up check becomes a
    task for the procesregisseur on its date."""
    errors: dict[str, str] = {}
    if kind not in EXIT_KINDS:
        errors["kind"] = "Kies afschalen of afsluiten."
    if reason not in ExitReason.values:
        errors["reason"] = "Kies een reden van uitstroom."
    if follow_up_on is None and reason != ExitReason.DECEASED:
        errors["follow_up_on"] = "Vul de datum van de nazorgcontrole in (bijvoorbeeld over zes maanden)."
    elif follow_up_on is not None and follow_up_on <= timezone.localdate():
        errors["follow_up_on"] = "De nazorgcontrole moet na vandaag liggen."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _locked(pga_case, version)
        _active(locked)
        locked.status = EXIT_KINDS[kind]
        locked.exit_reason = reason
        locked.exit_explanation = explanation.strip()
        locked.exited_on = timezone.localdate()
        locked.follow_up_on = follow_up_on
        locked.version += 1
        locked.save()
        label = "Afgeschaald" if kind == "afschalen" else "Afgesloten"
        record(
            case=locked.case,
            actor=actor,
            kind="pga.exited",
            summary=f"PGA {label.lower()}: {locked.get_exit_reason_display()}",
        )
        if follow_up_on is not None:
            task_create(
                actor=actor,
                case=locked.case,
                title=f"Nazorgcontrole PGA ({locked.get_exit_reason_display().lower()})",
                owner=locked.process_director,
                due_date=follow_up_on,
                request=request,
            )
        log_processing(
            action="pga_case.exited",
            actor=actor,
            request=request,
            object_type="pga_case",
            object_id=locked.pk,
            persons=[locked.person_id],
            details={"status": locked.status, "reason": reason},
        )
    return locked
