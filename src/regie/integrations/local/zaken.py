"""A local zaaksysteem that speaks the published Zaken API (specs/zaken-api-1.3.yaml), for the demo and the tests.

Every request is validated against the published document with openapi-core before it is handled (a request the
document does not allow is answered 400 ValidatieFout, as a real Zaken API would), every answer is validated
before it leaves (a mismatch is kept in `answer_errors`, so the tests can assert there is none). A request must
carry a ZGW JWT (HS256) signed with the client's secret. It keeps zaken, rollen, statussen and
zaakinformatieobjecten in memory and knows a small Catalogi of its own: zaaktypen, roltypen, statustypen and
informatieobjecttypen under `/catalogi/api/v1/` on the same address. Its Documenten API (local/documenten.py) is
under `/documenten/api/v1/`.

For the failure tests: `fail_next(status)` answers the next calls with an error without handling them,
`fail_call(call, status)` the next such call, and `lose_next_answer()` handles the next call and then answers too
late (the client times out: "lost answer").
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import jwt
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_core.validation.response.validators import V30ResponseValidator
from werkzeug.wrappers import Request, Response

from regie.integrations.local.documenten import DOCUMENTEN, INFORMATIEOBJECTTYPEN, DocumentenStore
from regie.integrations.local.server import LocalServer
from regie.integrations.local.spec import load, schema_errors

SPEC = "zaken-api-1.3.yaml"
PREFIX = "/api/v1/"
CATALOGI = "/catalogi/api/v1/"
# The local Catalogi: roltypen with their omschrijving and omschrijvingGeneriek (as a Catalogi API defines them).
ROLTYPEN = {
    "behandelaar": ("Behandelaar", "behandelaar"),
    "zaakcoordinator": ("Zaakcoördinator", "zaakcoordinator"),
    "belanghebbende": ("Belanghebbende", "belanghebbende"),
}
ZAAKTYPEN = ("veiligheid", "overlast", "ondermijning")
STATUSTYPEN = ("in-behandeling", "afgerond")
DOCUMENTED = frozenset({400, 401, 403, 404, 500})  # the error answers the (trimmed) document declares
# The local server's own credentials (fictional, 127.0.0.1 only): the demo's Service uses them.
LOCAL_CLIENT_ID = "regie"
LOCAL_SECRET = "regie-lokaal-geheim-voor-de-zaken-api"  # noqa: S105 — a local test double's key, not a secret


def _problem(status: int, code: str, title: str, detail: str, instance: str, **extra: Any) -> Response:
    body = {
        "type": "",
        "code": code,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
    }
    body.update(extra)
    return Response(json.dumps(body), status=status, content_type="application/problem+json")


class ZakenApp:
    """The WSGI app. `client_id`/`secret` are the credentials it accepts."""

    def __init__(self, *, client_id: str, secret: str) -> None:
        self.client_id = client_id
        self.secret = secret
        self.base = ""  # set by LocalZakenServer once the port is known
        self.zaken: dict[str, dict[str, Any]] = {}
        self.rollen: dict[str, dict[str, Any]] = {}
        self.statussen: dict[str, dict[str, Any]] = {}
        self.zaakinformatieobjecten: dict[str, dict[str, Any]] = {}
        self.documenten = DocumentenStore(
            known_type=lambda url: (
                self._known(url, "informatieobjecttypen", INFORMATIEOBJECTTYPEN) is not None
            ),
            problem=_problem,
            invalid=self._invalid,
        )
        self._call_faults: list[tuple[str, int]] = []
        self.calls: list[tuple[str, str]] = []  # (method, path) of every request that reached it
        self.answer_errors: list[str] = []
        self._faults: list[int] = []
        self._lose: list[str] = []
        self._garble: list[str] = []
        self.lose_seconds = 2.0
        self._lock = threading.Lock()
        self.openapi, self.document = load(SPEC)
        # The Zaken API answers its errors as application/problem+json: JSON, which openapi-core must be told.
        self._answer_validator = V30ResponseValidator(
            self.openapi.spec, extra_media_type_deserializers={"application/problem+json": json.loads}
        )

    # ---- failure switches for the tests
    def fail_next(self, status: int, times: int = 1) -> None:
        self._faults.extend([status] * times)

    def fail_call(self, call: str, status: int) -> None:
        """Answer the next `call` (e.g. "POST /documenten/api/v1/enkelvoudiginformatieobjecten") with `status`."""
        with self._lock:
            self._call_faults.append((call, status))

    def garble_next_answer(self, call: str) -> None:
        """Handle the next `call` (e.g. "POST /api/v1/zaken"), then answer it with an empty object."""
        with self._lock:
            self._garble.append(call)

    def lose_next_answer(self, call: str = "") -> None:
        """Handle the next call (or the next `call`, e.g. "POST /api/v1/zaken"), then answer too late."""
        with self._lock:
            self._lose.append(call)

    # ---- the local Catalogi
    def zaaktype(self, name: str = "veiligheid") -> str:
        return f"{self.base}{CATALOGI}zaaktypen/{name}"

    def roltype(self, name: str) -> str:
        return f"{self.base}{CATALOGI}roltypen/{name}"

    def statustype(self, name: str) -> str:
        return f"{self.base}{CATALOGI}statustypen/{name}"

    def informatieobjecttype(self, name: str = "rapportage") -> str:
        return f"{self.base}{CATALOGI}informatieobjecttypen/{name}"

    def _known(self, url: str, kind: str, names: Iterable[str]) -> str | None:
        prefix = f"{self.base}{CATALOGI}{kind}/"
        name = url[len(prefix) :] if url.startswith(prefix) else ""
        return name if name in names else None

    # ---- WSGI
    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        request = Request(environ)
        response, injected = self._answer(request)
        call = f"{request.method} {request.path}"
        with self._lock:
            garble = call in self._garble
            if garble:
                self._garble.remove(call)
        if garble:
            response = Response("{}", status=response.status_code, content_type="application/json")
        if not injected or response.status_code in DOCUMENTED:
            self._check_answer(request, response)
        if self._lose_now(f"{request.method} {request.path}"):
            time.sleep(self.lose_seconds)
        return response(environ, start_response)

    def _lose_now(self, call: str) -> bool:
        with self._lock:
            for index, wanted in enumerate(self._lose):
                if wanted in ("", call):
                    del self._lose[index]
                    return True
        return False

    def _check_answer(self, request: Request, response: Response) -> None:
        if request.path.startswith(DOCUMENTEN):
            error = self.documenten.check_answer(request, response)
            if error:
                self.answer_errors.append(error)
            return
        if not request.path.startswith(PREFIX):
            return
        try:
            self._answer_validator.validate(
                WerkzeugOpenAPIRequest(request), WerkzeugOpenAPIResponse(response)
            )
        except Exception as exc:
            self.answer_errors.append(f"{request.method} {request.path}: {exc}")

    def _answer(self, request: Request) -> tuple[Response, bool]:
        """The answer, and whether it is an injected fault (a gateway's 502/503 is outside the document)."""
        path = request.path
        with self._lock:
            self.calls.append((request.method, path))
            fault = self._faults.pop(0) if self._faults else None
            call = f"{request.method} {path}"
            for index, (wanted, status) in enumerate(self._call_faults):
                if fault is None and wanted == call:
                    fault = status
                    del self._call_faults[index]
                    break
        if fault == 400:
            return self._invalid(path, [("nonFieldErrors", "invalid", "Een gesimuleerde weigering.")]), True
        if fault is not None:
            return _problem(fault, "fout", "Storing", "Een gesimuleerde storing.", path), True
        return self._handle(request), False

    def _handle(self, request: Request) -> Response:
        path = request.path
        if not path.startswith((PREFIX, DOCUMENTEN)):
            return _problem(404, "not_found", "Niet gevonden.", "Onbekende bron.", path)
        denied = self._denied(request)
        if denied is not None:
            return denied
        if path.startswith(DOCUMENTEN):
            with self._lock:
                return self.documenten.handle(request)
        try:
            self.openapi.validate_request(WerkzeugOpenAPIRequest(request))
        except Exception as exc:
            return self._invalid(path, [("nonFieldErrors", "invalid", str(exc).splitlines()[0][:500])])
        resource, _, rest = path[len(PREFIX) :].partition("/")
        with self._lock:
            return self._route(request, resource, rest)

    def _denied(self, request: Request) -> Response | None:
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return _problem(
                401, "not_authenticated", "Niet geauthenticeerd.", "Geen JWT meegestuurd.", request.path
            )
        try:
            claims = jwt.decode(header[7:], self.secret, algorithms=["HS256"])
        except jwt.PyJWTError:
            return _problem(403, "permission_denied", "Geen toegang.", "De JWT is ongeldig.", request.path)
        if claims.get("client_id") != self.client_id:
            return _problem(403, "permission_denied", "Geen toegang.", "Onbekende client.", request.path)
        return None

    def _invalid(self, path: str, params: list[tuple[str, str, str]]) -> Response:
        invalid = [{"name": n, "code": c, "reason": r} for n, c, r in params]
        return _problem(400, "invalid", "Ongeldige invoer.", "Ongeldige invoer.", path, invalidParams=invalid)

    def _route(self, request: Request, resource: str, rest: str) -> Response:
        method = request.method
        if resource == "zaken" and not rest:
            return self._zaak_list(request) if method == "GET" else self._zaak_create(request)
        if resource == "zaken" and rest:
            return self._zaak_detail(request, rest)
        if resource == "rollen" and not rest:
            return self._rol_list(request) if method == "GET" else self._rol_create(request)
        if resource == "rollen" and method == "DELETE":
            if self.rollen.pop(f"{self.base}{PREFIX}rollen/{rest}", None) is None:
                return _problem(404, "not_found", "Niet gevonden.", "Deze rol bestaat niet.", request.path)
            return Response(status=204)
        if resource == "statussen":
            return self._status_create(request)
        if resource == "zaakinformatieobjecten" and not rest:
            return self._zio_list(request) if method == "GET" else self._zio_create(request)
        return _problem(404, "not_found", "Niet gevonden.", "Onbekende bron.", request.path)

    @staticmethod
    def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
        response = Response(json.dumps(data), status=status, content_type="application/json")
        for name, value in (headers or {}).items():
            response.headers[name] = value
        return response

    @staticmethod
    def _page(items: list[dict[str, Any]]) -> dict[str, Any]:
        return {"count": len(items), "next": None, "previous": None, "results": items}

    # ---- zaken
    def _zaak_checks(self, body: dict[str, Any], *, exclude: str | None) -> list[tuple[str, str, str]]:
        errors = []
        if self._known(body.get("zaaktype", ""), "zaaktypen", ZAAKTYPEN) is None:
            errors.append(("zaaktype", "bad-url", "Het zaaktype is onbekend in de Catalogi API."))
        ident = body.get("identificatie")
        for url, zaak in self.zaken.items():
            same = ident and zaak["identificatie"] == ident
            if url != exclude and same and zaak["bronorganisatie"] == body.get("bronorganisatie"):
                errors.append(("identificatie", "identificatie-niet-uniek", "Deze identificatie bestaat al."))
        return errors

    def _zaak_list(self, request: Request) -> Response:
        found = [
            z
            for z in self.zaken.values()
            if all(
                request.args.get(k) in (None, z[k]) for k in ("identificatie", "bronorganisatie", "zaaktype")
            )
        ]
        return self._json(self._page(found), headers={"Content-Crs": "EPSG:4326"})

    def _zaak_create(self, request: Request) -> Response:
        body = request.get_json()
        errors = self._zaak_checks(body, exclude=None)
        if errors:
            return self._invalid(request.path, errors)
        key = str(uuid.uuid4())
        url = f"{self.base}{PREFIX}zaken/{key}"
        zaak = {
            **body,
            "url": url,
            "uuid": key,
            "identificatie": body.get("identificatie") or f"ZAAK-{len(self.zaken) + 1:05d}",
            "registratiedatum": body.get("registratiedatum") or date.today().isoformat(),
            "vertrouwelijkheidaanduiding": body.get("vertrouwelijkheidaanduiding") or "zaakvertrouwelijk",
            "einddatum": None,
            "betalingsindicatieWeergave": "",
            "deelzaken": [],
            "eigenschappen": [],
            "rollen": [],
            "status": None,
            "zaakinformatieobjecten": [],
            "zaakobjecten": [],
            "resultaat": None,
        }
        self.zaken[url] = zaak
        return self._json(zaak, 201, headers={"Location": url, "Content-Crs": "EPSG:4326"})

    def _zaak_detail(self, request: Request, key: str) -> Response:
        url = f"{self.base}{PREFIX}zaken/{key}"
        zaak = self.zaken.get(url)
        if zaak is None:
            return _problem(404, "not_found", "Niet gevonden.", "Deze zaak bestaat niet.", request.path)
        if request.method == "PUT":
            body = request.get_json()
            errors = self._zaak_checks(body, exclude=url)
            if body.get("zaaktype") != zaak["zaaktype"]:
                errors.append(
                    ("zaaktype", "wijzigen-niet-toegelaten", "Het zaaktype kan niet gewijzigd worden.")
                )
            if errors:
                return self._invalid(request.path, errors)
            zaak.update({k: v for k, v in body.items() if k not in ("url", "uuid")})
        return self._json(zaak, headers={"Content-Crs": "EPSG:4326"})

    # ---- rollen
    def _rol_list(self, request: Request) -> Response:
        wanted = request.args.get("zaak")
        found = [r for r in self.rollen.values() if wanted in (None, r["zaak"])]
        return self._json(self._page(found))

    def _rol_create(self, request: Request) -> Response:
        body = request.get_json()
        errors: list[tuple[str, str, str]] = []
        if body.get("zaak") not in self.zaken:
            errors.append(("zaak", "bad-url", "De zaak bestaat niet."))
        roltype = self._known(body.get("roltype", ""), "roltypen", ROLTYPEN)
        if roltype is None:
            errors.append(("roltype", "bad-url", "Het roltype is onbekend in de Catalogi API."))
        kind = body.get("betrokkeneType", "")
        concrete = {"natuurlijk_persoon": "RolNatuurlijkPersoon", "medewerker": "RolMedewerker"}.get(kind)
        if concrete is None:
            errors.append(("betrokkeneType", "invalid_choice", "Deze lokale Zaken API kent dit type niet."))
        else:  # the discriminator's concrete schema: openapi-core alone does not select it
            ident = body.get("betrokkeneIdentificatie") or {}
            for error in schema_errors(self.document, concrete, ident):
                errors.append(("betrokkeneIdentificatie", "invalid", error))
        if errors:
            return self._invalid(request.path, errors)
        assert roltype is not None
        key = str(uuid.uuid4())
        url = f"{self.base}{PREFIX}rollen/{key}"
        omschrijving, generiek = ROLTYPEN[roltype]
        rol = {
            **body,
            "url": url,
            "uuid": key,
            "omschrijving": omschrijving,
            "omschrijvingGeneriek": generiek,
            "registratiedatum": "2026-01-01T00:00:00Z",
            "statussen": [],
        }
        self.rollen[url] = rol
        self.zaken[body["zaak"]]["rollen"].append(url)
        return self._json(rol, 201)

    # ---- statussen
    def _status_create(self, request: Request) -> Response:
        body = request.get_json()
        errors = []
        if body.get("zaak") not in self.zaken:
            errors.append(("zaak", "bad-url", "De zaak bestaat niet."))
        if self._known(body.get("statustype", ""), "statustypen", STATUSTYPEN) is None:
            errors.append(("statustype", "bad-url", "Het statustype is onbekend in de Catalogi API."))
        if errors:
            return self._invalid(request.path, errors)
        key = str(uuid.uuid4())
        url = f"{self.base}{PREFIX}statussen/{key}"
        status = {**body, "url": url, "uuid": key, "zaakinformatieobjecten": []}
        self.statussen[url] = status
        self.zaken[body["zaak"]]["status"] = url
        return self._json(status, 201)

    # ---- zaakinformatieobjecten (the informatieobject must exist in the local Documenten API)
    def _zio_list(self, request: Request) -> Response:
        found = [
            z
            for z in self.zaakinformatieobjecten.values()
            if all(request.args.get(k) in (None, z[k]) for k in ("zaak", "informatieobject"))
        ]
        return self._json(found)

    def _zio_create(self, request: Request) -> Response:
        body = request.get_json()
        errors = []
        if body.get("zaak") not in self.zaken:
            errors.append(("zaak", "bad-url", "De zaak bestaat niet."))
        if body.get("informatieobject") not in self.documenten.objecten:
            errors.append(("informatieobject", "bad-url", "Het informatieobject bestaat niet."))
        if any(
            z["zaak"] == body.get("zaak") and z["informatieobject"] == body.get("informatieobject")
            for z in self.zaakinformatieobjecten.values()
        ):
            errors.append(("nonFieldErrors", "unique", "De relatie zaak-informatieobject bestaat al."))
        if errors:
            return self._invalid(request.path, errors)
        key = str(uuid.uuid4())
        url = f"{self.base}{PREFIX}zaakinformatieobjecten/{key}"
        link = {
            **body,
            "url": url,
            "uuid": key,
            "aardRelatieWeergave": "Hoort bij, omgekeerd: kent",
            "registratiedatum": "2026-01-01T00:00:00Z",
        }
        self.zaakinformatieobjecten[url] = link
        self.zaken[body["zaak"]]["zaakinformatieobjecten"].append(url)
        return self._json(link, 201, headers={"Location": url})

    # ---- for assertions
    def documents_of(self, zaak_url: str) -> list[tuple[dict[str, Any], bytes]]:
        """The informatieobjecten linked to the zaak, with their content."""
        urls = [z["informatieobject"] for z in self.zaakinformatieobjecten.values() if z["zaak"] == zaak_url]
        return [(self.documenten.objecten[u], self.documenten.inhoud[u]) for u in urls]

    def roles_of(self, zaak_url: str) -> list[dict[str, Any]]:
        return [r for r in self.rollen.values() if r["zaak"] == zaak_url]

    def statuses_of(self, zaak_url: str) -> list[dict[str, Any]]:
        return [s for s in self.statussen.values() if s["zaak"] == zaak_url]


class LocalZakenServer(LocalServer):
    """The local zaaksysteem on 127.0.0.1; `app` holds its store and switches, `api_root` is for the Service."""

    app: ZakenApp

    def __init__(
        self,
        *,
        client_id: str = LOCAL_CLIENT_ID,
        secret: str = LOCAL_SECRET,
        port: int = 0,
    ) -> None:
        super().__init__(ZakenApp(client_id=client_id, secret=secret), port=port)
        self.app.base = self.url
        self.app.documenten.base = self.url
        self.documenten_root = f"{self.url}{DOCUMENTEN}"
        self.api_root = f"{self.url}{PREFIX}"

    def start(self) -> LocalZakenServer:
        super().start()
        return self
