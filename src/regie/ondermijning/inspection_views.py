"""Integral inspection pages: plan a day, the day's locations, the checklist per location (phone), and a finding's
follow-up as a signal."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from regie.access import ondermijning_access as door
from regie.access.policy import request_user, requires
from regie.accounts.models import Organisation, OrganisationKind
from regie.core.html.form_view import handle_form
from regie.ondermijning import catalogue
from regie.ondermijning.forms import FindingForm, InspectionPlanForm
from regie.ondermijning.models import Finding
from regie.ondermijning.services import inspections
from regie.ondermijning.views import HOME, crumbs, posted


@requires("ondermijning.view")
def inspection_new(request: HttpRequest, area_id: str) -> HttpResponse:
    user = request_user(request)
    area = door.get_area_for(user, area_id, log=False)
    if not door.may_plan(user):
        raise PermissionDenied
    partners = Organisation.objects.filter(
        municipality_id=area.municipality_id, kind=OrganisationKind.PARTNER, active=True
    )
    form = InspectionPlanForm(posted(request), partners=partners)
    return handle_form(
        request,
        form,
        action=lambda d: inspections.integral_inspection_plan(
            actor=user,
            area=area,
            planned_on=d["planned_on"],
            partners=list(d["partners"]),
            size=d["size"],
            random_share=d["random_share"],
            note=d["note"],
            request=request,
        ),
        render=lambda status: render(
            request,
            "ondermijning/inspection_form.html",
            {
                "form": form,
                "area": area,
                "breadcrumbs": crumbs(
                    {"label": area.name, "url": f"{HOME}/gebieden/{area.pk}"}, {"label": "Controle plannen"}
                ),
            },
            status=status,
        ),
        success_url=lambda i: f"{HOME}/controles/{i.pk}",
        success_message=lambda i: f"De integrale controle is gepland met {i.sites.count()} locaties.",
    )


@requires("ondermijning.view")
def inspection_detail(request: HttpRequest, inspection_id: str) -> HttpResponse:
    user = request_user(request)
    inspection = door.get_inspection_for(user, inspection_id, request=request)
    findings = door.findings_visible_to(user, inspection).select_related("partner")
    by_site: dict[object, list[Finding]] = {}
    for finding in findings:
        finding.labels = [catalogue.indicator_label(c) for c in finding.indicators]  # type: ignore[attr-defined]
        by_site.setdefault(finding.inspection_site_id, []).append(finding)
    sites = list(inspection.sites.select_related("site", "site__location"))
    for item in sites:
        item.found = by_site.get(item.pk, [])  # type: ignore[attr-defined]
        item.mine = any(f.partner_id == user.organisation_id for f in item.found)  # type: ignore[attr-defined]
    return render(
        request,
        "ondermijning/inspection.html",
        {
            "inspection": inspection,
            "partners": inspection.partners.all(),
            "sites": sites,
            "team": door.is_team(user),
            "may_record": door.may_record_finding(user, inspection),
            "breadcrumbs": crumbs(
                {"label": f"Controle {inspection.area.name}"},
            ),
        },
    )


@requires("ondermijning.view")
def checklist(request: HttpRequest, inspection_id: str, site_id: str) -> HttpResponse:
    user = request_user(request)
    inspection = door.get_inspection_for(user, inspection_id, request=request)
    if not door.may_record_finding(user, inspection):
        raise PermissionDenied
    item = door.get_inspection_site_for(user, inspection, site_id)
    form = FindingForm(posted(request), kind=item.site.kind)
    back = f"{HOME}/controles/{inspection.pk}"
    return handle_form(
        request,
        form,
        action=lambda d: inspections.finding_record(
            actor=user,
            inspection_site=item,
            indicators=d["indicators"],
            text=d["text"],
            follow_up_needed=d["follow_up_needed"],
            request=request,
        ),
        render=lambda status: render(
            request,
            "ondermijning/checklist.html",
            {
                "form": form,
                "inspection": inspection,
                "item": item,
                "breadcrumbs": crumbs(
                    {"label": f"Controle {inspection.area.name}", "url": back},
                    {"label": item.site.location.name},
                ),
            },
            status=status,
        ),
        success_url=back,
        success_message=lambda f: (
            f"De bevindingen van {f.partner} bij {item.site.location.name} zijn opgeslagen."
        ),
    )


@requires("ondermijning.view")
@require_POST
def finding_signal(request: HttpRequest, finding_id: str) -> HttpResponse:
    user = request_user(request)
    finding = door.get_finding_for(user, finding_id)
    inspection = finding.inspection_site.inspection
    reference = inspections.finding_start_signal(actor=user, finding=finding, request=request)
    messages.success(request, f"Signaal {reference} staat in de triage.")
    return redirect(f"{HOME}/controles/{inspection.pk}")
