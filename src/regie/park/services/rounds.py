"""Planning a joint inspection round (lots chosen by risk plus a random sample of a set size); changing or
cancelling a round before its first inspection."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from regie.access import park_access
from regie.accounts.models import Role, User
from regie.intake.models import Signal
from regie.intake.models import Status as SignalStatus
from regie.park.models import Inspection, InspectionRound, Outcome, Park, ParkLot, ResidenceStatus, RoundLot
from regie.park.selectors import with_current_status
from regie.processing_log.services import log_processing
from regie.subjects.models import Person

MAX_SAMPLE = 200
NOTE_MAX = 300
SAMPLE = "steekproef"
RISK_STATUSES = (ResidenceStatus.SUSPECTED, ResidenceStatus.PERMANENT, ResidenceStatus.UNKNOWN)


def risk_reasons(park: Park, *, since: date) -> dict[Any, list[str]]:
    """Per lot why it is a risk: its status, recent BRP registrations, earlier findings, open signals."""
    reasons: dict[Any, list[str]] = {}
    lots = list(with_current_status(ParkLot.objects.filter(park=park)).select_related("location"))
    for lot in lots:
        status = lot.current_status or ResidenceStatus.UNKNOWN  # type: ignore[attr-defined]
        if status in RISK_STATUSES:
            reasons.setdefault(lot.pk, []).append(f"status: {ResidenceStatus(status).label.lower()}")
    address_to_lot = {lot.location.address_id: lot.pk for lot in lots if lot.location.address_id}
    recent = Person.objects.filter(address_id__in=address_to_lot.keys(), created_at__date__gte=since)
    for address_id in recent.values_list("address_id", flat=True).distinct():
        reasons.setdefault(address_to_lot[address_id], []).append("recente BRP-inschrijving")
    findings = Inspection.objects.filter(
        lot__park=park, outcome__in=[Outcome.SUSPECTED, Outcome.PERMANENT], inspected_on__gte=since
    )
    for lot_id in findings.values_list("lot_id", flat=True).distinct():
        reasons.setdefault(lot_id, []).append("eerdere bevindingen")
    names = {lot.location.name: lot.pk for lot in lots}
    open_signals = Signal.objects.filter(
        Q(location_text__in=names.keys()), municipality_id=park.municipality_id
    ).exclude(status=SignalStatus.DONE)
    for text in open_signals.values_list("location_text", flat=True).distinct():
        reasons.setdefault(names[text], []).append("open signaal")
    return reasons


def _round_errors(*, inspectors: Sequence[User], sample_size: object) -> dict[str, str]:
    """Errors in the inspectors and sample size of a round (planned or changed)."""
    errors: dict[str, str] = {}
    if not inspectors:
        errors["inspectors"] = "Kies ten minste één inspecteur."
    for inspector in inspectors:
        if not (
            inspector.is_active
            and (
                inspector.role in (Role.INSPECTOR, Role.PROJECT_LEADER)
                or park_access.is_province_inspector(inspector)
            )
        ):
            errors["inspectors"] = (
                f"{inspector} kan geen inspecteur in een ronde zijn (handhaver of provincie)."
            )
    if (
        not isinstance(sample_size, int)
        or isinstance(sample_size, bool)
        or not 0 <= sample_size <= MAX_SAMPLE
    ):
        errors["sample_size"] = f"De steekproef is 0 tot en met {MAX_SAMPLE} kavels."
    return errors


def inspection_round_plan(
    *,
    actor: User,
    park: Park,
    planned_on: date,
    inspectors: Sequence[User],
    sample_size: int,
    risk_since: date,
    note: str = "",
    rng: random.Random | None = None,
    request: HttpRequest | None = None,
) -> InspectionRound:
    """Plan a round: every risk lot, plus `sample_size` lots drawn at random from the others."""
    errors: dict[str, str] = {}
    if not park_access.may_plan_rounds(actor):
        errors["actor"] = "Alleen de projectleider of een handhaver plant een inspectieronde."
    errors.update(_round_errors(inspectors=inspectors, sample_size=sample_size))
    if errors:
        raise ValidationError(errors)
    reasons = risk_reasons(park, since=risk_since)
    others = list(
        ParkLot.objects.filter(park=park).exclude(pk__in=reasons.keys()).values_list("pk", flat=True)
    )
    others.sort(key=str)
    chooser = rng or random.SystemRandom()
    sample = chooser.sample(others, min(sample_size, len(others)))
    if not reasons and not sample:
        raise ValidationError({"sample_size": "Er zijn geen kavels met een risico; kies een steekproef."})
    with transaction.atomic():
        inspection_round = InspectionRound.objects.create(
            park=park,
            planned_on=planned_on,
            planned_by=actor,
            sample_size=sample_size,
            note=note.strip()[:300],
        )
        inspection_round.inspectors.set(inspectors)
        RoundLot.objects.bulk_create(
            [
                RoundLot(round=inspection_round, lot_id=pk, reason="risico: " + ", ".join(r))
                for pk, r in reasons.items()
            ]
            + [RoundLot(round=inspection_round, lot_id=pk, reason=SAMPLE) for pk in sample]
        )
        log_processing(
            action="park_round.planned",
            actor=actor,
            request=request,
            object_type="park_round",
            object_id=inspection_round.pk,
            details={
                "risk": len(reasons),
                "sample": len(sample),
                "inspectors": [i.username for i in inspectors],
            },
        )
    return inspection_round


def _may_change(actor: User, inspection_round: InspectionRound) -> None:
    organisation = actor.organisation
    if not park_access.may_plan_rounds(actor) or (
        organisation is None or organisation.municipality_id != inspection_round.park.municipality_id
    ):
        raise PermissionDenied


def _lock_unstarted(inspection_round: InspectionRound, *, cancelled: str, started: str) -> InspectionRound:
    """Lock the round and its lots, then refuse it if cancelled or started.

    A submit locks its own round lot before it writes, so a change and a submit wait for each other: a change
    never misses an inspection that is being saved, and a submit sees a cancellation made just before it.
    """
    locked = (
        InspectionRound.objects.select_for_update(of=("self",))
        .select_related("park")
        .get(pk=inspection_round.pk)
    )
    list(
        RoundLot.objects.select_for_update().filter(round=locked).order_by("pk").values_list("pk", flat=True)
    )
    if locked.cancelled_at is not None:
        raise ValidationError({"round": cancelled})
    done = Inspection.objects.filter(round=locked).count()
    if done:
        raise ValidationError({"round": started.format(count=done)})
    return locked


def inspection_round_update(
    *,
    actor: User,
    inspection_round: InspectionRound,
    planned_on: date,
    inspectors: Sequence[User],
    sample_size: int,
    note: str = "",
    rng: random.Random | None = None,
    request: HttpRequest | None = None,
) -> InspectionRound:
    """Change a round no inspection was submitted in: date, inspectors, note and the size of its random sample.

    The lots chosen for their risk stay; a smaller sample drops sample lots at random, a larger one draws more
    from the lots not yet in the round. A date may not be moved into the past.
    """
    _may_change(actor, inspection_round)
    errors = _round_errors(inspectors=inspectors, sample_size=sample_size)
    if not isinstance(planned_on, date):
        errors["planned_on"] = "Vul een geldige datum van de ronde in."
    elif planned_on != inspection_round.planned_on and planned_on < timezone.localdate():
        errors["planned_on"] = "Een ronde kan niet naar een datum in het verleden worden verplaatst."
    if len(note.strip()) > NOTE_MAX:
        errors["note"] = f"De toelichting is hoogstens {NOTE_MAX} tekens."
    if errors:
        raise ValidationError(errors)
    chooser = rng or random.SystemRandom()
    with transaction.atomic():
        locked = _lock_unstarted(
            inspection_round,
            cancelled="Deze ronde is geannuleerd en kan niet meer worden gewijzigd.",
            started="Deze ronde is al begonnen: er zijn {count} inspectie(s) ingediend. "
            "Een begonnen ronde kan niet meer worden gewijzigd.",
        )
        in_round = RoundLot.objects.filter(round=locked)
        sampled = sorted(in_round.filter(reason=SAMPLE).values_list("lot_id", flat=True), key=str)
        added: list[Any] = []
        removed: list[Any] = []
        if sample_size > len(sampled):
            others = sorted(
                ParkLot.objects.filter(park_id=locked.park_id)
                .exclude(pk__in=in_round.values("lot_id"))
                .values_list("pk", flat=True),
                key=str,
            )
            added = chooser.sample(others, min(sample_size - len(sampled), len(others)))
        elif sample_size < len(sampled):
            removed = chooser.sample(sampled, len(sampled) - sample_size)
        if in_round.count() - len(removed) + len(added) == 0:
            raise ValidationError(
                {"sample_size": "Er blijven geen kavels over in de ronde; kies een steekproef."}
            )
        in_round.filter(lot_id__in=removed).delete()
        RoundLot.objects.bulk_create([RoundLot(round=locked, lot_id=pk, reason=SAMPLE) for pk in added])
        wanted = {"planned_on": planned_on, "sample_size": sample_size, "note": note.strip()}
        changed = [field for field, value in wanted.items() if getattr(locked, field) != value]
        for field in changed:
            setattr(locked, field, wanted[field])
        if changed:
            locked.save(update_fields=[*changed, "updated_at"])
        if set(locked.inspectors.values_list("pk", flat=True)) != {i.pk for i in inspectors}:
            locked.inspectors.set(inspectors)
            changed.append("inspectors")
        if changed:
            log_processing(
                action="park_round.updated",
                actor=actor,
                request=request,
                object_type="park_round",
                object_id=locked.pk,
                details={
                    "changed": changed,
                    "lots_added": len(added),
                    "lots_removed": len(removed),
                    "inspectors": [i.username for i in inspectors],
                },
            )
    return locked


def inspection_round_cancel(
    *, actor: User, inspection_round: InspectionRound, reason: str, request: HttpRequest | None = None
) -> InspectionRound:
    """Cancel a round no inspection was submitted in; it keeps its record, with who cancelled it, when and why."""
    _may_change(actor, inspection_round)
    if not reason.strip():
        raise ValidationError({"reason": "Geef de reden waarom de ronde niet doorgaat."})
    if len(reason.strip()) > NOTE_MAX:
        raise ValidationError({"reason": f"De reden is hoogstens {NOTE_MAX} tekens."})
    with transaction.atomic():
        locked = _lock_unstarted(
            inspection_round,
            cancelled="Deze ronde is al geannuleerd.",
            started="Deze ronde kan niet worden geannuleerd: er zijn al {count} inspectie(s) ingediend. "
            "Die blijven als bewijs bij de kavels en casussen.",
        )
        locked.cancelled_at = timezone.now()
        locked.cancelled_by = actor
        locked.cancel_reason = reason.strip()
        locked.save(update_fields=["cancelled_at", "cancelled_by", "cancel_reason", "updated_at"])
        log_processing(
            action="park_round.cancelled",
            actor=actor,
            request=request,
            object_type="park_round",
            object_id=locked.pk,
            details={"planned_on": locked.planned_on.isoformat()},
        )
    return locked
