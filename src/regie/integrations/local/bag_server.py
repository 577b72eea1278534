"""A local BAG API Individuele Bevragingen (v2): GET /adressen by postcode and huisnummer (with huisletter,
huisnummertoevoeging, exacteMatch), seeded with fictional addresses.

Requests and answers are validated against `specs/bag-adressen.yaml` with openapi-core. `fault`: "500", "slow".
"""

from __future__ import annotations

import json
import time
from typing import Any

from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from werkzeug.wrappers import Request, Response

from regie.integrations.local.spec import load

SPEC = "bag-adressen.yaml"


def bag_address(
    *, postcode: str, huisnummer: int, straat: str, woonplaats: str, nummeraanduiding: str, object_id: str,
    huisletter: str = "", toevoeging: str = "", woonplaats_id: str = "1509", openbare_ruimte_id: str = "",
) -> dict[str, Any]:  # fmt: skip
    """An Adres (AdresIOHal) as the BAG answers it; `kortNaam` because the published schema requires that name."""
    adres: dict[str, Any] = {
        "openbareRuimteNaam": straat,
        "korteNaam": straat[:24],
        "kortNaam": straat[:24],
        "huisnummer": huisnummer,
        "postcode": postcode,
        "woonplaatsNaam": woonplaats,
        "nummeraanduidingIdentificatie": nummeraanduiding,
        "openbareRuimteIdentificatie": openbare_ruimte_id
        or nummeraanduiding[:4] + "30" + nummeraanduiding[6:],
        "woonplaatsIdentificatie": woonplaats_id,
        "adresseerbaarObjectIdentificatie": object_id,
    }
    if huisletter:
        adres["huisletter"] = huisletter
    if toevoeging:
        adres["huisnummertoevoeging"] = toevoeging
    return adres


def _problem(status: int, title: str, code: str, instance: str) -> Response:
    body = {
        "status": status,
        "title": title,
        "type": "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html",
        "detail": title,
        "instance": instance,
        "code": code,
    }
    return Response(
        json.dumps(body),
        status=status,
        content_type="application/problem+json",
        headers={"api-version": "2.0.0"},
    )


class LocalBag:
    def __init__(self, addresses: list[dict[str, Any]], *, api_key: str = "") -> None:
        self.addresses = addresses
        self.api_key = api_key
        self.fault: str | None = None
        self.slow_seconds = 3.0
        self.requests: list[dict[str, Any]] = []

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        response = self._answer(request)
        openapi, _ = load(SPEC)
        try:
            openapi.validate_response(WerkzeugOpenAPIRequest(request), WerkzeugOpenAPIResponse(response))
        except Exception as exc:
            raise AssertionError(f"Lokale BAG gaf een antwoord buiten de specificatie: {exc}") from exc
        return response(environ, start_response)

    def _answer(self, request: Request) -> Response:
        openapi, _ = load(SPEC)
        self.requests.append({"headers": dict(request.headers), "query": dict(request.args)})
        instance = request.url
        if self.fault == "slow":
            time.sleep(self.slow_seconds)
        if self.fault == "500":
            return _problem(500, "Interne server fout.", "serverError", instance)
        if self.api_key and request.headers.get("X-Api-Key") != self.api_key:
            return _problem(401, "Niet correct geauthenticeerd.", "authentication", instance)
        try:
            openapi.validate_request(WerkzeugOpenAPIRequest(request))
        except Exception:
            return _problem(
                400, "Een of meerdere parameters zijn niet correct.", "paramsValidation", instance
            )
        args = request.args
        if not args.get("postcode") or not args.get("huisnummer"):
            return _problem(
                400, "Ten minste één parameter moet worden opgegeven.", "paramsRequired", instance
            )
        exact = args.get("exacteMatch") == "true"
        found = [
            a
            for a in self.addresses
            if a["postcode"] == args["postcode"]
            and a["huisnummer"] == int(args["huisnummer"])
            and _matches(a.get("huisletter", ""), args.get("huisletter", ""), exact)
            and _matches(a.get("huisnummertoevoeging", ""), args.get("huisnummertoevoeging", ""), exact)
        ]
        body: dict[str, Any] = {"_links": {"self": {"href": instance}}}
        if found:
            body["_embedded"] = {"adressen": found}
        return Response(
            json.dumps(body),
            status=200,
            content_type="application/hal+json",
            headers={"api-version": "2.0.0"},
        )


def _matches(have: str, asked: str, exact: bool) -> bool:
    if exact:
        return have.lower() == asked.lower()
    return not asked or have.lower() == asked.lower()
