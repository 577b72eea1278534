"""Mijn casussen: the cases a user may see, soonest deadline first, filtered and paged in constant queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from regie.access.case_access import cases_visible_to
from regie.access.policy import has_permission, request_user, requires
from regie.accounts.models import Role
from regie.cases.forms.case import STATUS_ALL, CaseFilterForm
from regie.cases.models import Case, CaseStatus

PAGE_SIZE = 25


@dataclass(frozen=True)
class VisibleSummary:
    """The visible cases counted per (coordinator, type, status): one pass over the door's set serves both the
    coordinator filter's choices and the page count, instead of a DISTINCT pass and a COUNT pass."""

    groups: list[dict[str, Any]]

    def coordinator_choices(self) -> list[tuple[int, str]]:
        people = {
            g["coordinator_id"]: (
                g["coordinator__last_name"],
                g["coordinator__first_name"],
                g["coordinator__username"],
            )
            for g in self.groups
        }
        ordered = sorted(people.items(), key=lambda item: (item[1][0].lower(), item[1][1].lower()))
        return [(pk, f"{first} {last}".strip() or username) for pk, (last, first, username) in ordered]

    def count(self, data: dict[str, Any]) -> int:
        return sum(g["n"] for g in self.groups if _matches(g, data))


def _summary(visible: QuerySet[Case]) -> VisibleSummary:
    rows = (
        visible.order_by()
        .values(
            "coordinator_id",
            "coordinator__first_name",
            "coordinator__last_name",
            "coordinator__username",
            "case_type_id",
            "status",
        )
        .annotate(n=Count("pk"))
    )
    return VisibleSummary(groups=[dict(row) for row in rows])


def _status_matches(status: str, wanted: str) -> bool:
    if wanted == "":
        return status != CaseStatus.CLOSED
    return wanted == STATUS_ALL or status == wanted


def _matches(group: dict[str, Any], data: dict[str, Any]) -> bool:
    case_type = data.get("casustype")
    coordinator = data.get("coordinator")
    return (
        (case_type is None or group["case_type_id"] == case_type.pk)
        and _status_matches(group["status"], data.get("status") or "")
        and (coordinator is None or group["coordinator_id"] == coordinator)
    )


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
    """The filter form and the requested page of "mijn casussen": two queries over the visible set."""
    visible = cases_visible_to(user)
    summary = _summary(visible)
    form = CaseFilterForm(params, coordinators=summary.coordinator_choices())
    if not form.is_valid():
        return form, None
    paginator: Paginator[Case] = Paginator(_filtered(visible, form.cleaned_data), PAGE_SIZE)
    paginator.count = summary.count(form.cleaned_data)  # known already: skip the COUNT pass
    return form, paginator.get_page(params.get("pagina"))


@requires("cases.view")
def case_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form, page = case_list_page(user, request.GET)
    status = 400 if page is None else 200
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
