"""The KVO-B page of an estate: start the trajectory, record its steps and its certificate."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regie.access import ondermijning_access as door
from regie.access.policy import request_user, requires
from regie.core.html.form_view import handle_form
from regie.ondermijning.forms import KvoCertifyForm, KvoStartForm, KvoStepForm
from regie.ondermijning.models import KvoStep
from regie.ondermijning.services import kvo
from regie.ondermijning.views import HOME, crumbs

FORMS: dict[str, type[forms.Form]] = {
    "start": KvoStartForm,
    "stap": KvoStepForm,
    "certificaat": KvoCertifyForm,
}


@requires("ondermijning.view")
def kvo_page(request: HttpRequest, area_id: str) -> HttpResponse:
    user = request_user(request)
    area = door.get_area_for(user, area_id, log=False)
    trajectory = getattr(area, "kvo", None) if hasattr(area, "kvo") else None
    which = request.POST.get("wat", "") if request.method == "POST" else ""
    if request.method == "POST" and (not door.may_manage(user) or which not in FORMS):
        raise PermissionDenied
    if which in ("stap", "certificaat") and trajectory is None:
        raise PermissionDenied
    bound = {name: cls(request.POST if name == which else None) for name, cls in FORMS.items()}
    url = f"{HOME}/gebieden/{area.pk}/kvo-b"

    def action(data: dict[str, Any]) -> object:
        if which == "start":
            return kvo.kvo_start(actor=user, area=area, started_on=data["started_on"], request=request)
        if which == "stap":
            return kvo.kvo_step_record(
                actor=user,
                trajectory=trajectory,  # type: ignore[arg-type]
                step=data["step"],
                done_on=data["done_on"],
                note=data["note"],
                request=request,
            )
        return kvo.kvo_certify(
            actor=user,
            trajectory=trajectory,  # type: ignore[arg-type]
            certified_on=data["certified_on"],
            expires_on=data["expires_on"],
            request=request,
        )

    done = {r.step: r for r in trajectory.steps.all()} if trajectory else {}
    steps = [{"step": s, "record": done.get(s.value)} for s in KvoStep]
    return handle_form(
        request,
        bound.get(which) or bound["start"],
        action=action,
        render=lambda status: render(
            request,
            "ondermijning/kvo.html",
            {
                "area": area,
                "trajectory": trajectory,
                "steps": steps,
                "reminders": kvo.kvo_reminders(trajectory) if trajectory else [],
                "measures": list(trajectory.measures.all()) if trajectory else [],
                "documents": list(trajectory.documents.all()) if trajectory else [],
                "forms": bound,
                "may_manage": door.may_manage(user),
                "breadcrumbs": crumbs(
                    {"label": area.name, "url": f"{HOME}/gebieden/{area.pk}"}, {"label": "KVO-B"}
                ),
            },
            status=status,
        ),
        success_url=url,
        success_message="Het KVO-B-traject is bijgewerkt.",
    )
