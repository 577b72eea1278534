"""Staff awareness: training sessions per department, the quiz on the indicators, and the report button, which
hands the signal to intake's own service (source medewerker, category ondermijning)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.access import ondermijning_access
from regie.accounts.models import Organisation, OrganisationKind, User
from regie.intake.models import Channel, Signal, SignalCategory
from regie.intake.services.inputs import Reporter
from regie.intake.services.receive import signal_receive, source_of
from regie.ondermijning import catalogue
from regie.ondermijning.models import QuizAttempt, StaffReport, Training
from regie.processing_log.services import log_processing

TRAINER_MAX = 160


def training_record(
    *,
    actor: User,
    held_on: date,
    trainer: str,
    department: Organisation,
    attendees: Sequence[User],
    request: HttpRequest | None = None,
) -> Training:
    """Record a session that took place: attendees are users of the municipality; no attendees in the future."""
    if not ondermijning_access.may_manage(actor):
        raise PermissionDenied
    municipality_id = actor.organisation.municipality_id  # type: ignore[union-attr]
    errors: dict[str, str] = {}
    if not trainer.strip():
        errors["trainer"] = "Vul de naam van de trainer in."
    elif len(trainer.strip()) > TRAINER_MAX:
        errors["trainer"] = f"De naam van de trainer is hoogstens {TRAINER_MAX} tekens."
    if department.kind != OrganisationKind.DEPARTMENT or department.municipality_id != municipality_id:
        errors["department"] = "Kies een afdeling van de gemeente."
    if held_on > timezone.localdate() and attendees:
        errors["attendees"] = "Een training in de toekomst heeft nog geen deelnemers."
    for user in attendees:
        if user.organisation is None or user.organisation.municipality_id != municipality_id:
            errors["attendees"] = f"{user} is geen medewerker van de gemeente."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        training = Training.objects.create(
            municipality_id=municipality_id,
            held_on=held_on,
            trainer=trainer.strip(),
            department=department,
            recorded_by=actor,
        )
        training.attendees.set(attendees)
        log_processing(
            action="ondermijning_training.recorded",
            actor=actor,
            request=request,
            object_type="ondermijning_training",
            object_id=training.pk,
            details={"department": department.name, "attendees": len(attendees)},
        )
    return training


def quiz_submit(
    *, actor: User, answers: Mapping[int, int], request: HttpRequest | None = None
) -> QuizAttempt:
    """Score the current quiz version; every question must be answered with one of its options."""
    if not ondermijning_access.is_staff(actor):
        raise PermissionDenied
    errors: dict[str, str] = {}
    for number, question in enumerate(catalogue.QUIZ):
        answer = answers.get(number)
        if not isinstance(answer, int) or not 0 <= answer < len(question.options):
            errors[f"q{number}"] = "Kies een antwoord."
    if errors:
        raise ValidationError(errors)
    correct = sum(1 for n, q in enumerate(catalogue.QUIZ) if answers[n] == q.answer)
    with transaction.atomic():
        attempt = QuizAttempt.objects.create(
            user=actor,
            version=catalogue.QUIZ_VERSION,
            correct=correct,
            passed=correct >= catalogue.QUIZ_PASS,
            taken_at=timezone.now(),
        )
        log_processing(
            action="ondermijning_training.quiz_taken",
            actor=actor,
            request=request,
            object_type="ondermijning_training",
            object_id=attempt.pk,
            details={"version": catalogue.QUIZ_VERSION},
        )
    return attempt


def staff_report(
    *,
    actor: User,
    description: str,
    location_kind: str,
    location_text: str,
    anonymous: bool = False,
    request: HttpRequest | None = None,
) -> Signal:
    """'Ik heb iets gezien': a signal in intake (source medewerker, or partner for a partner's user), category
    ondermijning when it exists.

    Named: the colleagues handling the signal see the reporter's name (as reporter and in its history).
    Anonymous towards colleagues: the signal carries no name, no submitter and no actor in its history (intake is
    told nothing about who sent it); who sent it is kept in a `StaffReport`, which only the privacy officer reads
    through the door, with a reason, logged. A partner's report still names its organisation (its source)."""
    if not ondermijning_access.is_staff(actor) or actor.organisation is None:
        raise PermissionDenied
    if not isinstance(anonymous, bool):
        raise ValidationError({"anonymous": "Kies of u meldt met uw naam of anoniem tegenover collega's."})
    category = SignalCategory.objects.filter(code="ondermijning", active=True).first()
    source, partner = source_of(actor)
    with transaction.atomic():
        signal = signal_receive(
            actor=None if anonymous else actor,
            municipality=actor.organisation.municipality,
            source=source,
            partner_organisation=partner,
            channel=Channel.STAFF_FORM,
            description=description,
            location_kind=location_kind,
            location_text=location_text,
            reporter=None if anonymous else Reporter(name=actor.get_full_name() or actor.username),
            category=category,
            came_from="/ondermijning/bewustwording",
            # An anonymous report leaves no trace of the sender's session with the signal.
            request=None if anonymous else request,
        )
        report = StaffReport.objects.create(signal=signal, reporter=actor, anonymous=anonymous)
        log_processing(
            action="ondermijning_report.filed",
            actor=actor,
            request=request,
            object_type="ondermijning_report",
            object_id=report.pk,
            details={"anonymous": anonymous},
        )
    return signal
