"""Person and address pages: through the door, BSN only for municipal case roles, only visible cases."""

from __future__ import annotations

import uuid

import pytest

from regie.cases.services.case import SubjectRef, case_subject_add
from regie.processing_log.models import ProcessingLogEntry
from tests.cases.conftest import without_tokens
from tests.worlds.cases import make_case, make_person, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(users):
    return make_world(users)


def test_it_shows_a_person_with_bsn_address_and_their_cases_to_the_coordinator(sign_in, users, world):
    html = sign_in(users["procesregisseur"]).get(f"/personen/{world.person.pk}").content.decode()
    assert "Jan de Vries" in html and "111222333" in html
    assert "Dorpsstraat 12, 6851 AB Huissen" in html and f'href="/adressen/{world.person.address_id}"' in html
    assert world.case.number in html and "Betrokkene" in html
    entry = ProcessingLogEntry.objects.filter(action="person.viewed").last()
    assert entry is not None and entry.actor_username == "procesregisseur"


def test_it_hides_the_bsn_from_a_partner(sign_in, users, world):
    html = sign_in(users["politie"]).get(f"/personen/{world.person.pk}").content.decode()
    assert "Jan de Vries" in html and "111222333" not in html


def test_it_lists_only_the_cases_of_the_person_the_viewer_can_see(sign_in, users, world):
    other = make_case(users["handhaver"], world.case_type, title="Handhaving bij Jan")
    case_subject_add(
        actor=users["handhaver"], case=other, ref=SubjectRef(role="bewoner", person=world.person)
    )
    police = sign_in(users["politie"]).get(f"/personen/{world.person.pk}").content.decode()
    assert world.case.number in police and other.number not in police
    inspector = sign_in(users["handhaver"]).get(f"/personen/{world.person.pk}").content.decode()
    assert other.number in inspector and world.case.number not in inspector and "Bewoner" in inspector


def test_it_answers_an_unrelated_person_with_the_same_404_as_a_missing_one(sign_in, users, world):
    client = sign_in(users["handhaver"])
    missing_id = uuid.uuid4()
    hidden = client.get(f"/personen/{world.person.pk}")
    missing = client.get(f"/personen/{missing_id}")
    assert hidden.status_code == missing.status_code == 404
    assert without_tokens(hidden.content.decode(), world.person.pk) == without_tokens(
        missing.content.decode(), missing_id
    )


def test_it_answers_roles_without_case_access_with_404(sign_in, users, world):
    for role in ("analist", "beheerder", "privacy"):
        client = sign_in(users[role])
        assert client.get(f"/personen/{world.person.pk}").status_code == 404, role
        assert client.get(f"/adressen/{world.person.address_id}").status_code == 404


def test_it_shows_an_address_with_visible_residents_and_cases(sign_in, users, world):
    neighbour = make_person(users["handhaver"], surname="Pietersen", prefix="", given_names="Kees", bsn=None)
    case_at_address = make_case(users["procesregisseur"], world.case_type, title="Overlast op adres")
    case_subject_add(
        actor=users["procesregisseur"],
        case=case_at_address,
        ref=SubjectRef(role="locatie", address=world.person.address),
    )
    html = sign_in(users["procesregisseur"]).get(f"/adressen/{world.person.address_id}").content.decode()
    assert "Dorpsstraat 12" in html and "6851 AB" in html
    assert "Jan de Vries" in html
    assert neighbour.surname not in html  # a resident in no visible case stays hidden
    assert case_at_address.number in html
    assert ProcessingLogEntry.objects.filter(action="address.viewed").exists()


def test_it_answers_an_address_outside_the_viewers_cases_with_404(sign_in, users, world):
    assert sign_in(users["jurist"]).get(f"/adressen/{world.person.address_id}").status_code == 404
