"""A small world for procedure tests: the three case types, cases with residents and an owner, and teams.

Cases are made through the case services; "today" is pinned with time-machine where a test needs dates.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from regie.access.case_access import get_case_for
from regie.accounts.models import Municipality, User
from regie.cases.models import Case, CaseType
from regie.cases.services.case import SubjectRef, case_create
from regie.cases.services.team import case_member_add
from regie.procedures.models import Procedure
from regie.procedures.services.damocles import RuleInput, damocles_policy_create
from regie.procedures.services.engine import MoveResult, Upload, procedure_move, procedure_start
from regie.subjects.services import address_get_or_create, person_create

TODAY = date(2026, 3, 2)  # a Monday


@dataclass
class World:
    users: dict[str, User]
    pr_case: Case
    o13b_case: Case
    brp_case: Case
    resident: Any
    owner: Any
    park_address: Any


def _case_type(code: str, label: str, categories: list[str]) -> CaseType:
    case_type, _ = CaseType.objects.get_or_create(
        code=code, defaults={"label": label, "default_categories": categories, "retention_years": 10}
    )
    return case_type


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
    municipality = Municipality.objects.get(code="1705")
    park = address_get_or_create(
        actor=None, postcode="6988BX", house_number=14, street="Marsweg", city="Lathum"
    )
    home = address_get_or_create(
        actor=None, postcode="6851AR", house_number=9, street="Karstraat", city="Huissen"
    )
    resident = person_create(actor=None, surname="Jansen", given_names="Peter", address=park)
    owner = person_create(actor=None, surname="Vos", given_names="Marieke", prefix="de", address=home)
    pr_case = case_create(
        actor=users["projectleider"],
        case_type=_case_type("handhaving-permanente-bewoning", "Handhaving permanente bewoning", ["general"]),
        title="Permanente bewoning Marsweg 14",
        coordinator=users["projectleider"],
        municipality=municipality,
        subjects=[
            SubjectRef(role="locatie", address=park),
            SubjectRef(role="bewoner", person=resident),
            SubjectRef(role="eigenaar", person=owner),
        ],
    )
    for name in ("handhaver", "jurist"):
        case_member_add(
            actor=users["projectleider"],
            case=pr_case,
            case_role=name,
            categories=["general"],
            user=users[name],
        )
    dealer = person_create(actor=None, surname="Bakker", given_names="Ronald", address=home)
    o13b_case = case_create(
        actor=users["jurist"],
        case_type=_case_type("opiumwet-13b", "Sluiting 13b Opiumwet", ["general", "justice"]),
        title="Drugshandel Karstraat 9",
        coordinator=users["jurist"],
        municipality=municipality,
        subjects=[SubjectRef(role="locatie", address=home), SubjectRef(role="bewoner", person=dealer)],
    )
    case_member_add(
        actor=users["jurist"],
        case=o13b_case,
        case_role="handhaver",
        categories=["general", "justice"],
        user=users["handhaver"],
    )
    case_member_add(
        actor=users["jurist"],
        case=o13b_case,
        case_role="projectleider",
        categories=["general"],
        user=users["projectleider"],
    )
    brp_case = case_create(
        actor=users["brp"],
        case_type=_case_type("brp-adresonderzoek", "Adresonderzoek BRP", ["general"]),
        title="Adresonderzoek Marsweg 14",
        coordinator=users["brp"],
        municipality=municipality,
        subjects=[SubjectRef(role="betrokkene", person=resident), SubjectRef(role="locatie", address=park)],
    )
    return World(users, pr_case, o13b_case, brp_case, resident, owner, park)


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
