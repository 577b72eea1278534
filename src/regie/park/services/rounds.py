"""Planning a joint inspection round: lots chosen by risk plus a random sample of a set size."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest

from regie.access import park_access
from regie.access.processing_log import log_processing
from regie.accounts.models import Role, User
from regie.intake.models import Signal
from regie.intake.models import Status as SignalStatus
from regie.park.models import Inspection, InspectionRound, Outcome, Park, ParkLot, ResidenceStatus, RoundLot
from regie.park.selectors import with_current_status
from regie.subjects.models import Person

MAX_SAMPLE = 200
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
    if not isinstance(sample_size, int) or not 0 <= sample_size <= MAX_SAMPLE:
        errors["sample_size"] = f"De steekproef is 0 tot en met {MAX_SAMPLE} kavels."
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
            + [RoundLot(round=inspection_round, lot_id=pk, reason="steekproef") for pk in sample]
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
