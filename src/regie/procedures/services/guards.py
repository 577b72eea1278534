"""Guards that protect the addressee before a decision step (issue 12; Awb 3:2, 3:46, 4:12).

Before a decision is taken the engine looks for what should stop or at least make the jurist think again: a valid
exemption for the lot or a person (persoonsgebonden beschikking, tolerance decision, phasing-out arrangement), an
open BRP address investigation that is not itself the reason, and every view (zienswijze) still unanswered. A view
needs its answer; the other warnings need a reasoned override ("reden om toch te besluiten"). Both are recorded on
the transition (`data["guard"]`, `data["view_answers"]`) and the override in the processing log.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from regie.core.terms import format_date
from regie.procedures.definitions.schema import Definition
from regie.procedures.extensions import exemptions_for
from regie.procedures.models import Procedure, ProcedureStatus, Transition
from regie.procedures.services.context import Move
from regie.processing_log.services import log_processing

BRP = "brp-address-investigation"
OVERRIDE = "override_reason"
ANSWERS = "view_answers"
GUARD_FIELDS = (OVERRIDE, ANSWERS)
OVERRIDE_LABEL = "Reden om toch te besluiten"


def decision_steps(definition: Definition) -> set[str]:
    """The steps a view term holds back: the decisions an intended decision announces."""
    return {
        code
        for step in definition.steps
        for term in step.terms
        if term.code == "view"
        for code in term.blocks
    }


def open_views(history: list[Transition]) -> list[Transition]:
    """The views received since the latest intended decision (the ones the decision must answer)."""
    last = max((t.seq for t in history if t.to_step == "intended-decision"), default=0)
    return [t for t in history if t.to_step == "view-received" and t.seq > last]


def _brp_investigations(procedure: Procedure, on_date: date) -> list[str]:
    if procedure.type_code == BRP:
        return []  # the investigation is itself the reason
    persons = [p for p in procedure.addressees.values_list("person_id", flat=True) if p]
    running = Procedure.objects.filter(type_code=BRP, status=ProcedureStatus.RUNNING, started_on__lte=on_date)
    found = running.filter(case_id=procedure.case_id) | running.filter(addressees__person_id__in=persons)
    if procedure.address_id:
        found = found | running.filter(address_id=procedure.address_id)
    return [
        f"er loopt een adresonderzoek BRP (casus {p.case.number}, gestart op "
        f"{format_date(p.started_on, weekday=False)}); de uitkomst kan de feiten van dit besluit raken"
        for p in found.distinct().select_related("case")
    ]


def warnings_for(procedure: Procedure, on_date: date) -> list[str]:
    """What should make the jurist think again before deciding against this procedure's addressees."""
    return [*exemptions_for(procedure, on_date), *_brp_investigations(procedure, on_date)]


def view_label(view: Transition) -> str:
    who = view.addressee.name if view.addressee_id and view.addressee else "een geadresseerde"
    return f"de zienswijze van {who} van {format_date(view.on_date, weekday=False)}"


def check_guard(move: Move, raw_guard: dict[str, Any]) -> None:
    """Errors on the move when a warning has no reasoned override or a view no answer; records both."""
    given = {k: v for k, v in raw_guard.items() if v not in (None, "", {})}
    if move.step.code not in decision_steps(move.definition):
        for name in given:
            move.error(name, "Dit veld hoort niet bij deze stap.")
        return
    views = open_views(move.history)
    answers: dict[str, str] = dict(given.get(ANSWERS) or {})
    unknown = set(answers) - {str(v.seq) for v in views}
    if unknown:
        move.error(ANSWERS, "Beantwoord alleen zienswijzen die op dit voornemen zijn ontvangen.")
    missing = [v for v in views if not answers.get(str(v.seq), "").strip()]
    if missing:
        move.error(
            ANSWERS,
            "Antwoord op zienswijze: geef bij "
            + " en bij ".join(view_label(v) for v in missing)
            + " aan hoe het besluit erop ingaat (Awb 4:12 en 3:46); dat komt in de brief.",
        )
    warnings = warnings_for(move.procedure, move.on_date)
    reason = str(given.get(OVERRIDE, "")).strip()
    if warnings and not reason:
        move.error(
            OVERRIDE,
            f"{OVERRIDE_LABEL}: let op, "
            + "; ".join(warnings)
            + ". Besluit alleen met een gemotiveerde reden "
            "waarom dat het besluit niet tegenhoudt, of beëindig de procedure.",
        )
    elif reason and not warnings:
        move.error(OVERRIDE, f"{OVERRIDE_LABEL}: er is geen waarschuwing om van af te wijken; laat dit leeg.")
    if move.errors:
        return
    if answers:
        move.data[ANSWERS] = {k: v.strip() for k, v in answers.items()}
    if warnings:
        move.data["guard"] = {"warnings": warnings, OVERRIDE: reason}
        log_processing(
            action="procedure.guard_overridden",
            actor=move.actor,
            object_type="procedure",
            object_id=move.procedure.pk,
            persons=[a.person_id for a in move.addressees.values() if a.person_id],
            details={"step": move.step.code, "warnings": warnings, "reason": reason},
        )
