"""The shape of a procedure definition: plain, frozen data that serialises to JSON and back.

A definition declares its steps, which step may follow which (including going back), each step's terms
(from which event, how long, statutory or not), the roles that may take it, the letters it produces and the
tasks it creates. The engine (`regie.procedures.services.engine`) runs every definition the same way; it
never branches on a procedure's code. Behaviour a definition cannot express as data (a Damocles assessment, a
penalty check) is named here and implemented once in `services.rules`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from regie.core.terms import PeriodError, parse_period

FIELD_TYPES = (
    "text",  # one line
    "longtext",  # a paragraph
    "date",
    "bool",
    "money",  # euros, two decimals
    "period",  # an ISO 8601 duration, e.g. P3M
    "choice",
    "int",
    "addressee",  # one of the procedure's addressees
    "notifications",  # per addressee the date of notification (Awb 3:41)
    "substances",  # what the police found: substance, amount, unit
)
TERM_STARTS = ("step", "notification")  # plus "deadline:<code>" and "field:<name>"
TERM_KINDS = ("action", "expiry")
LETTER_ADDRESSEES = ("all", "notified", "field", "reporter")


@dataclass(frozen=True)
class FieldSpec:
    """One piece of data recorded with a step."""

    name: str
    label: str
    type: str = "text"
    required: bool = False
    # Required only when the procedure comes from one of these steps (e.g. the reason for skipping the view).
    required_from: tuple[str, ...] = ()
    # Required only when another field of the same step has a value: (field, value).
    required_if: tuple[str, str] | None = None
    choices: tuple[tuple[str, str], ...] = ()
    default: str = ""
    help: str = ""


@dataclass(frozen=True)
class TermSpec:
    """A term that starts when its step is taken; it becomes a deadline (and a task) on the procedure.

    start: "step" (the date of the step), "notification" (per addressee, the notification date recorded in
    this step), "deadline:<code>" (the end of another deadline, for the same addressee) or "field:<name>" (an
    event date recorded in this step, e.g. the day of sending (Awb 6:8) or publication (3:41 lid 2); the step
    date when left empty).
    period: an ISO 8601 duration or "field:<step>.<name>" (a duration recorded in an earlier or this step);
    period_if: (field, value, period) rules tried first, e.g. 12 weeks with an advisory committee.
    kind: "action" — someone must act before it ends (overdue afterwards); "expiry" — a term that runs for
    somebody else (objection, view) and simply expires.
    """

    code: str
    label: str
    period: str
    statutory: bool
    start: str = "step"
    kind: str = "action"
    owner_role: str = ""
    task: str = ""
    legal_basis: str = ""
    closed_by: tuple[str, ...] = ()
    blocks: tuple[str, ...] = ()  # steps that may not be taken while this term runs
    supersedes: bool = False  # replaces the open deadlines it starts from (an extension)
    # With start "deadline:<code>": one deadline from the latest of those ends, instead of one per addressee.
    single: bool = False
    period_if: tuple[tuple[str, str, str], ...] = ()
    remind_working_days: int = 5


@dataclass(frozen=True)
class LetterSpec:
    """A letter a step produces, from the template with the same code.

    addressees: "all" (every addressee), "notified" (those notified in this step), "field" (the addressee
    chosen in this step) or "reporter" (addressees with the role melder).
    merge: merge field -> source; a source is "data:<step>.<path>", "deadline:<code>" or "text:<literal>",
    optionally followed by "|date", "|money", "|period", "|choice", "|yesno" or "|substances".
    """

    code: str
    label: str
    legal_basis: str
    addressees: str = "all"
    category: str = "general"
    document_type: str = "brief"
    objection_term: str = ""  # deadline code whose end date fills the objection clause
    # Who decides, and so who receives an objection: the college (Awb enforcement, BRP) or the mayor (13b).
    authority: str = "het college van burgemeester en wethouders"
    merge: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class TaskSpec:
    """A task a step creates on the case, due a non-statutory period after the step's date."""

    title: str
    owner_role: str
    period: str


@dataclass(frozen=True)
class StepSpec:
    code: str
    label: str
    roles: tuple[str, ...]
    next: tuple[str, ...] = ()
    description: str = ""
    fields: tuple[FieldSpec, ...] = ()
    requires_document: bool = False
    document_hint: str = ""
    terms: tuple[TermSpec, ...] = ()
    letters: tuple[LetterSpec, ...] = ()
    tasks: tuple[TaskSpec, ...] = ()
    final: bool = False
    outcome: str = ""  # for a final step: "afgerond" or "ingetrokken"
    action: bool = False  # recorded in the history, but the procedure stays in its current step
    max_times: int = 0  # 0: unlimited
    # A signal for triage by care and safety (intake, source "inspectie"), with this category code.
    signal_category: str = ""
    rules: tuple[str, ...] = ()  # named checks and computations in services.rules


@dataclass(frozen=True)
class Definition:
    code: str
    version: int
    label: str
    description: str
    case_types: tuple[str, ...]
    category: str
    start_step: str
    steps: tuple[StepSpec, ...]
    actions: tuple[str, ...] = ()  # action steps available from every step that is not final
    requires_address: bool = False

    def step(self, code: str) -> StepSpec | None:
        """The step with this code, or None."""
        return next((s for s in self.steps if s.code == code), None)

    def allowed_after(self, code: str) -> tuple[str, ...]:
        """The step codes that may follow `code` (its next steps plus the always-available actions)."""
        current = self.step(code)
        if current is None or current.final:
            return ()
        return current.next + tuple(a for a in self.actions if a not in current.next)

    def letters(self) -> dict[str, LetterSpec]:
        """Every letter of this definition by code."""
        return {letter.code: letter for s in self.steps for letter in s.letters}

    def terms(self) -> dict[str, TermSpec]:
        """Every term of this definition by code (a code may appear in several steps; the first wins)."""
        found: dict[str, TermSpec] = {}
        for s in self.steps:
            for term in s.terms:
                found.setdefault(term.code, term)
        return found


def to_data(definition: Definition) -> dict[str, Any]:
    """The definition as JSON-compatible data (tuples become lists)."""
    return _jsonable(asdict(definition))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _tuple(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_tuple(v) for v in value)
    return value


def _build(cls: Any, data: dict[str, Any], nested: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    names = {f.name for f in fields(cls)}
    for key, value in data.items():
        if key not in names:
            continue
        if key in nested:
            kwargs[key] = tuple(nested[key](item) for item in value)
        elif key == "required_if":
            kwargs[key] = tuple(value) if value else None
        else:
            kwargs[key] = _tuple(value)
    return cls(**kwargs)


def _step(data: dict[str, Any]) -> StepSpec:
    return _build(
        StepSpec,
        data,
        {
            "fields": lambda d: _build(FieldSpec, d, {}),
            "terms": lambda d: _build(TermSpec, d, {}),
            "letters": lambda d: _build(LetterSpec, d, {}),
            "tasks": lambda d: _build(TaskSpec, d, {}),
        },
    )


def from_data(data: dict[str, Any]) -> Definition:
    """The definition from its stored JSON."""
    result: Definition = _build(Definition, data, {"steps": _step})
    return result


def check(definition: Definition, *, known_rules: set[str], known_roles: set[str]) -> list[str]:
    """Every inconsistency in a definition, in Dutch; an empty list means the engine can run it."""
    problems: list[str] = []
    codes = [s.code for s in definition.steps]
    if len(set(codes)) != len(codes):
        problems.append("Stapcodes zijn niet uniek.")
    if definition.step(definition.start_step) is None:
        problems.append(f"Beginstap '{definition.start_step}' bestaat niet.")
    term_codes = set(definition.terms())
    for action in definition.actions:
        action_step = definition.step(action)
        if action_step is None or not action_step.action:
            problems.append(f"Handeling '{action}' is geen stap met action=True.")
    for s in definition.steps:
        where = f"Stap '{s.code}'"
        if not s.roles or set(s.roles) - known_roles:
            problems.append(f"{where}: onbekende of ontbrekende rollen.")
        problems += [f"{where}: volgende stap '{n}' bestaat niet." for n in s.next if n not in codes]
        if s.final and s.next:
            problems.append(f"{where}: een eindstap heeft geen volgende stappen.")
        if not s.final and not s.action and not s.next:
            problems.append(f"{where}: geen volgende stap en geen eindstap.")
        if s.final and s.outcome not in ("afgerond", "ingetrokken"):
            problems.append(f"{where}: een eindstap heeft uitkomst afgerond of ingetrokken.")
        problems += [
            f"{where}: onbekende regel '{r}'." for r in s.rules if r.split(":", 1)[0] not in known_rules
        ]
        names = [f.name for f in s.fields]
        if len(set(names)) != len(names):
            problems.append(f"{where}: veldnamen zijn niet uniek.")
        for f in s.fields:
            if f.type not in FIELD_TYPES:
                problems.append(f"{where}: veld '{f.name}' heeft onbekend type '{f.type}'.")
            if f.type == "choice" and not f.choices:
                problems.append(f"{where}: keuzeveld '{f.name}' heeft geen keuzes.")
            problems += [
                f"{where}: veld '{f.name}' verwijst naar onbekende stap '{c}'."
                for c in f.required_from
                if c not in codes
            ]
        dates = {f.name for f in s.fields if f.type == "date"}
        for term in s.terms:
            problems += _check_term(where, term, codes, term_codes, known_roles, dates)
        for letter in s.letters:
            if letter.addressees not in LETTER_ADDRESSEES:
                problems.append(f"{where}: brief '{letter.code}' heeft onbekende geadresseerden.")
            if letter.addressees == "field" and "addressee" not in names:
                problems.append(f"{where}: brief '{letter.code}' vraagt een veld 'addressee'.")
            if letter.objection_term and letter.objection_term not in term_codes:
                problems.append(f"{where}: brief '{letter.code}' noemt onbekende termijn.")
        for task in s.tasks:
            problems += _check_period(where, task.period)
            if task.owner_role not in known_roles:
                problems.append(f"{where}: taak '{task.title}' heeft een onbekende rol.")
    return problems


def _check_period(where: str, period: str) -> list[str]:
    if period.startswith("field:"):
        return []
    try:
        parse_period(period)
    except PeriodError:
        return [f"{where}: ongeldige duur '{period}'."]
    return []


def _check_term(
    where: str,
    term: TermSpec,
    codes: list[str],
    term_codes: set[str],
    known_roles: set[str],
    dates: set[str],
) -> list[str]:
    problems = _check_period(where, term.period)
    for _, _, period in term.period_if:
        problems += _check_period(where, period)
    if (
        term.start not in TERM_STARTS
        and not (term.start.startswith("deadline:") and term.start.split(":", 1)[1] in term_codes)
        and not (term.start.startswith("field:") and term.start.split(":", 1)[1] in dates)
    ):
        problems.append(f"{where}: termijn '{term.code}' heeft een onbekend beginpunt '{term.start}'.")
    if term.kind not in TERM_KINDS:
        problems.append(f"{where}: termijn '{term.code}' heeft een onbekende soort.")
    if term.owner_role and term.owner_role not in known_roles:
        problems.append(f"{where}: termijn '{term.code}' heeft een onbekende rol.")
    problems += [
        f"{where}: termijn '{term.code}' wordt afgesloten door onbekende stap '{c}'."
        for c in term.closed_by + term.blocks
        if c not in codes
    ]
    return problems


__all__ = [
    "Definition",
    "FieldSpec",
    "LetterSpec",
    "StepSpec",
    "TaskSpec",
    "TermSpec",
    "check",
    "from_data",
    "to_data",
]
