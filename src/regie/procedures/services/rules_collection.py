"""Rules for collecting the costs of administrative enforcement (Awb 4:87, 4:112, 4:114) and for fixing the penalty
for a decision not taken in time (4:17, 4:18). Registered in `services.rules.RULES`."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from regie.core.awb import TermRuleError, check_writ, default_penalty
from regie.core.calendar import atw_calendar
from regie.core.terms import format_date
from regie.procedures.models import Deadline, Transition
from regie.procedures.services.context import Move
from regie.procedures.services.fields import dutch_number


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)) if value else None


def _sent(transition: Transition) -> date:
    """The day a letter of this step was sent (Awb 6:8, 4:112), else the step's own date."""
    return _day(transition.data.get("sent_on")) or transition.on_date


def _for_addressee(move: Move, step_code: str) -> Transition | None:
    key = move.data.get("addressee")
    return next(
        (t for t in reversed(move.history) if t.to_step == step_code and t.data.get("addressee") == key), None
    )


def cost_reminder_after_default(move: Move, _: str) -> None:
    """Awb 4:112 with 4:87: a reminder for the costs only once their six-week payment term has run out unused."""
    decision = _for_addressee(move, "cost-recovery-decision")
    if decision is None:
        return  # the rule 'after:cost-recovery-decision' names what is missing
    payment = Deadline.objects.filter(
        procedure=move.procedure, code="cost-payment", transition=decision
    ).first()
    if payment is None:
        return
    sent = _day(move.data.get("sent_on")) or move.on_date
    if sent <= payment.due_date:
        move.error(
            "date",
            f"Aanmanen kan pas vanaf {format_date(payment.due_date + timedelta(days=1))}: de schuldenaar is pas "
            f"in verzuim als de betalingstermijn van het kostenverhaal ongebruikt is verstreken; die eindigt op "
            f"{format_date(payment.due_date)} (Awb 4:87, 4:97, 4:112).",
        )


def cost_writ_after_reminder(move: Move, _: str) -> None:
    """Awb 4:114: a writ for the costs only when the reminder's two weeks have passed without payment."""
    reminder = _for_addressee(move, "cost-reminder")
    try:
        check_writ(move.on_date, _sent(reminder) if reminder else None, atw_calendar())
    except TermRuleError as exc:
        move.error("date", str(exc))


def default_penalty_fixed(move: Move, _: str) -> None:
    """Awb 4:18: fix the penalty the notice of default set running (4:17): from its first day up to the day before
    the decision was taken (or all 42 days), at € 23, € 35 and € 45 a day, at most € 1.442. Computed, not typed."""
    notice = _for_addressee(move, "default-notice")
    if notice is None or not notice.data.get("penalty_from"):
        return
    # The penalty counts from the receipt of the notice (which lies after the term's end, 4:17 lid 3), so the day
    # before the receipt stands in for the term's end.
    try:
        penalty = default_penalty(notice.on_date - timedelta(days=1), notice.on_date)
    except TermRuleError as exc:
        move.error("date", str(exc))
        return
    decided = _day(move.data.get("decided_on"))
    if decided is not None and decided < notice.on_date:
        move.error("decided_on", "Datum van de beslissing: die ligt vóór de ingebrekestelling.")
        return
    if decided is None and move.on_date <= penalty.last_day:
        move.error(
            "decided_on",
            f"Datum van de beslissing: vul die in. Zonder beslissing loopt de dwangsom nog tot en met "
            f"{format_date(penalty.last_day)}; stel hem daarna vast (Awb 4:18).",
        )
        return
    last = min(penalty.last_day, (decided - timedelta(days=1)) if decided else penalty.last_day)
    days, euros = penalty.accrued(last)
    if days == 0:
        move.error(
            "decided_on",
            f"Datum van de beslissing: er is op tijd beslist (vóór {format_date(penalty.first_day)}), dus er is "
            "geen dwangsom verschuldigd.",
        )
        return
    move.data.update(
        penalty_from=penalty.first_day.isoformat(),
        penalty_last=last.isoformat(),
        days=days,
        amount=str(Decimal(euros)),
    )
    move.notes.append(
        f"Dwangsom bij niet tijdig beslissen: {days} dagen, van {format_date(penalty.first_day)} tot en met "
        f"{format_date(last)}: € {dutch_number(euros)} (Awb 4:17). Vaststellen binnen twee weken na de laatste dag "
        "(Awb 4:18)."
    )
