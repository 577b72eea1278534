"""Letters on a case about a park lot name the park's project leader as the single point of contact (name, phone,
e-mail); other cases keep their coordinator, and burgerzaken's own address investigation keeps its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest

from regie.access.case_access import get_case_for
from regie.accounts.models import Role, User
from regie.accounts.services import user_create
from regie.cases.models import Case, CaseType, SubjectRole
from regie.cases.services.case import SubjectRef, case_create
from regie.cases.services.documents import document_path
from regie.cases.services.team import case_member_add
from regie.park.models import Park
from regie.procedures.models import Letter, Procedure
from regie.procedures.services.engine import procedure_move, procedure_start
from regie.procedures.services.letter_context import contact_person
from tests.procedures.conftest import NO_EXCEPTIONS, PENALTY, report
from tests.worlds.park import ParkWorld

MARK = (
    "Mark van der Linden",
    "06 1234 5602",
    "projectleider@lingewaard.example",
)  # the park's project leader
ILSE = ("Ilse Hendriks", "06 1234 5603", "handhaver@lingewaard.example")  # the case coordinator


@pytest.fixture(autouse=True)
def _documents_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "documents"


def text_of(letter: Letter) -> str:
    document = docx.Document(str(document_path(letter.document)))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def _case(world: ParkWorld, *, on_lot: bool, code: str = "handhaving-permanente-bewoning") -> Case:
    """A case coordinated by the inspector, about lot 1 (its location) or only about its address."""
    lot = world.lots[1]
    place = (
        SubjectRef(role=SubjectRole.LOCATION, location=lot.location)
        if on_lot
        else SubjectRef(role=SubjectRole.LOCATION, address=lot.location.address)
    )
    coordinator = world.users["brp" if code == "brp-adresonderzoek" else "handhaver"]
    case = case_create(
        actor=coordinator,
        case_type=CaseType.objects.get(code=code),
        title="Kavel 1",
        coordinator=coordinator,
        municipality=world.park.municipality,
        subjects=[place, SubjectRef(role=SubjectRole.RESIDENT, person=world.occupant)],
    )
    if code != "brp-adresonderzoek":
        case_member_add(
            actor=coordinator,
            case=case,
            case_role="jurist",
            categories=["general"],
            user=world.users["jurist"],
        )
    return case


def _move(
    world: ParkWorld, name: str, procedure: Procedure, step: str, on: str, data: dict[str, Any]
) -> None:
    user = world.users[name]
    procedure.refresh_from_db()
    procedure_move(
        actor=user,
        access=get_case_for(user, procedure.case.pk, log=False),
        procedure=procedure,
        step=step,
        on_date=on,
        version=procedure.version,
        data=data,
        upload=report() if step == "inspection-report" else None,
    )


def _intended_decision(world: ParkWorld, case: Case) -> str:
    """Take a permanent-residence procedure to its intended decision; the text of the resident's letter."""
    inspector = world.users["handhaver"]
    procedure = procedure_start(
        actor=inspector,
        access=get_case_for(inspector, case.pk, log=False),
        type_code="permanent-residence",
        on_date="2026-01-05",
        data={"signal": "Melding van buren"},
    ).procedure
    _move(
        world,
        "handhaver",
        procedure,
        "inspection-report",
        "2026-01-12",
        {"findings": "Woont er.", "entry": "niet-betreden"},
    )
    _move(world, "jurist", procedure, "exceptions-check", "2026-01-14", NO_EXCEPTIONS)
    _move(world, "jurist", procedure, "intended-decision", "2026-01-19", {**PENALTY, "view_period": "P2W"})
    letter = Letter.objects.get(procedure=procedure, code="pr-intended-decision", addressee__role="bewoner")
    return text_of(letter)


def test_a_letter_about_a_park_lot_names_the_parks_project_leader(park_world: ParkWorld) -> None:
    text = _intended_decision(park_world, _case(park_world, on_lot=True))
    assert all(value in text for value in MARK), text
    # The project leader is the one point of contact (the signatory comes from the mandate register).
    assert f"vast aanspreekpunt {MARK[0]}" in text
    assert not any(value in text for value in ILSE)
    assert "{{" not in text


def test_a_letter_about_an_address_that_is_no_park_lot_names_the_coordinator(park_world: ParkWorld) -> None:
    text = _intended_decision(park_world, _case(park_world, on_lot=False))
    assert all(value in text for value in ILSE), text
    assert not any(value in text for value in MARK)


def test_a_new_project_leader_of_the_park_is_named_in_the_next_letter(park_world: ParkWorld) -> None:
    case = _case(park_world, on_lot=True)
    successor = user_create(
        actor=None,
        username="projectleider2",
        first_name="Noor",
        last_name="Bakker",
        email="n.bakker@lingewaard.example",
        role=Role.PROJECT_LEADER,
        organisation=park_world.users["projectleider"].organisation,
        password="regie-demo-2026!",
    )
    User.objects.filter(pk=successor.pk).update(phone="026 123 45 67", job_title="")
    Park.objects.filter(pk=park_world.park.pk).update(project_leader=successor)
    text = _intended_decision(park_world, case)
    assert "Noor Bakker" in text and "026 123 45 67" in text and "n.bakker@lingewaard.example" in text
    assert "vast aanspreekpunt Noor Bakker" in text
    assert "Mark van der Linden" not in text


@pytest.mark.parametrize(
    ("situation", "expected"),
    [
        ("park without a project leader", "handhaver"),
        ("project leader no longer active", "handhaver"),
        ("lot's case", "projectleider"),
    ],
)
def test_without_an_active_project_leader_the_coordinator_stays_the_contact(
    park_world: ParkWorld, situation: str, expected: str
) -> None:
    case = _case(park_world, on_lot=True)
    if situation == "park without a project leader":
        Park.objects.filter(pk=park_world.park.pk).update(project_leader=None)
    elif situation == "project leader no longer active":
        User.objects.filter(username="projectleider").update(is_active=False)
    procedure = Procedure(case=case, type_code="permanent-residence")
    contact, _ = contact_person(procedure)
    assert contact == park_world.users[expected]


def test_burgerzaken_keeps_its_own_contact_in_an_address_investigation_on_a_lot(
    park_world: ParkWorld,
) -> None:
    officer = park_world.users["brp"]
    case = _case(park_world, on_lot=True, code="brp-adresonderzoek")
    procedure = procedure_start(
        actor=officer,
        access=get_case_for(officer, case.pk, log=False),
        type_code="brp-address-investigation",
        on_date="2026-01-05",
        data={"reason": "Doorverwijzing na inspectie", "in_research": "ja"},
    ).procedure
    _move(park_world, "brp", procedure, "letter-sent", "2026-01-06", {})
    text = text_of(Letter.objects.get(procedure=procedure, code="brp-letter"))
    assert "Fatima El Idrissi" in text and "06 1234 5605" in text
    assert "Mark van der Linden" not in text
