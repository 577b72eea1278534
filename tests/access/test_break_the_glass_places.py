"""Locations and businesses seen only through break-the-glass: their reads (detail and list, API) are marked in
the processing log with the emergency reason; reads through the director's own case are not."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from regie.accounts.models import User
from regie.accounts.services import api_token_create
from regie.cases.services.case import SubjectRef, case_subject_add
from regie.cases.services.emergency import break_the_glass_start
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.services import business_create, location_create
from tests.worlds.cases import make_case, make_world

pytestmark = pytest.mark.django_db

REASON = "Melding van brandgevaar in de loods; direct overleg met de brandweer nodig."


@pytest.fixture
def places(users: dict[str, User]) -> dict[str, Any]:
    director, leader = users["procesregisseur"], users["projectleider"]
    world = make_world(users)
    own_shed = location_create(actor=None, kind="farm-shed", name="Schuur achter Dorpsstraat 12")
    own_business = business_create(actor=None, kvk_number="12345678", name="Loonbedrijf De Vries")
    for ref in (
        SubjectRef(role="locatie", location=own_shed),
        SubjectRef(role="betrokkene", business=own_business),
    ):
        case_subject_add(actor=director, case=world.case, ref=ref)
    hidden = make_case(leader, world.case_type, title="Opslag in een loods")
    shed = location_create(actor=None, kind="farm-shed", name="Loods Bergse Weg")
    business = business_create(actor=None, kvk_number="69599084", name="Opslag Bergse Weg B.V.")
    for ref in (SubjectRef(role="locatie", location=shed), SubjectRef(role="betrokkene", business=business)):
        case_subject_add(actor=leader, case=hidden, ref=ref)
    return {
        "director": director,
        "hidden": hidden,
        "shed": shed,
        "business": business,
        "own_shed": own_shed,
        "own_business": own_business,
    }


def _api(user: User) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {api_token_create(actor=user, user=user, name='t').secret}")


def _last(action: str) -> ProcessingLogEntry:
    entry = ProcessingLogEntry.objects.filter(action=action).order_by("seq").last()
    assert entry is not None
    return entry


@pytest.mark.parametrize(
    ("path", "key", "action"),
    [
        ("locations", "shed", "location.viewed"),
        ("businesses", "business", "business.viewed"),
    ],
)
def test_a_place_seen_only_through_break_the_glass_is_marked_and_hidden_without_it(places, path, key, action):
    client = _api(places["director"])
    url = f"/api/v1/{path}/{places[key].pk}"
    assert client.get(url).status_code == 404  # no access yet: the 404 of a missing id
    assert not ProcessingLogEntry.objects.filter(action=action).exists()
    break_the_glass_start(actor=places["director"], case_id=places["hidden"].pk, reason=REASON)
    assert client.get(url).status_code == 200
    entry = _last(action)
    assert entry.break_the_glass is True and entry.purpose == REASON


@pytest.mark.parametrize(
    ("path", "key", "action"),
    [
        ("locations", "own_shed", "location.viewed"),
        ("businesses", "own_business", "business.viewed"),
    ],
)
def test_a_place_of_the_directors_own_case_is_not_marked(places, path, key, action):
    break_the_glass_start(actor=places["director"], case_id=places["hidden"].pk, reason=REASON)
    assert _api(places["director"]).get(f"/api/v1/{path}/{places[key].pk}").status_code == 200
    entry = _last(action)
    assert entry.break_the_glass is False and entry.purpose == ""


@pytest.mark.parametrize(
    ("path", "action"), [("locations", "location.listed"), ("businesses", "business.listed")]
)
def test_a_list_page_with_a_place_seen_through_break_the_glass_is_marked(places, path, action):
    client = _api(places["director"])
    assert client.get(f"/api/v1/{path}").status_code == 200
    assert _last(action).break_the_glass is False
    break_the_glass_start(actor=places["director"], case_id=places["hidden"].pk, reason=REASON)
    assert client.get(f"/api/v1/{path}").status_code == 200
    entry = _last(action)
    assert entry.break_the_glass is True and entry.purpose == REASON
