"""Processing a stored signal: classify, route, match subjects, set the clock. A failure marks it, never loses it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from regie.accounts.models import Municipality, User
from regie.intake.classifier.service import classifier_threshold, get_classifier
from regie.intake.models import (
    ProcessingState,
    RoutingRule,
    Signal,
    SignalCategory,
    SignalSubject,
    SubjectKind,
)
from regie.intake.services.clock import FALLBACK_CODE, due_times
from regie.intake.services.history import enqueue, record
from regie.processing_log.services import log_processing
from regie.subjects.identity import Identity
from regie.subjects.matching import match_persons
from regie.subjects.models import Address, Business, Location

logger = logging.getLogger(__name__)
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class RoutingSample:
    """What routing looks at: category, source, location kind and urgency of a (sample) signal."""

    municipality: Municipality
    category: SignalCategory | None
    source: str
    location_kind: str
    urgency: str


def route(sample: RoutingSample) -> RoutingRule | None:
    """The first active rule, in order, that matches the sample; None leaves it in the central triage queue."""
    rules = RoutingRule.objects.filter(municipality=sample.municipality, active=True).select_related(
        "target", "category"
    )
    for rule in rules.order_by("position", "created_at"):
        if (
            (rule.category_id is None or (sample.category and rule.category_id == sample.category.pk))
            and rule.source in ("", sample.source)
            and rule.location_kind in ("", sample.location_kind)
            and rule.urgency in ("", sample.urgency)
        ):
            return rule
    return None


def _suggest_for(subject: SignalSubject) -> tuple[list[dict[str, object]], dict[str, object]]:
    """(suggestions, exact link) for one subject; only an exact, unique key links without a person."""
    data = subject.data
    if subject.kind == SubjectKind.PERSON:
        identity = Identity(
            bsn=data.get("bsn"),
            given_names=data.get("given_names", ""),
            prefix=data.get("prefix", ""),
            surname=data.get("surname", ""),
            birth_date=_date(data.get("birth_date")),
            postcode=data.get("postcode"),
            house_number=data.get("house_number"),
        )
        # System matching over all persons; what a person is shown goes through the access door (views).
        matches = match_persons(identity=identity, limit=MAX_SUGGESTIONS)
        return [{"id": str(m.person.pk), "score": m.score, "reasons": list(m.reasons)} for m in matches], {}
    if subject.kind == SubjectKind.ADDRESS:
        address = Address.objects.filter(
            postcode=data.get("postcode"),
            house_number=data.get("house_number"),
            house_letter=(data.get("house_letter") or "").upper(),
            addition=data.get("addition") or "",
        ).first()
        return [], {"address": address} if address else {}
    if subject.kind == SubjectKind.BUSINESS and data.get("kvk_number"):
        business = Business.objects.filter(kvk_number=data["kvk_number"]).first()
        return [], {"business": business} if business else {}
    if subject.kind == SubjectKind.LOCATION:
        found = list(Location.objects.filter(name__iexact=data.get("name", ""))[:2])
        return [], {"location": found[0]} if len(found) == 1 else {}
    return [], {}


def _date(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _classify(signal: Signal) -> None:
    if signal.category_set_by_person:
        return
    suggestion = get_classifier().suggest(signal.description, threshold=classifier_threshold())
    categories = {c.code: c for c in SignalCategory.objects.filter(code__in=[suggestion.code, FALLBACK_CODE])}
    chosen = categories.get(suggestion.code) or categories.get(FALLBACK_CODE)
    signal.suggested_category = chosen
    signal.suggested_confidence = round(suggestion.confidence, 4)
    signal.category = chosen


def signal_process(*, signal_id: UUID | str) -> Signal | None:
    """Classify, route and match one stored signal; on any failure mark it `mislukt` with the error and keep it."""
    try:
        return _process(signal_id)
    except Exception as exc:
        logger.exception("processing of signal %s failed", signal_id)
        return _mark_failed(signal_id, exc)


def _process(signal_id: UUID | str) -> Signal | None:
    with transaction.atomic():
        signal = Signal.objects.select_for_update().filter(pk=signal_id).first()
        if signal is None or signal.processing_state == ProcessingState.OK:
            return signal  # deleted meanwhile, or already processed by an earlier run of this job
        _classify(signal)
        rule = route(
            RoutingSample(
                municipality=signal.municipality,
                category=signal.category,
                source=signal.source,
                location_kind=signal.location_kind,
                urgency=signal.urgency,
            )
        )
        if signal.claimed_by_id is None and signal.is_open:
            signal.queue = rule.target if rule else None
            signal.routing_rule = rule
        if signal.is_open:
            signal.triage_due_at, signal.first_action_due_at = due_times(
                signal.received_at, signal.category, signal.urgency
            )
        suggested: list[str] = []
        for subject in signal.subjects.all():
            subject.suggestions, links = _suggest_for(subject)
            suggested += [str(s["id"]) for s in subject.suggestions]
            for key, value in links.items():
                setattr(subject, key, value)
            subject.save(update_fields=["suggestions", "address", "business", "location", "updated_at"])
        signal.processing_state = ProcessingState.OK
        signal.processing_error = ""
        signal.processed_at = timezone.now()
        signal.save(
            update_fields=[
                "suggested_category",
                "suggested_confidence",
                "category",
                "queue",
                "routing_rule",
                "triage_due_at",
                "first_action_due_at",
                "processing_state",
                "processing_error",
                "processed_at",
                "updated_at",
            ]
        )
        category = signal.category.label if signal.category else "geen categorie"
        queue = signal.queue.name if signal.queue else "centrale triage"
        record(
            signal=signal, actor=None, kind="signal.processed", summary=f"Verwerkt: {category}, naar {queue}"
        )
        log_processing(
            action="signal.processed",
            username="systeem",
            object_type="signal",
            object_id=signal.pk,
            persons=[UUID(p) for p in suggested],
            details={
                "reference": signal.reference,
                "category": signal.category.code if signal.category else None,
                "confidence": signal.suggested_confidence,
                "queue": str(signal.queue_id) if signal.queue_id else None,
            },
        )
    return signal


def _mark_failed(signal_id: UUID | str, exc: Exception) -> Signal | None:
    message = f"{type(exc).__name__}: {exc}".strip()[:1000]
    with transaction.atomic():
        signal = Signal.objects.select_for_update().filter(pk=signal_id).first()
        if signal is None:
            return None
        signal.processing_state = ProcessingState.FAILED
        signal.processing_error = message
        signal.processed_at = timezone.now()
        signal.save(update_fields=["processing_state", "processing_error", "processed_at", "updated_at"])
        record(
            signal=signal,
            actor=None,
            kind="signal.processing_failed",
            summary=f"Verwerking mislukt: {message}",
        )
        log_processing(
            action="signal.processing_failed",
            username="systeem",
            object_type="signal",
            object_id=signal.pk,
            details={"reference": signal.reference, "error": type(exc).__name__},
        )
    return signal


def signal_reprocess(*, actor: User, signal: Signal) -> Signal:
    """Try processing again (after a failure), as a job; the signal keeps its place in the queue meanwhile."""
    with transaction.atomic():
        locked = Signal.objects.select_for_update().get(pk=signal.pk)
        locked.processing_state = ProcessingState.PENDING
        locked.save(update_fields=["processing_state", "updated_at"])
        record(signal=locked, actor=actor, kind="signal.reprocess", summary="Opnieuw verwerken gevraagd")
        log_processing(
            action="signal.reprocess_requested", actor=actor, object_type="signal", object_id=locked.pk
        )
        enqueue("intake.process_signal", signal_id=str(locked.pk))
    return locked
