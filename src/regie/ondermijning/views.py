"""The ondermijning pages for areas and the risk picture (thin edges: parse, fetch through the door, call one
service, render)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from regie.access import ondermijning_access as door
from regie.access.policy import request_user, requires
from regie.core.html.form_view import handle_form
from regie.ondermijning.forms import AreaForm, SiteForm
from regie.ondermijning.geometry import point_of, svg_path, svg_projection
from regie.ondermijning.models import AreaLocation
from regie.ondermijning.selectors import risk_band, site_rows
from regie.ondermijning.services import areas, risks

HOME = "/ondermijning"


def posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def crumbs(*extra: dict[str, str]) -> list[dict[str, str]]:
    return [{"label": "Ondermijning", "url": HOME}, *extra]


@requires("ondermijning.awareness")
def home(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    return render(
        request,
        "ondermijning/home.html",
        {
            "areas": door.areas_visible_to(user).select_related("kvo") if door.is_team(user) else [],
            "inspections": door.inspections_visible_to(user).select_related("area")[:20],
            "team": door.is_team(user),
            "may_manage": door.may_manage(user),
            "breadcrumbs": [{"label": "Ondermijning"}],
        },
    )


@requires("ondermijning.view")
def area_new(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not door.may_manage(user):
        raise PermissionDenied
    form = AreaForm(posted(request))
    return handle_form(
        request,
        form,
        action=lambda d: areas.area_create(
            actor=user,
            name=d["name"],
            kind=d["kind"],
            geometry=d["geometry"],
            contacts=d["contacts"],
            request=request,
        ),
        render=lambda status: render(
            request,
            "ondermijning/area_form.html",
            {"form": form, "breadcrumbs": crumbs({"label": "Nieuw gebied"})},
            status=status,
        ),
        success_url=lambda area: f"{HOME}/gebieden/{area.pk}",
        success_message=lambda area: f"Het gebied {area.name} is geregistreerd.",
    )


def _map(area: Any, rows: list[AreaLocation]) -> dict[str, Any]:
    width, height, project = svg_projection(area.outline.geometry)
    shapes = []
    for site in rows:
        score = site.risk.score if hasattr(site, "risk") else None
        band, label = risk_band(score)
        geometry = site.location.geometry
        point = point_of(geometry)
        if point is None:
            continue
        x, y = project(point)
        shapes.append(
            {
                "site": site,
                "band": band,
                "label": label,
                "score": score,
                "path": svg_path(geometry, project) if (geometry or {}).get("type") != "Point" else "",
                "x": x,
                "y": y,
            }
        )
    return {
        "width": width,
        "height": height,
        "outline": svg_path(area.outline.geometry, project),
        "shapes": shapes,
    }


@requires("ondermijning.view")
def area_detail(request: HttpRequest, area_id: str) -> HttpResponse:
    user = request_user(request)
    area = door.get_area_for(user, area_id, request=request)
    rows = site_rows(door.sites_visible_to(user).filter(area=area))
    for site in rows:
        site.band = risk_band(site.risk.score if hasattr(site, "risk") else None)  # type: ignore[attr-defined]
    return render(
        request,
        "ondermijning/area.html",
        {
            "area": area,
            "rows": rows,
            "map": _map(area, rows),
            "kvo": getattr(area, "kvo", None),
            "inspections": area.inspections.all()[:10],
            "may_manage": door.may_manage(user),
            "may_plan": door.may_plan(user),
            "breadcrumbs": crumbs({"label": area.name}),
        },
    )


@requires("ondermijning.view")
def site_new(request: HttpRequest, area_id: str) -> HttpResponse:
    user = request_user(request)
    area = door.get_area_for(user, area_id, log=False)
    if not door.may_manage(user):
        raise PermissionDenied
    form = SiteForm(posted(request))
    return handle_form(
        request,
        form,
        action=lambda d: areas.area_location_add(
            actor=user, area=area, name=d["name"], kind=d["kind"], geometry=d["geometry"], request=request
        ),
        render=lambda status: render(
            request,
            "ondermijning/site_form.html",
            {
                "form": form,
                "area": area,
                "breadcrumbs": crumbs(
                    {"label": area.name, "url": f"{HOME}/gebieden/{area.pk}"}, {"label": "Nieuwe locatie"}
                ),
            },
            status=status,
        ),
        success_url=f"{HOME}/gebieden/{area.pk}",
        success_message=lambda site: f"De locatie {site.location.name} is toegevoegd.",
    )


@requires("ondermijning.view")
def site_detail(request: HttpRequest, site_id: str) -> HttpResponse:
    user = request_user(request)
    site = door.get_site_for(user, site_id, request=request)
    network = door.network_of(user, site, request=request)
    risk = getattr(site, "risk", None) if hasattr(site, "risk") else None
    return render(
        request,
        "ondermijning/site.html",
        {
            "site": site,
            "risk": risk,
            "band": risk_band(risk.score if risk else None),
            "network": network,
            "breadcrumbs": crumbs(
                {"label": site.area.name, "url": f"{HOME}/gebieden/{site.area_id}"},
                {"label": site.location.name},
            ),
        },
    )


@requires("ondermijning.view")
@require_POST
def risks_recompute(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not door.may_manage(user):
        raise PermissionDenied
    count = risks.location_risks_compute(actor=user, request=request)
    messages.success(request, f"De risicoscores van {count} locaties zijn opnieuw berekend.")
    back = request.POST.get("terug", "")
    return redirect(back if back.startswith(f"{HOME}/gebieden/") else HOME)
