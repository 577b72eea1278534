"""Client for the BAG API Individuele Bevragingen (v2, LVBAG): the current address at a postcode and house number
(with house letter and addition), with its BAG ids — the nummeraanduiding and the adresseerbaar object
(verblijfsobject, standplaats or ligplaats) that the BRP search needs.

Not configured, unreachable, too slow, 4xx/5xx or an odd answer: a `BagError` with a Dutch message, nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import requests
from django.conf import settings

from regie.integrations.connections import ConnectionState

POSTCODE = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")
ADDITION = re.compile(r"^[0-9a-zA-Z]{1,4}$")
NUMMERAANDUIDING = re.compile(r"^[0-9]{4}20[0-9]{10}$")
OBJECT = re.compile(r"^[0-9]{4}(01|02|03)[0-9]{10}$")


class BagError(Exception):
    def __init__(self, message: str, *, kind: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind  # not-configured, invalid, unreachable, refused, server-error, odd-answer
        self.field = field  # the input field a kind="invalid" error is about


@dataclass(frozen=True)
class BagAddress:
    postcode: str
    house_number: int
    house_letter: str
    addition: str
    street: str
    city: str
    nummeraanduiding_id: str
    adresseerbaar_object_id: str


def configured() -> bool:
    return bool(settings.REGIE_BAG_URL)


def _parse(adres: Any) -> BagAddress:
    if not isinstance(adres, dict):
        raise BagError("De BAG gaf een onverwacht antwoord.", kind="odd-answer")
    nummeraanduiding = str(adres.get("nummeraanduidingIdentificatie", ""))
    object_id = str(adres.get("adresseerbaarObjectIdentificatie", ""))
    if not NUMMERAANDUIDING.match(nummeraanduiding) or (object_id and not OBJECT.match(object_id)):
        raise BagError("De BAG gaf een adres zonder geldige BAG-identificaties.", kind="odd-answer")
    try:
        return BagAddress(
            postcode=str(adres["postcode"]),
            house_number=int(adres["huisnummer"]),
            house_letter=str(adres.get("huisletter", "")),
            addition=str(adres.get("huisnummertoevoeging", "")),
            street=str(adres["openbareRuimteNaam"]),
            city=str(adres["woonplaatsNaam"]),
            nummeraanduiding_id=nummeraanduiding,
            adresseerbaar_object_id=object_id,
        )
    except (KeyError, TypeError, ValueError):
        raise BagError("De BAG gaf een onvolledig adres.", kind="odd-answer") from None


def check_lookup(postcode: str, house_number: int, house_letter: str = "", addition: str = "") -> str:
    """The postcode as the BAG wants it ("6851AB"); a BagError(kind="invalid") naming the field for bad input."""
    postcode = postcode.replace(" ", "").upper()
    if not POSTCODE.match(postcode):
        raise BagError("Vul een geldige postcode in, zoals 6851 AB.", kind="invalid", field="postcode")
    if not 1 <= house_number <= 99999:
        raise BagError("Vul een huisnummer in tussen 1 en 99999.", kind="invalid", field="house_number")
    if house_letter and not (len(house_letter) == 1 and house_letter.isalpha() and house_letter.isascii()):
        raise BagError("Een huisletter is één letter.", kind="invalid", field="house_letter")
    if addition and not ADDITION.match(addition):
        raise BagError("Een toevoeging is hoogstens 4 letters of cijfers.", kind="invalid", field="addition")
    return postcode


class BagClient:
    def __init__(self, base_url: str, api_key: str = "", timeout: float = 10) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout

    @classmethod
    def from_settings(cls) -> BagClient:
        if not configured():
            raise BagError("De BAG is niet gekoppeld.", kind="not-configured")
        return cls(settings.REGIE_BAG_URL, settings.REGIE_BAG_API_KEY, settings.REGIE_BAG_TIMEOUT)

    def lookup(
        self, postcode: str, house_number: int, house_letter: str = "", addition: str = ""
    ) -> list[BagAddress]:
        """The current addresses that match exactly (exacteMatch): one, or none."""
        postcode = check_lookup(postcode, house_number, house_letter, addition)
        params: dict[str, Any] = {"postcode": postcode, "huisnummer": house_number, "exacteMatch": "true"}
        if house_letter:
            params["huisletter"] = house_letter
        if addition:
            params["huisnummertoevoeging"] = addition
        answer = self.get("/adressen", params)
        embedded = answer.get("_embedded") or {}
        adressen = embedded.get("adressen", []) if isinstance(embedded, dict) else None
        if not isinstance(adressen, list):
            raise BagError("De BAG gaf een onverwacht antwoord.", kind="odd-answer")
        return [_parse(a) for a in adressen]

    def get(self, path: str, params: dict[str, Any]) -> dict[str, Any]:
        headers = {"Accept": "application/hal+json"}
        if self.api_key:
            headers["X-Api-Key"] = self.api_key
        try:
            response = requests.get(
                f"{self.base_url}{path}", params=params, headers=headers, timeout=self.timeout
            )
        except requests.Timeout:
            raise BagError("De BAG antwoordde niet op tijd.", kind="unreachable") from None
        except requests.RequestException:
            raise BagError("De BAG is niet bereikbaar.", kind="unreachable") from None
        if 400 <= response.status_code < 500:
            raise BagError(f"De BAG wees de vraag af (status {response.status_code}).", kind="refused")
        if response.status_code >= 300:
            raise BagError(f"De BAG heeft een storing (status {response.status_code}).", kind="server-error")
        try:
            answer = response.json()
        except ValueError:
            raise BagError("De BAG gaf een onleesbaar antwoord.", kind="odd-answer") from None
        if not isinstance(answer, dict):
            raise BagError("De BAG gaf een onverwacht antwoord.", kind="odd-answer")
        return answer


def check() -> ConnectionState:
    """Reachable and the key accepted: /adressen without parameters must come back as 400."""
    label = "BAG (Individuele Bevragingen)"
    if not configured():
        return ConnectionState(
            "bag", label, configured=False, ok=False, detail="REGIE_BAG_URL is niet ingesteld."
        )
    client = BagClient.from_settings()
    headers = {"X-Api-Key": client.api_key} if client.api_key else {}
    try:
        response = requests.get(f"{client.base_url}/adressen", headers=headers, timeout=client.timeout)
    except requests.RequestException:
        return ConnectionState("bag", label, True, False, f"{client.base_url}/adressen is niet bereikbaar.")
    if response.status_code in (200, 400):
        return ConnectionState("bag", label, True, True, f"{client.base_url}/adressen antwoordt.")
    return ConnectionState(
        "bag", label, True, False, f"{client.base_url}/adressen: status {response.status_code}."
    )
