"""The local BRP and BAG (spec-validated, on 127.0.0.1) with fictional persons and addresses, for any test.

Import the fixtures `bag` and `brp` where they are used:
`from tests.integrations.registers import local_bag, local_brp  # noqa: F401`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from regie.integrations.local import bag_server, brp_server
from regie.integrations.local.bag_server import LocalBag, bag_address
from regie.integrations.local.brp_server import LocalBrp
from regie.integrations.local.seed import brp_person
from regie.integrations.local.server import LocalServer
from regie.integrations.local.spec import load
from regie.subjects.identity import generate_test_bsns

BSNS = generate_test_bsns(6, 2121)
API_KEY = "lokale-sleutel-voor-tests"
# Marsweg 101 (lot 1 of the park world) with two registered persons; Dorpsstraat 3B-2 with one, and Jan de Vries
# (BSN 111222333, the person of the cases world) who lives there according to the BRP.
LOT_NUMMERAANDUIDING = "1509200000000101"
LOT_OBJECT = "1509010000000101"
TOWN_NUMMERAANDUIDING = "1509200000000103"
TOWN_OBJECT = "1509010000000103"

ADDRESSES = [
    bag_address(postcode="6988BX", huisnummer=101, straat="Marsweg", woonplaats="Lathum",
                nummeraanduiding=LOT_NUMMERAANDUIDING, object_id=LOT_OBJECT),
    bag_address(postcode="6921AB", huisnummer=3, huisletter="B", toevoeging="2", straat="Dorpsstraat",
                woonplaats="Duiven", nummeraanduiding=TOWN_NUMMERAANDUIDING, object_id=TOWN_OBJECT),
]  # fmt: skip
_LOT = {"street": "Marsweg", "house_number": 101, "postcode": "6988BX", "city": "Lathum",
        "nummeraanduiding": LOT_NUMMERAANDUIDING, "object_id": LOT_OBJECT}  # fmt: skip
_TOWN = {"street": "Dorpsstraat", "house_number": 3, "house_letter": "B", "addition": "2", "postcode": "6921AB",
         "city": "Duiven", "nummeraanduiding": TOWN_NUMMERAANDUIDING, "object_id": TOWN_OBJECT}  # fmt: skip
PERSONS = [
    brp_person(bsn=BSNS[0], given_names="Jan Willem", prefix="van", surname="Dijk", birth_date=date(1961, 4, 2),
               **_LOT),
    brp_person(bsn=BSNS[1], given_names="Anna", surname="Kuipers", birth_date=date(1964, 9, 17), **_LOT),
    brp_person(bsn=BSNS[2], given_names="Sanne", prefix="de", surname="Wit", birth_date=date(1990, 1, 30), **_TOWN),
    brp_person(bsn="111222333", given_names="Jan Hendrik", prefix="de", surname="Vries", birth_date=date(1970, 5, 1),
               **_TOWN),
]  # fmt: skip


def _serve(app: Any) -> Iterator[Any]:
    for spec in (brp_server.SPEC, bag_server.SPEC):
        load(spec)  # parsed once, before the first request (the timeouts here are short)
    server = LocalServer(app).start()
    app.url = server.url
    try:
        yield app
    finally:
        server.stop()


@pytest.fixture(name="brp")
def local_brp(settings: Any) -> Iterator[LocalBrp]:
    """The local BRP, and Regie configured to use it."""
    for app in _serve(LocalBrp([dict(p) for p in PERSONS], api_key=API_KEY)):
        settings.REGIE_BRP_URL = app.url
        settings.REGIE_BRP_API_KEY = API_KEY
        settings.REGIE_BRP_TIMEOUT = 3
        yield app


@pytest.fixture(name="bag")
def local_bag(settings: Any) -> Iterator[LocalBag]:
    for app in _serve(LocalBag(list(ADDRESSES), api_key=API_KEY)):
        settings.REGIE_BAG_URL = app.url
        settings.REGIE_BAG_API_KEY = API_KEY
        settings.REGIE_BAG_TIMEOUT = 3
        yield app
