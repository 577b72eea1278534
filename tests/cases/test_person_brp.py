"""'BRP bijwerken' on a person (issue 21), against the local, spec-validated BRP on 127.0.0.1."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from regie.cases.services.person_brp import PURPOSE
from regie.integrations.local.brp_server import LocalBrp
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import BrpRetrieval, Person
from tests.integrations.registers import TOWN_NUMMERAANDUIDING, TOWN_OBJECT, local_brp  # noqa: F401
from tests.worlds.cases import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(users: Any) -> Any:
    return make_world(users)


def _refresh(client: Any, person: Person) -> str:
    response = client.post(f"/personen/{person.pk}/brp", follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_brp_bijwerken_updates_the_person_from_the_brp(
    sign_in: Any, users: Any, world: Any, brp: LocalBrp
) -> None:
    html = _refresh(sign_in(users["procesregisseur"]), world.person)
    assert "De gegevens zijn bijgewerkt uit de BRP." in html
    assert "Bijgewerkt uit de BRP op" in html  # the retrieval date, with the data
    person = Person.objects.select_related("address").get(pk=world.person.pk)
    assert person.given_names == "Jan Hendrik" and person.birth_date == date(1970, 5, 1)
    assert person.address is not None and str(person.address) == "Dorpsstraat 3B-2, 6921 AB Duiven"
    assert (person.address.bag_id, person.address.bag_object_id) == (TOWN_NUMMERAANDUIDING, TOWN_OBJECT)
    assert person.address.bag_checked_at is not None


def test_only_the_purposes_fields_are_asked_and_the_purpose_is_sent(
    sign_in: Any, users: Any, world: Any, brp: LocalBrp
) -> None:
    _refresh(sign_in(users["procesregisseur"]), world.person)
    [sent] = brp.requests
    assert sent["body"]["type"] == "RaadpleegMetBurgerservicenummer"
    assert sent["body"]["burgerservicenummer"] == ["111222333"]
    assert tuple(sent["body"]["fields"]) == PURPOSE.fields
    assert not any(
        f.startswith(("nationaliteiten", "partners", "kinderen", "ouders")) for f in PURPOSE.fields
    )
    assert sent["headers"]["X-Doelbinding"] == "casusregie-identificatie"
    assert sent["headers"]["X-Verwerking"] == "Casusregie zorg en veiligheid"


def test_the_processing_log_names_the_person_returned_and_the_purpose(
    sign_in: Any, users: Any, world: Any, brp: LocalBrp
) -> None:
    _refresh(sign_in(users["procesregisseur"]), world.person)
    entry = ProcessingLogEntry.objects.filter(action="person.brp_retrieved").get()
    assert entry.person_ids == [world.person.pk] and entry.purpose == "casusregie-identificatie"
    assert entry.details["aantal"] == 1 and "given_names" in entry.details["gewijzigd"]
    assert entry.actor_username == "procesregisseur"


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        ("unknown_field", "niet zijn gevraagd"),
        ("500", "storing"),
        ("503", "storing"),
        ("down", "niet bereikbaar"),
    ],
)
def test_a_failing_brp_is_shown_logged_and_changes_nothing(
    sign_in: Any, users: Any, world: Any, brp: LocalBrp, settings: Any, fault: str, words: str
) -> None:
    if fault == "down":
        settings.REGIE_BRP_URL = "http://127.0.0.1:9"
    else:
        brp.fault = fault
    before = Person.objects.values().get(pk=world.person.pk)
    html = _refresh(sign_in(users["procesregisseur"]), world.person)
    assert words in html and "er is niets gewijzigd" in html
    assert Person.objects.values().get(pk=world.person.pk) == before
    assert not BrpRetrieval.objects.exists()
    entry = ProcessingLogEntry.objects.filter(action="person.brp_failed").get()
    assert entry.person_ids == [world.person.pk] and entry.purpose == "casusregie-identificatie"


def test_a_bsn_the_brp_does_not_know_changes_nothing(
    sign_in: Any, users: Any, world: Any, brp: LocalBrp
) -> None:
    Person.objects.filter(pk=world.person.pk).update(bsn="999999990")
    html = _refresh(sign_in(users["procesregisseur"]), world.person)
    assert "De BRP kent geen (levende) persoon met dit BSN" in html
    assert Person.objects.get(pk=world.person.pk).given_names == "Jan"


@pytest.mark.parametrize(("bsn", "words"), [(None, "geen BSN bekend"), ("123456789", "BSN")])
def test_no_or_an_invalid_bsn_is_refused_in_dutch_before_asking(
    sign_in: Any, users: Any, world: Any, brp: LocalBrp, bsn: str | None, words: str
) -> None:
    Person.objects.filter(pk=world.person.pk).update(bsn=bsn)
    html = _refresh(sign_in(users["procesregisseur"]), world.person)
    assert words in html and brp.requests == []


def test_access_denied_for_who_may_not_see_or_edit_the_person(
    sign_in: Any, users: Any, world: Any, brp: LocalBrp
) -> None:
    assert sign_in(users["politie"]).post(f"/personen/{world.person.pk}/brp").status_code == 403
    assert sign_in(users["handhaver"]).post(f"/personen/{world.person.pk}/brp").status_code == 404
    assert brp.requests == [] and Person.objects.get(pk=world.person.pk).given_names == "Jan"


def test_not_connected_says_so_on_the_page(sign_in: Any, users: Any, world: Any, settings: Any) -> None:
    settings.REGIE_BRP_URL = ""
    html = sign_in(users["procesregisseur"]).get(f"/personen/{world.person.pk}").content.decode()
    assert "de BRP is niet gekoppeld" in html and "BRP bijwerken</button>" not in html


def test_the_api_refreshes_and_answers_failures_with_problem_json(
    api_as: Any, users: Any, world: Any, brp: LocalBrp
) -> None:
    client = api_as("procesregisseur")
    ok = client.post(f"/api/v1/persons/{world.person.pk}/brp-refreshes")
    assert (
        ok.status_code == 201
        and ok.json()["purpose"] == "casusregie-identificatie"
        and ok.json()["retrievedAt"]
    )
    brp.fault = "500"
    failed = client.post(f"/api/v1/persons/{world.person.pk}/brp-refreshes")
    assert failed.status_code == 502 and failed["Content-Type"].startswith("application/problem+json")
    assert "storing" in failed.json()["detail"]
    Person.objects.filter(pk=world.person.pk).update(bsn=None)
    refused = client.post(f"/api/v1/persons/{world.person.pk}/brp-refreshes")
    assert refused.status_code == 400 and refused.json()["invalidParams"][0]["name"] == "bsn"


def test_the_api_denies_access(api_as: Any, users: Any, world: Any, brp: LocalBrp) -> None:
    assert api_as("politie").post(f"/api/v1/persons/{world.person.pk}/brp-refreshes").status_code == 403
    assert api_as("handhaver").post(f"/api/v1/persons/{world.person.pk}/brp-refreshes").status_code == 404
    assert brp.requests == []


def test_the_api_answers_503_when_the_brp_is_not_connected(api_as: Any, world: Any, settings: Any) -> None:
    settings.REGIE_BRP_URL = ""
    answer = api_as("procesregisseur").post(f"/api/v1/persons/{world.person.pk}/brp-refreshes")
    assert answer.status_code == 503 and "niet gekoppeld" in answer.json()["detail"]
    assert not BrpRetrieval.objects.exists()
