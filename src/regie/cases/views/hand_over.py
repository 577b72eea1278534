"""Handing a case to the zaaksysteem (the button on the case overview), and the zaaktype mapping under beheer."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from regie.access.policy import request_user, requires
from regie.cases.forms.hand_over import ZaakMappingForm
from regie.cases.models import CaseType, ZaakTypeMapping
from regie.cases.services.hand_over import HandOverFailed, case_hand_over, zaak_mapping_save
from regie.cases.views.common import case_url, load_case
from regie.core.html.form_view import handle_form

FIELDS = (
    "zaaktype",
    "coordinator_roltype",
    "person_roltype",
    "person_roles",
    "open_statustype",
    "closed_statustype",
    "confidentiality",
    "informatieobjecttype",
    "version",
)


@requires("case_data.lookup")
@require_POST
def case_hand_over_view(request: HttpRequest, case_id: str) -> HttpResponse:
    access = load_case(request, case_id)
    if not access.can_edit:
        raise PermissionDenied
    chosen = request.POST.getlist("documents")
    try:
        hand_over = case_hand_over(
            actor=request_user(request), access=access, document_ids=chosen, request=request
        )
    except HandOverFailed as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        for problems in exc.message_dict.values():
            for problem in problems:
                messages.error(request, f"De casus is niet overgedragen: {problem}")
    else:
        with_documents = f", met {len(chosen)} gekozen document(en)" if chosen else ""
        messages.success(
            request,
            f"De casus is overgedragen aan het zaaksysteem als zaak {hand_over.identificatie}{with_documents}.",
        )
    return redirect(case_url(access.case) + "#zaaksysteem")


@requires("case_types.manage")
@require_http_methods(["GET", "POST"])
def zaak_mapping_edit(request: HttpRequest, pk: UUID) -> HttpResponse:
    case_type = get_object_or_404(CaseType, pk=pk)
    mapping = ZaakTypeMapping.objects.filter(case_type=case_type).first()
    initial: dict[str, Any] = (
        {f: getattr(mapping, f) for f in FIELDS} if mapping else {"confidentiality": "vertrouwelijk"}
    )
    form = ZaakMappingForm(request.POST or None, initial=initial)

    def save(cleaned: dict[str, Any]) -> ZaakTypeMapping:
        return zaak_mapping_save(actor=request_user(request), case_type=case_type, request=request, **cleaned)

    return handle_form(
        request,
        form,
        action=save,
        render=lambda status: render(
            request,
            "cases/zaak_mapping_form.html",
            {
                "form": form,
                "case_type": case_type,
                "breadcrumbs": [
                    {"label": "Beheer", "url": "/beheer"},
                    {"label": "Casustypen", "url": "/beheer/casustypen"},
                    {"label": case_type.label, "url": f"/beheer/casustypen/{case_type.pk}"},
                    {"label": "Zaaksysteem"},
                ],
            },
            status=status,
        ),
        success_url="/beheer/casustypen",
        success_message=f"De koppeling van {case_type.label} met het zaaksysteem is opgeslagen.",
    )
