"""Client for the BRP API Personen (Haal Centraal, version 2): RaadpleegMetBurgerservicenummer and
ZoekMetAdresseerbaarObjectIdentificatie.

Every request names its purpose (`x-doelbinding`, with the processing activity in `x-verwerking`) and asks only the
`fields` that purpose needs; an answer that carries a field nobody asked for is refused like an error. Whatever goes
wrong — not configured, unreachable, too slow, a 4xx or 5xx, an odd answer — becomes a `BrpError` with a Dutch
message; nothing else escapes. The client knows no domain: callers bring the purpose and the fields.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

import requests
from django.conf import settings

from regie.integrations.connections import ConnectionState

log = logging.getLogger(__name__)
# Always delivered by the BRP API, never asked in `fields` (published document, `fields` description).
AUTOMATIC_FIELDS = (
    "geheimhoudingPersoonsgegevens",
    "inOnderzoek",
    "opschortingBijhouding",
    "rni",
    "verificatie",
)


class BrpError(Exception):
    """A BRP request that gave no usable answer; `message` is Dutch and fit to show, `kind` a stable code."""

    def __init__(self, message: str, *, kind: str, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind  # not-configured, unreachable, refused, server-error, odd-answer
        self.status = status


# Every doelbinding a request may name, in words a data subject understands: their access export (AVG art. 15)
# tells them why the BRP was asked about them (tests/privacy/test_brp_export.py checks every purpose has them).
PURPOSE_LABELS = {
    "casusregie-identificatie": (
        "Vaststellen wie iemand is en waar hij of zij woont, voor een casus zorg en veiligheid"
    ),
    "vakantiepark-bewoning": "Nagaan wie er staat ingeschreven op een kavel van een vakantiepark",
    "verbindingstest": "Testen of de koppeling met de BRP werkt",
}


def purpose_label(code: str) -> str:
    """The words for a doelbinding; for a code no longer declared, the code itself (old retrievals stay readable)."""
    return PURPOSE_LABELS.get(code, code)


@dataclass(frozen=True)
class Purpose:
    """Doelbinding: what the request is for (`code`, sent as x-doelbinding), the processing activity (x-verwerking)
    and the fields it needs."""

    code: str
    activity: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class BrpAddress:
    street: str
    house_number: int | None
    house_letter: str
    addition: str
    postcode: str
    city: str
    nummeraanduiding_id: str
    adresseerbaar_object_id: str


@dataclass(frozen=True)
class BrpPerson:
    bsn: str
    given_names: str
    prefix: str
    surname: str
    birth_date: date | None
    birth_year: int | None
    address: BrpAddress | None


def configured() -> bool:
    return bool(settings.REGIE_BRP_URL)


def _unasked(obj: Any, fields: tuple[str, ...], prefix: str = "") -> list[str]:
    """Paths in the answer that no requested field covers (an object's `type` and `inOnderzoek` come along)."""
    if not isinstance(obj, dict):
        return []
    found = []
    for key, value in obj.items():
        path = f"{prefix}{key}"
        if (prefix and key in ("type", "inOnderzoek")) or (not prefix and key in AUTOMATIC_FIELDS):
            continue
        if any(f == path or path.startswith(f + ".") for f in fields):
            continue
        if isinstance(value, dict) and any(f.startswith(path + ".") for f in fields):
            found += _unasked(value, fields, path + ".")
        else:
            found.append(path)
    return found


def _date(datum: Any) -> tuple[date | None, int | None]:
    if not isinstance(datum, dict):
        return None, None
    if datum.get("type") == "Datum":
        try:
            value = date.fromisoformat(datum["datum"])
        except (KeyError, ValueError):
            return None, None
        return value, value.year
    year = datum.get("jaar")
    return None, year if isinstance(year, int) else None


def parse_person(persoon: dict[str, Any]) -> BrpPerson:
    naam = persoon.get("naam") or {}
    birth_date, birth_year = _date((persoon.get("geboorte") or {}).get("datum"))
    place = persoon.get("verblijfplaats") or {}
    address = None
    if place.get("type") == "Adres":
        adres = place.get("verblijfadres") or {}
        address = BrpAddress(
            street=adres.get("officieleStraatnaam") or adres.get("korteStraatnaam") or "",
            house_number=adres.get("huisnummer"),
            house_letter=adres.get("huisletter", ""),
            addition=adres.get("huisnummertoevoeging", ""),
            postcode=(adres.get("postcode") or "").replace(" ", "").upper(),
            city=adres.get("woonplaats", ""),
            nummeraanduiding_id=place.get("nummeraanduidingIdentificatie", ""),
            adresseerbaar_object_id=place.get("adresseerbaarObjectIdentificatie", ""),
        )
    return BrpPerson(
        bsn=persoon.get("burgerservicenummer", ""),
        given_names=naam.get("voornamen", ""),
        prefix=naam.get("voorvoegsel", ""),
        surname=naam.get("geslachtsnaam", ""),
        birth_date=birth_date,
        birth_year=birth_year,
        address=address,
    )


class BrpClient:
    def __init__(self, base_url: str, api_key: str = "", timeout: float = 10) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout

    @classmethod
    def from_settings(cls) -> BrpClient:
        if not configured():
            raise BrpError("De BRP is niet gekoppeld.", kind="not-configured")
        return cls(settings.REGIE_BRP_URL, settings.REGIE_BRP_API_KEY, settings.REGIE_BRP_TIMEOUT)

    def person(self, bsn: str, *, purpose: Purpose) -> BrpPerson | None:
        """RaadpleegMetBurgerservicenummer for one BSN; None when the BRP knows no such (living) person."""
        body = {
            "type": "RaadpleegMetBurgerservicenummer",
            "fields": list(purpose.fields),
            "burgerservicenummer": [bsn],
        }
        personen = self._personen(body, purpose)
        if len(personen) > 1:
            raise BrpError(
                "De BRP gaf meer dan één persoon bij één BSN; er is niets gewijzigd.", kind="odd-answer"
            )
        return personen[0] if personen else None

    def persons_at(self, adresseerbaar_object_id: str, *, purpose: Purpose) -> list[BrpPerson]:
        """ZoekMetAdresseerbaarObjectIdentificatie: who is registered at this verblijfsobject (or lig-/standplaats)."""
        body = {
            "type": "ZoekMetAdresseerbaarObjectIdentificatie",
            "fields": list(purpose.fields),
            "adresseerbaarObjectIdentificatie": adresseerbaar_object_id,
        }
        return self._personen(body, purpose)

    def _personen(self, body: dict[str, Any], purpose: Purpose) -> list[BrpPerson]:
        response = self.post(body, purpose)
        try:
            answer = response.json()
        except ValueError:
            raise BrpError(
                "De BRP gaf een onleesbaar antwoord; er is niets gewijzigd.", kind="odd-answer"
            ) from None
        personen = answer.get("personen", []) if isinstance(answer, dict) else None
        if not isinstance(personen, list) or answer.get("type") != body["type"]:
            raise BrpError("De BRP gaf een onverwacht antwoord; er is niets gewijzigd.", kind="odd-answer")
        for persoon in personen:
            unasked = _unasked(persoon, purpose.fields)
            if unasked:
                log.warning("BRP-antwoord met niet gevraagde velden: %s", ", ".join(sorted(unasked)))
                raise BrpError(
                    "De BRP gaf gegevens die niet zijn gevraagd ("
                    + ", ".join(sorted(unasked))
                    + "); het antwoord "
                    "is niet gebruikt en er is niets gewijzigd.",
                    kind="odd-answer",
                )
        return [parse_person(p) for p in personen]

    def post(self, body: dict[str, Any], purpose: Purpose) -> requests.Response:
        """POST /personen with the purpose headers; a 2xx answer or a BrpError."""
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "Accept": "application/json",
            "x-doelbinding": purpose.code,
            "x-verwerking": purpose.activity,
        }
        if self.api_key:
            headers["X-API-KEY"] = self.api_key
        try:
            response = requests.post(
                f"{self.base_url}/personen", json=body, headers=headers, timeout=self.timeout
            )
        except requests.Timeout:
            raise BrpError(
                "De BRP antwoordde niet op tijd; er is niets gewijzigd.", kind="unreachable"
            ) from None
        except requests.RequestException:
            raise BrpError("De BRP is niet bereikbaar; er is niets gewijzigd.", kind="unreachable") from None
        if response.status_code in (401, 403):
            raise BrpError(
                "De BRP weigerde de vraag (geen toegang voor deze sleutel of dit doel); er is niets gewijzigd.",
                kind="refused",
                status=response.status_code,
            )
        if 400 <= response.status_code < 500:
            raise BrpError(
                f"De BRP wees de vraag af (status {response.status_code}); er is niets gewijzigd.",
                kind="refused",
                status=response.status_code,
            )
        if response.status_code >= 300:
            raise BrpError(
                f"De BRP heeft een storing (status {response.status_code}); er is niets gewijzigd.",
                kind="server-error",
                status=response.status_code,
            )
        return response


CHECK_PURPOSE = Purpose(
    code="verbindingstest", activity="Functioneel beheer", fields=("burgerservicenummer",)
)


def check() -> ConnectionState:
    """Reachable and the key accepted: an empty query must come back as 400 (it asks no one), never raise."""
    label = "BRP (Haal Centraal BRP API Personen)"
    if not configured():
        return ConnectionState(
            "brp", label, configured=False, ok=False, detail="REGIE_BRP_URL is niet ingesteld."
        )
    client = BrpClient.from_settings()
    try:
        client.post({}, CHECK_PURPOSE)
    except BrpError as error:
        if error.status == 400:
            return ConnectionState("brp", label, True, True, f"{client.base_url}/personen antwoordt.")
        return ConnectionState("brp", label, True, False, f"{client.base_url}/personen: {error.message}")
    return ConnectionState("brp", label, True, True, f"{client.base_url}/personen antwoordt.")
