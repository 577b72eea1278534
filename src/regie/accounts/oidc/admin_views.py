"""The beheerder's pages for the sign-on mapping table (Beheer → Eenmalige aanmelding)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods, require_POST

from regie.access.policy import request_user, requires
from regie.accounts.models import OidcRoleMapping
from regie.accounts.oidc import services
from regie.accounts.oidc.forms import OidcRoleMappingForm
from regie.core.errors import ConflictError
from regie.core.html.form_view import handle_form

LIST_URL = "/beheer/eenmalige-aanmelding"
CRUMBS = [{"label": "Beheer", "url": "/beheer"}]


@requires("accounts.manage")
def mapping_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/oidc_mapping_list.html",
        {
            "mappings": OidcRoleMapping.objects.select_related("organisation", "requested_by", "approved_by"),
            "providers": services.providers(),
            "provider_labels": {p.key: p.label for p in services.providers()},
            "breadcrumbs": [*CRUMBS, {"label": "Eenmalige aanmelding"}],
        },
    )


@requires("accounts.manage")
@require_http_methods(["GET", "POST"])
def mapping_edit(request: HttpRequest, pk: UUID | None = None) -> HttpResponse:
    mapping = get_object_or_404(OidcRoleMapping, pk=pk) if pk else None
    initial: dict[str, Any] = {}
    if mapping:
        initial = {f: getattr(mapping, f) for f in services.MAPPING_FIELDS}
        initial["version"] = mapping.version
    form = OidcRoleMappingForm(request.POST or None, initial=initial)

    def save(cleaned: dict[str, Any]) -> OidcRoleMapping:
        data = dict(cleaned)
        version = data.pop("version")
        actor = request_user(request)
        if mapping:
            return services.oidc_mapping_update(
                actor=actor, mapping=mapping, version=version, request=request, **data
            )
        return services.oidc_mapping_create(actor=actor, request=request, **data)

    def page(status: int) -> HttpResponse:
        return render(
            request,
            "accounts/oidc_mapping_form.html",
            {
                "form": form,
                "mapping": mapping,
                "may_approve": mapping is not None
                and not mapping.in_effect
                and mapping.requested_by_id != request_user(request).pk,
                "breadcrumbs": [
                    *CRUMBS,
                    {"label": "Eenmalige aanmelding", "url": LIST_URL},
                    {"label": str(mapping) if mapping else "Nieuwe koppeling"},
                ],
            },
            status=status,
        )

    return handle_form(
        request,
        form,
        action=save,
        render=page,
        success_url=LIST_URL,
        success_message=lambda row: (
            "De koppeling is opgeslagen en geldt."
            if row.in_effect
            else "De koppeling is opgeslagen. Ze geeft toegang tot casussen en geldt pas als een andere beheerder "
            "haar goedkeurt."
        ),
    )


@requires("accounts.manage")
@require_POST
def mapping_approve(request: HttpRequest, pk: UUID) -> HttpResponse:
    mapping = get_object_or_404(OidcRoleMapping, pk=pk)
    try:
        services.oidc_mapping_approve(actor=request_user(request), mapping=mapping, request=request)
    except (ValidationError, ConflictError) as exc:
        messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else exc.message)
        return HttpResponseRedirect(f"{LIST_URL}/{mapping.pk}")
    messages.success(request, f"De koppeling voor {mapping.claim_value} is goedgekeurd en geldt nu.")
    return HttpResponseRedirect(LIST_URL)


@requires("accounts.manage")
@require_POST
def mapping_delete(request: HttpRequest, pk: UUID) -> HttpResponse:
    mapping = get_object_or_404(OidcRoleMapping, pk=pk)
    services.oidc_mapping_delete(actor=request_user(request), mapping=mapping, request=request)
    messages.success(request, f"De koppeling voor {mapping.claim_value} is verwijderd.")
    return HttpResponseRedirect(LIST_URL)
