"""Decisions not taken in time: the state 'termijn overschreden' and the penalty clock of Awb 4:17.

A decision term that has run out without its decision (the decision on objection, Awb 7:10; the decision on an
application such as a request for enforcement, 4:13) puts the municipality in default. Once a written notice of
default (ingebrekestelling) is recorded for that term and addressee, the penalty runs from two weeks after its
receipt, for at most 42 days at € 23, € 35 and € 45 a day (4:17 lid 1-3; for an objection via 7:14). Regie shows
what has been forfeited up to today; it does not pay or decide anything itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from regie.core.awb import DefaultPenalty, TermRuleError, default_penalty
from regie.core.terms import format_date
from regie.procedures.models import Deadline, DeadlineStatus, Transition

# The decision terms whose lapse puts the municipality in default, with the article that gives the penalty.
DECISION_TERMS = {
    "decision-on-objection": "Awb 4:17 via 7:14",
    "request-decision": "Awb 4:17",
}
NOTICE_STEP = "default-notice"


def euros(amount: int) -> str:
    """'€ 1.442' (whole euros in Dutch notation)."""
    return "€ " + f"{amount:,}".replace(",", ".")


@dataclass(frozen=True)
class DefaultState:
    """One decision term that has run out: in default, and the 4:17 penalty when a notice was received."""

    deadline: Deadline
    notice_on: date | None
    penalty: DefaultPenalty | None
    days: int
    accrued: int
    summary: str  # short, for a badge or a table cell
    text: str  # the full Dutch explanation

    @property
    def accrued_text(self) -> str:
        return euros(self.accrued)

    @property
    def maximum_text(self) -> str:
        return euros(self.penalty.maximum_euros if self.penalty else 0)


def _notice_for(deadline: Deadline, notices: Iterable[Transition]) -> Transition | None:
    matching = [
        t
        for t in notices
        if t.procedure_id == deadline.procedure_id
        and t.data.get("term") == deadline.code
        and t.addressee_id == deadline.addressee_id
        and t.on_date > deadline.due_date
    ]
    return min(matching, key=lambda t: (t.on_date, t.seq)) if matching else None


def default_state(deadline: Deadline, notices: Iterable[Transition], today: date) -> DefaultState | None:
    """The default of one deadline on `today`, or None when it is no open decision term that has run out."""
    article = DECISION_TERMS.get(deadline.code)
    if article is None or deadline.status != DeadlineStatus.OPEN or deadline.due_date >= today:
        return None
    end = format_date(deadline.due_date, weekday=False)
    lapsed = f"De {deadline.label.lower()} is verstreken op {end} zonder besluit: de gemeente is in gebreke. "
    notice = _notice_for(deadline, notices)
    penalty = None
    if notice is not None:
        try:
            penalty = default_penalty(deadline.due_date, notice.on_date)
        except TermRuleError:  # a notice on or before the term's end does not count (4:17 lid 3)
            penalty = None
    if notice is None or penalty is None:
        return DefaultState(
            deadline,
            None,
            None,
            0,
            0,
            "Termijn overschreden — in gebreke",
            lapsed
            + "De indiener kan de gemeente schriftelijk in gebreke stellen; twee weken na ontvangst daarvan "
            f"verbeurt de gemeente een dwangsom per dag ({article}), en hij kan beroep instellen omdat niet tijdig "
            "is beslist (Awb 6:2 en 6:12). Beslis zo snel mogelijk; leg een ontvangen ingebrekestelling vast "
            "met de stap 'Ingebrekestelling ontvangen'.",
        )
    days, accrued = penalty.accrued(today)
    received = format_date(notice.on_date, weekday=False)
    first, last = format_date(penalty.first_day, weekday=False), format_date(penalty.last_day, weekday=False)
    maximum = euros(penalty.maximum_euros)
    if days == 0:
        summary = f"In gebreke gesteld — dwangsom vanaf {first}"
        clock = (
            f"De ingebrekestelling is ontvangen op {received}. Beslis vóór {first}: vanaf die dag verbeurt de "
            f"gemeente € 23 per dag."
        )
    elif days < 42:
        summary = f"Dwangsom loopt — {days} dagen, {euros(accrued)}"
        clock = (
            f"De ingebrekestelling is ontvangen op {received}. Sinds {first} verbeurt de gemeente een dwangsom: "
            f"tot en met vandaag {days} dagen, samen {euros(accrued)}. Zonder besluit loopt hij door tot en met "
            f"{last}, tot ten hoogste {maximum}."
        )
    else:
        summary = f"Dwangsom volledig verbeurd — {maximum}"
        clock = (
            f"De ingebrekestelling is ontvangen op {received}. De dwangsom liep van {first} tot en met {last}: "
            f"42 dagen, {maximum}, het maximum. Beslis nog steeds; de indiener kan ook beroep instellen."
        )
    rates = (
        "€ 23 per dag de eerste veertien dagen, € 35 de volgende veertien en € 45 daarna (Awb 4:17 lid 2)."
    )
    return DefaultState(
        deadline, notice.on_date, penalty, days, accrued, summary, f"{lapsed}{clock} De dwangsom is {rates}"
    )


def default_states(
    deadlines: Iterable[Deadline], notices: Iterable[Transition], today: date
) -> dict[object, DefaultState]:
    """The default state of every deadline that has one, by the deadline's primary key."""
    notices = list(notices)
    found: dict[object, DefaultState] = {}
    for deadline in deadlines:
        state = default_state(deadline, notices, today)
        if state is not None:
            found[deadline.pk] = state
    return found
