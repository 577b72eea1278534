"""The KVO-B measures plan (add or change a measure) and the trajectory's documents (add, open)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from regie.access import ondermijning_access as door
from regie.access.policy import request_user, requires
from regie.core.html.form_view import handle_form
from regie.core.ids import uuid_or_404
from regie.ondermijning.forms import KvoDocumentForm, MeasureForm
from regie.ondermijning.models import KvoMeasure, KvoTrajectory
from regie.ondermijning.services import kvo_plan
from regie.ondermijning.views import HOME, crumbs


def _trajectory(request: HttpRequest, area_id: str) -> tuple[Any, KvoTrajectory]:
    user = request_user(request)
    area = door.get_area_for(user, area_id, log=False)
    trajectory = getattr(area, "kvo", None) if hasattr(area, "kvo") else None
    if trajectory is None:
        raise Http404
    if not door.may_manage_area(user, area):
        raise PermissionDenied
    return user, trajectory


def _page(
    request: HttpRequest, form: Any, status: int, trajectory: KvoTrajectory, title: str
) -> HttpResponse:
    area = trajectory.area
    back = f"{HOME}/gebieden/{area.pk}/kvo-b"
    return render(
        request,
        "ondermijning/form.html",
        {
            "form": form,
            "title": title,
            "button": "Opslaan",
            "back": back,
            "breadcrumbs": crumbs(
                {"label": area.name, "url": f"{HOME}/gebieden/{area.pk}"},
                {"label": "KVO-B", "url": back},
                {"label": title},
            ),
        },
        status=status,
    )


@requires("ondermijning.view")
def measure_page(request: HttpRequest, area_id: str, measure_id: str | None = None) -> HttpResponse:
    user, trajectory = _trajectory(request, area_id)
    measure: KvoMeasure | None = None
    if measure_id:
        measure = trajectory.measures.filter(pk=uuid_or_404(measure_id)).first()
        if measure is None:
            raise Http404
    initial = (
        {k: getattr(measure, k) for k in ("description", "owner", "due_on", "status")} if measure else {}
    )
    form = MeasureForm(request.POST if request.method == "POST" else None, initial=initial)
    return handle_form(
        request,
        form,
        action=lambda d: kvo_plan.kvo_measure_save(
            actor=user, trajectory=trajectory, measure=measure, request=request, **d
        ),
        render=lambda status: _page(
            request, form, status, trajectory, "Maatregel wijzigen" if measure else "Maatregel toevoegen"
        ),
        success_url=f"{HOME}/gebieden/{trajectory.area_id}/kvo-b#maatregelen",
        success_message="Het maatregelenplan is bijgewerkt.",
    )


@requires("ondermijning.view")
def document_new(request: HttpRequest, area_id: str) -> HttpResponse:
    user, trajectory = _trajectory(request, area_id)
    form = KvoDocumentForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    return handle_form(
        request,
        form,
        action=lambda d: kvo_plan.kvo_document_add(
            actor=user,
            trajectory=trajectory,
            title=d["title"],
            step=d["step"],
            filename=d["file"].name,
            content=d["file"],
            request=request,
        ),
        render=lambda status: _page(request, form, status, trajectory, "Document toevoegen"),
        success_url=f"{HOME}/gebieden/{trajectory.area_id}/kvo-b#documenten",
        success_message=lambda doc: f"Het document {doc.title} is toegevoegd.",
    )


@requires("ondermijning.view")  # type: ignore[arg-type]  # a FileResponse is a (streaming) response too
def document_open(request: HttpRequest, document_id: str) -> FileResponse:
    user = request_user(request)
    document = door.get_kvo_document_for(user, document_id, request=request)
    path = kvo_plan.kvo_document_path(document)
    if not path.exists():
        raise Http404
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=document.filename, content_type=document.content_type
    )
