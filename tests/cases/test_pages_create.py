"""Nieuwe casus: the roles that open cases may, others get 403; bad input is answered and nothing is saved."""

from __future__ import annotations

import pytest

from regie.cases.models import Case, CaseMember
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Person
from tests.worlds.cases import make_case_type, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_type(users):
    return make_case_type(users["beheerder"])


def _form(kind, boss, **overrides):
    data = {
        "case_type": str(kind.pk),
        "title": "Zorgen rond gezin Bakker",
        "priority": "hoog",
        "coordinator": str(boss.pk),
        "surname": "",
        "surname_prefix": "",
        "given_names": "",
        "bsn": "",
        "birth_date": "",
        "subject_role": "betrokkene",
    }
    data.update(overrides)
    return data


def test_it_creates_a_case_with_a_first_person_and_puts_the_creator_on_the_team(sign_in, users, case_type):
    inspector, leader = users["handhaver"], users["projectleider"]
    form = _form(
        case_type,
        leader,
        surname="Bakker",
        given_names="Els",
        bsn="123456782",
        birth_date="1980-04-01",
        subject_role="bewoner",
    )
    response = sign_in(inspector).post("/casussen/nieuw", form)

    case = Case.objects.get(title="Zorgen rond gezin Bakker")
    assert response.status_code == 302 and response["Location"] == f"/casussen/{case.pk}"
    assert case.coordinator == leader and case.priority == "hoog"
    subject = case.subjects.get()
    assert subject.role == "bewoner" and subject.person.bsn == "123456782"
    assert CaseMember.objects.filter(case=case, user=inspector).exists()
    assert ProcessingLogEntry.objects.filter(action="case.created", object_id=str(case.pk)).exists()


def test_it_creates_a_case_without_a_person(sign_in, users, case_type):
    director = users["procesregisseur"]
    response = sign_in(director).post("/casussen/nieuw", _form(case_type, director))
    assert response.status_code == 302
    assert Case.objects.get().subjects.count() == 0


def test_it_shows_the_form_to_the_roles_that_open_cases(sign_in, users, case_type):
    for role in ("procesregisseur", "projectleider", "handhaver", "jurist", "brp"):
        response = sign_in(users[role]).get("/casussen/nieuw")
        assert response.status_code == 200, role
        assert case_type.label in response.content.decode()


def test_it_refuses_case_creation_to_other_roles(sign_in, users, case_type):
    for role in ("politie", "ggz", "analist", "beheerder", "privacy"):
        client = sign_in(users[role])
        assert client.get("/casussen/nieuw").status_code == 403, role
        assert client.post("/casussen/nieuw", _form(case_type, users["procesregisseur"])).status_code == 403
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Dit veld is verplicht."),
        ("title", "x" * 201, "Een titel is hoogstens 200 tekens."),
        ("case_type", "00000000-0000-0000-0000-000000000000", "Kies een casustype dat in gebruik is."),
        ("priority", "supersnel", "Kies een bestaande prioriteit."),
        ("coordinator", "analist", "Kies een coördinator uit de lijst."),
        ("coordinator", "politie", "Kies een coördinator uit de lijst."),
        ("bsn", "123456789", "de elfproef klopt niet"),
        ("birth_date", "2999-01-01", "De geboortedatum ligt in de toekomst."),
        ("birth_date", "1-2-nooit", "Vul een geldige datum in"),
        ("given_names", "Els", "Vul de achternaam in van de persoon"),
        ("subject_role", "koning", "Kies een bestaande rol."),
    ],
)
def test_it_refuses_bad_case_input_in_dutch_and_saves_nothing(
    sign_in, users, case_type, field, value, message
):
    if field == "coordinator":
        value = str(users[value].pk)
    person = {"surname": "Bakker"} if field in ("bsn", "birth_date", "subject_role") else {}
    form = _form(case_type, users["procesregisseur"], **{**person, field: value})
    response = sign_in(users["procesregisseur"]).post("/casussen/nieuw", form)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Case.objects.count() == 0 and Person.objects.count() == 0


def test_it_refuses_an_inactive_case_type(sign_in, users):
    retired = make_case_type(users["beheerder"], code="oud", label="Oud type")
    retired.active = False
    retired.save(update_fields=["active"])
    response = sign_in(users["jurist"]).post("/casussen/nieuw", _form(retired, users["jurist"]))
    assert response.status_code == 400
    assert Case.objects.count() == 0


def test_it_refuses_a_known_bsn_with_the_services_message_and_does_not_link_the_existing_person(
    sign_in, users, case_type
):
    make_person(users["procesregisseur"], bsn="111222333")
    form = _form(case_type, users["brp"], surname="Anders", bsn="111222333")
    response = sign_in(users["brp"]).post("/casussen/nieuw", form)
    assert response.status_code == 400
    assert "Er is al een persoon met dit BSN" in response.content.decode()
    assert Case.objects.count() == 0 and Person.objects.count() == 1
