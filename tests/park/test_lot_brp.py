"""'BRP bijwerken' on a park lot: the lot page's "ingeschreven" list from the BRP (issue 21), against the local,
spec-validated BRP and BAG on 127.0.0.1."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from regie.integrations.local.bag_server import LocalBag
from regie.integrations.local.brp_server import LocalBrp
from regie.park.services.brp import PURPOSE
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Address, BrpRetrieval
from regie.subjects.services import brp_retrievals_expire, person_create
from tests.integrations.registers import BSNS, LOT_NUMMERAANDUIDING, LOT_OBJECT, local_bag, local_brp  # noqa: F401

pytestmark = pytest.mark.django_db


def _lot_url(park_world: Any) -> str:
    return f"/vakantiepark/kavels/{park_world.lots[1].pk}"


def test_brp_bijwerken_fills_the_ingeschreven_list_with_its_retrieval_date(
    sign_in: Any, users: Any, park_world: Any, brp: LocalBrp, bag: LocalBag
) -> None:
    client = sign_in(users["projectleider"])
    html = client.post(f"{_lot_url(park_world)}/brp", follow=True).content.decode()
    assert "De BRP-inschrijvingen zijn bijgewerkt: 2 personen." in html
    assert "Ingeschreven volgens de BRP: 2" in html and "Opgehaald uit de BRP op" in html
    assert "Jan Willem van Dijk (1961)" in html and "Anna Kuipers (1964)" in html


def test_the_bag_ids_the_search_needs_are_looked_up_and_stored_first(
    sign_in: Any, users: Any, park_world: Any, brp: LocalBrp, bag: LocalBag
) -> None:
    sign_in(users["projectleider"]).post(f"{_lot_url(park_world)}/brp")
    address = Address.objects.get(pk=park_world.lots[1].location.address_id)
    assert (address.bag_id, address.bag_object_id) == (LOT_NUMMERAANDUIDING, LOT_OBJECT)
    assert brp.requests[-1]["body"]["adresseerbaarObjectIdentificatie"] == LOT_OBJECT


def test_only_the_purposes_fields_are_asked_with_the_purpose(
    sign_in: Any, users: Any, park_world: Any, brp: LocalBrp, bag: LocalBag
) -> None:
    sign_in(users["handhaver"]).post(f"{_lot_url(park_world)}/brp")
    [sent] = brp.requests
    assert sent["body"]["type"] == "ZoekMetAdresseerbaarObjectIdentificatie"
    assert tuple(sent["body"]["fields"]) == PURPOSE.fields and "verblijfplaats" not in str(PURPOSE.fields)
    assert sent["headers"]["X-Doelbinding"] == "vakantiepark-bewoning"


def test_the_log_names_the_persons_returned(
    sign_in: Any, users: Any, park_world: Any, brp: LocalBrp, bag: LocalBag
) -> None:
    known = person_create(actor=None, surname="Dijk", prefix="van", given_names="Jan Willem", bsn=BSNS[0])
    sign_in(users["projectleider"]).post(f"{_lot_url(park_world)}/brp")
    entry = ProcessingLogEntry.objects.filter(action="address.brp_residents_retrieved").get()
    assert entry.person_ids == [known.pk] and entry.purpose == "vakantiepark-bewoning"
    assert entry.details["aantal"] == 2 and entry.details["bsn_niet_in_regie"] == [BSNS[1]]


@pytest.mark.parametrize("fault", ["500", "unknown_field", "down"])
def test_a_failing_brp_keeps_the_earlier_list_and_says_why(
    sign_in: Any, users: Any, park_world: Any, brp: LocalBrp, bag: LocalBag, settings: Any, fault: str
) -> None:
    client = sign_in(users["projectleider"])
    client.post(f"{_lot_url(park_world)}/brp")
    before = list(BrpRetrieval.objects.values())
    if fault == "down":
        settings.REGIE_BRP_URL = "http://127.0.0.1:9"
    else:
        brp.fault = fault
    html = client.post(f"{_lot_url(park_world)}/brp", follow=True).content.decode()
    assert "er is niets gewijzigd" in html and "Ingeschreven volgens de BRP: 2" in html
    assert list(BrpRetrieval.objects.values()) == before
    assert ProcessingLogEntry.objects.filter(action="address.brp_failed").count() == 1


def test_a_bag_without_the_lots_address_says_so(
    sign_in: Any, users: Any, park_world: Any, brp: LocalBrp, bag: LocalBag
) -> None:
    html = sign_in(users["projectleider"]).post(
        f"/vakantiepark/kavels/{park_world.lots[2].pk}/brp", follow=True
    )
    assert "De BAG kent geen adres" in html.content.decode() and brp.requests == []


def test_the_list_is_kept_only_as_long_as_its_purpose_needs(
    sign_in: Any, users: Any, park_world: Any, brp: LocalBrp, bag: LocalBag, settings: Any
) -> None:
    client = sign_in(users["projectleider"])
    client.post(f"{_lot_url(park_world)}/brp")
    retrieval = BrpRetrieval.objects.get()
    assert retrieval.keep_until - retrieval.retrieved_at == timedelta(hours=settings.REGIE_BRP_CACHE_HOURS)
    BrpRetrieval.objects.update(keep_until=timezone.now() - timedelta(minutes=1))
    assert "Ingeschreven volgens de BRP" not in client.get(_lot_url(park_world)).content.decode()
    assert brp_retrievals_expire() == 1 and not BrpRetrieval.objects.exists()


def test_access_denied_for_who_may_not_see_the_lots_occupants(
    sign_in: Any, users: Any, park_world: Any, brp: LocalBrp, bag: LocalBag
) -> None:
    for name in ("provincie", "analist", "politie", "jurist"):
        assert sign_in(users[name]).post(f"{_lot_url(park_world)}/brp").status_code in (403, 404), name
    assert brp.requests == [] and not BrpRetrieval.objects.exists()


def test_not_connected_says_so_on_the_lot_page(
    sign_in: Any, users: Any, park_world: Any, settings: Any
) -> None:
    settings.REGIE_BRP_URL = ""
    html = sign_in(users["projectleider"]).get(_lot_url(park_world)).content.decode()
    assert "BRP bijwerken: de BRP is niet gekoppeld." in html


def test_the_api_refreshes_a_lot_and_hides_bsns_from_who_may_not_see_them(
    api_as: Any, users: Any, park_world: Any, brp: LocalBrp, bag: LocalBag
) -> None:
    answer = api_as("projectleider").post(f"/api/v1/park-lots/{park_world.lots[1].pk}/brp-refreshes")
    assert answer.status_code == 201
    body = answer.json()
    assert body["purpose"] == "vakantiepark-bewoning" and body["keepUntil"]
    assert {r["name"] for r in body["residents"]} == {"Jan Willem van Dijk", "Anna Kuipers"}
    assert all("bsn" in r for r in body["residents"])  # the project leader may see BSNs
    brp.fault = "503"
    failed = api_as("projectleider").post(f"/api/v1/park-lots/{park_world.lots[1].pk}/brp-refreshes")
    assert failed.status_code == 502 and failed["Content-Type"].startswith("application/problem+json")


def test_the_api_denies_access(
    api_as: Any, users: Any, park_world: Any, brp: LocalBrp, bag: LocalBag
) -> None:
    for name in ("analist", "politie"):
        status = api_as(name).post(f"/api/v1/park-lots/{park_world.lots[1].pk}/brp-refreshes").status_code
        assert status in (403, 404), name
    assert brp.requests == []


def test_the_api_answers_503_when_the_brp_is_not_connected(api_as: Any, park_world: Any, settings: Any) -> None:
    settings.REGIE_BRP_URL = ""
    answer = api_as("projectleider").post(f"/api/v1/park-lots/{park_world.lots[1].pk}/brp-refreshes")
    assert answer.status_code == 503 and "niet gekoppeld" in answer.json()["detail"]
