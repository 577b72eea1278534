"""Middleware of the shared kernel: database outage answers, request size limits and security headers."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from regie.core.api.problems import problem_response
from regie.core.request_limits import Refusal, content_length_refusal

logger = logging.getLogger(__name__)

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def database_unavailable_response(request: HttpRequest) -> HttpResponse:
    """A Dutch 503 page, or problem+json under /api/, that does not touch the database."""
    if request.path.startswith("/api/"):
        return problem_response(
            status=503,
            title="Dienst tijdelijk niet beschikbaar",
            detail="De database is niet bereikbaar. Probeer het over enkele minuten opnieuw.",
        )
    html = render_to_string("errors/503.html", {"municipality_name": settings.REGIE_MUNICIPALITY_NAME})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = "30"
    return response


def refusal_response(request: HttpRequest, refusal: Refusal) -> HttpResponse:
    """A refused request: problem+json under /api/, otherwise the Dutch error page for its status (no database)."""
    if request.path.startswith("/api/"):
        return problem_response(
            status=refusal.status, title=refusal.title, detail=refusal.detail, instance=request.path
        )
    context = {
        "municipality_name": settings.REGIE_MUNICIPALITY_NAME,
        "demo_mode": settings.DEMO_MODE,
        "detail": refusal.detail,
    }
    return HttpResponse(render_to_string(f"errors/{refusal.status}.html", context), status=refusal.status)


class RequestSizeLimitMiddleware:
    """Refuses a body over REGIE_MAX_REQUEST_MB (413) or with an unreadable Content-Length (400) before it is read,
    so that neither memory nor the upload directory fills up with what would be refused anyway."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        refusal = content_length_refusal(request.META.get("CONTENT_LENGTH") or "")
        if refusal is not None:
            return refusal_response(request, refusal)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Content-Security-Policy without inline script, and no caching of pages with personal data."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", "camera=(self), geolocation=(self), microphone=()")
        if not request.path.startswith("/static/"):
            response.setdefault("Cache-Control", "no-store")
        return response
