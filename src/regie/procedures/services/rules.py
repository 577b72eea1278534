"""Named checks and computations a definition can attach to a step ("rules": ["after:decision", …]).

Each rule reads the move and either records a Dutch error (nothing is saved then) or adds computed data.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError

from regie.core.awb import TermRuleError, check_reminder, check_writ, default_message, default_penalty
from regie.core.calendar import atw_calendar
from regie.core.terms import format_date
from regie.procedures.definitions.schema import TermSpec
from regie.procedures.models import Deadline, DeadlineStatus
from regie.procedures.services.context import Move, step_label
from regie.procedures.services.damocles import assess
from regie.procedures.services.rules_collection import (
    cost_reminder_after_default,
    cost_writ_after_reminder,
    default_penalty_fixed,
)


def money(value: Decimal | str) -> str:
    """An amount the Dutch way: € 1.250,00."""
    text = f"{Decimal(value):,.2f}"
    return "€ " + text.replace(",", "_").replace(".", ",").replace("_", ".")


def _after(move: Move, step_code: str) -> None:
    earlier = [t for t in move.history if t.to_step == step_code]
    addressee = move.addressee
    if addressee is not None and any(t.data.get("addressee") for t in earlier):
        earlier = [t for t in earlier if t.data.get("addressee") == str(addressee.pk)]
        if not earlier:
            move.error(
                "addressee",
                f"Voor deze geadresseerde is nog geen stap '{step_label(move.definition, step_code)}' gezet.",
            )
            return
    if not earlier:
        move.error("step", f"Deze stap kan pas na '{step_label(move.definition, step_code)}'.")


def _open_deadline(move: Move, code: str) -> None:
    found = Deadline.objects.filter(procedure=move.procedure, code=code, status=DeadlineStatus.OPEN)
    if move.addressee is not None:
        found = found.filter(addressee=move.addressee)
    if not found.exists():
        label = move.definition.terms()[code].label.lower()
        who = " voor deze geadresseerde" if move.addressee is not None else ""
        move.error("addressee" if who else "step", f"Er loopt geen {label}{who}.")
        return
    extension = next((t for t in move.step.terms if t.supersedes and t.start == f"deadline:{code}"), None)
    if extension is not None:
        _extends_a_running_term(move, extension, list(found.select_related("addressee")))


def _extends_a_running_term(move: Move, extension: TermSpec, running: list[Deadline]) -> None:
    """A step that extends a term (Awb 7:10 lid 3: a postponement) can only be taken while that term runs.

    Open is not enough: a decision term stays open after its end (overdue). Once its last day has passed, an
    extension would show an invented later deadline while the municipality is already in default.
    """
    ended = sorted((d for d in running if d.due_date < move.on_date), key=lambda d: d.due_date)
    if not ended:
        return
    last = ended[0]
    who = f" voor {last.addressee.name}" if last.addressee is not None else ""
    if extension.legal_basis.startswith("Awb 7:10"):
        what = "Uitstellen" if extension.legal_basis == "Awb 7:10 lid 4" else "Verdagen"
        move.error("date", f"{what} kan niet meer{who}. {default_message(last.due_date)}")
    else:
        move.error(
            "date",
            f"De {last.label.lower()}{who} is op {format_date(last.due_date)} verstreken; een termijn kan alleen "
            "worden verlengd zolang hij loopt.",
        )


def _no_exception(move: Move, _: str) -> None:
    check = move.latest("exceptions-check")
    if check is None:
        move.error(
            "step", "Controleer eerst de uitzonderingen (persoonsgebonden beschikking, gedoogbesluit)."
        )
        return
    present = [
        label
        for name, label in (
            ("personal_permit", "persoonsgebonden beschikking"),
            ("tolerance", "gedoogbesluit"),
            ("phasing_out", "uitsterfregeling"),
        )
        if check.data.get(name) == "aanwezig"
    ]
    if present:
        move.error(
            "step",
            f"Er geldt een uitzondering ({', '.join(present)}); beëindig de procedure of leg een nieuwe "
            "controle van de uitzonderingen vast.",
        )


def _penalty_within_maximum(move: Move, _: str) -> None:
    if (
        move.data.get("sanction", "penalty-order") != "penalty-order"
        or "amount" not in move.data
        or "maximum" not in move.data
    ):
        return
    amount, maximum = Decimal(move.data["amount"]), Decimal(move.data["maximum"])
    if amount > maximum:
        move.error("amount", f"De dwangsom ({money(amount)}) is hoger dan het maximum ({money(maximum)}).")


def _decision(move: Move) -> tuple[date, Decimal] | None:
    """The latest penalty order: a decision with that sanction, or (art. 13b) the step 'penalty-order'."""
    decision = move.latest("decision")
    if decision is None or decision.data.get("sanction") != "penalty-order":
        decision = move.latest("penalty-order")
    if decision is None:
        move.error("step", "Er is geen besluit met een last onder dwangsom.")
        return None
    return decision.on_date, Decimal(decision.data["maximum"])


def _since(move: Move, step_code: str, after: date) -> Decimal:
    return sum(
        (Decimal(t.data["amount"]) for t in move.history if t.to_step == step_code and t.on_date >= after),
        Decimal(0),
    )


def _forfeiture_within_maximum(move: Move, _: str) -> None:
    found = _decision(move)
    if found is None or "amount" not in move.data:
        return
    decided_on, maximum = found
    total = _since(move, "forfeiture", decided_on) + Decimal(move.data["amount"])
    if total > maximum:
        move.error(
            "amount",
            f"Met dit bedrag komt het totaal verbeurde bedrag op {money(total)}; dat is meer dan het maximum "
            f"van {money(maximum)} uit het besluit van {format_date(decided_on, weekday=False)}.",
        )


def _forfeiture_after_compliance(move: Move, what: str) -> None:
    ends = list(
        Deadline.objects.filter(procedure=move.procedure, code="compliance")
        .exclude(status=DeadlineStatus.SUPERSEDED)
        .values_list("due_date", flat=True)
    )
    if not ends:
        move.error("step", "Het besluit is nog niet bekendgemaakt: er loopt geen begunstigingstermijn.")
    elif move.on_date <= min(ends):
        first = (
            "Bestuursdwang kan pas worden toegepast na afloop"
            if what == "bestuursdwang"
            else "Een dwangsom verbeurt pas na afloop"
        )
        law = " (Awb 5:24 lid 2)" if what == "bestuursdwang" else ""
        move.error(
            "date", f"{first} van de begunstigingstermijn (die eindigt op {format_date(min(ends))}){law}."
        )


def _collection_within_forfeited(move: Move, _: str) -> None:
    found = _decision(move)
    if found is None or "amount" not in move.data:
        return
    decided_on, _maximum = found
    open_amount = _since(move, "forfeiture", decided_on) - _since(move, "collection-decision", decided_on)
    if Decimal(move.data["amount"]) > open_amount:
        move.error(
            "amount",
            f"Er is {money(open_amount)} verbeurd en nog niet ingevorderd; u kunt niet meer invorderen.",
        )


def _reminder_after_default(move: Move, _: str) -> None:
    """Awb 4:112 with 5:33 and 5:37: a reminder only once the debtor is in default (the six weeks after the
    forfeiture have passed) and after the collection decision."""
    collection = move.latest("collection-decision")
    forfeitures = [
        t
        for t in move.history
        if t.to_step == "forfeiture" and (collection is None or t.on_date <= collection.on_date)
    ]
    if not forfeitures:
        move.error("step", "Er is geen verbeurde dwangsom om aan te manen.")
        return
    try:
        check_reminder(
            move.on_date,
            forfeitures[-1].on_date,
            collection.on_date if collection else None,
            atw_calendar(),
        )
    except TermRuleError as exc:
        move.error("date", str(exc))


def _writ_after_reminder(move: Move, _: str) -> None:
    """Awb 4:114: a dwangbevel only when the reminder's two weeks have passed without payment."""
    reminder = move.latest("reminder")
    try:
        check_writ(move.on_date, reminder.on_date if reminder else None, atw_calendar())
    except TermRuleError as exc:
        move.error("date", str(exc))


def _repair_suspension(move: Move, _: str) -> None:
    """Awb 7:10 lid 2: the suspension runs from the day after the request to repair a defect (6:6) up to the day
    of the repair or of the unused end of the repair term (this step's date), that day not counted."""
    requested = date.fromisoformat(move.data["requested_on"]) if move.data.get("requested_on") else None
    if requested is None:
        return
    if requested > move.on_date:
        move.error("requested_on", "Het verzoek om herstel kan niet na het herstel liggen.")
        return
    running = Deadline.objects.filter(
        procedure=move.procedure, code="decision-on-objection", status=DeadlineStatus.OPEN
    )
    if move.addressee is not None:
        running = running.filter(addressee=move.addressee)
    ends = sorted(running.values_list("due_date", flat=True))
    if not ends:
        move.error("step", "Er loopt geen beslistermijn bezwaar om op te schorten.")
        return
    if requested > ends[0]:
        move.error(
            "requested_on",
            "Een verzoek om herstel na het einde van de beslistermijn schort niets meer op. "
            + default_message(ends[0]),
        )
        return
    days = (move.on_date - requested).days - 1
    if days < 1:
        move.error(
            "date",
            "Het verzuim is de dag na het verzoek hersteld: er is geen dag opgeschort (Awb 7:10 lid 2), de "
            "beslistermijn blijft gelijk.",
        )
        return
    move.data["suspension"] = f"P{days}D"


def _objection_timeliness(move: Move, _: str) -> None:
    term = (
        Deadline.objects.filter(procedure=move.procedure, code="objection", addressee=move.addressee)
        .exclude(status=DeadlineStatus.SUPERSEDED)
        .order_by("-due_date")
        .first()
    )
    if term is None:
        move.error(
            "addressee", "Deze geadresseerde heeft geen bezwaartermijn: het besluit is niet bekendgemaakt."
        )
        return
    late = move.on_date > term.due_date
    move.data["late"] = late
    if late:
        move.notes.append(
            f"Let op: het bezwaar is ontvangen na het einde van de bezwaartermijn ({format_date(term.due_date)}). "
            "Beoordeel of de termijnoverschrijding verschoonbaar is (Awb 6:11)."
        )


def _search_before_report(move: Move, _: str) -> None:
    search = move.data.get("search_date")
    if search and date.fromisoformat(search) > move.on_date:
        move.error("search_date", "De doorzoeking kan niet na de ontvangst van de rapportage liggen.")


def _damocles_assessment(move: Move, _: str) -> None:
    report = move.latest("police-report")
    if report is None:
        move.error("step", "Er is geen bestuurlijke rapportage om te beoordelen.")
        return
    try:
        move.data["damocles"] = assess(move.procedure, report.data).as_data()
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            move.error(name, messages[0])


def _proportionality(move: Move, _: str) -> None:
    factors = ("minor_children", "medical_needs", "owner_unaware", "social_arrangements")
    if any(move.data.get(f) for f in factors) and not move.data.get("proportionality_note"):
        move.error("proportionality_note", "Leg vast hoe de evenredigheidsfactoren zijn afgewogen.")
    advised = move.data.get("damocles", {}).get("sanction")
    if advised and move.data.get("sanction") not in (None, advised) and not move.data.get("deviation_reason"):
        move.error(
            "deviation_reason",
            f"De Damoclesmatrix schrijft '{advised}' voor; geef een reden om daarvan af te wijken.",
        )


def _sanction_is(move: Move, expected: str) -> None:
    assessment = move.latest("assessment")
    chosen = assessment.data.get("sanction") if assessment else None
    if chosen != expected:
        move.error("step", f"Deze stap past niet bij de gekozen maatregel ('{chosen or 'geen'}').")


def _not_before_step(move: Move, name: str) -> None:
    """An event date recorded on the step (sending, publication) cannot lie before the step itself."""
    value = move.data.get(name)
    if value and date.fromisoformat(value) < move.on_date:
        label = next((f.label for f in move.step.fields if f.name == name), name)
        move.error(name, f"{label}: deze datum kan niet vóór de datum van de stap liggen.")


def _sanction_of_decision(move: Move, expected: str) -> None:
    """The step belongs to a decision with this sanction (e.g. carrying out an administrative enforcement order)."""
    step = move.definition.step("decision")
    field = next((f for f in step.fields if f.name == "sanction"), None) if step else None
    labels = dict(field.choices) if field else {}
    decision = move.latest("decision")
    chosen = decision.data.get("sanction", "") if decision else ""
    if chosen != expected:
        found = f"; het besluit is een {labels.get(chosen, chosen).lower()}" if chosen else ""
        move.error(
            "step",
            f"Deze stap hoort bij een besluit met een {labels.get(expected, expected).lower()}{found}.",
        )


def _costs_within(move: Move, executed: str) -> None:
    """Awb 5:25: only the costs of the administrative enforcement actually recorded can be recovered."""
    incurred = sum(
        (Decimal(t.data.get("costs") or 0) for t in move.history if t.to_step == executed), Decimal(0)
    )
    recovered = sum(
        (Decimal(t.data["amount"]) for t in move.history if t.to_step == move.step.code), Decimal(0)
    )
    if incurred <= 0:
        move.error("step", "Er zijn geen kosten van bestuursdwang vastgelegd om te verhalen (Awb 5:25).")
    elif "amount" in move.data and Decimal(move.data["amount"]) > incurred - recovered:
        move.error(
            "amount",
            f"Te verhalen bedrag: er is {money(incurred)} aan kosten vastgelegd en {money(recovered)} al verhaald; "
            f"u kunt ten hoogste {money(incurred - recovered)} verhalen.",
        )


def _default_notice(move: Move, _: str) -> None:
    """Awb 4:17 (via 7:14 for an objection): a notice of default only counts once the decision term has passed;
    the penalty runs from two weeks after its receipt, for at most 42 days."""
    code = move.data.get("term")
    if not code or move.addressee is None:
        return
    term = (
        Deadline.objects.filter(
            procedure=move.procedure, code=code, addressee=move.addressee, status=DeadlineStatus.OPEN
        )
        .order_by("-due_date")
        .first()
    )
    if term is None:
        move.error(
            "term", "Voor welke beslissing: voor deze geadresseerde loopt zo'n beslistermijn niet (meer)."
        )
        return
    try:
        penalty = default_penalty(term.due_date, move.on_date)
    except TermRuleError as exc:
        move.error("date", str(exc))
        return
    move.data["penalty_from"] = penalty.first_day.isoformat()
    move.data["penalty_until"] = penalty.last_day.isoformat()
    move.notes.append(penalty.explanation)


def _costs_on_revocation(move: Move, _: str) -> None:
    """Awb 7:15 lid 2: costs of an objection are reimbursed only when the decision is revoked (objection upheld)."""
    costs = move.data.get("costs_awarded")
    if costs and Decimal(str(costs)) > 0 and move.data.get("outcome") not in ("gegrond", "deels-gegrond"):
        move.error(
            "costs_awarded",
            "Vergoeding kosten bezwaar: alleen als het bezwaar (deels) gegrond is en het besluit wordt herroepen "
            "wegens een onrechtmatigheid die aan de gemeente te wijten is (Awb 7:15 lid 2). Laat het veld leeg.",
        )


def _lift_before_reopening(move: Move, _: str) -> None:
    """Early lifting of a closure: only while the closure runs, before its planned end."""
    planned = Deadline.objects.filter(
        procedure=move.procedure, code="reopening", status=DeadlineStatus.OPEN
    ).first()
    if planned is None:
        move.error("step", "Er loopt geen sluiting die kan worden opgeheven.")
    elif move.on_date >= planned.due_date:
        move.error(
            "date",
            f"De sluiting eindigt volgens het besluit op {format_date(planned.due_date)}; zet dan de stap "
            "'Heropend' in plaats van een vroegtijdige opheffing.",
        )


def _research_marking(move: Move, wanted: str) -> None:
    """BRP "in onderzoek": placed only when not already placed, ended only when placed."""
    placed = sum(1 for t in move.history if t.to_step == "research-marked")
    ended = sum(1 for t in move.history if t.to_step == "research-ended")
    if wanted == "off" and placed > ended:
        move.error("step", "De gegevens staan al in onderzoek; beëindig eerst de aanduiding.")
    if wanted == "on" and placed <= ended:
        move.error("step", "De gegevens staan niet in onderzoek.")
    marked = move.latest("research-marked")
    if wanted == "on" and marked is not None and move.on_date < marked.on_date:
        move.error("date", "De aanduiding kan niet eindigen vóór ze is geplaatst.")


RULES: dict[str, Callable[[Move, str], None]] = {
    "after": _after,
    "open_deadline": _open_deadline,
    "no_exception": _no_exception,
    "penalty_within_maximum": _penalty_within_maximum,
    "forfeiture_within_maximum": _forfeiture_within_maximum,
    "forfeiture_after_compliance": _forfeiture_after_compliance,
    "collection_within_forfeited": _collection_within_forfeited,
    "objection_timeliness": _objection_timeliness,
    "repair_suspension": _repair_suspension,
    "reminder_after_default": _reminder_after_default,
    "writ_after_reminder": _writ_after_reminder,
    "search_before_report": _search_before_report,
    "damocles_assessment": _damocles_assessment,
    "proportionality": _proportionality,
    "sanction_is": _sanction_is,
    "not_before_step": _not_before_step,
    "sanction_of_decision": _sanction_of_decision,
    "after_compliance": _forfeiture_after_compliance,
    "costs_within": _costs_within,
    "default_notice": _default_notice,
    "lift_before_reopening": _lift_before_reopening,
    "costs_on_revocation": _costs_on_revocation,
    "research_marking": _research_marking,
    "cost_reminder_after_default": cost_reminder_after_default,
    "cost_writ_after_reminder": cost_writ_after_reminder,
    "default_penalty_fixed": default_penalty_fixed,
}


def known_rules() -> set[str]:
    return set(RULES)


def rule_name(rule: str) -> str:
    return rule.split(":", 1)[0]


def apply_rules(move: Move) -> None:
    """Run the step's rules in order; computations come first in the definition so checks can use them."""
    for rule in move.step.rules:
        name, _, argument = rule.partition(":")
        RULES[name](move, argument)
