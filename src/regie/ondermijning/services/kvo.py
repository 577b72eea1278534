"""KVO-B trajectories of industrial estates: the steps with their dates, the certificate and its expiry."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.access import ondermijning_access
from regie.accounts.models import User
from regie.core.terms import format_date
from regie.ondermijning.models import Area, AreaKind, KvoStep, KvoStepRecord, KvoTrajectory
from regie.processing_log.services import log_processing

VALID_YEARS = 3
NOTE_MAX = 300
# Remind this long before the certificate expires, and before a yearly walk-through is due.
REMIND_BEFORE = timedelta(days=90)


def certificate_expiry(certified_on: date) -> date:
    """Three years after the certificate date (29 February falls back to 28 February)."""
    try:
        return certified_on.replace(year=certified_on.year + VALID_YEARS)
    except ValueError:
        return certified_on.replace(year=certified_on.year + VALID_YEARS, day=28)


def _may(actor: User, area: Area) -> None:
    if not ondermijning_access.may_manage_area(actor, area):
        raise PermissionDenied


def kvo_start(
    *, actor: User, area: Area, started_on: date, request: HttpRequest | None = None
) -> KvoTrajectory:
    _may(actor, area)
    if area.kind != AreaKind.ESTATE:
        raise ValidationError({"area": "Een KVO-B-traject is voor een bedrijventerrein."})
    if hasattr(area, "kvo"):
        raise ValidationError({"area": "Dit bedrijventerrein heeft al een KVO-B-traject."})
    if started_on > timezone.localdate():
        raise ValidationError({"started_on": "De startdatum ligt niet in de toekomst."})
    with transaction.atomic():
        trajectory = KvoTrajectory.objects.create(area=area, started_on=started_on)
        log_processing(
            action="ondermijning_kvo.started",
            actor=actor,
            request=request,
            object_type="ondermijning_kvo",
            object_id=trajectory.pk,
            details={"area": area.name},
        )
    return trajectory


def kvo_step_record(
    *,
    actor: User,
    trajectory: KvoTrajectory,
    step: str,
    done_on: date,
    note: str = "",
    request: HttpRequest | None = None,
) -> KvoStepRecord:
    """Record one step (once) on a date from the start of the trajectory up to today."""
    _may(actor, trajectory.area)
    errors: dict[str, str] = {}
    if step not in KvoStep.values:
        errors["step"] = "Kies een stap van het KVO-B."
    elif trajectory.steps.filter(step=step).exists():
        errors["step"] = f"De stap '{KvoStep(step).label}' is al vastgelegd."
    if done_on > timezone.localdate():
        errors["done_on"] = "Een stap wordt vastgelegd als hij gezet is: de datum ligt niet in de toekomst."
    elif done_on < trajectory.started_on:
        errors["done_on"] = (
            f"De datum ligt voor de start van het traject ({format_date(trajectory.started_on, weekday=False)})."
        )
    if len(note.strip()) > NOTE_MAX:
        errors["note"] = f"De toelichting is hoogstens {NOTE_MAX} tekens."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        record = KvoStepRecord.objects.create(
            trajectory=trajectory, step=step, done_on=done_on, note=note.strip(), recorded_by=actor
        )
        log_processing(
            action="ondermijning_kvo.step_recorded",
            actor=actor,
            request=request,
            object_type="ondermijning_kvo",
            object_id=trajectory.pk,
            details={"step": step},
        )
    return record


def kvo_certify(
    *,
    actor: User,
    trajectory: KvoTrajectory,
    certified_on: date,
    expires_on: date | None = None,
    request: HttpRequest | None = None,
) -> KvoTrajectory:
    """Record the certificate after the audit; it expires three years later unless the certificate says sooner."""
    _may(actor, trajectory.area)
    errors: dict[str, str] = {}
    if not trajectory.steps.filter(step=KvoStep.AUDIT).exists():
        errors["certified_on"] = "Leg eerst de audit door de certificerende instelling vast."
    if certified_on > timezone.localdate():
        errors["certified_on"] = "De certificaatdatum ligt niet in de toekomst."
    expiry = expires_on or certificate_expiry(certified_on)
    if expiry <= certified_on:
        errors["expires_on"] = "De vervaldatum ligt na de certificaatdatum."
    elif expiry > certificate_expiry(certified_on):
        errors["expires_on"] = "Een KVO-B-certificaat is hoogstens drie jaar geldig."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        trajectory.certified_on = certified_on
        trajectory.expires_on = expiry
        trajectory.save(update_fields=["certified_on", "expires_on", "updated_at"])
        log_processing(
            action="ondermijning_kvo.certified",
            actor=actor,
            request=request,
            object_type="ondermijning_kvo",
            object_id=trajectory.pk,
            details={"expires_on": expiry.isoformat()},
        )
    return trajectory


def kvo_reminders(trajectory: KvoTrajectory, *, today: date | None = None) -> list[str]:
    """What is due soon: the certificate's expiry, the yearly walk-throughs by day and in the dark."""
    today = today or timezone.localdate()
    notes: list[str] = []
    if trajectory.expires_on is not None:
        if trajectory.expires_on < today:
            notes.append(
                f"Het certificaat is verlopen op {format_date(trajectory.expires_on, weekday=False)}."
            )
        elif trajectory.expires_on - today <= REMIND_BEFORE:
            notes.append(
                f"Het certificaat verloopt op {format_date(trajectory.expires_on, weekday=False)}: plan de "
                "hercertificering."
            )
    done = {r.step: r.done_on for r in trajectory.steps.all()}
    for step in (KvoStep.SCHOUW_DAY, KvoStep.SCHOUW_DARK):
        last = done.get(step)
        if last is not None and (last + timedelta(days=365)) - today <= REMIND_BEFORE:
            notes.append(
                f"De jaarlijkse {KvoStep(step).label.lower()} is weer nodig vóór "
                f"{format_date(last + timedelta(days=365), weekday=False)}."
            )
    return notes
