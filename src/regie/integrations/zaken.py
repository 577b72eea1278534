"""A client for the ZGW Zaken API (version 1.x, specs/zaken-api-1.3.yaml): plain values in and out, no Regie domain.

The service (address, client id and secret for the ZGW JWT, HS256, timeout) is a zgw-consumers `Service` row whose
slug is `REGIE_ZAKEN_SERVICE`; zgw-consumers builds the session with its JWT. Every failure becomes a `ZakenError`
with a Dutch message for people: the zaaksysteem unreachable or too slow, a refusal (4xx) with the fields it
named, or a fault on its side (5xx). Nothing here writes to Regie's database.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import requests
from ape_pie import APIClient
from ape_pie.exceptions import InvalidURLError
from django.conf import settings
from zgw_consumers.client import build_client
from zgw_consumers.constants import APITypes
from zgw_consumers.models import Service

from regie.integrations.connections import ConnectionState

CRS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}
LABEL = "Zaken API (zaaksysteem)"
MAX_PAGES = 20  # a zaak has a handful of roles; more pages than this is not a zaak Regie handed over

UNREACHABLE = "Het zaaksysteem is niet bereikbaar of antwoordde niet op tijd."
NOT_CONFIGURED = "Er is geen zaaksysteem gekoppeld (Zaken API niet ingesteld)."


class ZakenError(Exception):
    """The Zaken API could not do what was asked. `message` is Dutch; `status` the HTTP status when there was one."""

    def __init__(
        self, message: str, *, status: int | None = None, unreachable: bool = False, outside: bool = False
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.unreachable = unreachable
        self.outside = outside  # an address outside the configured service: never called


@dataclass(frozen=True)
class Zaak:
    """What Regie sends of a zaak (the names are the Zaken API's, in Python spelling)."""

    identificatie: str
    bronorganisatie: str
    verantwoordelijke_organisatie: str
    zaaktype: str
    omschrijving: str
    startdatum: date
    toelichting: str = ""
    vertrouwelijkheidaanduiding: str = ""

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "identificatie": self.identificatie,
            "bronorganisatie": self.bronorganisatie,
            "verantwoordelijkeOrganisatie": self.verantwoordelijke_organisatie,
            "zaaktype": self.zaaktype,
            "omschrijving": self.omschrijving[:80],
            "toelichting": self.toelichting[:1000],
            "startdatum": self.startdatum.isoformat(),
        }
        if self.vertrouwelijkheidaanduiding:
            data["vertrouwelijkheidaanduiding"] = self.vertrouwelijkheidaanduiding
        return data


@dataclass(frozen=True)
class Rol:
    """A role on a zaak: who (`betrokkene_type` and its identification) in which `roltype`."""

    roltype: str
    betrokkene_type: str  # "medewerker" or "natuurlijk_persoon"
    identificatie: dict[str, str] = field(default_factory=dict)
    roltoelichting: str = ""

    def key(self) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        """What makes two roles the same: the roltype, the kind and the identifying fields."""
        ident = self.identificatie
        keep = (
            ("identificatie",)
            if self.betrokkene_type == "medewerker"
            else ("inpBsn", "geslachtsnaam", "geboortedatum")
        )
        return self.roltype, self.betrokkene_type, tuple((k, ident.get(k, "")) for k in keep)

    def body(self, zaak_url: str) -> dict[str, Any]:
        return {
            "zaak": zaak_url,
            "betrokkeneType": self.betrokkene_type,
            "roltype": self.roltype,
            "roltoelichting": self.roltoelichting[:1000],
            "betrokkeneIdentificatie": self.identificatie,
        }


def rol_from_answer(data: dict[str, Any]) -> Rol:
    """A role as the Zaken API returned it, to compare with the roles Regie wants on the zaak."""
    return Rol(
        roltype=str(data.get("roltype", "")),
        betrokkene_type=str(data.get("betrokkeneType", "")),
        identificatie={
            k: str(v) for k, v in (data.get("betrokkeneIdentificatie") or {}).items() if v is not None
        },
        roltoelichting=str(data.get("roltoelichting", "")),
    )


def configured_service() -> Service | None:
    """The zgw-consumers service of the zaaksysteem, or None when none is set up."""
    slug = settings.REGIE_ZAKEN_SERVICE
    if not slug:
        return None
    return Service.objects.filter(slug=slug, api_type=APITypes.zrc).first()


def _resource(answer: Any) -> dict[str, Any]:
    """An answer that is a resource with its own address; anything else is not what the Zaken API promises."""
    if not isinstance(answer, dict) or not isinstance(answer.get("url"), str) or not answer["url"]:
        raise ZakenError(
            "Het zaaksysteem gaf een onvolledig antwoord (zonder adres van de zaak, rol of status)."
        )
    return answer


def _refusal(response: requests.Response) -> ZakenError:
    status = response.status_code
    try:
        problem = response.json()
    except ValueError:
        problem = {}
    fields = [
        f"{p.get('name')}: {p.get('reason')}"
        for p in problem.get("invalidParams") or []
        if isinstance(p, dict)
    ]
    said = "; ".join(fields) or str(problem.get("detail") or problem.get("title") or "").strip()
    if status in (401, 403):
        return ZakenError(
            f"Het zaaksysteem weigerde Regie de toegang (HTTP {status}): controleer de client-id en het geheim.",
            status=status,
        )
    if status >= 500:
        return ZakenError(
            f"Het zaaksysteem gaf een storing (HTTP {status}). Probeer het later opnieuw.", status=status
        )
    reason = f": {said}" if said else ""
    return ZakenError(f"Het zaaksysteem weigerde het verzoek (HTTP {status}){reason}.", status=status)


class ZakenClient:
    """Calls on one Zaken API service. Use as a context manager (it holds one HTTP session)."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self._client: APIClient = build_client(service)

    def __enter__(self) -> ZakenClient:
        self._client.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.__exit__(*exc)

    def _call(self, method: str, url: str, *, expect: tuple[int, ...], **kwargs: Any) -> Any:
        headers = {"Content-Type": "application/json"} if "json" in kwargs else {}
        headers.update(kwargs.pop("extra_headers", {}))
        try:
            response = self._client.request(method, url, headers=headers, **kwargs)
        except InvalidURLError as exc:  # an address outside the configured service: never sent, never trusted
            raise ZakenError(
                "Het zaaksysteem gaf een adres buiten de ingestelde Zaken API.", outside=True
            ) from exc
        except requests.RequestException as exc:
            raise ZakenError(UNREACHABLE, unreachable=True) from exc
        if response.status_code not in expect:
            raise _refusal(response)
        if response.status_code == 204:
            return None
        try:
            return response.json()
        except ValueError as exc:
            raise ZakenError(
                "Het zaaksysteem gaf een antwoord dat geen JSON is.", status=response.status_code
            ) from exc

    def _pages(
        self, url: str, params: dict[str, str], *, extra_headers: dict[str, str]
    ) -> Iterator[dict[str, Any]]:
        next_url: str | None = url
        query: dict[str, str] | None = params
        for _ in range(MAX_PAGES):
            if next_url is None:
                return
            page = self._call("GET", next_url, expect=(200,), params=query, extra_headers=extra_headers)
            if not isinstance(page, dict) or not isinstance(page.get("results") or [], list):
                raise ZakenError("Het zaaksysteem gaf een lijst in een onbekende vorm.")
            yield from page.get("results") or []
            next_url, query = page.get("next"), None

    def find_zaak(self, *, bronorganisatie: str, identificatie: str) -> dict[str, Any] | None:
        """The zaak with this identificatie at this bronorganisatie (unique there), or None."""
        for zaak in self._pages(
            "zaken", {"bronorganisatie": bronorganisatie, "identificatie": identificatie}, extra_headers=CRS
        ):
            if isinstance(zaak, dict) and zaak.get("identificatie") == identificatie:
                return _resource(zaak)
        return None

    def create_zaak(self, zaak: Zaak, *, reason: str) -> dict[str, Any]:
        extra = {**CRS, "X-Audit-Toelichting": reason}
        result: dict[str, Any] = self._call(
            "POST", "zaken", expect=(201,), json=zaak.body(), extra_headers=extra
        )
        return _resource(result)

    def update_zaak(self, url: str, zaak: Zaak, *, reason: str) -> dict[str, Any]:
        extra = {**CRS, "X-Audit-Toelichting": reason}
        result: dict[str, Any] = self._call("PUT", url, expect=(200,), json=zaak.body(), extra_headers=extra)
        return _resource(result)

    def roles(self, zaak_url: str) -> list[dict[str, Any]]:
        return [_resource(r) for r in self._pages("rollen", {"zaak": zaak_url}, extra_headers={})]

    def add_role(self, zaak_url: str, rol: Rol, *, reason: str) -> dict[str, Any]:
        result: dict[str, Any] = self._call(
            "POST",
            "rollen",
            expect=(201,),
            json=rol.body(zaak_url),
            extra_headers={"X-Audit-Toelichting": reason},
        )
        return _resource(result)

    def remove_role(self, url: str, *, reason: str) -> None:
        self._call("DELETE", url, expect=(204,), extra_headers={"X-Audit-Toelichting": reason})

    def find_link(self, zaak_url: str, informatieobject_url: str) -> dict[str, Any] | None:
        """The zaakinformatieobject linking this informatieobject to this zaak, or None (the pair is unique)."""
        answer = self._call(
            "GET",
            "zaakinformatieobjecten",
            expect=(200,),
            params={"zaak": zaak_url, "informatieobject": informatieobject_url},
        )
        if not isinstance(answer, list):
            raise ZakenError("Het zaaksysteem gaf een lijst in een onbekende vorm.")
        for link in answer:
            if isinstance(link, dict) and link.get("informatieobject") == informatieobject_url:
                return _resource(link)
        return None

    def link_document(
        self, zaak_url: str, informatieobject_url: str, *, titel: str, reason: str
    ) -> dict[str, Any]:
        body = {"zaak": zaak_url, "informatieobject": informatieobject_url, "titel": titel[:200]}
        result: dict[str, Any] = self._call(
            "POST",
            "zaakinformatieobjecten",
            expect=(201,),
            json=body,
            extra_headers={"X-Audit-Toelichting": reason},
        )
        return _resource(result)

    def set_status(
        self, zaak_url: str, *, statustype: str, at: datetime, explanation: str, reason: str
    ) -> dict[str, Any]:
        body = {
            "zaak": zaak_url,
            "statustype": statustype,
            "datumStatusGezet": at.isoformat(),
            "statustoelichting": explanation[:1000],
        }
        result: dict[str, Any] = self._call(
            "POST", "statussen", expect=(201,), json=body, extra_headers={"X-Audit-Toelichting": reason}
        )
        return _resource(result)


def check_zaken() -> ConnectionState:
    """For `regie check-connections`: is a Zaken API set up, does it answer a search with Regie's credentials?"""
    try:
        service = configured_service()
    except Exception as exc:
        return ConnectionState("zaken", LABEL, configured=False, ok=False, detail=f"niet te bepalen: {exc}")
    if service is None:
        return ConnectionState(
            "zaken",
            LABEL,
            configured=False,
            ok=False,
            detail=f"geen service met slug {settings.REGIE_ZAKEN_SERVICE!r}",
        )
    if not settings.REGIE_ZAKEN_RSIN:
        return ConnectionState("zaken", LABEL, configured=True, ok=False, detail="REGIE_ZAKEN_RSIN ontbreekt")
    try:
        with ZakenClient(service) as client:
            client.find_zaak(bronorganisatie=settings.REGIE_ZAKEN_RSIN, identificatie="REGIE-VERBINDINGSTEST")
    except ZakenError as exc:
        return ConnectionState(
            "zaken", LABEL, configured=True, ok=False, detail=f"{service.api_root}: {exc.message}"
        )
    return ConnectionState("zaken", LABEL, configured=True, ok=True, detail=f"{service.api_root} antwoordt")
