"""Retention rules and destruction lists: the policy table, the lists through review, approval and destruction,
and the destruction certificate as CSV. Lists hold no personal data (case number, type, category, dates)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from regie.access.policy import has_permission, request_user, requires
from regie.core.html.form_view import handle_form
from regie.privacy.destruction import (
    destruction_item_exclude,
    destruction_list_approve,
    destruction_list_destroy,
    destruction_list_propose,
    destruction_list_review,
)
from regie.privacy.models import DestructionItem, DestructionList, RetentionRule
from regie.privacy.retention import retention_rule_set
from regie.privacy.retention_forms import DestroyForm, ExcludeForm, ListStepForm, RetentionRuleForm
from regie.processing_log.services import log_processing

RULES_URL = "/privacy/bewaartermijnen"
LISTS_URL = "/privacy/vernietigingslijsten"
LISTS = {"label": "Vernietigingslijsten", "url": LISTS_URL}


@requires("retention.configure")
@require_http_methods(["GET", "POST"])
def retention_rules_page(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = RetentionRuleForm(request.POST or None)
    return handle_form(
        request,
        form,
        action=lambda data: retention_rule_set(
            actor=user,
            case_type=data["case_type"],
            category_code=data["category_code"] or "",
            category_label=data["category_label"] or "",
            valuation=data["valuation"],
            term_years=data["term_years"],
            request=request,
        ),
        render=lambda status: render(
            request,
            "privacy/retention_rules.html",
            {
                "form": form,
                "rules": RetentionRule.objects.select_related("case_type"),
                "breadcrumbs": [{"label": "Bewaartermijnen"}],
            },
            status=status,
        ),
        success_url=RULES_URL,
        success_message=lambda rule: (
            f"De bewaarregel voor {rule.case_type.label} is vastgesteld (versie {rule.version})."
        ),
    )


@requires("destruction.handle")
@require_http_methods(["GET", "POST"])
def destruction_lists_page(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if not has_permission(request.user, "destruction.review"):
            raise PermissionDenied
        dlist = destruction_list_propose()
        if dlist is None:
            messages.info(request, "Er zijn geen records waarvan de bewaartermijn verstreken is.")
            return HttpResponseRedirect(LISTS_URL)
        messages.success(request, f"{dlist.name} is voorgesteld met {dlist.items.count()} record(s).")
        return HttpResponseRedirect(f"{LISTS_URL}/{dlist.pk}")
    return render(
        request,
        "privacy/destruction_lists.html",
        {
            "lists": DestructionList.objects.all(),
            "may_review": has_permission(request.user, "destruction.review"),
            "breadcrumbs": [{"label": "Vernietigingslijsten"}],
        },
    )


def _list(list_id: UUID) -> DestructionList:
    return get_object_or_404(
        DestructionList.objects.select_related("reviewed_by", "approved_by", "destroyed_by"), pk=list_id
    )


def _detail(request: HttpRequest, dlist: DestructionList, status: int = 200, **forms: Any) -> HttpResponse:
    context: dict[str, Any] = {
        "dlist": dlist,
        "items": dlist.items.all(),
        "step_form": ListStepForm(initial={"version": dlist.version}),
        "destroy_form": DestroyForm(),
        "exclude_form": None,
        "cooling_off_over": bool(dlist.destroy_after and timezone.now() >= dlist.destroy_after),
        "may_review": has_permission(request.user, "destruction.review"),
        "may_approve": has_permission(request.user, "destruction.approve"),
        "breadcrumbs": [LISTS, {"label": dlist.name}],
    }
    context.update(forms)
    return render(request, "privacy/destruction_list.html", context, status=status)


@requires("destruction.handle")
def destruction_list_page(request: HttpRequest, list_id: UUID) -> HttpResponse:
    return _detail(request, _list(list_id))


def _step(
    request: HttpRequest, list_id: UUID, service: Callable[..., DestructionList], message: str
) -> HttpResponse:
    user = request_user(request)
    dlist = _list(list_id)
    form = ListStepForm(request.POST)
    return handle_form(
        request,
        form,
        action=lambda data: service(actor=user, dlist=dlist, version=data.get("version"), request=request),
        render=lambda status: _detail(request, _list(list_id), status, step_form=form),
        success_url=f"{LISTS_URL}/{dlist.pk}",
        success_message=message,
    )


@requires("destruction.review")
@require_http_methods(["POST"])
def destruction_list_review_view(request: HttpRequest, list_id: UUID) -> HttpResponse:
    return _step(
        request, list_id, destruction_list_review, "De lijst is beoordeeld en ligt bij de archivaris."
    )


@requires("destruction.approve")
@require_http_methods(["POST"])
def destruction_list_approve_view(request: HttpRequest, list_id: UUID) -> HttpResponse:
    return _step(
        request,
        list_id,
        destruction_list_approve,
        "De lijst is goedgekeurd; de bedenktijd van 7 dagen loopt.",
    )


@requires("destruction.review")
@require_http_methods(["POST"])
def destruction_item_exclude_view(request: HttpRequest, list_id: UUID) -> HttpResponse:
    user = request_user(request)
    dlist = _list(list_id)
    form = ExcludeForm(request.POST)

    def exclude(data: dict[str, Any]) -> DestructionItem:
        item = dlist.items.filter(pk=data["item"]).first()
        if item is None:
            raise Http404
        return destruction_item_exclude(actor=user, item=item, reason=data["reason"], request=request)

    return handle_form(
        request,
        form,
        action=exclude,
        render=lambda status: _detail(request, _list(list_id), status, exclude_form=form),
        success_url=f"{LISTS_URL}/{dlist.pk}",
        success_message=lambda item: f"Casus {item.case_number} wordt niet vernietigd.",
    )


@requires("destruction.review")
@require_http_methods(["POST"])
def destruction_list_destroy_view(request: HttpRequest, list_id: UUID) -> HttpResponse:
    user = request_user(request)
    dlist = _list(list_id)
    form = DestroyForm(request.POST)
    return handle_form(
        request,
        form,
        action=lambda data: destruction_list_destroy(
            actor=user, dlist=dlist, confirm_name=data["confirm_name"], request=request
        ),
        render=lambda status: _detail(request, _list(list_id), status, destroy_form=form),
        success_url=f"{LISTS_URL}/{dlist.pk}",
        success_message=lambda done: f"{done.name} is vernietigd; de vernietigingsverklaring staat klaar.",
    )


CERTIFICATE_COLUMNS = [
    "lijst",
    "casusnummer",
    "casustype",
    "categorie Selectielijst",
    "termijn (jaren)",
    "gesloten op",
    "termijn verstreken op",
    "vernietigd op",
    "uitgezonderd (reden)",
]


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet will not read as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@requires("destruction.handle")
def destruction_certificate_csv(request: HttpRequest, list_id: UUID) -> HttpResponse:
    """The list and its certificate as CSV: what was destroyed, under which rule, by whom approved; no contents."""
    user = request_user(request)
    dlist = _list(list_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="vernietigingsverklaring-{dlist.created_at:%Y%m%d}.csv"'
    )
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["Vernietigingsverklaring", dlist.name, dlist.get_status_display()])
    for label, who, when in (
        ("Beoordeeld door", dlist.reviewed_by, dlist.reviewed_at),
        ("Goedgekeurd door (archivaris)", dlist.approved_by, dlist.approved_at),
        ("Vernietigd door", dlist.destroyed_by, dlist.destroyed_at),
    ):
        moment = f"{timezone.localtime(when):%Y-%m-%d %H:%M}" if when else ""
        writer.writerow([label, who.get_full_name() if who else "", moment])
    writer.writerow([])
    writer.writerow(CERTIFICATE_COLUMNS)
    for item in dlist.items.all():
        destroyed = f"{timezone.localtime(item.destroyed_at):%Y-%m-%d %H:%M}" if item.destroyed_at else ""
        row = [
            dlist.name,
            item.case_number,
            item.case_type_label,
            item.category_code,
            item.term_years,
            item.closed_on.isoformat(),
            item.expired_on.isoformat(),
            destroyed,
            item.excluded_reason,
        ]
        writer.writerow([_cell(value) for value in row])
    log_processing(
        action="destruction_list.exported",
        actor=user,
        request=request,
        object_type="destruction_list",
        object_id=dlist.pk,
        details={"name": dlist.name},
    )
    return response
