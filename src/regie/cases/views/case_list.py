"""Mijn casussen: the cases a user may see, soonest deadline first, filtered and paged in constant queries."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page
from django.db.models import F, QuerySet
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from regie.access.case_access import cases_visible_to
from regie.access.policy import has_permission, request_user, requires
from regie.access.subject_access import log_read
from regie.accounts.models import Role, User
from regie.cases.forms.case import STATUS_ALL, CaseFilterForm
from regie.cases.models import Case, CaseStatus
from regie.cases.services.case import NO_COORDINATOR_ROLES
from regie.core.paging import WindowCountPaginator

PAGE_SIZE = 25


def _coordinator_choices(user: Any) -> list[tuple[int, str]]:
    """Everyone in the user's municipality who can coordinate a case, by surname: one small query on the users,
    not a pass over every visible case (decision 0004)."""
    if user.organisation_id is None:
        return []
    people = (
        User.objects.filter(is_active=True, organisation__municipality_id=user.organisation.municipality_id)
        .exclude(role__in=NO_COORDINATOR_ROLES)
        .order_by(Lower("last_name"), Lower("first_name"), "username")
        .values_list("pk", "first_name", "last_name", "username")
    )
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


def case_list_page(user: Any, params: QueryDict) -> tuple[CaseFilterForm, Page[Case] | None]:
    """The filter form and the requested page of "mijn casussen" in two queries: the
    coordinators for the filter (from the users, not the cases), and the page with the filtered total as a window
    count in the same pass over the visible cases."""
    visible = cases_visible_to(user)
    form = CaseFilterForm(params, coordinators=_coordinator_choices(user))
    if not form.is_valid():
        return form, None
    paginator = WindowCountPaginator(_filtered(visible, form.cleaned_data), PAGE_SIZE)
    return form, paginator.get_page(params.get("pagina"))


@requires("cases.view")
def case_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form, page = case_list_page(user, request.GET)
    status = 400 if page is None else 200
    if page is not None:  # case titles name persons and addresses: the page is a read of each case on it
        log_read(
            user,
            action="case.listed",
            request=request,
            object_type="case",
            case_ids=[c.pk for c in page],
            details={"cases": [c.number for c in page]},
        )
    filtered = page is not None and any(
        form.cleaned_data.get(k) not in (None, "") for k in ("casustype", "status", "coordinator")
    )
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
