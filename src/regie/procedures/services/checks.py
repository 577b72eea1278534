"""The engine's own checks of a move, before the step's named rules: legality, dates, documents, blocks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError

from regie.access.case_access import documents_for
from regie.core.terms import format_date
from regie.procedures.models import ProcedureStatus
from regie.procedures.services.context import Move, step_label
from regie.procedures.services.deadlines import blocking_deadlines
from regie.procedures.services.fields import GUARD_KEY
from regie.procedures.services.guards import check_guard
from regie.procedures.services.letters import letter_addressees
from regie.procedures.services.rules import apply_rules

ROLE_NAMES = {
    "jurist": "een jurist",
    "handhaver": "een handhaver",
    "projectleider": "een projectleider",
    "brp": "een medewerker burgerzaken (BRP)",
    "procesregisseur": "een procesregisseur",
}


def check_legal(move: Move) -> None:
    """May this step be taken now, by this person? (Checked first: field errors of an illegal step are noise.)"""
    step, definition = move.step, move.definition
    if move.procedure.status != ProcedureStatus.RUNNING:
        move.error("step", "Deze procedure is afgerond; er kunnen geen stappen meer worden gezet.")
        return
    if move.from_step and step.code not in definition.allowed_after(move.from_step):
        allowed = ", ".join(
            f"'{step_label(definition, c)}'" for c in definition.allowed_after(move.from_step)
        )
        move.error(
            "step",
            f"Van '{step_label(definition, move.from_step)}' kan de procedure niet naar '{step.label}'. "
            f"Mogelijk: {allowed}.",
        )
    if move.actor.role not in step.roles:
        move.error(
            "step",
            f"Alleen {' of '.join(ROLE_NAMES.get(r, r) for r in step.roles)} mag '{step.label}' vastleggen.",
        )
    if step.max_times and sum(1 for t in move.history if t.to_step == step.code) >= step.max_times:
        move.error("step", f"De stap '{step.label}' kan maar {step.max_times} keer worden gezet.")


def check_move(move: Move, documents: Sequence[UUID | str], has_upload: bool) -> list[UUID]:
    """Every check of the engine itself, then the step's named rules; errors are collected on the move."""
    step, definition = move.step, move.definition
    if move.history and move.on_date < move.history[-1].on_date:
        last = move.history[-1]
        move.error(
            "date",
            f"De datum ligt vóór de vorige stap ('{step_label(definition, last.to_step)}' op "
            f"{format_date(last.on_date, weekday=False)}).",
        )
    for notification in move.data.get("notifications", []):
        addressee = move.addressees[notification["addressee"]]
        notified = date.fromisoformat(notification["date"])
        if move.history and notified < move.history[-1].on_date:
            move.error("notifications", f"De bekendmaking aan {addressee.name} ligt vóór de vorige stap.")
        if addressee.notified_on is not None:
            move.error(
                "notifications",
                f"{addressee.name} is al bekendgemaakt op {format_date(addressee.notified_on, weekday=False)}.",
            )
    visible = {
        d.pk for d in documents_for(move.access).filter(pk__in=[_uuid(d) for d in documents if _uuid(d)])
    }
    chosen = [_uuid(d) for d in documents]
    if any(d is None or d not in visible for d in chosen):
        move.error("documents", "Kies alleen documenten van deze casus.")
    if step.requires_document and not chosen and not has_upload:
        move.error("documents", f"Voeg {step.document_hint or 'het document'} toe.")
    for deadline in blocking_deadlines(move):
        move.error(
            "step",
            f"De {deadline.label.lower()} loopt nog tot en met {format_date(deadline.due_date)}; '{step.label}' kan "
            "pas daarna, of leg eerst de ontvangen reactie vast.",
        )
    for spec in step.letters:
        try:
            letter_addressees(move.procedure, spec, move.data)
        except ValidationError as exc:
            move.error("addressees", exc.message_dict["addressees"][0])
    guard = move.data.pop(GUARD_KEY, {})
    if not move.errors:
        apply_rules(move)
    if not move.errors:
        check_guard(move, guard)
    return [d for d in chosen if d is not None]


def _uuid(value: UUID | str) -> UUID | None:
    try:
        return value if isinstance(value, UUID) else UUID(str(value))
    except ValueError:
        return None
