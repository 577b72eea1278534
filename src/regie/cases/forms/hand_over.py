"""The zaaktype mapping of a case type (beheer): how its cases become zaken in the zaaksysteem."""

from __future__ import annotations

from django import forms

from regie.cases.models import Confidentiality, SubjectRole
from regie.core.html.forms import REQUIRED

URL_ERRORS = {"max_length": "Een adres is hoogstens 1000 tekens."}
URL_HELP = "Het volledige adres (URL) in de Catalogi API van het zaaksysteem."


def _url(label: str, *, required: bool = False, help_text: str = URL_HELP) -> forms.CharField:
    errors = {**URL_ERRORS, **(REQUIRED if required else {})}
    return forms.CharField(
        label=label, max_length=1000, required=required, error_messages=errors, help_text=help_text
    )


class ZaakMappingForm(forms.Form):
    zaaktype = _url("Zaaktype", required=True)
    coordinator_roltype = _url(
        "Roltype van de coördinator", help_text="Leeg: de coördinator gaat niet mee als medewerker."
    )
    person_roltype = _url(
        "Roltype van de betrokken personen", help_text="Bijvoorbeeld het roltype Belanghebbende."
    )
    person_roles = forms.MultipleChoiceField(
        label="Personen met deze rol in de casus gaan mee",
        choices=SubjectRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Kies alleen rollen uit de lijst."},
    )
    open_statustype = _url("Statustype van een lopende casus", help_text="Leeg: Regie zet geen status.")
    closed_statustype = _url("Statustype van een gesloten casus", help_text="Leeg: Regie zet geen status.")
    confidentiality = forms.ChoiceField(
        label="Vertrouwelijkheid van de zaak",
        choices=Confidentiality.choices,
        error_messages={**REQUIRED, "invalid_choice": "Kies een bestaande vertrouwelijkheid."},
    )
    informatieobjecttype = _url(
        "Informatieobjecttype van documenten",
        help_text="Leeg: er kunnen geen documenten mee bij een overdracht.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
