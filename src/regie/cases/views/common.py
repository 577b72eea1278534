"""What every case page shares: the case through the door, its tabs, the emergency banner, service errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regie.access.case_access import CaseAccess, get_case_for
from regie.access.policy import CASE_ROLES, request_user
from regie.accounts.models import User
from regie.cases.models import Case, CaseStatus, DataCategory

CASES_CRUMB = {"label": "Casussen", "url": "/casussen"}
TABS = (
    ("overzicht", "Overzicht", ""),
    ("team", "Team", "/team"),
    ("taken", "Taken", "/taken"),
    ("notities", "Notities", "/notities"),
    ("documenten", "Documenten", "/documenten"),
    ("tijdlijn", "Tijdlijn", "/tijdlijn"),
)
TAB_LABELS = {key: label for key, label, _ in TABS}


def load_case(request: HttpRequest, case_id: object) -> CaseAccess:
    """The case with the signed-in user's rights; 404 alike for missing and not-visible; the read is logged."""
    return get_case_for(request_user(request), case_id, request=request)


def case_url(case: Case, suffix: str = "") -> str:
    return f"/casussen/{case.pk}{suffix}"


def may_write(access: CaseAccess) -> bool:
    """Notes, tasks, documents and changes: for editing team members, while the case is not closed."""
    return access.can_edit and access.case.status != CaseStatus.CLOSED


def require_write(access: CaseAccess) -> None:
    if not may_write(access):
        raise PermissionDenied


def render_case_page(
    request: HttpRequest,
    access: CaseAccess,
    *,
    tab: str,
    template: str,
    context: Mapping[str, Any],
    status: int = 200,
) -> HttpResponse:
    """Render one tab of a case with the shared header, tabs and (when used) the break-the-glass banner."""
    case = access.case
    crumbs: list[dict[str, str]] = [CASES_CRUMB, {"label": case.number, "url": case_url(case)}]
    if tab != "overzicht":
        crumbs.append({"label": TAB_LABELS[tab]})
    else:
        crumbs[-1] = {"label": case.number}
    return render(
        request,
        template,
        {
            "case": case,
            "access": access,
            "case_url": case_url(case),
            "may_write": may_write(access),
            "category_labels": [label for value, label in DataCategory.choices if value in access.categories],
            "tabs": [
                {"label": label, "url": case_url(case, suffix), "current": key == tab}
                for key, label, suffix in TABS
            ],
            "tab_label": TAB_LABELS[tab],
            "breadcrumbs": crumbs,
            **context,
        },
        status=status,
    )


def case_workers(case: Case) -> QuerySet[User]:
    """Active users who work on this case: the coordinator, user members and users of member organisations."""
    return (
        User.objects.filter(is_active=True, role__in=CASE_ROLES)
        .filter(
            Q(pk=case.coordinator_id)
            | Q(case_memberships__case=case)
            | Q(organisation__case_memberships__case=case)
        )
        .select_related("organisation")
        .distinct()
        .order_by("last_name", "first_name")
    )
