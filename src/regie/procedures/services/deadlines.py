"""Deadlines of a procedure: computed only by the Atw terms module (rule 4), settled by later steps.

Every term of a step becomes one deadline per start event: the step's date, each addressee's notification
date (so residents and owner each get their own objection term), or the end of an earlier deadline (the
decision on objection runs from the end of that addressee's objection term, Awb 7:10).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from regie.accounts.models import User
from regie.cases.models import CaseMember, Task
from regie.cases.services.tasks import may_own_task, task_complete, task_create
from regie.core.calendar import atw_calendar
from regie.core.terms import AtwCalendar, format_date, term_end
from regie.procedures.definitions.schema import TermSpec
from regie.procedures.models import Addressee, Deadline, DeadlineKind, DeadlineStatus, Procedure, Transition
from regie.procedures.services.context import Move


def pick_owner(role: str, move: Move) -> User:
    """Who owns a deadline (and its task) of `role`: the actor if theirs, else the coordinator or the first user
    member with that role, else the coordinator, else the actor.

    Only someone who can see the case on their own footing is chosen (`may_own_task`, the check `task_create`
    makes): a blocked coordinator, or a coordinator or member whose role no longer sees cases, is passed over
    instead of breaking the step.
    """
    actor, case = move.actor, move.procedure.case
    if not role or actor.role == role:
        return actor
    coordinator = case.coordinator
    members = (
        CaseMember.objects.filter(case=case, user__role=role, user__is_active=True)
        .select_related("user")
        .order_by("created_at")
    )
    candidates = [coordinator] if coordinator.role == role else []
    candidates += [m.user for m in members if m.user is not None] + [coordinator]
    for candidate in {c.pk: c for c in candidates}.values():
        if candidate.is_active and may_own_task(candidate, case):
            return candidate
    return actor


def _period(term: TermSpec, move: Move) -> str:
    for name, expected, period in term.period_if:
        if str(move.data.get(name, "")).lower() == expected:
            return period
    if term.period.startswith("field:"):
        step_code, name = term.period[len("field:") :].split(".", 1)
        value = move.value(step_code, name)
        if not value:
            raise ValidationError({"step": f"De duur voor '{term.label}' ontbreekt ({name})."})
        return str(value)
    return term.period


def _bases(term: TermSpec, move: Move) -> list[tuple[date, Addressee | None, Deadline | None]]:
    if term.start == "step":
        return [(move.on_date, move.addressee, None)]
    if term.start.startswith("field:"):
        # The event the law counts from (sending, Awb 6:8; publication, 3:41 lid 2), recorded on the step; the
        # step date when left empty. The field is a date, so never in the future.
        recorded = move.data.get(term.start.split(":", 1)[1])
        return [(date.fromisoformat(recorded) if recorded else move.on_date, move.addressee, None)]
    if term.start == "notification":
        return [
            (date.fromisoformat(n["date"]), move.addressees[n["addressee"]], None)
            for n in move.data.get("notifications", [])
        ]
    code = term.start.split(":", 1)[1]
    candidates = [d for d in move.new_deadlines if d.code == code] + list(
        Deadline.objects.filter(procedure=move.procedure, code=code).exclude(status=DeadlineStatus.SUPERSEDED)
    )
    if term.supersedes:
        candidates = [d for d in candidates if d.status == DeadlineStatus.OPEN]
    addressee = move.addressee
    if addressee is not None:
        own = [d for d in candidates if d.addressee_id == addressee.pk]
        # A term that was never per addressee (e.g. an objection term counted from the step) serves everyone.
        candidates = own or [d for d in candidates if d.addressee_id is None]
    latest: dict[object, Deadline] = {}
    for d in sorted(candidates, key=lambda d: d.due_date):
        latest[d.addressee_id] = d
    if not latest:
        label = move.definition.terms()[code].label.lower()
        raise ValidationError({"step": f"Er is geen {label} om '{term.label}' vanaf te rekenen."})
    if term.single:
        last = max(latest.values(), key=lambda d: d.due_date)
        return [(_extension_base(term, last), None, last)]
    return [(_extension_base(term, d), d.addressee, d) for d in latest.values()]


def _extension_base(term: TermSpec, base: Deadline) -> date:
    """The day a term counts from when it starts at the end of another deadline.

    An extension (a term that supersedes the one it starts from, e.g. the postponement of Awb 7:10 lid 3)
    counts from that term's end without its Atw extension: whether it may count from the extended end is
    debated, and the earlier end is the safe one. Any other term counts from the end as extended (Awb 7:10
    lid 1: from the day after the objection term "is verstreken", which the Atw extension is part of).
    """
    return base.plain_due_date if term.supersedes else base.due_date


def _extension_note(term: TermSpec, base: Deadline | None) -> tuple[str, ...]:
    if base is None or not term.supersedes or base.plain_due_date == base.due_date:
        return ()
    return (
        f"De verlenging telt vanaf het einde van de lopende termijn zonder Atw-verlenging "
        f"({format_date(base.plain_due_date)}), niet vanaf {format_date(base.due_date)}, waartoe de Algemene "
        "termijnenwet die termijn verlengde: of vanaf het verlengde einde mag worden geteld, is omstreden, en de "
        "eerdere datum is de veilige.",
    )


def deadlines_create(
    move: Move, transition: Transition, calendar: AtwCalendar | None = None
) -> list[Deadline]:
    """Create the deadlines of the step's terms, with a task for each owner; returns them in order."""
    cal = calendar or atw_calendar()
    created: list[Deadline] = []
    for term in move.step.terms:
        period = _period(term, move)
        for event, addressee, base in _bases(term, move):
            result = term_end(event, period, statutory=term.statutory, calendar=cal)
            rule = f"{term.label} ({term.legal_basis})." if term.legal_basis else ""
            result = replace(result, rule=rule, notes=result.notes + _extension_note(term, base))
            owner = pick_owner(term.owner_role, move)
            deadline = Deadline.objects.create(
                procedure=move.procedure,
                transition=transition,
                addressee=addressee,
                code=term.code,
                label=term.label,
                step_code=move.step.code,
                kind=term.kind,
                legal_basis=term.legal_basis,
                event_date=event,
                period=result.period.iso(),
                statutory=term.statutory,
                plain_due_date=result.plain_end_date,
                due_date=result.end_date,
                explanation=result.explanation(),
                owner=owner,
                remind_working_days=term.remind_working_days,
            )
            if term.task:
                who = f" — {addressee.name}" if addressee is not None else ""
                deadline.task = task_create(
                    actor=move.actor,
                    case=move.procedure.case,
                    title=f"{term.task}{who} ({move.definition.label})"[:200],
                    owner=owner,
                    due_date=result.end_date,
                    allow_past_due=True,
                )
                deadline.save(update_fields=["task", "updated_at"])
            if base is not None and term.supersedes:
                _settle(base, DeadlineStatus.SUPERSEDED, transition, move.actor)
            move.new_deadlines.append(deadline)
            created.append(deadline)
    return created


def _settle(deadline: Deadline, status: str, transition: Transition | None, actor: User | None) -> None:
    deadline.status = status
    deadline.settled_at = timezone.now()
    deadline.settled_by = transition
    deadline.save(update_fields=["status", "settled_at", "settled_by", "updated_at"])
    if deadline.task_id is not None and actor is not None:
        task = Task.objects.filter(pk=deadline.task_id, done_at__isnull=True).first()
        if task is not None:
            task_complete(actor=actor, task=task, version=None)


def deadlines_settle(move: Move, transition: Transition) -> None:
    """Settle the open deadlines this step closes (for its addressee, if it has one); a final step ends all."""
    open_deadlines = Deadline.objects.filter(procedure=move.procedure, status=DeadlineStatus.OPEN)
    for deadline in open_deadlines:
        if move.step.final:
            _settle(deadline, DeadlineStatus.CANCELLED, transition, move.actor)
            continue
        spec = move.definition.step(deadline.step_code)
        term = next((t for t in spec.terms if t.code == deadline.code), None) if spec else None
        if term is None or move.step.code not in term.closed_by:
            continue
        addressee = move.addressee
        if addressee is not None and deadline.addressee_id not in (None, addressee.pk):
            continue
        _settle(deadline, DeadlineStatus.MET, transition, move.actor)


def blocking_deadlines(move: Move) -> list[Deadline]:
    """Deadlines that forbid this step on its date (e.g. no decision while the view term runs).

    An expired term still blocks a step dated inside it: a step recorded late must fit the dates it happened on.
    """
    blocking = []
    running = (DeadlineStatus.OPEN, DeadlineStatus.EXPIRED)
    for deadline in Deadline.objects.filter(procedure=move.procedure, status__in=running):
        spec = move.definition.step(deadline.step_code)
        term = next((t for t in spec.terms if t.code == deadline.code), None) if spec else None
        if term is not None and move.step.code in term.blocks and deadline.due_date >= move.on_date:
            blocking.append(deadline)
    return blocking


def procedure_refresh_next_deadline(procedure: Procedure) -> None:
    """Point the procedure at its earliest open deadline (what lists and the API show as nextDeadline)."""
    first = procedure.deadlines.filter(status=DeadlineStatus.OPEN).order_by("due_date", "label").first()
    procedure.next_deadline_on = first.due_date if first else None
    procedure.next_deadline_step = first.step_code if first else ""
    procedure.next_deadline_label = first.label if first else ""
    procedure.next_deadline_statutory = first.statutory if first else None
    procedure.save(
        update_fields=[
            "next_deadline_on",
            "next_deadline_step",
            "next_deadline_label",
            "next_deadline_statutory",
            "updated_at",
        ]
    )


# Remedies against the decision itself (the penalty order): their terms and the steps that open and end them.
_REMEDY_TERMS = {"objection": "bezwaar", "appeal": "beroep", "higher-appeal": "hoger beroep"}
_REMEDY_STEPS = (
    ("objection-received", "objection-decision", "bezwaar"),
    ("appeal-filed", "appeal-judgment", "beroep"),
    ("higher-appeal-filed", "higher-appeal-judgment", "hoger beroep"),
)


def remedy_pending_on(procedure: Procedure, day: date) -> str:
    """The remedy against the procedure's decision that is open or pending on `day`, in Dutch, or "".

    Open: its term runs on that day (objection, appeal, higher appeal). Pending: filed and not yet decided
    (an objection, appeal or higher appeal recorded in the procedure without its decision or judgment).
    """
    against_order = procedure.deadlines.filter(code__in=_REMEDY_TERMS).exclude(
        # An applicant's objection against the decision on his request for enforcement is no remedy against the
        # penalty order.
        step_code="enforcement-request-decision"
    )
    for deadline in against_order.exclude(status=DeadlineStatus.SUPERSEDED):
        if deadline.event_date < day <= deadline.due_date:
            return f"de {deadline.label.lower()} ({_REMEDY_TERMS[deadline.code]} staat open)"
    steps = list(procedure.transitions.filter(on_date__lte=day).values_list("to_step", flat=True))
    for filed, decided, label in _REMEDY_STEPS:
        if steps.count(filed) > steps.count(decided):
            return f"{label} (aanhangig)"
    return ""


def _lapse_extended(deadline: Deadline, today: date) -> bool:
    """Awb 5:35 lid 2: a lapse of collection does not run out while, on its last day, an objection, appeal or
    higher appeal against the penalty order is open or pending; it runs on until that is decided irrevocably,
    i.e. until no remedy is open or pending any more (today).

    The deadline stays open with its date (the new one is not known yet) and its explanation says why, once.
    """
    if "5:35" not in deadline.legal_basis:
        return False
    pending = remedy_pending_on(deadline.procedure, deadline.due_date)
    if not pending or not remedy_pending_on(deadline.procedure, today):
        return False
    note = (
        f" Verlengd (Awb 5:35 lid 2): op {format_date(deadline.due_date)} stond tegen de last onder dwangsom "
        f"{pending}; de verjaring loopt door tot onherroepelijk op het bezwaar, beroep of hoger beroep is beslist."
    )
    if "Awb 5:35 lid 2" not in deadline.explanation:
        deadline.explanation += note
        deadline.save(update_fields=["explanation", "updated_at"])
    return True


def deadline_expire(deadline: Deadline, today: date | None = None) -> bool:
    """An expiry term (objection, view …) has run out: it is no longer open and its task is done.

    Returns False when it does not expire: not an open expiry term, or a lapse of collection that Awb 5:35
    lid 2 extends while a remedy against the penalty order is open or pending.
    """
    if deadline.kind != DeadlineKind.EXPIRY or deadline.status != DeadlineStatus.OPEN:
        return False
    if _lapse_extended(deadline, today or timezone.localdate()):
        return False
    _settle(deadline, DeadlineStatus.EXPIRED, None, deadline.owner)
    procedure_refresh_next_deadline(deadline.procedure)
    return True


def deadlines_expire_passed(procedure: Procedure, today: date) -> None:
    """Expire the procedure's expiry terms that ended before today (the daily job does this for all)."""
    passed = procedure.deadlines.filter(
        status=DeadlineStatus.OPEN, kind=DeadlineKind.EXPIRY, due_date__lt=today
    )
    for deadline in passed:
        if not _lapse_extended(deadline, today):
            _settle(deadline, DeadlineStatus.EXPIRED, None, deadline.owner)
