"""Case types for the functional administrator: policy data only, never case contents."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from regie.access.policy import request_user, requires
from regie.cases.forms.admin import CaseTypeForm
from regie.cases.models import CaseType, DataCategory
from regie.cases.services.case_types import case_type_create, case_type_update
from regie.core.html.form_view import handle_form

ADMIN_CRUMB = {"label": "Beheer", "url": "/beheer"}
LIST_URL = "/beheer/casustypen"


@requires("case_types.manage")
def case_type_list(request: HttpRequest) -> HttpResponse:
    rows = [
        {
            "type": t,
            "categories": [DataCategory(c).label for c in t.default_categories],
            "mapped": hasattr(t, "zaak_mapping"),
        }
        for t in CaseType.objects.select_related("zaak_mapping").order_by("label")
    ]
    return render(
        request,
        "cases/case_type_list.html",
        {"rows": rows, "breadcrumbs": [ADMIN_CRUMB, {"label": "Casustypen"}]},
    )


@requires("case_types.manage")
@require_http_methods(["GET", "POST"])
def case_type_edit(request: HttpRequest, pk: UUID | None = None) -> HttpResponse:
    case_type = get_object_or_404(CaseType, pk=pk) if pk else None
    initial: dict[str, Any] = {"active": True}
    if case_type:
        initial = {
            f: getattr(case_type, f)
            for f in ("code", "label", "default_categories", "retention_years", "active", "version")
        }
    form = CaseTypeForm(request.POST or None, initial=initial)

    def save(cleaned: dict[str, Any]) -> CaseType:
        data = dict(cleaned)
        version = data.pop("version")
        if case_type:
            return case_type_update(
                actor=request_user(request), case_type=case_type, version=version, request=request, **data
            )
        return case_type_create(actor=request_user(request), request=request, **data)

    return handle_form(
        request,
        form,
        action=save,
        render=lambda status: render(
            request,
            "cases/case_type_form.html",
            {
                "form": form,
                "case_type": case_type,
                "breadcrumbs": [
                    ADMIN_CRUMB,
                    {"label": "Casustypen", "url": LIST_URL},
                    {"label": case_type.label if case_type else "Nieuw casustype"},
                ],
            },
            status=status,
        ),
        success_url=LIST_URL,
        success_message="Het casustype is opgeslagen.",
    )
