"""The demo's own BRP and BAG: local servers on 127.0.0.1 (the published request and answer shapes, validated with
openapi-core) seeded from the demo municipality's fictional persons and addresses, so 'BRP bijwerken' and the BAG
check work in the demo. `regie demo` starts them unless REGIE_DEMO_REGISTERS=uit ("niet gekoppeld" then)."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings

from regie.integrations.local import bag_server, brp_server
from regie.integrations.local.bag_server import LocalBag, bag_address
from regie.integrations.local.brp_server import LocalBrp
from regie.integrations.local.seed import brp_person
from regie.integrations.local.server import LocalServer
from regie.integrations.local.spec import load, schema_errors
from regie.subjects.identity import generate_test_bsns
from regie.subjects.models import Address, Person

# The BAG document requires an X-Api-Key; the local registers accept this one (no secret: they hold fictional data
# and listen on 127.0.0.1 only).
LOCAL_KEY = "lokale-demo-registers"
MUNICIPALITY_CODE = "0299"  # the fictional ids start with a gemeentecode, as BAG ids do
# BRP-only residents (not in any case): on two lots of the demo park, so a lot's 'BRP bijwerken' finds someone.
EXTRA = [
    ("6988BX", 14, "Bram", "", "Verhoeven"),
    ("6988BX", 14, "Lotte", "", "Verhoeven"),
    ("6988BZ", 52, "Gerrit", "van", "Aalst"),
]


def _ids(number: int) -> tuple[str, str]:
    return f"{MUNICIPALITY_CODE}20{number:010d}", f"{MUNICIPALITY_CODE}01{number:010d}"


def seed() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(BAG addresses, BRP persons) from the demo data; records that break the published patterns are left out."""
    _, bag_document = load(bag_server.SPEC)
    _, brp_document = load(brp_server.SPEC)
    addresses: list[dict[str, Any]] = []
    located: dict[Any, dict[str, Any]] = {}
    ordered = Address.objects.order_by("postcode", "house_number", "house_letter", "addition")
    for number, address in enumerate(ordered, start=1):
        nummeraanduiding, object_id = _ids(number)
        adres = bag_address(
            postcode=address.postcode, huisnummer=address.house_number, straat=address.street,
            woonplaats=address.city, nummeraanduiding=nummeraanduiding, object_id=object_id,
            huisletter=address.house_letter, toevoeging=address.addition,
        )  # fmt: skip
        if not schema_errors(bag_document, "AdresIOHal", adres):
            addresses.append(adres)
            located[(address.postcode, address.house_number, address.house_letter, address.addition)] = {
                "street": address.street, "house_number": address.house_number, "house_letter": address.house_letter,
                "addition": address.addition, "postcode": address.postcode, "city": address.city,
                "nummeraanduiding": nummeraanduiding, "object_id": object_id,
            }  # fmt: skip
    persons: list[dict[str, Any]] = []
    for person in Person.objects.filter(bsn__isnull=False, merged_into__isnull=True).select_related(
        "address"
    ):
        home = person.address
        where = (
            located.get((home.postcode, home.house_number, home.house_letter, home.addition))
            if home
            else None
        )
        persons.append(
            brp_person(
                bsn=person.bsn or "",
                surname=person.surname,
                given_names=person.given_names,
                prefix=person.prefix,
                birth_date=person.birth_date,
                **(where or {}),
            )
        )
    taken = {p["burgerservicenummer"] for p in persons}
    fresh = (bsn for bsn in generate_test_bsns(len(EXTRA) + len(taken), 2109) if bsn not in taken)
    for postcode, number, given, prefix, surname in EXTRA:
        where = located.get((postcode, number, "", ""))
        if where:
            persons.append(
                brp_person(bsn=next(fresh), given_names=given, prefix=prefix, surname=surname, **where)
            )
    persons = [p for p in persons if not schema_errors(brp_document, "Persoon", p)]
    return addresses, persons


def start_registers() -> list[LocalServer]:
    """Start the local BAG and BRP and point this process (and its children, through the environment) at them."""
    addresses, persons = seed()
    bag = LocalServer(LocalBag(addresses, api_key=LOCAL_KEY)).start()
    brp = LocalServer(LocalBrp(persons, api_key=LOCAL_KEY)).start()
    values = {
        "REGIE_BAG_URL": bag.url,
        "REGIE_BRP_URL": brp.url,
        "REGIE_BAG_API_KEY": LOCAL_KEY,
        "REGIE_BRP_API_KEY": LOCAL_KEY,
    }
    for name, value in values.items():
        os.environ[name] = value
        setattr(settings, name, value)
    return [bag, brp]
