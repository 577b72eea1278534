"""Every API error as application/problem+json (RFC 9457), with `invalidParams` for validation errors."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, JsonResponse
from rest_framework import exceptions
from rest_framework.response import Response

from regie.core.api.casing import to_camel
from regie.core.errors import STORAGE_FULL, ConflictError, StorageFull
from regie.core.request_limits import refusal_for

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: "Ongeldige invoer",
    401: "Niet aangemeld",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    409: "Conflict",
    413: "Te groot",
    415: "Mediatype niet ondersteund",
    429: "Te veel verzoeken",
    500: "Interne fout",
    503: "Dienst tijdelijk niet beschikbaar",
    507: "Opslag vol",
}

DETAILS = {
    401: "Meld u aan met een sessie of een geldig API-token (Authorization: Token …).",
    403: "U heeft geen toestemming voor deze handeling.",
    404: "De gevraagde bron bestaat niet of is niet voor u beschikbaar.",
    500: "Er ging iets mis aan onze kant. De fout is vastgelegd.",
    503: "De database is niet bereikbaar. Probeer het over enkele minuten opnieuw.",
}
RETRY_AFTER_SECONDS = 30


def problem_body(
    *,
    status: int,
    title: str | None = None,
    detail: str | None = None,
    invalid_params: list[dict[str, str]] | None = None,
    instance: str | None = None,
) -> dict[str, Any]:
    """A problem document; `type` points to a stable description of the status."""
    body: dict[str, Any] = {
        "type": f"https://regie.gemeente.example/problemen/{status}",
        "title": title or TITLES.get(status, "Fout"),
        "status": status,
        "detail": detail or DETAILS.get(status, title or TITLES.get(status, "Fout")),
    }
    if instance:
        body["instance"] = instance
    if invalid_params:
        body["invalidParams"] = invalid_params
    return body


def problem_response(**kwargs: Any) -> HttpResponse:
    """A plain Django response carrying a problem document (for paths outside DRF views)."""
    body = problem_body(**kwargs)
    response = JsonResponse(body, status=body["status"], content_type=PROBLEM_CONTENT_TYPE)
    response["API-Version"] = settings.API_VERSION
    return response


def flatten_errors(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """DRF's nested error structure as a flat list of {name, code, reason} with camelCase dotted names."""
    params: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = "nonFieldErrors" if key in ("non_field_errors", "__all__") else to_camel(str(key))
            params.extend(flatten_errors(value, f"{prefix}.{name}" if prefix else name))
    elif isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            for item in detail:
                params.append(
                    {
                        "name": prefix or "nonFieldErrors",
                        "code": str(getattr(item, "code", "invalid")),
                        "reason": str(item),
                    }
                )
        else:
            for index, item in enumerate(detail):
                params.extend(flatten_errors(item, f"{prefix}.{index}" if prefix else str(index)))
    else:
        params.append(
            {
                "name": prefix or "nonFieldErrors",
                "code": str(getattr(detail, "code", "invalid")),
                "reason": str(detail),
            }
        )
    return params


def _wait(exc: exceptions.APIException) -> int:
    return int(getattr(exc, "wait", 0) or 0)


def _dutch_detail(exc: exceptions.APIException) -> str | None:
    if isinstance(exc, exceptions.MethodNotAllowed):
        return "Deze methode is niet toegestaan voor deze bron."
    if isinstance(exc, exceptions.Throttled):
        wait = f" Probeer het over {_wait(exc)} seconden opnieuw." if _wait(exc) else ""
        return f"U heeft te veel verzoeken gedaan.{wait}"
    if isinstance(exc, exceptions.NotAcceptable):
        return "Dit formaat kan niet worden geleverd; vraag application/json."
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return "Dit mediatype wordt voor deze bron niet ondersteund; zie de API-documentatie."
    if isinstance(exc, exceptions.AuthenticationFailed):
        # Our authentication names why (a blocked account, a malformed header); DRF's own default does not.
        if str(exc.detail) != str(exc.default_detail):
            return str(exc.detail)
        return "Het token is onbekend of ingetrokken."
    if isinstance(exc, exceptions.NotAuthenticated):
        return DETAILS[401]
    if isinstance(exc, exceptions.PermissionDenied | exceptions.NotFound):
        return DETAILS[exc.status_code] if str(exc.detail) == str(exc.default_detail) else str(exc.detail)
    if isinstance(exc.detail, str):
        return exc.detail
    return None


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    """DRF exception handler: every error, including unexpected ones, becomes a problem document."""
    if isinstance(exc, OperationalError | InterfaceError):
        # The database went away while the request ran (in a view, a throttle or an authentication): try again
        # later, never a 500; whatever the request had begun was rolled back with its transaction.
        logger.warning("database unavailable during an API request: %s", exc)
        unavailable = exceptions.APIException(DETAILS[503])
        unavailable.status_code = 503
        unavailable.wait = RETRY_AFTER_SECONDS  # type: ignore[attr-defined]
        exc = unavailable
    elif isinstance(exc, StorageFull):
        full = exceptions.APIException(STORAGE_FULL)
        full.status_code = 507
        exc = full
    elif isinstance(exc, ConflictError):
        conflict = exceptions.APIException(exc.message)
        conflict.status_code = 409
        exc = conflict
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    request = context.get("request")
    instance = request.path if request is not None else None
    refusal = refusal_for(exc)
    if refusal is not None:  # a body over Django's size or part limits, met when the view read it
        body = problem_body(
            status=refusal.status, title=refusal.title, detail=refusal.detail, instance=instance
        )
        return Response(body, status=refusal.status, content_type=PROBLEM_CONTENT_TYPE)
    if not isinstance(exc, exceptions.APIException):
        logger.exception("unhandled API error", exc_info=exc)
        body = problem_body(status=500, instance=instance)
        response = Response(body, status=500, content_type=PROBLEM_CONTENT_TYPE)
    else:
        status = exc.status_code
        if isinstance(exc, exceptions.ValidationError):
            body = problem_body(
                status=400,
                detail="Een of meer velden zijn ongeldig; zie invalidParams.",
                invalid_params=flatten_errors(exc.detail),
                instance=instance,
            )
        else:
            body = problem_body(status=status, detail=_dutch_detail(exc), instance=instance)
        response = Response(body, status=status, content_type=PROBLEM_CONTENT_TYPE)
        auth_header = getattr(exc, "auth_header", None)
        if auth_header:
            response["WWW-Authenticate"] = auth_header
        if (isinstance(exc, exceptions.Throttled) or status == 503) and _wait(exc):
            response["Retry-After"] = str(_wait(exc))
    # content_type survives DRF's content negotiation, so the header stays application/problem+json.
    return response
