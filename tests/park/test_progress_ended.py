"""How permanent residences ended, counted exactly from the status history and the enforcement procedures: legalised
by a permit, the finding revised, ended after enforcement (a decision or later step, not withdrawn, of this
residence), or moved out without enforcement."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from regie.access.case_access import get_case_for
from regie.accounts.models import User
from regie.cases.services.team import case_member_add
from regie.park.models import ParkLot
from regie.park.selectors import (
    ENDED_ENFORCED,
    ENDED_LEGALISED,
    ENDED_MOVED_OUT,
    ENDED_REVISED,
    ENFORCEMENT_STEPS,
    Enforcement,
    ended_how,
    ended_permanent_residences,
)
from regie.park.services.inspections import lot_case_for
from regie.park.services.lots import occupancy_add
from regie.park.services.status import residence_status_set
from regie.procedures.definitions import SHIPPED
from regie.procedures.models import Procedure
from regie.procedures.services.engine import procedure_move, procedure_start
from regie.subjects.services import address_get_or_create, person_create
from tests.procedures.conftest import NO_EXCEPTIONS, PENALTY, report
from tests.worlds.park import ParkWorld

pytestmark = pytest.mark.postgres

D = date.fromisoformat
BEGAN, ENDED = D("2025-02-01"), D("2025-05-01")


def _e(decided: str, withdrawn: str | None = None, closed: str | None = None) -> Enforcement:
    return Enforcement(D(decided), D(withdrawn) if withdrawn else None, D(closed) if closed else None)


@pytest.mark.parametrize(
    ("new_status", "enforcements", "expected"),
    [
        # legalised by a permit, whatever the procedure did
        ("gedoogd-persoonsgebonden", [], ENDED_LEGALISED),
        ("gedoogd-persoonsgebonden", [_e("2025-03-10")], ENDED_LEGALISED),
        # the finding revised: nobody is known to have left
        ("vermoedelijk-permanent", [_e("2025-03-10")], ENDED_REVISED),
        ("onbekend", [], ENDED_REVISED),
        # ended after enforcement: a decision (or later step) on or before the end, not withdrawn by then
        ("leeg", [_e("2025-03-10")], ENDED_ENFORCED),
        ("recreatief", [_e("2025-03-10")], ENDED_ENFORCED),
        ("leeg", [_e("2025-05-01")], ENDED_ENFORCED),  # decided on the day it ended
        ("leeg", [_e("2025-03-10", withdrawn="2025-06-01", closed="2025-06-01")], ENDED_ENFORCED),
        ("leeg", [_e("2024-03-10")], ENDED_ENFORCED),  # decided before, still running: the same residence
        ("leeg", [_e("2024-03-10", closed="2025-03-01")], ENDED_ENFORCED),  # closed during this residence
        (
            "leeg",
            [_e("2024-03-10", withdrawn="2024-04-01", closed="2024-04-01"), _e("2025-03-10")],
            ENDED_ENFORCED,
        ),
        # moved out (housing found) without enforcement
        ("leeg", [], ENDED_MOVED_OUT),
        ("recreatief", [], ENDED_MOVED_OUT),
        ("leeg", [_e("2025-05-02")], ENDED_MOVED_OUT),  # decided only after they left
        ("leeg", [_e("2025-03-10", withdrawn="2025-04-01", closed="2025-04-01")], ENDED_MOVED_OUT),
        ("leeg", [_e("2025-03-10", withdrawn="2025-05-01", closed="2025-05-01")], ENDED_MOVED_OUT),
        (
            "leeg",
            [_e("2024-03-10", closed="2024-07-01")],
            ENDED_MOVED_OUT,
        ),  # an earlier residence's procedure
    ],
)
def test_each_way_of_ending(new_status: str, enforcements: list[Enforcement], expected: str) -> None:
    assert ended_how(new_status=new_status, began=BEGAN, ended=ENDED, enforcements=enforcements) == expected


def test_the_enforcement_steps_are_the_decision_and_what_only_follows_it() -> None:
    definition = SHIPPED["permanent-residence"]
    assert all(definition.step(code) is not None for code in ENFORCEMENT_STEPS)
    assert "intended-decision" not in ENFORCEMENT_STEPS  # a notice, not enforcement
    decision = definition.step("decision")
    assert decision is not None and set(decision.next) <= {*ENFORCEMENT_STEPS, "withdrawn"}


# --- The same rule on real data: status histories and procedures run by the engine ---------------------------


@pytest.fixture(autouse=True)
def _documents_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "documents"


PATH = [
    ("handhaver", "signal", {"signal": "Melding van buren"}),
    ("handhaver", "inspection-report", {"findings": "Woont er.", "entry": "niet-betreden"}),
    ("jurist", "exceptions-check", NO_EXCEPTIONS),
    ("jurist", "intended-decision", {**PENALTY, "view_period": "P2W"}),
    ("jurist", "decision", PENALTY),
]


def _status(world: ParkWorld, number: int, status: str, on: str) -> None:
    residence_status_set(
        actor=world.users["projectleider"], lot=world.lots[number], status=status, on_date=D(on),
        evidence_kind="overig", evidence="Test",
    )  # fmt: skip


def _procedure(
    world: ParkWorld, lot: ParkLot, dates: list[str], then: list[tuple[str, str]] = ()
) -> Procedure:  # type: ignore[assignment]
    """A permanent-residence procedure on the lot's case, along PATH on `dates`, then the steps in `then`."""
    if not lot.occupancies.exists():
        # A letter needs the addressee's address (an empty field is refused), so the occupant has one.
        home = address_get_or_create(
            actor=None, postcode="6851 AB", house_number=lot.number, street="Recreatielaan", city="Huissen"
        )
        person = person_create(actor=None, surname=f"Bewoner{lot.number}", given_names="Kim", address=home)
        occupancy_add(actor=world.users["projectleider"], lot=lot, person=person, from_date=D("2020-01-01"))
    case = lot_case_for(actor=world.users["projectleider"], lot=lot)
    for name in ("handhaver", "jurist"):
        case_member_add(
            actor=world.users["projectleider"], case=case, case_role=name, categories=["general"],
            user=world.users[name],
        )  # fmt: skip
    procedure: Procedure | None = None
    for (name, step, data), on in zip(PATH, dates, strict=False):
        user: User = world.users[name]
        access = get_case_for(user, case.pk, log=False)
        if procedure is None:
            procedure = procedure_start(
                actor=user, access=access, type_code="permanent-residence", on_date=on, data=data
            ).procedure
            continue
        procedure.refresh_from_db()
        procedure_move(
            actor=user, access=access, procedure=procedure, step=step, on_date=on, version=procedure.version,
            data=data, upload=report() if step == "inspection-report" else None,
        )  # fmt: skip
    assert procedure is not None
    for step, on in then or []:
        procedure.refresh_from_db()
        jurist = world.users["jurist"]
        extra: dict[str, Any] = {"reason": "Test"}
        if step == "notification":
            extra = {
                "notifications": {str(a.pk): on for a in procedure.addressees.all()},
                "method": "aangetekend",
            }
        procedure_move(
            actor=jurist, access=get_case_for(jurist, case.pk, log=False), procedure=procedure, step=step,
            on_date=on, version=procedure.version, data=extra,
        )  # fmt: skip
    return procedure


DECIDED_2025 = ["2025-02-03", "2025-02-10", "2025-02-12", "2025-02-17", "2025-03-10"]


def test_the_progress_figures_count_each_end_once_by_how_it_ended(
    park_world: ParkWorld, sign_in: Callable[[User], Client]
) -> None:
    lots = park_world.lots
    # lot 1 (permanent since 15 Jan 2025): decision on 10 Mar, vacant on 1 Apr -> after enforcement
    _procedure(park_world, lots[1], DECIDED_2025)
    _status(park_world, 1, "leeg", "2025-04-01")
    # lot 2: permanent, then a personal permit -> legalised
    _status(park_world, 2, "permanent-vastgesteld", "2025-02-01")
    _status(park_world, 2, "gedoogd-persoonsgebonden", "2025-03-01")
    # lot 3: only an intended decision before they left -> moved out
    _status(park_world, 3, "permanent-vastgesteld", "2025-02-01")
    _procedure(park_world, lots[3], DECIDED_2025[:4])
    _status(park_world, 3, "recreatief", "2025-05-01")
    # lot 4: permanent, then back to suspected -> the finding revised
    _status(park_world, 4, "permanent-vastgesteld", "2025-02-01")
    _status(park_world, 4, "vermoedelijk-permanent", "2025-03-01")
    # lot 5: a decision withdrawn before they left -> moved out
    _status(park_world, 5, "permanent-vastgesteld", "2025-02-01")
    _procedure(park_world, lots[5], DECIDED_2025, then=[("withdrawn", "2025-03-20")])
    _status(park_world, 5, "leeg", "2025-04-01")
    # lot 6: enforced in 2024 (procedure closed after they left); permanent again in 2025, left without a procedure
    _status(park_world, 6, "permanent-vastgesteld", "2024-01-10")
    _procedure(
        park_world,
        lots[6],
        ["2024-02-05", "2024-02-12", "2024-02-14", "2024-02-19", "2024-03-11"],
        then=[("notification", "2024-03-12"), ("ended", "2024-07-01")],
    )
    _status(park_world, 6, "leeg", "2024-06-01")
    _status(park_world, 6, "permanent-vastgesteld", "2025-02-01")
    _status(park_world, 6, "leeg", "2025-05-01")

    assert ended_permanent_residences(park_world.park) == {
        ENDED_ENFORCED: 2,
        ENDED_LEGALISED: 1,
        ENDED_MOVED_OUT: 3,
        ENDED_REVISED: 1,
    }
    url = f"/vakantiepark/{park_world.park.pk}/voortgang"
    body = sign_in(park_world.users["analist"]).get(url).content.decode()
    for line in (
        "<li>Beëindigd na handhaving: 2</li>",
        "<li>Gelegaliseerd met een persoonsgebonden beschikking: 1</li>",
        "<li>Bewoners vertrokken (woning gevonden): 3</li>",
        "<li>Vaststelling herzien (weer vermoedelijk of onbekend): 1</li>",
        "Hoe wordt dit geteld?",
    ):
        assert line in body
    assert sign_in(park_world.users["ggz"]).get(url).status_code == 403


def test_a_park_without_ends_lists_every_way_with_zero(
    park_world: ParkWorld, sign_in: Callable[[User], Client]
) -> None:
    body = (
        sign_in(park_world.users["projectleider"])
        .get(f"/vakantiepark/{park_world.park.pk}/voortgang")
        .content.decode()
    )
    assert "<li>Beëindigd na handhaving: 0</li>" in body
    assert "<li>Bewoners vertrokken (woning gevonden): 0</li>" in body
