"""The BRP and the BAG on the person and address pages (issue 21): 'BRP bijwerken', a home address by postcode and
house number checked in the BAG (or by hand, marked as not checked), and 'Controleren in de BAG' on an address."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_POST

from regie.access.policy import has_permission, request_user, requires
from regie.access.subject_access import get_address_for, get_person_for, may_edit_person
from regie.cases.services.person_brp import person_brp_refresh
from regie.core.html.form_view import handle_form
from regie.subjects.services import RegisterUnavailable, address_bag_check, address_enter, person_update


def _first_message(exc: ValidationError) -> str:
    return exc.messages[0] if exc.messages else "Dit kon niet."


@requires("persons.edit")
@require_POST
def person_brp(request: HttpRequest, person_id: str) -> HttpResponse:
    """'BRP bijwerken': the result (or why not) as a message on the person page; never a 500."""
    user = request_user(request)
    person = get_person_for(user, person_id, request=request)
    try:
        person_brp_refresh(actor=user, person=person, request=request)
    except ValidationError as exc:
        messages.error(request, _first_message(exc))
    except RegisterUnavailable as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "De gegevens zijn bijgewerkt uit de BRP.")
    return HttpResponseRedirect(f"/personen/{person.pk}")


class HomeAddressForm(forms.Form):
    postcode = forms.CharField(label="Postcode", max_length=7, help_text="Bijvoorbeeld 6851 AB.")
    house_number = forms.IntegerField(label="Huisnummer", min_value=1, max_value=99999)
    house_letter = forms.CharField(label="Huisletter", max_length=1, required=False)
    addition = forms.CharField(label="Toevoeging", max_length=4, required=False)
    manual = forms.BooleanField(
        label="Adres met de hand vastleggen (niet gecontroleerd in de BAG)",
        required=False,
        help_text="Alleen als de BAG het adres niet kent of niet gekoppeld is; vul dan straat en woonplaats in.",
    )
    street = forms.CharField(label="Straat", max_length=120, required=False)
    city = forms.CharField(label="Woonplaats", max_length=80, required=False)


@requires("persons.edit")
def person_address(request: HttpRequest, person_id: str) -> HttpResponse:
    user = request_user(request)
    person = get_person_for(user, person_id, request=request)
    if not may_edit_person(user, person):
        raise PermissionDenied
    form = HomeAddressForm(request.POST if request.method == "POST" else None)

    def save(data: dict[str, Any]) -> Any:
        address = address_enter(actor=user, request=request, **data)
        return person_update(actor=user, person=person, version=None, request=request, address=address)

    return handle_form(
        request,
        form,
        action=save,
        render=lambda status: render(
            request,
            "cases/persons/person_address.html",
            {
                "person": person,
                "form": form,
                "breadcrumbs": [
                    {"label": f"Persoon: {person}", "url": f"/personen/{person.pk}"},
                    {"label": "Woonadres vastleggen"},
                ],
            },
            status=status,
        ),
        success_url=f"/personen/{person.pk}",
        success_message="Het woonadres is vastgelegd.",
        refusals={RegisterUnavailable: 502},
    )


@requires("persons.edit")
@require_POST
def address_bag(request: HttpRequest, address_id: str) -> HttpResponse:
    user = request_user(request)
    address = get_address_for(user, address_id, request=request)
    if not has_permission(user, "persons.edit"):
        raise PermissionDenied
    try:
        address_bag_check(actor=user, address=address, request=request)
    except ValidationError as exc:
        messages.error(request, _first_message(exc))
    except RegisterUnavailable as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Het adres is gevonden in de BAG; de BAG-gegevens zijn vastgelegd.")
    return HttpResponseRedirect(f"/adressen/{address.pk}")
