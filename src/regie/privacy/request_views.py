"""Requests of data subjects: the officer's work list, finding the person, and the access export (HTML and JSON)."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from regie.access import privacy_access
from regie.access.policy import request_user, requires
from regie.core.html.form_view import handle_form
from regie.privacy.export import access_export
from regie.privacy.forms import CompleteForm, ExtendForm, PersonSearchForm, RequestCreateForm, WithholdingForm
from regie.privacy.models import DataSubjectRequest, RequestKind
from regie.privacy.rights import rights_request_create, withholding_record
from regie.privacy.rights_views import rights_detail
from regie.privacy.services import (
    PURPOSE,
    data_subject_request_complete,
    data_subject_request_create,
    data_subject_request_extend,
)
from regie.processing_log.services import log_processing

URL = "/privacy/verzoeken"
CRUMB = {"label": "Verzoeken van betrokkenen", "url": URL}


@requires("data_subject_requests.handle")
def request_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    requests = list(privacy_access.requests_for(user))
    log_processing(
        action="data_subject_request.list_viewed",
        actor=user,
        request=request,
        object_type="data_subject_request",
        persons=[r.person_id for r in requests],
        purpose=PURPOSE,
    )
    today = timezone.localdate()
    return render(
        request,
        "privacy/requests.html",
        {
            "open": [r for r in requests if r.status == "open"],
            "done": [r for r in requests if r.status != "open"],
            "today": today,
            "search_form": PersonSearchForm(),
            "breadcrumbs": [{"label": "Verzoeken van betrokkenen"}],
        },
    )


@requires("data_subject_requests.handle")
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    """Find the data subject (GET with name, BSN and/or birth date), then register the request (POST)."""
    user = request_user(request)
    search = PersonSearchForm(request.GET or None)
    found = None
    status = 200
    if request.GET:
        if search.is_valid():
            found = privacy_access.find_persons(
                user,
                name=search.cleaned_data["naam"],
                bsn=search.cleaned_data["bsn"],
                birth_date=search.cleaned_data["geboortedatum"],
                request=request,
            )
        else:
            status = 400
    posted = str(request.POST.get("person", ""))[:8]
    form = RequestCreateForm(request.POST or None, auto_id=f"id_{posted}_%s")

    def create(data: dict[str, Any]) -> DataSubjectRequest:
        person = privacy_access.person_for_request(user, data["person"])
        if data["kind"] and data["kind"] != RequestKind.ACCESS:
            return rights_request_create(
                actor=user,
                person=person,
                kind=data["kind"],
                received_on=data["received_on"],
                identity_check=data["identity_check"],
                subject_matter=data["subject_matter"],
                rectify_field=data["rectify_field"],
                rectify_value=data["rectify_value"],
                request=request,
            )
        return data_subject_request_create(
            actor=user,
            person=person,
            received_on=data["received_on"],
            identity_check=data["identity_check"],
            request=request,
        )

    def page(code: int) -> HttpResponse:
        return render(
            request,
            "privacy/request_new.html",
            {
                "search_form": search,
                "found": _person_forms(found, form, posted),
                "form": form,
                "breadcrumbs": [CRUMB, {"label": "Nieuw verzoek"}],
            },
            status=status if code == 200 else code,
        )

    return handle_form(
        request,
        form,
        action=create,
        render=page,
        success_url=lambda dsr: f"{URL}/{dsr.pk}",
        success_message=lambda dsr: (
            f"Verzoek {dsr.reference} is geregistreerd; uiterste datum {dsr.deadline:%d-%m-%Y}."
        ),
    )


def _person_forms(
    found: list[Any] | None, bound: RequestCreateForm, posted: str
) -> list[tuple[Any, RequestCreateForm]] | None:
    """One registration form per person found, each with its own field ids; the posted one keeps its errors."""
    if found is None:
        return None
    today = timezone.localdate()
    return [
        (
            person,
            bound
            if bound.is_bound and str(person.pk)[:8] == posted
            else RequestCreateForm(initial={"received_on": today}, auto_id=f"id_{str(person.pk)[:8]}_%s"),
        )
        for person in found
    ]


def _export_read(request: HttpRequest, request_id: str, action: str) -> tuple[Any, DataSubjectRequest, Any]:
    user = request_user(request)
    dsr = privacy_access.request_for(user, request_id)
    export = access_export(user, dsr)
    log_processing(
        action=action,
        actor=user,
        request=request,
        object_type="data_subject_request",
        object_id=dsr.pk,
        persons=[dsr.person_id],
        purpose=PURPOSE,
        details={"reference": dsr.reference, "consultations": len(export.consultations)},
    )
    return user, dsr, export


@requires("data_subject_requests.handle")
def request_detail(request: HttpRequest, request_id: str) -> HttpResponse:
    user = request_user(request)
    if privacy_access.request_for(user, request_id).kind != RequestKind.ACCESS:
        return rights_detail(request, privacy_access.request_for(user, request_id))
    _, dsr, export = _export_read(request, request_id, "data_subject_request.viewed")
    return render(
        request,
        "privacy/request_detail.html",
        {
            "dsr": dsr,
            "export": export,
            "withhold_form": WithholdingForm(items=export.withholdable_items),
            "extend_form": ExtendForm(initial={"version": dsr.version}),
            "complete_form": CompleteForm(initial={"version": dsr.version}),
            "today": timezone.localdate(),
            "breadcrumbs": [CRUMB, {"label": dsr.reference}],
        },
    )


@requires("data_subject_requests.handle")
def request_export_json(request: HttpRequest, request_id: str) -> HttpResponse:
    _, dsr, export = _export_read(request, request_id, "data_subject_request.exported")
    response = HttpResponse(
        json.dumps(export.as_json(), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="inzage-{dsr.reference}.json"'
    return response


@requires("data_subject_requests.handle")
@require_http_methods(["POST"])
def request_extend(request: HttpRequest, request_id: str) -> HttpResponse:
    user = request_user(request)
    dsr = privacy_access.request_for(user, request_id)
    form = ExtendForm(request.POST)
    return handle_form(
        request,
        form,
        action=lambda data: data_subject_request_extend(
            actor=user,
            dsr=dsr,
            months=data["months"],
            reason=data["reason"],
            version=data.get("version"),
            request=request,
        ),
        render=lambda status: _detail_again(request, dsr, status, extend_form=form),
        success_url=f"{URL}/{dsr.pk}",
        success_message=lambda d: f"De termijn is verlengd tot {d.extended_to:%d-%m-%Y}.",
    )


@requires("data_subject_requests.handle")
@require_http_methods(["POST"])
def request_complete(request: HttpRequest, request_id: str) -> HttpResponse:
    user = request_user(request)
    dsr = privacy_access.request_for(user, request_id)
    form = CompleteForm(request.POST)
    return handle_form(
        request,
        form,
        action=lambda data: data_subject_request_complete(
            actor=user, dsr=dsr, version=data.get("version"), request=request
        ),
        render=lambda status: _detail_again(request, dsr, status, complete_form=form),
        success_url=URL,
        success_message=lambda d: f"Verzoek {d.reference} is afgehandeld.",
    )


def _detail_again(request: HttpRequest, dsr: DataSubjectRequest, status: int, **forms: Any) -> HttpResponse:
    """The request page with a refused form's errors (the export is read and logged again)."""
    if dsr.kind != RequestKind.ACCESS:
        return rights_detail(request, dsr, status, **forms)
    _, dsr, export = _export_read(request, str(dsr.pk), "data_subject_request.viewed")
    context = {
        "dsr": dsr,
        "export": export,
        "withhold_form": WithholdingForm(items=export.withholdable_items),
        "extend_form": ExtendForm(initial={"version": dsr.version}),
        "complete_form": CompleteForm(initial={"version": dsr.version}),
        "today": timezone.localdate(),
        "breadcrumbs": [CRUMB, {"label": dsr.reference}],
    }
    context.update(forms)
    return render(request, "privacy/request_detail.html", context, status=status)


@requires("data_subject_requests.handle")
@require_http_methods(["POST"])
def request_withhold(request: HttpRequest, request_id: str) -> HttpResponse:
    """Hold one part of the access export back on a legal ground; the officer approves it by recording it."""
    user = request_user(request)
    dsr = privacy_access.request_for(user, request_id)
    items = access_export(user, dsr).withholdable_items
    form = WithholdingForm(request.POST, items=items)
    return handle_form(
        request,
        form,
        action=lambda data: withholding_record(
            actor=user,
            dsr=dsr,
            item=data["item"],
            items=items,
            ground=data["ground"],
            explanation=data["explanation"],
            request=request,
        ),
        render=lambda status: _detail_again(request, dsr, status, withhold_form=form),
        success_url=f"{URL}/{dsr.pk}",
        success_message=lambda w: f"{w.item_label} wordt achtergehouden ({w.get_ground_display()}).",
    )
