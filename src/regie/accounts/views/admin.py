"""The functional administrator's pages: users and organisations (never case contents)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from regie.access.policy import request_user, requires
from regie.accounts import second_factor, selectors, services
from regie.accounts.forms import OrganisationForm, UserForm
from regie.accounts.models import Organisation, Role, User
from regie.core.errors import ConflictError
from regie.web.forms import apply_errors

ADMIN_CRUMB = {"label": "Beheer", "url": "/beheer"}
PENDING = (
    "De nieuwe rol of organisatie van {user} gaat pas in als een andere beheerder haar goedkeurt "
    "(Beheer, wijzigingen van rol of organisatie)."
)


@requires("accounts.manage")
def admin_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/admin_home.html",
        {
            "user_count": User.objects.count(),
            "organisation_count": Organisation.objects.count(),
            "pending_access_changes": selectors.pending_access_change_count(),
            "breadcrumbs": [{"label": "Beheer"}],
        },
    )


@requires("accounts.manage")
def organisation_list(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("zoek", "")[:100]
    return render(
        request,
        "accounts/organisation_list.html",
        {
            "organisations": selectors.organisation_list(search=search),
            "search": search,
            "breadcrumbs": [ADMIN_CRUMB, {"label": "Organisaties"}],
        },
    )


@requires("accounts.manage")
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, pk: UUID | None = None) -> HttpResponse:
    org = get_object_or_404(Organisation, pk=pk) if pk else None
    initial: dict[str, Any] = {}
    if org:
        initial = {f: getattr(org, f) for f in ("name", "kind", "partner_type", "email", "phone", "active")}
        initial["version"] = org.version
    form = OrganisationForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                if org:
                    services.organisation_update(
                        actor=request_user(request),
                        organisation=org,
                        version=version,
                        request=request,
                        **data,
                    )
                else:
                    data.pop("active")
                    municipality = selectors.municipality_of(request_user(request))
                    services.organisation_create(
                        actor=request_user(request),
                        municipality=municipality,
                        request=request,
                        **data,
                    )
                messages.success(request, "De organisatie is opgeslagen.")
                return HttpResponseRedirect("/beheer/organisaties")
            except ValidationError as exc:
                apply_errors(form, exc)
            except ConflictError as exc:
                form.add_error(None, exc.message)
                status = 409
    return render(
        request,
        "accounts/organisation_form.html",
        {
            "form": form,
            "organisation": org,
            "breadcrumbs": [
                ADMIN_CRUMB,
                {"label": "Organisaties", "url": "/beheer/organisaties"},
                {"label": org.name if org else "Nieuwe organisatie"},
            ],
        },
        status=status,
    )


@requires("accounts.manage")
def user_list(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("zoek", "")[:100]
    role = request.GET.get("rol", "")
    if role not in Role.values:
        role = ""
    return render(
        request,
        "accounts/user_list.html",
        {
            "users": selectors.user_list(search=search, role=role),
            "search": search,
            "role": role,
            "roles": Role.choices,
            "breadcrumbs": [ADMIN_CRUMB, {"label": "Gebruikers"}],
        },
    )


@requires("accounts.manage")
@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    target = get_object_or_404(User, pk=pk) if pk else None
    initial: dict[str, Any] = {}
    if target:
        initial = {
            f: getattr(target, f)
            for f in (
                "username",
                "first_name",
                "last_name",
                "email",
                "phone",
                "job_title",
                "role",
                "organisation",
                "is_active",
            )
        }
        initial["version"] = target.version
    form = UserForm(request.POST or None, initial=initial)
    if target:
        form.fields["username"].disabled = True
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                if target:
                    data.pop("username")
                    updated = services.user_update(
                        actor=request_user(request),
                        user=target,
                        version=version,
                        request=request,
                        **data,
                    )
                    if updated.pending is not None:
                        messages.info(request, PENDING.format(user=target))
                else:
                    data.pop("is_active")
                    services.user_create(actor=request_user(request), request=request, **data)
                messages.success(request, "De gebruiker is opgeslagen.")
                return HttpResponseRedirect("/beheer/gebruikers")
            except ValidationError as exc:
                apply_errors(form, exc)
            except ConflictError as exc:
                form.add_error(None, exc.message)
                status = 409
    return render(
        request,
        "accounts/user_form.html",
        {
            "form": form,
            "target": target,
            "has_second_factor": second_factor.has_second_factor(target) if target else False,
            "pending_change": selectors.pending_access_change_of(target) if target else None,
            "breadcrumbs": [
                ADMIN_CRUMB,
                {"label": "Gebruikers", "url": "/beheer/gebruikers"},
                {"label": str(target) if target else "Nieuwe gebruiker"},
            ],
        },
        status=status,
    )


@requires("accounts.manage")
@require_http_methods(["POST"])
def user_reset_second_factor(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(User, pk=pk)
    second_factor.second_factor_reset(actor=request_user(request), user=target, request=request)
    messages.success(
        request,
        f"De tweede factor van {target} is verwijderd; bij de volgende login stelt "
        "deze gebruiker een nieuwe in.",
    )
    return HttpResponseRedirect(f"/beheer/gebruikers/{target.pk}")
