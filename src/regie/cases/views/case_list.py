"""Mijn casussen: the cases a user may see, soonest deadline first, filtered and paged in constant queries."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regie.access.case_access import cases_visible_to
from regie.access.policy import has_permission, request_user, requires
from regie.accounts.models import Role
from regie.cases.forms.case import STATUS_ALL, CaseFilterForm
from regie.cases.models import Case, CaseStatus

PAGE_SIZE = 25


def _coordinator_choices(visible: QuerySet[Case]) -> list[tuple[int, str]]:
    """The coordinators of the visible cases (one query), by surname."""
    rows = (
        visible.order_by()
        .values_list(
            "coordinator_id", "coordinator__first_name", "coordinator__last_name", "coordinator__username"
        )
        .distinct()
    )
    people = sorted(rows, key=lambda r: (r[2].lower(), r[1].lower()))
    return [(pk, f"{first} {last}".strip() or username) for pk, first, last, username in people]


def _filtered(visible: QuerySet[Case], data: dict[str, Any]) -> QuerySet[Case]:
    qs = visible.select_related("case_type", "coordinator")
    if data.get("casustype") is not None:
        qs = qs.filter(case_type=data["casustype"])
    status = data.get("status") or ""
    if status == "":
        qs = qs.exclude(status=CaseStatus.CLOSED)
    elif status != STATUS_ALL:
        qs = qs.filter(status=status)
    if data.get("coordinator") is not None:
        qs = qs.filter(coordinator_id=data["coordinator"])
    return qs.order_by(F("next_deadline").asc(nulls_last=True), "number")


@requires("cases.view")
def case_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    visible = cases_visible_to(user)
    form = CaseFilterForm(request.GET, coordinators=_coordinator_choices(visible))
    page = None
    status = 200
    filtered = False
    if form.is_valid():
        data = form.cleaned_data
        filtered = any(data.get(k) not in (None, "") for k in ("casustype", "status", "coordinator"))
        page = Paginator(_filtered(visible, data), PAGE_SIZE).get_page(request.GET.get("pagina"))
    else:
        status = 400
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "cases/case_list.html",
        {
            "form": form,
            "page": page,
            "filtered": filtered,
            "query": query.urlencode(),
            "may_create": has_permission(user, "cases.create"),
            "is_partner": user.role == Role.PARTNER,
            "breadcrumbs": [{"label": "Casussen"}],
        },
        status=status,
    )
