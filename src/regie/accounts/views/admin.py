"""The functional administrator's pages: users and organisations (never case contents)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from regie.access.policy import request_user, requires
from regie.accounts import second_factor, selectors, services
from regie.accounts.forms import OrganisationForm, UserForm
from regie.accounts.models import Organisation, Role, User
from regie.core.html.form_view import handle_form
from regie.integrations.mail import failed_mail_count

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
            "failed_mail": failed_mail_count(),
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

    def save(cleaned: dict[str, Any]) -> Organisation:
        data = dict(cleaned)
        version = data.pop("version")
        if org:
            return services.organisation_update(
                actor=request_user(request), organisation=org, version=version, request=request, **data
            )
        data.pop("active")
        municipality = selectors.municipality_of(request_user(request))
        return services.organisation_create(
            actor=request_user(request), municipality=municipality, request=request, **data
        )

    return handle_form(
        request,
        form,
        action=save,
        render=lambda status: _organisation_page(request, form, org, status),
        success_url="/beheer/organisaties",
        success_message="De organisatie is opgeslagen.",
    )


def _organisation_page(
    request: HttpRequest, form: OrganisationForm, org: Organisation | None, status: int
) -> HttpResponse:
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

    def save(cleaned: dict[str, Any]) -> object:
        data = dict(cleaned)
        version = data.pop("version")
        if target:
            data.pop("username")
            updated = services.user_update(
                actor=request_user(request), user=target, version=version, request=request, **data
            )
            if updated.pending is not None:
                messages.info(request, PENDING.format(user=target))
            return updated
        data.pop("is_active")
        return services.user_create(actor=request_user(request), request=request, **data)

    return handle_form(
        request,
        form,
        action=save,
        render=lambda status: _user_page(request, form, target, status),
        success_url="/beheer/gebruikers",
        success_message="De gebruiker is opgeslagen.",
    )


def _user_page(request: HttpRequest, form: UserForm, target: User | None, status: int) -> HttpResponse:
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
