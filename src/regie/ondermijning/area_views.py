"""Editing areas and their locations, and the contact persons of an area (the project leader of its municipality)."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from regie.access import ondermijning_access as door
from regie.access.policy import request_user, requires
from regie.core.html.form_view import handle_form
from regie.ondermijning.forms import AreaEditForm, ContactForm, SiteForm
from regie.ondermijning.models import Area, AreaContact
from regie.ondermijning.services import area_edit, contacts
from regie.ondermijning.views import HOME, crumbs, posted


def _json(value: Any) -> str:
    return json.dumps(value) if value is not None else ""


def _area_for_manager(request: HttpRequest, area_id: str) -> tuple[Any, Area]:
    user = request_user(request)
    area = door.get_area_for(user, area_id, log=False)
    if not door.may_manage_area(user, area):
        raise PermissionDenied
    return user, area


def _page(
    request: HttpRequest, form: Any, status: int, *, area: Area, title: str, **extra: Any
) -> HttpResponse:
    back = f"{HOME}/gebieden/{area.pk}"
    return render(
        request,
        "ondermijning/form.html",
        {
            "form": form,
            "title": title,
            "back": back,
            "breadcrumbs": crumbs({"label": area.name, "url": back}, {"label": title}),
            **extra,
        },
        status=status,
    )


@requires("ondermijning.view")
def area_edit_page(request: HttpRequest, area_id: str) -> HttpResponse:
    user, area = _area_for_manager(request, area_id)
    initial = {"name": area.name, "kind": area.kind, "geometry": _json(area.outline.geometry)}
    form = AreaEditForm(posted(request), initial=initial)
    return handle_form(
        request,
        form,
        action=lambda d: area_edit.area_update(
            actor=user, area=area, name=d["name"], kind=d["kind"], geometry=d["geometry"], request=request
        ),
        render=lambda status: _page(
            request,
            form,
            status,
            area=area,
            title=f"{area.name} wijzigen",
            intro="De begrenzing moet alle locaties van het gebied blijven omvatten.",
            button="Wijzigingen opslaan",
        ),
        success_url=f"{HOME}/gebieden/{area.pk}",
        success_message="Het gebied is gewijzigd.",
    )


@requires("ondermijning.view")
def site_edit_page(request: HttpRequest, site_id: str) -> HttpResponse:
    user = request_user(request)
    site = door.get_site_for(user, site_id)
    if not door.may_manage_area(user, site.area):
        raise PermissionDenied
    initial = {"name": site.location.name, "kind": site.kind, "geometry": _json(site.location.geometry)}
    form = SiteForm(posted(request), initial=initial)
    return handle_form(
        request,
        form,
        action=lambda d: area_edit.area_location_update(
            actor=user, site=site, name=d["name"], kind=d["kind"], geometry=d["geometry"], request=request
        ),
        render=lambda status: _page(
            request,
            form,
            status,
            area=site.area,
            title=f"{site.location.name} wijzigen",
            button="Wijzigingen opslaan",
        ),
        success_url=f"{HOME}/locaties/{site.pk}",
        success_message="De locatie is gewijzigd.",
    )


@requires("ondermijning.view")
def contact_page(request: HttpRequest, area_id: str, contact_id: str | None = None) -> HttpResponse:
    """Add a contact person to an area, or change or remove one."""
    user, area = _area_for_manager(request, area_id)
    contact: AreaContact | None = door.get_contact_for(user, area, contact_id) if contact_id else None
    if contact is not None and request.method == "POST" and request.POST.get("verwijderen"):
        contacts.contact_remove(actor=user, contact=contact, request=request)
        messages.success(request, f"{contact.name} is verwijderd als contactpersoon.")
        return redirect(f"{HOME}/gebieden/{area.pk}#contacten")
    initial = (
        {k: getattr(contact, k) for k in ("role", "organisation", "name", "phone", "email")}
        if contact
        else {}
    )
    form = ContactForm(posted(request), initial=initial)
    return handle_form(
        request,
        form,
        action=lambda d: contacts.contact_save(actor=user, area=area, contact=contact, request=request, **d),
        render=lambda status: _page(
            request,
            form,
            status,
            area=area,
            title=f"Contactpersoon {'wijzigen' if contact else 'toevoegen'}",
            intro="Contactgegevens zijn persoonsgegevens: alleen het ondermijningsteam van de gemeente ziet ze.",
            button="Contactpersoon opslaan",
            remove="Contactpersoon verwijderen" if contact else "",
        ),
        success_url=f"{HOME}/gebieden/{area.pk}#contacten",
        success_message=lambda c: f"{c.name} is opgeslagen als contactpersoon.",
    )
