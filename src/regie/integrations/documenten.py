"""A client for the ZGW Documenten API (version 1.x, specs/documenten-api-1.3.yaml): plain values in and out.

The service is a zgw-consumers `Service` (type drc) whose slug is `REGIE_DOCUMENTEN_SERVICE`, beside the Zaken API
service. A document goes in as one enkelvoudiginformatieobject with its content base64-encoded in the body (the
1.0 way, for files that need not be split). Before creating one, Regie looks it up by its identificatie at the
bronorganisatie: a retry after a lost answer finds the informatieobject made the first time instead of making a
second. Failures are `ZakenError`s with a Dutch message, as for the Zaken API.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from zgw_consumers.constants import APITypes
from zgw_consumers.models import Service

from regie.integrations.connections import ConnectionState
from regie.integrations.zaken import ZakenClient, ZakenError

LABEL = "Documenten API (zaaksysteem)"
TAAL = "dut"  # ISO 639-2/B: the documents are Dutch


@dataclass(frozen=True)
class Informatieobject:
    """What Regie sends of a document (the names are the Documenten API's, in Python spelling)."""

    identificatie: str
    bronorganisatie: str
    creatiedatum: date
    titel: str
    auteur: str
    formaat: str
    bestandsnaam: str
    inhoud: bytes
    informatieobjecttype: str
    vertrouwelijkheidaanduiding: str = ""

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "identificatie": self.identificatie[:40],
            "bronorganisatie": self.bronorganisatie,
            "creatiedatum": self.creatiedatum.isoformat(),
            "titel": self.titel[:200] or self.bestandsnaam[:200],
            "auteur": self.auteur[:200],
            "taal": TAAL,
            "formaat": self.formaat[:255],
            "bestandsnaam": self.bestandsnaam[:255],
            "inhoud": base64.b64encode(self.inhoud).decode("ascii"),
            "bestandsomvang": len(self.inhoud),
            "informatieobjecttype": self.informatieobjecttype,
        }
        if self.vertrouwelijkheidaanduiding:
            data["vertrouwelijkheidaanduiding"] = self.vertrouwelijkheidaanduiding
        return data


def configured_documenten_service() -> Service | None:
    """The zgw-consumers service of the Documenten API, or None when none is set up."""
    slug = settings.REGIE_DOCUMENTEN_SERVICE
    if not slug:
        return None
    return Service.objects.filter(slug=slug, api_type=APITypes.drc).first()


class DocumentenClient(ZakenClient):
    """Calls on one Documenten API service (the same JWT, errors and address checks as the Zaken client)."""

    def __enter__(self) -> DocumentenClient:
        super().__enter__()
        return self

    def find_informatieobject(self, *, bronorganisatie: str, identificatie: str) -> dict[str, Any] | None:
        """The informatieobject with this identificatie at this bronorganisatie (unique there), or None."""
        for found in self._pages(
            "enkelvoudiginformatieobjecten",
            {"bronorganisatie": bronorganisatie, "identificatie": identificatie},
            extra_headers={},
        ):
            if isinstance(found, dict) and found.get("identificatie") == identificatie:
                return _informatieobject(found)
        return None

    def create_informatieobject(self, document: Informatieobject, *, reason: str) -> dict[str, Any]:
        result = self._call(
            "POST",
            "enkelvoudiginformatieobjecten",
            expect=(201,),
            json=document.body(),
            extra_headers={"X-Audit-Toelichting": reason},
        )
        return _informatieobject(result)


def _informatieobject(answer: Any) -> dict[str, Any]:
    if not isinstance(answer, dict) or not isinstance(answer.get("url"), str) or not answer["url"]:
        raise ZakenError("De Documenten API gaf een onvolledig antwoord (zonder adres van het document).")
    return answer


def check_documenten() -> ConnectionState:
    """For `regie check-connections`: is a Documenten API set up, does it answer a lookup with Regie's JWT?"""
    try:
        service = configured_documenten_service()
    except Exception as exc:
        return ConnectionState(
            "documenten", LABEL, configured=False, ok=False, detail=f"niet te bepalen: {exc}"
        )
    if service is None:
        detail = f"geen service met slug {settings.REGIE_DOCUMENTEN_SERVICE!r}: documenten gaan niet mee"
        return ConnectionState("documenten", LABEL, configured=False, ok=False, detail=detail)
    if not settings.REGIE_ZAKEN_RSIN:
        return ConnectionState(
            "documenten", LABEL, configured=True, ok=False, detail="REGIE_ZAKEN_RSIN ontbreekt"
        )
    try:
        with DocumentenClient(service) as client:
            client.find_informatieobject(
                bronorganisatie=settings.REGIE_ZAKEN_RSIN, identificatie="REGIE-TEST"
            )
    except ZakenError as exc:
        return ConnectionState(
            "documenten", LABEL, configured=True, ok=False, detail=f"{service.api_root}: {exc.message}"
        )
    return ConnectionState(
        "documenten", LABEL, configured=True, ok=True, detail=f"{service.api_root} antwoordt"
    )
