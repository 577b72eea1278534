"""Build the local registers' records in the published shapes (fictional data only)."""

from __future__ import annotations

from datetime import date
from typing import Any

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def datum(value: date) -> dict[str, Any]:
    return {
        "type": "Datum",
        "datum": value.isoformat(),
        "langFormaat": f"{value.day} {MONTHS[value.month - 1]} {value.year}",
    }


def brp_person(
    *, bsn: str, surname: str, given_names: str = "", prefix: str = "", birth_date: date | None = None,
    street: str = "", house_number: int | None = None, house_letter: str = "", addition: str = "",
    postcode: str = "", city: str = "", nummeraanduiding: str = "", object_id: str = "",
) -> dict[str, Any]:  # fmt: skip
    """A Persoon of the BRP API Personen with its verblijfplaats (type Adres) when it has an address."""
    naam: dict[str, Any] = {"geslachtsnaam": surname}
    if given_names:
        naam["voornamen"] = given_names
    if prefix:
        naam["voorvoegsel"] = prefix
    persoon: dict[str, Any] = {"burgerservicenummer": bsn, "naam": naam}
    if birth_date:
        persoon["geboorte"] = {"datum": datum(birth_date)}
    if house_number:
        adres: dict[str, Any] = {
            "officieleStraatnaam": street,
            "korteStraatnaam": street[:24],
            "huisnummer": house_number,
            "postcode": postcode,
            "woonplaats": city,
        }
        if house_letter:
            adres["huisletter"] = house_letter
        if addition:
            adres["huisnummertoevoeging"] = addition
        persoon["verblijfplaats"] = {
            "type": "Adres",
            "verblijfadres": adres,
            "functieAdres": {"code": "W", "omschrijving": "woonadres"},
            "nummeraanduidingIdentificatie": nummeraanduiding,
            "adresseerbaarObjectIdentificatie": object_id,
        }
    return persoon
