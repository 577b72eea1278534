"""Reads of many at once — the case list (page, API, start page), addresses and locations — name the persons they
show in the processing log, and every read that relies on break-the-glass carries the flag and its reason
(document downloads included). Roles that may not read these get their refusal and leave no read in the log.

The world: the process director's case about Jan de Vries (Dorpsstraat 12, where Anna de Vries lives too, in no
case); the project leader's case about Els Bakker (Karstraat 9) with a park lot at Marsweg 14 where Peter
Jansen is registered (in no case), opened by the director through break-the-glass where a test says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from regie.accounts.models import User
from regie.accounts.services import api_token_create
from regie.cases.models import Case, Document
from regie.cases.services.case import SubjectRef, case_subject_add
from regie.cases.services.emergency import break_the_glass_start
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Location, Person
from regie.subjects.services import address_get_or_create, location_create, person_create
from tests.worlds.cases import World, add_document, make_case, make_world

pytestmark = pytest.mark.django_db

REASON = "Acute dreiging bij de woning gemeld door de meldkamer, direct overleg nodig."


@dataclass
class Lists:
    world: World
    housemate: Person
    hidden: Case
    els: Person
    lot: Location
    lot_resident: Person
    document: Document


@pytest.fixture
def lists(users: dict[str, User], settings: Settings, tmp_path: Path) -> Lists:
    settings.MEDIA_ROOT = str(tmp_path)
    world = make_world(users)
    leader = users["projectleider"]
    housemate = person_create(
        actor=None, surname="Vries", prefix="de", given_names="Anna", address=world.person.address
    )
    home = address_get_or_create(
        actor=None, postcode="6851AR", house_number=9, street="Karstraat", city="Huissen"
    )
    els = person_create(actor=None, surname="Bakker", given_names="Els", address=home)
    at_lot = address_get_or_create(
        actor=None, postcode="6988BX", house_number=14, street="Marsweg", city="Lathum"
    )
    lot_resident = person_create(actor=None, surname="Jansen", given_names="Peter", address=at_lot)
    lot = location_create(actor=None, kind="park-lot", name="Kavel 14", address=at_lot)
    hidden = make_case(leader, world.case_type, title="Casus van de projectleider", person=els)
    case_subject_add(actor=leader, case=hidden, ref=SubjectRef(role="locatie", location=lot))
    document = add_document(hidden, leader, title="Rapport van de projectleider")
    return Lists(world, housemate, hidden, els, lot, lot_resident, document)


def _api(user: User) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {api_token_create(actor=user, user=user, name='t').secret}")


def _last(action: str) -> ProcessingLogEntry:
    entry = ProcessingLogEntry.objects.filter(action=action).order_by("seq").last()
    assert entry is not None, f"no {action} entry"
    return entry


def _persons(entry: ProcessingLogEntry) -> set[UUID]:
    return set(entry.person_ids)


def _emergency(users: dict[str, User], lists: Lists) -> None:
    break_the_glass_start(actor=users["procesregisseur"], case_id=lists.hidden.pk, reason=REASON)


# --- the case list: page, API and start page --------------------------------------------------------------------


@pytest.mark.parametrize(("via", "path"), [("page", "/casussen"), ("api", "/api/v1/cases"), ("page", "/")])
def test_a_case_list_names_the_persons_of_the_cases_on_it(sign_in, users, lists, via, path):
    ggz = users["ggz"]  # on the director's case only
    client = sign_in(ggz) if via == "page" else _api(ggz)
    assert client.get(path).status_code == 200
    entry = _last("case.listed")
    assert entry.actor_username == "ggz" and entry.details["cases"] == [lists.world.case.number]
    assert _persons(entry) == {lists.world.person.pk}
    assert entry.break_the_glass is False and entry.purpose == ""


@pytest.mark.parametrize(("via", "path"), [("page", "/casussen"), ("api", "/api/v1/cases"), ("page", "/")])
def test_a_case_list_with_a_case_seen_through_break_the_glass_is_marked_with_its_reason(
    sign_in, users, lists, via, path
):
    director = users["procesregisseur"]
    client = sign_in(director) if via == "page" else _api(director)
    assert client.get(path).status_code == 200
    before = _last("case.listed")
    assert _persons(before) == {lists.world.person.pk} and before.break_the_glass is False
    _emergency(users, lists)
    assert client.get(path).status_code == 200
    entry = _last("case.listed")
    assert _persons(entry) == {lists.world.person.pk, lists.els.pk}
    assert entry.break_the_glass is True and entry.purpose == REASON


@pytest.mark.parametrize("role", ["analist", "beheerder", "privacy"])
def test_roles_without_case_access_get_no_case_list_and_leave_no_read(sign_in, users, lists, role):
    assert sign_in(users[role]).get("/casussen").status_code == 403
    assert _api(users[role]).get("/api/v1/cases").status_code == 403
    assert sign_in(users[role]).get("/").status_code == 200  # their start page has no cases on it
    assert not ProcessingLogEntry.objects.filter(action="case.listed").exists()


# --- documents --------------------------------------------------------------------------------------------------


def _download(client: Client, via: str, lists: Lists) -> int:
    case, document = lists.hidden.pk, lists.document.pk
    path = (
        f"/casussen/{case}/documenten/{document}/download"
        if via == "page"
        else f"/api/v1/cases/{case}/documents/{document}/content"
    )
    response = client.get(path)
    if response.streaming:
        b"".join(response.streaming_content)
    return int(response.status_code)


@pytest.mark.parametrize("via", ["page", "api"])
def test_a_document_downloaded_through_break_the_glass_carries_the_reason(sign_in, users, lists, via):
    director = users["procesregisseur"]
    _emergency(users, lists)
    assert _download(sign_in(director) if via == "page" else _api(director), via, lists) == 200
    entry = _last("document.downloaded")
    assert entry.actor_username == "procesregisseur" and entry.object_id == str(lists.document.pk)
    assert entry.break_the_glass is True and entry.purpose == REASON
    assert _persons(entry) == {lists.els.pk}


@pytest.mark.parametrize("via", ["page", "api"])
def test_a_document_downloaded_by_the_coordinator_is_not_marked(sign_in, users, lists, via):
    leader = users["projectleider"]
    _emergency(users, lists)  # someone else's emergency access changes nothing for the coordinator
    assert _download(sign_in(leader) if via == "page" else _api(leader), via, lists) == 200
    entry = _last("document.downloaded")
    assert entry.actor_username == "projectleider" and entry.break_the_glass is False and entry.purpose == ""


@pytest.mark.parametrize("via", ["page", "api"])
def test_a_document_of_a_case_you_cannot_see_is_a_404_and_no_download(sign_in, users, lists, via):
    for username in ("procesregisseur", "ggz"):  # the director without an emergency access, a partner
        client = sign_in(users[username]) if via == "page" else _api(users[username])
        assert _download(client, via, lists) == 404
    assert not ProcessingLogEntry.objects.filter(action="document.downloaded").exists()


# --- addresses and locations ------------------------------------------------------------------------------------


def test_the_address_list_names_everyone_living_at_the_addresses_on_it(users, lists):
    director = _api(users["procesregisseur"])
    assert director.get("/api/v1/addresses").status_code == 200
    entry = _last("address.listed")
    assert _persons(entry) == {lists.world.person.pk, lists.housemate.pk}  # Anna too: it is her address
    assert entry.break_the_glass is False
    _emergency(users, lists)
    assert director.get("/api/v1/addresses").status_code == 200
    entry = _last("address.listed")
    assert _persons(entry) == {lists.world.person.pk, lists.housemate.pk, lists.els.pk}
    assert entry.break_the_glass is True and entry.purpose == REASON


def test_an_address_page_names_everyone_living_there(sign_in, users, lists):
    assert sign_in(users["ggz"]).get(f"/adressen/{lists.world.person.address_id}").status_code == 200
    assert _persons(_last("address.viewed")) == {lists.world.person.pk, lists.housemate.pk}


@pytest.mark.parametrize("detail", [False, True])
def test_a_location_read_names_the_residents_and_its_emergency_access(users, lists, detail):
    director = _api(users["procesregisseur"])
    path = f"/api/v1/locations/{lists.lot.pk}" if detail else "/api/v1/locations"
    _emergency(users, lists)
    assert director.get(path).status_code == 200
    entry = _last("location.viewed" if detail else "location.listed")
    assert lists.lot_resident.pk in _persons(entry)
    assert entry.break_the_glass is True and entry.purpose == REASON


def test_a_location_you_cannot_see_is_a_404_and_no_read(users, lists):
    assert _api(users["ggz"]).get(f"/api/v1/locations/{lists.lot.pk}").status_code == 404
    assert _api(users["analist"]).get("/api/v1/locations").status_code == 403
    assert not ProcessingLogEntry.objects.filter(action__in=["location.viewed", "location.listed"]).exists()
