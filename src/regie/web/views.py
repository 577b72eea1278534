"""Shell pages: start page per role, accessibility statement, health check, error pages."""

from __future__ import annotations

import sys
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from regie.core.api.problems import problem_response
from regie.core.middleware import database_unavailable_response, refusal_response
from regie.core.request_limits import refusal_for
from regie.processing_log.partitions import default_partition_in_use
from regie.processing_log.services import oldest_unsealed
from regie.web.start import INTRO, panels_for


@login_required
def start_page(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    return render(
        request,
        "web/start.html",
        {
            "intro": INTRO.get(user.role, ""),
            "panels": panels_for(user, request),
            "breadcrumbs": [],
        },
    )


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "web/toegankelijkheid.html", {"breadcrumbs": [{"label": "Toegankelijkheid"}]})


def healthz(request: HttpRequest) -> JsonResponse:
    """200 with database ok, or 503 naming why the database is not reachable."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except OperationalError as exc:
        connection.close()
        reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else "geen verbinding"
        return JsonResponse({"status": "error", "database": "unavailable", "reason": reason}, status=503)
    # The sealer must keep up (decision 0015). A log it left behind is an alarm for operations, not a reason for
    # a load balancer to drop this web process (every process sees the same log): 200 with status "alarm".
    waiting_since = oldest_unsealed()
    if waiting_since is not None and timezone.now() - waiting_since > timedelta(
        minutes=settings.REGIE_LOG_SEAL_ALARM_MINUTES
    ):
        return JsonResponse(
            {
                "status": "alarm",
                "database": "ok",
                "processingLog": "niet verzegeld",
                "reason": f"logregels wachten sinds {waiting_since.isoformat()} op verzegeling: draait de worker?",
            }
        )
    if default_partition_in_use():  # decision 0017: the log still works, but a month has no partition of its own
        return JsonResponse(
            {
                "status": "alarm",
                "database": "ok",
                "processingLog": "standaardpartitie in gebruik",
                "reason": (
                    "er staan logregels in de standaardpartitie: een maand had geen eigen partitie. Draait de "
                    "nachtelijke taak? Zie 'regie audit partitions' en docs/operations.md."
                ),
            }
        )
    return JsonResponse({"status": "ok", "database": "ok", "processingLog": "ok"})


def _error(request: HttpRequest, status: int, template: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_response(status=status, instance=request.path)
    try:
        return render(request, template, {"breadcrumbs": []}, status=status)
    except Exception:
        # The shell context needs the database; when that fails, render without it.
        html = render_to_string(
            template, {"municipality_name": settings.REGIE_MUNICIPALITY_NAME, "demo_mode": settings.DEMO_MODE}
        )
        return HttpResponse(html, status=status)


def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's answer to a SuspiciousOperation; a body over the size or part limits gets its own 413 or 400."""
    refusal = refusal_for(exception)
    if refusal is not None:
        return refusal_response(request, refusal)
    return _error(request, 400, "errors/400.html")


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403, "errors/403.html")


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404, "errors/404.html")


def error_500(request: HttpRequest) -> HttpResponse:
    """Unhandled errors; a lost database (anywhere in the middleware chain) becomes a Dutch 503 instead."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable_response(request)
    if request.path.startswith("/api/"):
        return problem_response(status=500, instance=request.path)
    html = render_to_string(
        "errors/500.html",
        {"municipality_name": settings.REGIE_MUNICIPALITY_NAME, "demo_mode": settings.DEMO_MODE},
    )
    return HttpResponse(html, status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_response(
            status=403, detail="CSRF-controle mislukt: ververs de pagina en probeer opnieuw."
        )
    return render(request, "errors/403.html", {"csrf": True, "breadcrumbs": []}, status=403)
