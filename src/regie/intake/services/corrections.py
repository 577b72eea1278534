"""A person's corrections at triage: the category (kept for retraining), a confirmed subject, the first action."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import User
from regie.intake.models import (
    ClassificationCorrection,
    Signal,
    SignalCategory,
    SignalSubject,
    Status,
    SubjectKind,
)
from regie.intake.services.claim import lock_signal
from regie.intake.services.clock import due_times
from regie.intake.services.history import record
from regie.intake.services.process import RoutingSample, route
from regie.processing_log.services import log_processing
from regie.subjects.models import Person

MAX_NOTE = 2000


def signal_category_correct(
    *, actor: User, signal: Signal, category: SignalCategory, request: HttpRequest | None = None
) -> Signal:
    """Set the category a person decided on; the correction is stored to retrain with, the clock follows it.

    An unclaimed open signal is routed again with its new category.
    """
    if not category.active:
        raise ValidationError({"category": "Deze categorie is niet meer in gebruik."})
    with transaction.atomic():
        locked = lock_signal(signal)
        if locked.category_id == category.pk:
            return locked
        previous = locked.category
        ClassificationCorrection.objects.create(
            signal=locked,
            from_code=previous.code if previous else "",
            to_code=category.code,
            corrected_by=actor,
        )
        locked.category, locked.category_set_by_person = category, True
        fields = ["category", "category_set_by_person", "version", "updated_at"]
        if locked.is_open:
            locked.triage_due_at, locked.first_action_due_at = due_times(
                locked.received_at, category, locked.urgency
            )
            fields += ["triage_due_at", "first_action_due_at"]
        if locked.status == Status.NEW:
            rule = route(
                RoutingSample(
                    municipality=locked.municipality,
                    category=category,
                    source=locked.source,
                    location_kind=locked.location_kind,
                    urgency=locked.urgency,
                )
            )
            locked.queue, locked.routing_rule = (rule.target if rule else None), rule
            fields += ["queue", "routing_rule"]
        locked.version += 1
        locked.save(update_fields=fields)
        record(
            signal=locked,
            actor=actor,
            kind="signal.category_corrected",
            summary=f"Categorie: {previous.label if previous else 'geen'} → {category.label}",
        )
        log_processing(
            action="signal.category_corrected",
            actor=actor,
            request=request,
            object_type="signal",
            object_id=locked.pk,
            details={
                "reference": locked.reference,
                "from": previous.code if previous else "",
                "to": category.code,
            },
        )
    return locked


def signal_subject_confirm(
    *,
    actor: User,
    signal: Signal,
    subject: SignalSubject,
    person: Person | None,
    request: HttpRequest | None = None,
) -> SignalSubject:
    """Confirm which known person a reported person is (None: none of them, a new person will be created).

    The person must be one of the subject's suggestions and must have come through the access door (the view).
    """
    if subject.signal_id != signal.pk or subject.kind != SubjectKind.PERSON:
        raise ValidationError({"person": "Deze betrokkene hoort niet bij dit signaal."})
    if person is not None and str(person.pk) not in {str(s.get("id")) for s in subject.suggestions}:
        raise ValidationError({"person": "Kies een van de voorgestelde personen."})
    with transaction.atomic():
        locked = lock_signal(signal)
        if not locked.is_open:
            raise ValidationError({"person": "Dit signaal is al afgehandeld."})
        subject.person = person
        subject.confirmed_by, subject.confirmed_at = actor, timezone.now()
        subject.save(update_fields=["person", "confirmed_by", "confirmed_at", "updated_at"])
        summary = (
            f"Betrokkene bevestigd als {person}" if person else "Betrokkene: geen van de voorstellen (nieuw)"
        )
        record(signal=locked, actor=actor, kind="signal.subject_confirmed", summary=summary)
        log_processing(
            action="signal.subject_confirmed",
            actor=actor,
            request=request,
            object_type="signal",
            object_id=locked.pk,
            persons=[person.pk] if person else [],
            details={"reference": locked.reference},
        )
    return subject


def signal_first_action_record(
    *, actor: User, signal: Signal, note: str, request: HttpRequest | None = None
) -> Signal:
    """Record the first action taken on a signal (e.g. contact with the reporter); it stops the second clock."""
    if not note.strip():
        raise ValidationError({"note": "Beschrijf kort wat de eerste actie was."})
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": f"Hoogstens {MAX_NOTE} tekens."})
    with transaction.atomic():
        locked = lock_signal(signal)
        if locked.first_action_at is not None:
            raise ValidationError({"note": "De eerste actie is al vastgelegd."})
        if locked.claimed_by_id not in (None, actor.pk) and locked.decided_by_id != actor.pk:
            raise ValidationError({"note": "Alleen wie het signaal behandelt, legt de eerste actie vast."})
        locked.first_action_at = timezone.now()
        locked.version += 1
        locked.save(update_fields=["first_action_at", "version", "updated_at"])
        record(
            signal=locked, actor=actor, kind="signal.first_action", summary=f"Eerste actie: {note.strip()}"
        )
        log_processing(
            action="signal.first_action_recorded",
            actor=actor,
            request=request,
            object_type="signal",
            object_id=locked.pk,
            details={"reference": locked.reference},
        )
    return locked
