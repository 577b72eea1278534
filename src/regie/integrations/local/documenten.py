"""The Documenten API of the local zaaksysteem (specs/documenten-api-1.3.yaml), for the demo and the tests.

It lives in the same WSGI app as the local Zaken API (regie/integrations/local/zaken.py), under `/documenten/api/v1/`
on the same address, with the same JWT check and failure switches. Every request is validated against the
published document with openapi-core before it is handled (a request it does not allow is answered 400
ValidatieFout), every answer before it leaves (a mismatch is kept in the app's `answer_errors`). It keeps
enkelvoudiginformatieobjecten in memory, with their content decoded, and knows the informatieobjecttypen of the
local Catalogi.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_core.validation.response.validators import V30ResponseValidator
from werkzeug.wrappers import Request, Response

from regie.integrations.local.spec import load

SPEC = "documenten-api-1.3.yaml"
DOCUMENTEN = "/documenten/api/v1/"
INFORMATIEOBJECTTYPEN = ("rapportage", "verslag")

Problem = Callable[..., Response]


class DocumentenStore:
    """The informatieobjecten (url -> resource) and their content (url -> bytes); `handle` answers one request."""

    def __init__(self, *, known_type: Callable[[str], bool], problem: Problem, invalid: Problem) -> None:
        self.objecten: dict[str, dict[str, Any]] = {}
        self.inhoud: dict[str, bytes] = {}
        self.base = ""
        self._known_type = known_type
        self._problem = problem
        self._invalid = invalid
        self.openapi, _ = load(SPEC, DOCUMENTEN.rstrip("/"))
        self._answers = V30ResponseValidator(
            self.openapi.spec, extra_media_type_deserializers={"application/problem+json": json.loads}
        )

    def check_answer(self, request: Request, response: Response) -> str | None:
        """What in the answer breaks the published document, or None."""
        try:
            self._answers.validate(WerkzeugOpenAPIRequest(request), WerkzeugOpenAPIResponse(response))
        except Exception as exc:
            return f"{request.method} {request.path}: {exc}"
        return None

    def handle(self, request: Request) -> Response:
        try:
            self.openapi.validate_request(WerkzeugOpenAPIRequest(request))
        except Exception as exc:
            return self._invalid(
                request.path, [("nonFieldErrors", "invalid", str(exc).splitlines()[0][:500])]
            )
        rest = request.path[len(DOCUMENTEN) :]
        if rest == "enkelvoudiginformatieobjecten" and request.method == "GET":
            return self._list(request)
        if rest == "enkelvoudiginformatieobjecten" and request.method == "POST":
            return self._create(request)
        return self._problem(404, "not_found", "Niet gevonden.", "Onbekende bron.", request.path)

    def _list(self, request: Request) -> Response:
        found = [
            o
            for o in self.objecten.values()
            if all(request.args.get(k) in (None, o[k]) for k in ("identificatie", "bronorganisatie"))
        ]
        page = {"count": len(found), "next": None, "previous": None, "results": found}
        return Response(json.dumps(page), status=200, content_type="application/json")

    def _create(self, request: Request) -> Response:
        body = request.get_json()
        errors: list[tuple[str, str, str]] = []
        if not self._known_type(body.get("informatieobjecttype", "")):
            errors.append(("informatieobjecttype", "bad-url", "Het informatieobjecttype is onbekend."))
        ident = body.get("identificatie")
        if ident and any(
            o["identificatie"] == ident and o["bronorganisatie"] == body["bronorganisatie"]
            for o in self.objecten.values()
        ):
            errors.append(("identificatie", "identificatie-niet-uniek", "Deze identificatie bestaat al."))
        try:
            content = base64.b64decode(body.get("inhoud") or "", validate=True)
        except (binascii.Error, ValueError):
            errors.append(("inhoud", "invalid", "De inhoud is geen geldige base64."))
            content = b""
        if errors:
            return self._invalid(request.path, errors)
        key = str(uuid.uuid4())
        url = f"{self.base}{DOCUMENTEN}enkelvoudiginformatieobjecten/{key}"
        resource = {
            **body,
            "url": url,
            "identificatie": ident or f"DOCUMENT-{len(self.objecten) + 1:05d}",
            "vertrouwelijkheidaanduiding": body.get("vertrouwelijkheidaanduiding") or "openbaar",
            "inhoud": f"{url}/download",
            "bestandsomvang": len(content),
            "versie": 1,
            "beginRegistratie": datetime.now(UTC).isoformat(),
            "locked": False,
            "bestandsdelen": [],
            "lock": "",
        }
        self.objecten[url] = {k: v for k, v in resource.items() if k != "lock"}
        self.inhoud[url] = content
        response = Response(json.dumps(resource), status=201, content_type="application/json")
        response.headers["Location"] = url
        return response
