"""Persons and addresses seen only through break-the-glass: their reads are marked in the processing log.

The process director coordinates the world's case (Jan de Vries, Dorpsstraat 12) and opens, by emergency access,
a case of the project leader about Els Bakker (Karstraat 9) at a park lot (Marsweg 14). Reads the director could
make through their own case are not marked; reads that rely on the emergency access are marked with its reason;
users without any access get the 404 of a missing id.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from regie.access.subject_access import emergency_access_for
from regie.accounts.models import User
from regie.accounts.services import api_token_create
from regie.cases.models import Case
from regie.cases.services.case import SubjectRef, case_subject_add
from regie.cases.services.emergency import break_the_glass_start
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Address, Person
from regie.subjects.services import address_get_or_create, person_create
from tests.cases.conftest import without_tokens
from tests.worlds.cases import World, make_case, make_world

pytestmark = pytest.mark.django_db

REASON = "Acute dreiging bij de woning gemeld door de meldkamer, direct overleg nodig."


@dataclass
class Emergency:
    world: World
    case: Case  # the project leader's case, opened by the director through break-the-glass
    person: Person  # only in that case
    home: Address  # that person's home address
    lot: Address  # an address subject of that case


@pytest.fixture
def emergency(users: dict[str, User]) -> Emergency:
    world = make_world(users)
    leader = users["projectleider"]
    home = address_get_or_create(
        actor=None, postcode="6851AR", house_number=9, street="Karstraat", city="Huissen"
    )
    lot = address_get_or_create(
        actor=None, postcode="6988BX", house_number=14, street="Marsweg", city="Lathum"
    )
    person = person_create(actor=None, surname="Bakker", given_names="Els", bsn=None, address=home)
    case = make_case(leader, world.case_type, title="Casus van de projectleider", person=person)
    case_subject_add(actor=leader, case=case, ref=SubjectRef(role="locatie", address=lot))
    break_the_glass_start(actor=users["procesregisseur"], case_id=case.pk, reason=REASON)
    return Emergency(world=world, case=case, person=person, home=home, lot=lot)


def _api(user: User) -> Client:
    secret = api_token_create(actor=user, user=user, name="test").secret
    return Client(HTTP_AUTHORIZATION=f"Token {secret}")


def _page(client: Client, kind: str, object_id: object) -> Any:
    return client.get(f"/{'personen' if kind == 'person' else 'adressen'}/{object_id}")


def _api_get(client: Client, kind: str, object_id: object) -> Any:
    return client.get(f"/api/v1/{'persons' if kind == 'person' else 'addresses'}/{object_id}")


def _last_read(kind: str, object_id: object) -> ProcessingLogEntry:
    entry = (
        ProcessingLogEntry.objects.filter(action=f"{kind}.viewed", object_id=str(object_id))
        .order_by("seq")
        .last()
    )
    assert entry is not None, f"no {kind}.viewed entry"
    return entry


def _target(emergency: Emergency, kind: str, which: str) -> object:
    if which == "own":
        person = emergency.world.person
        return person.pk if kind == "person" else person.address_id
    if kind == "person":
        return emergency.person.pk
    return {"home": emergency.home.pk, "lot": emergency.lot.pk}[which]


@pytest.mark.parametrize("via", ["page", "api"])
@pytest.mark.parametrize(("kind", "which"), [("person", "own"), ("address", "own")])
def test_a_read_through_the_directors_own_case_is_not_marked(sign_in, users, emergency, via, kind, which):
    director = users["procesregisseur"]
    client = sign_in(director) if via == "page" else _api(director)
    target = _target(emergency, kind, which)
    response = (_page if via == "page" else _api_get)(client, kind, target)
    assert response.status_code == 200, response.content
    entry = _last_read(kind, target)
    assert entry.actor_username == "procesregisseur"
    assert entry.break_the_glass is False and entry.purpose == ""


@pytest.mark.parametrize("via", ["page", "api"])
@pytest.mark.parametrize(("kind", "which"), [("person", "btg"), ("address", "home"), ("address", "lot")])
def test_a_read_only_through_break_the_glass_is_marked_with_its_reason(
    sign_in, users, emergency, via, kind, which
):
    director = users["procesregisseur"]
    client = sign_in(director) if via == "page" else _api(director)
    target = _target(emergency, kind, which)
    response = (_page if via == "page" else _api_get)(client, kind, target)
    assert response.status_code == 200, response.content
    entry = _last_read(kind, target)
    assert entry.break_the_glass is True and entry.purpose == REASON
    if kind == "address" and which == "home":
        assert entry.person_ids == [emergency.person.pk]  # the resident seen through the emergency access


@pytest.mark.parametrize("via", ["page", "api"])
def test_a_member_of_the_case_reads_without_a_mark(sign_in, users, emergency, via):
    ggz = users["ggz"]  # a user member of the director's case, no emergency access
    client = sign_in(ggz) if via == "page" else _api(ggz)
    person = emergency.world.person
    assert (_page if via == "page" else _api_get)(client, "person", person.pk).status_code == 200
    assert (_page if via == "page" else _api_get)(client, "address", person.address_id).status_code == 200
    for kind, target in (("person", person.pk), ("address", person.address_id)):
        entry = _last_read(kind, target)
        assert entry.actor_username == "ggz" and entry.break_the_glass is False and entry.purpose == ""


def test_a_person_also_in_the_directors_own_case_is_not_marked(sign_in, users, emergency):
    director = users["procesregisseur"]
    case_subject_add(
        actor=director, case=emergency.world.case, ref=SubjectRef(role="betrokkene", person=emergency.person)
    )
    assert sign_in(director).get(f"/personen/{emergency.person.pk}").status_code == 200
    assert _last_read("person", emergency.person.pk).break_the_glass is False
    # its home is now reached through the director's own case too
    assert sign_in(director).get(f"/adressen/{emergency.home.pk}").status_code == 200
    assert _last_read("address", emergency.home.pk).break_the_glass is False


def test_an_own_address_with_a_resident_seen_only_through_break_the_glass_is_marked(
    sign_in, users, emergency
):
    director = users["procesregisseur"]
    own = emergency.world.case
    case_subject_add(actor=director, case=own, ref=SubjectRef(role="locatie", address=emergency.home))
    assert sign_in(director).get(f"/adressen/{emergency.home.pk}").status_code == 200
    entry = _last_read("address", emergency.home.pk)
    assert entry.break_the_glass is True and entry.purpose == REASON
    assert entry.person_ids == [emergency.person.pk]


def _problem(response: Any) -> dict[str, Any]:
    assert response.status_code == 404, response.content
    return {k: v for k, v in json.loads(response.content).items() if k != "instance"}


@pytest.mark.parametrize(("kind", "which"), [("person", "btg"), ("address", "home"), ("address", "lot")])
def test_without_access_it_is_the_404_of_a_missing_id(sign_in, users, emergency, kind, which):
    target, missing = _target(emergency, kind, which), uuid.uuid4()
    for username in ("handhaver", "ggz"):  # not on the project leader's case, no emergency access
        page = sign_in(users[username])
        hidden, absent = _page(page, kind, target), _page(page, kind, missing)
        assert hidden.status_code == absent.status_code == 404
        assert without_tokens(hidden.content.decode(), target) == without_tokens(
            absent.content.decode(), missing
        )
        api = _api(users[username])
        assert _problem(_api_get(api, kind, target)) == _problem(_api_get(api, kind, missing))
    assert not ProcessingLogEntry.objects.filter(action=f"{kind}.viewed", object_id=str(target)).exists()


def test_after_the_emergency_access_ends_it_is_the_404_of_a_missing_id(users, emergency):
    later = timezone.now() + dt.timedelta(hours=4, minutes=1)
    with time_machine.travel(later):
        api = _api(users["procesregisseur"])
        missing = uuid.uuid4()
        for kind, which in (("person", "btg"), ("address", "home")):
            target = _target(emergency, kind, which)
            assert _problem(_api_get(api, kind, target)) == _problem(_api_get(api, kind, missing))
        assert emergency_access_for(users["procesregisseur"], person_ids=[emergency.person.pk]) is None


def test_the_api_lists_mark_a_page_with_a_subject_seen_only_through_break_the_glass(users, emergency):
    director = _api(users["procesregisseur"])
    persons = director.get("/api/v1/persons?pageSize=100").json()["results"]
    assert str(emergency.person.pk) in {p["id"] for p in persons}
    listed = ProcessingLogEntry.objects.filter(action="person.listed").order_by("seq").last()
    assert listed is not None and listed.break_the_glass is True and listed.purpose == REASON
    director.get("/api/v1/addresses?pageSize=100")
    listed = ProcessingLogEntry.objects.filter(action="address.listed").order_by("seq").last()
    assert listed is not None and listed.break_the_glass is True and listed.purpose == REASON
    _api(users["ggz"]).get("/api/v1/persons?pageSize=100")
    listed = ProcessingLogEntry.objects.filter(action="person.listed").order_by("seq").last()
    assert listed is not None and listed.actor_username == "ggz" and listed.break_the_glass is False


def test_the_function_for_a_search_log_answers_in_one_query(users, emergency, django_assert_num_queries):
    director, own = users["procesregisseur"], emergency.world.person.pk
    with django_assert_num_queries(1):
        found = emergency_access_for(director, person_ids=[own, emergency.person.pk, uuid.uuid4()])
    assert found is not None and found.reason == REASON and found.case_id == emergency.case.pk
    with django_assert_num_queries(1):
        assert emergency_access_for(director, person_ids=[own]) is None
    with django_assert_num_queries(0):
        assert emergency_access_for(director, person_ids=[]) is None
        assert emergency_access_for(users["analist"], person_ids=[emergency.person.pk]) is None
    assert emergency_access_for(users["ggz"], person_ids=[emergency.person.pk]) is None
    assert emergency_access_for(director, address_ids=[emergency.lot.pk]) == found
    assert emergency_access_for(director, address_ids=[emergency.world.person.address_id]) is None


def test_a_member_organisation_counts_as_own_access(users, emergency):
    """The police organisation is on the director's case; a director of that organisation would not be marked."""
    police = users["politie"]
    assert emergency_access_for(police, person_ids=[emergency.world.person.pk]) is None
