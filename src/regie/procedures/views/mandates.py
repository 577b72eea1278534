"""The functional administrator's page for the mandate register: who signs which letter for the college or mayor."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from regie.access.policy import request_user, requires
from regie.core.html.form_view import handle_form
from regie.core.html.forms import REQUIRED
from regie.core.terms import format_date
from regie.procedures.models import Mandate, MandateAuthority
from regie.procedures.services.mandates import letter_labels, mandate_create

URL = "/beheer/mandaten"
ADMIN = {"label": "Beheer", "url": "/beheer"}


class MandateForm(forms.Form):
    authority = forms.ChoiceField(
        label="Bestuursorgaan", choices=MandateAuthority.choices, error_messages=REQUIRED
    )
    letter_code = forms.ChoiceField(
        label="Brief",
        required=False,
        help_text="Laat leeg: deze ondertekenaar tekent alle brieven van dit bestuursorgaan.",
    )
    signatory_name = forms.CharField(label="Naam ondertekenaar", max_length=120, error_messages=REQUIRED)
    signatory_function = forms.CharField(
        label="Functie ondertekenaar", max_length=120, error_messages=REQUIRED
    )
    mandate_reference = forms.CharField(
        label="Mandaatbesluit",
        max_length=200,
        error_messages=REQUIRED,
        help_text="Het besluit en artikel waarop de ondertekenaar tekent, of: eigen bevoegdheid.",
    )
    valid_from = forms.DateField(
        label="Geldig vanaf",
        error_messages={**REQUIRED, "invalid": "Vul een geldige datum in (jjjj-mm-dd)."},
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "Alle brieven"), *sorted(letter_labels().items(), key=lambda item: item[1])]
        self.fields["letter_code"].choices = choices  # type: ignore[attr-defined]
        for field in self.fields.values():  # every message names its field
            field.error_messages["required"] = f"{field.label}: vul dit in."
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = (
                    f"{field.label}: gebruik hoogstens {field.max_length} tekens."
                )


@requires("accounts.manage")
@require_http_methods(["GET", "POST"])
def mandate_page(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = MandateForm(request.POST or None)
    labels = letter_labels()

    def save(data: dict[str, Any]) -> Mandate:
        return mandate_create(actor=user, request=request, **data)

    rows = [
        {
            "row": row,
            "letter": labels.get(row.letter_code, "Alle brieven") if row.letter_code else "Alle brieven",
        }
        for row in Mandate.objects.select_related("created_by").order_by(
            "authority", "letter_code", "-valid_from"
        )
    ]
    return handle_form(
        request,
        form,
        action=save,
        render=lambda status: render(
            request,
            "procedures/admin_mandates.html",
            {"form": form, "rows": rows, "breadcrumbs": [ADMIN, {"label": "Mandaatregister"}]},
            status=status,
        ),
        success_url=URL,
        success_message=lambda row: (
            f"{row.signatory_name} tekent vanaf {format_date(row.valid_from, weekday=False)} volgens het register."
        ),
    )
