"""Fixtures for the procedure tests: "today" pinned, the procedures world (tests/worlds/procedures.py), starting
and moving procedures as a named user, and the worked example's path."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from regie.access.case_access import get_case_for
from regie.accounts.models import User
from regie.cases.models import Case
from regie.procedures.models import Procedure
from regie.procedures.services.damocles import RuleInput, damocles_policy_create
from regie.procedures.services.engine import MoveResult, Upload, procedure_move, procedure_start
from tests.worlds.procedures import TODAY, World, make_procedures_world


@pytest.fixture(autouse=True)
def _documents_in_tmp(settings, tmp_path) -> None:
    """Letters and uploads of these tests go to a temporary directory, never to the shared data directory."""
    settings.MEDIA_ROOT = tmp_path / "documents"


@pytest.fixture
def today(time_machine) -> date:
    time_machine.move_to("2026-03-02 10:00 +01:00", tick=False)
    return TODAY


@pytest.fixture
def world(users: dict[str, User], today: date) -> World:
    return make_procedures_world(users)


def access(user: User, case: Case):
    return get_case_for(user, case.pk, log=False)


@pytest.fixture
def start(world: World) -> Callable[..., MoveResult]:
    def _start(username: str, case: Case, type_code: str, on: str, **kwargs: Any) -> MoveResult:
        user = world.users[username]
        return procedure_start(
            actor=user, access=access(user, case), type_code=type_code, on_date=on, **kwargs
        )

    return _start


@pytest.fixture
def move(world: World) -> Callable[..., MoveResult]:
    def _move(
        username: str, procedure: Procedure, step: str, on: str, data=None, **kwargs: Any
    ) -> MoveResult:
        user = world.users[username]
        procedure.refresh_from_db()
        return procedure_move(
            actor=user,
            access=access(user, procedure.case),
            procedure=procedure,
            step=step,
            on_date=on,
            version=kwargs.pop("version", procedure.version),
            data=data or {},
            **kwargs,
        )

    return _move


def demo_matrix() -> list[RuleInput]:
    """3 → 6 → 12 months for hard drugs and production; a warning first for soft drugs in a dwelling."""
    rules = []
    for premises in ("woning", "lokaal"):
        for drug in ("soft", "hard", "productie"):
            first = "waarschuwing" if (premises, drug) == ("woning", "soft") else "sluiting"
            rules += [
                RuleInput(premises, drug, 1, 1, first, "P3M" if first == "sluiting" else ""),
                RuleInput(premises, drug, 2, 2, "sluiting", "P6M"),
                RuleInput(premises, drug, 3, None, "sluiting", "P12M"),
            ]
    return rules


@pytest.fixture
def matrix(world: World):
    return damocles_policy_create(
        actor=world.users["beheerder"],
        valid_from=date(2024, 1, 1),
        recidive_period="P5Y",
        rules=demo_matrix(),
    )


def report(title: str = "Rapport van bevindingen", kind: str = "rapport van bevindingen") -> Upload:
    """A small text document to send with a step that needs one."""
    return Upload(
        title=title, filename="rapport.txt", content=io.BytesIO(b"Rapport\nFictief.\n"), document_type=kind
    )


PENALTY = {
    "sanction": "penalty-order",
    "amount": "500",
    "unit": "week",
    "maximum": "10000",
    "compliance_period": "P3M",
}
NO_EXCEPTIONS = {"personal_permit": "geen", "tolerance": "geen", "phasing_out": "geen"}

# The permanent-residence path of the worked example (today is Monday 2 March 2026):
# intended decision 19 Jan (view until 2 Feb), decision 3 Feb, resident notified 5 Feb, owner 10 Feb.
PR_PATH = [
    ("handhaver", "signal", "2026-01-05", {"signal": "Melding van buren"}),
    (
        "handhaver",
        "inspection-report",
        "2026-01-12",
        {"findings": "Woont er permanent.", "entry": "niet-betreden"},
    ),
    ("jurist", "exceptions-check", "2026-01-14", NO_EXCEPTIONS),
    ("jurist", "intended-decision", "2026-01-19", {**PENALTY, "view_period": "P2W"}),
    ("jurist", "decision", "2026-02-03", PENALTY),
    ("jurist", "notification", "2026-02-10", "notifications"),
]


def addressee_ids(procedure: Procedure) -> dict[str, str]:
    return {a.role: str(a.pk) for a in procedure.addressees.all()}


@pytest.fixture
def pr_at(world: World, start, move) -> Callable[[str], Procedure]:
    """A permanent-residence procedure on the world's case, taken along PR_PATH up to and including `step`."""

    def _at(step: str) -> Procedure:
        procedure: Procedure | None = None
        for username, code, on, data in PR_PATH:
            upload = report() if code == "inspection-report" else None
            if procedure is None:
                procedure = start(username, world.pr_case, "permanent-residence", on, data=data).procedure
            else:
                if data == "notifications":
                    ids = addressee_ids(procedure)
                    data = {
                        "notifications": {ids["bewoner"]: "2026-02-05", ids["eigenaar"]: "2026-02-10"},
                        "method": "aangetekend",
                    }
                move(username, procedure, code, on, data, upload=upload)
            if code == step:
                break
        assert procedure is not None
        procedure.refresh_from_db()
        return procedure

    return _at
