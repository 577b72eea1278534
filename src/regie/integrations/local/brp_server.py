"""A local BRP API Personen (v2): POST /personen for RaadpleegMetBurgerservicenummer and
ZoekMetAdresseerbaarObjectIdentificatie, seeded with fictional persons.

Every request and every answer is validated against `specs/brp-personen.yaml` with openapi-core, the concrete query
and answer type against its own schema. It asks what the RvIG gateway asks: the API key (`X-API-KEY`, when one is
set) and the purpose (`x-doelbinding`, `x-verwerking`). `fault` makes it misbehave for tests and the demo:
"500", "503", "unknown_field" (an answer with a field nobody asked for — still valid against the published document,
which does not close its objects), "slow" (answers after `slow_seconds`).
"""

from __future__ import annotations

import copy
import json
import time
from typing import Any

from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from werkzeug.wrappers import Request, Response

from regie.integrations.local.spec import FullTypeResponse, load, schema_errors

SPEC = "brp-personen.yaml"
AUTOMATIC = ("geheimhoudingPersoonsgegevens", "inOnderzoek", "opschortingBijhouding", "rni", "verificatie")
# Paths `fields` may name, per answer type (PersoonBeperkt has no verblijfplaats).
BEPERKT_FIELDS = frozenset(
    {
        "burgerservicenummer", "geslacht", "leeftijd", "adressering",
        "naam", "naam.voornamen", "naam.voorvoegsel", "naam.geslachtsnaam", "naam.voorletters", "naam.volledigeNaam",
        "geboorte", "geboorte.datum",
    }
)  # fmt: skip
PERSOON_FIELDS = BEPERKT_FIELDS | {
    "verblijfplaats", "verblijfplaats.adresseerbaarObjectIdentificatie", "verblijfplaats.nummeraanduidingIdentificatie",
    "verblijfplaats.verblijfadres", "verblijfplaats.verblijfadres.officieleStraatnaam",
    "verblijfplaats.verblijfadres.korteStraatnaam", "verblijfplaats.verblijfadres.huisnummer",
    "verblijfplaats.verblijfadres.huisletter", "verblijfplaats.verblijfadres.huisnummertoevoeging",
    "verblijfplaats.verblijfadres.postcode", "verblijfplaats.verblijfadres.woonplaats",
}  # fmt: skip


def select(obj: dict[str, Any], fields: list[str], prefix: str = "") -> dict[str, Any]:
    """The parts of `obj` that `fields` name (a field names its whole subtree); a kept object keeps its `type`."""
    out: dict[str, Any] = {}
    for key, value in obj.items():
        path = f"{prefix}{key}"
        if any(f == path or path.startswith(f + ".") for f in fields):
            out[key] = value
        elif isinstance(value, dict) and any(f.startswith(path + ".") for f in fields):
            inner = select(value, fields, path + ".")
            if inner:
                out[key] = {"type": value["type"], **inner} if "type" in value else inner
    return out


def _problem(status: int, title: str, code: str, invalid: list[dict[str, str]] | None = None) -> Response:
    body: dict[str, Any] = {
        "type": "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html",
        "title": title,
        "status": status,
        "code": code,
    }
    if invalid:
        body["invalidParams"] = invalid
    return Response(json.dumps(body), status=status, content_type="application/problem+json")


class LocalBrp:
    def __init__(self, persons: list[dict[str, Any]], *, api_key: str = "") -> None:
        self.persons = persons  # Persoon objects, each with its verblijfplaats (type Adres)
        self.api_key = api_key
        self.fault: str | None = None
        self.slow_seconds = 3.0
        self.requests: list[dict[str, Any]] = []  # what came in: headers and body, for the tests to read

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        response = self._answer(request)
        self._check_answer(request, response)
        return response(environ, start_response)

    def _answer(self, request: Request) -> Response:
        openapi, document = load(SPEC)
        body = request.get_json(silent=True)
        self.requests.append({"headers": dict(request.headers), "body": body})
        if self.fault == "slow":
            time.sleep(self.slow_seconds)
        if self.fault in ("500", "503"):
            title = (
                "Interne server fout."
                if self.fault == "500"
                else "Bronservice BRP is tijdelijk niet beschikbaar."
            )
            return _problem(int(self.fault), title, "serverError" if self.fault == "500" else "notAvailable")
        if self.api_key and request.headers.get("X-API-KEY") != self.api_key:
            return _problem(401, "Niet correct geauthenticeerd.", "authentication")
        if not request.headers.get("x-doelbinding") or not request.headers.get("x-verwerking"):
            return _problem(403, "U bent niet geautoriseerd voor deze operatie.", "autorisation")
        errors = [str(e) for e in _request_errors(openapi, request)]
        query_type = body.get("type") if isinstance(body, dict) else None
        if not errors and query_type not in (
            "RaadpleegMetBurgerservicenummer",
            "ZoekMetAdresseerbaarObjectIdentificatie",
        ):
            errors = ["type: onbekend zoektype"]
        if not errors:
            errors = schema_errors(document, str(query_type), body)
        if errors:
            return _problem(400, "Een of meerdere parameters zijn niet correct.", "paramsValidation")
        assert isinstance(body, dict)
        known = PERSOON_FIELDS if query_type == "RaadpleegMetBurgerservicenummer" else BEPERKT_FIELDS
        unknown = [f for f in body["fields"] if f not in known]
        if unknown:
            invalid = [
                {"name": "fields", "code": "field", "reason": "Parameter bevat een niet bestaande veldnaam."}
            ]
            return _problem(400, "Een of meerdere parameters zijn niet correct.", "paramsValidation", invalid)
        if query_type == "RaadpleegMetBurgerservicenummer":
            found = [p for p in self.persons if p.get("burgerservicenummer") in body["burgerservicenummer"]]
        else:
            found = [
                p
                for p in self.persons
                if p.get("verblijfplaats", {}).get("adresseerbaarObjectIdentificatie")
                == body["adresseerbaarObjectIdentificatie"]
            ]
        personen = [select(copy.deepcopy(p), body["fields"]) for p in found]
        for persoon, source in zip(personen, found, strict=True):
            persoon.update({key: source[key] for key in AUTOMATIC if key in source})
            if self.fault == "unknown_field":
                persoon["geheimeAantekening"] = "niet gevraagd"
        answer = {"type": query_type, "personen": personen}
        return Response(json.dumps(answer), status=200, content_type="application/json; charset=utf-8")

    def _check_answer(self, request: Request, response: Response) -> None:
        """An answer that breaks the published document is a bug in this server: fail loudly, in tests too."""
        openapi, document = load(SPEC)
        errors = list(_response_errors(openapi, request, response))
        if response.status_code == 200:
            answer = json.loads(response.get_data())
            errors += schema_errors(document, f"{answer['type']}Response", answer)
        if errors:
            raise AssertionError(f"Lokale BRP gaf een antwoord buiten de specificatie: {errors}")


def _request_errors(openapi: Any, request: Request) -> list[Exception]:
    try:
        openapi.validate_request(WerkzeugOpenAPIRequest(request))
    except Exception as exc:
        return [exc]
    return []


def _response_errors(openapi: Any, request: Request, response: Response) -> list[str]:
    try:
        openapi.validate_response(WerkzeugOpenAPIRequest(request), FullTypeResponse(response))
    except Exception as exc:
        return [str(exc)]
    return []
