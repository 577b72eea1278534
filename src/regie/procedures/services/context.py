"""What the engine knows while it takes one step; rules, deadlines and letters all read from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from regie.access.case_access import CaseAccess
from regie.accounts.models import User
from regie.procedures.definitions.schema import Definition, StepSpec
from regie.procedures.models import Addressee, Deadline, Procedure, Transition


@dataclass
class Move:
    procedure: Procedure
    definition: Definition
    step: StepSpec
    from_step: str
    on_date: date
    actor: User
    access: CaseAccess
    data: dict[str, Any]
    addressees: dict[str, Addressee]
    history: list[Transition]
    today: date
    errors: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    transition: Transition | None = None
    new_deadlines: list[Deadline] = field(default_factory=list)

    @property
    def addressee(self) -> Addressee | None:
        """The addressee chosen in this step (objection, decision on objection …), if the step has one."""
        key = self.data.get("addressee")
        return self.addressees.get(key) if key else None

    def error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, message)

    def latest(self, step_code: str) -> Transition | None:
        """The latest earlier transition into `step_code`."""
        return next((t for t in reversed(self.history) if t.to_step == step_code), None)

    def value(self, step_code: str, name: str) -> Any:
        """A field recorded in this step (when it is `step_code`) or in the latest earlier one of that step."""
        if step_code == self.step.code and name in self.data:
            return self.data[name]
        earlier = self.latest(step_code)
        return earlier.data.get(name) if earlier is not None else None


def step_label(definition: Definition, code: str) -> str:
    spec = definition.step(code)
    return spec.label if spec else code
