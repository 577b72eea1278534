"""Importing lots: the upload (checked here, imported by a background job) and the status page of one run."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from regie.access import park_access
from regie.accounts.models import User
from regie.core.html.form_view import handle_form
from regie.core.ids import uuid_or_404
from regie.park.models import ImportStatus, LotImport, Park
from regie.park.services import import_runs, imports
from regie.park.views import _crumbs, _park_or_403, _user, signed_in

RECENT_RUNS = 10


def _importable_park(user: User, park_id: str) -> Park:
    """The park, for a user who may import lots on it (project leader, inspector); 403 or 404 otherwise."""
    park = _park_or_403(user, park_id)
    if not park_access.may_plan_rounds(user):
        raise PermissionDenied
    return park


@signed_in
def lot_import(request: HttpRequest, park_id: str) -> HttpResponse:
    user = _user(request)
    park = _importable_park(user, park_id)
    form = Form(request.POST if request.method == "POST" else None)  # the file comes as-is; no fields

    def start(data: dict[str, Any]) -> LotImport:
        upload = request.FILES.get("bestand")
        if upload is None:
            raise ValidationError("Kies een CSV- of GeoJSON-bestand.")
        if upload.size and upload.size > import_runs.upload_limit_bytes():
            raise ValidationError(f"Het bestand is groter dan {settings.REGIE_MAX_UPLOAD_MB} MB.")
        return import_runs.lot_import_start(
            actor=user, park=park, filename=upload.name or "", content=upload.read(), request=request
        )

    return handle_form(
        request,
        form,
        action=start,
        render=lambda _status: _import_page(request, park, " ".join(map(str, form.non_field_errors()))),
        success_url=lambda run: f"/vakantiepark/{park.pk}/import/{run.pk}",
    )


def _import_page(request: HttpRequest, park: Park, error: str) -> HttpResponse:
    return render(
        request,
        "park/import.html",
        {
            "park": park,
            "error": error,
            "columns": ";".join(imports.CSV_COLUMNS),
            "limit_mb": settings.REGIE_MAX_UPLOAD_MB,
            "max_rows": imports.MAX_ROWS,
            "runs": LotImport.objects.filter(park=park)
            .select_related("uploaded_by")
            .defer("content")[:RECENT_RUNS],
            "breadcrumbs": _crumbs(park, {"label": "Kavels importeren"}),
        },
    )


@signed_in
def lot_import_run(request: HttpRequest, park_id: str, run_id: str) -> HttpResponse:
    """The progress and row report of one run; the page refreshes itself (static JS) until the run is finished."""
    user = _user(request)
    park = _importable_park(user, park_id)
    run = (
        LotImport.objects.filter(park=park, pk=uuid_or_404(run_id))
        .select_related("uploaded_by")
        .defer("content")
        .first()
    )
    if run is None:
        raise Http404
    url = f"/vakantiepark/{park.pk}/import/{run.pk}"
    return render(
        request,
        "park/import_run.html",
        {
            "park": park,
            "run": run,
            "url": url,
            "refused": len(run.errors),
            "status_label": ImportStatus(run.status).label,
            "breadcrumbs": _crumbs(
                park,
                {"label": "Kavels importeren", "url": f"/vakantiepark/{park.pk}/import"},
                {"label": run.filename},
            ),
        },
    )
