"""Forms of emergency access, its review, and the case types the administrator keeps."""

from __future__ import annotations

from django import forms

from regie.cases.case_numbers import CaseNumberField
from regie.cases.forms.team import categories_field
from regie.cases.services.emergency import MIN_REASON
from regie.core.html.forms import REQUIRED

REASON_TOO_SHORT = (
    f"Beschrijf waarom u deze casus nu moet inzien (minstens {MIN_REASON} tekens). "
    "De privacyfunctionaris beoordeelt dit."
)
REASON_HELP = (
    f"Minstens {MIN_REASON} tekens. De privacyfunctionaris beoordeelt achteraf of de noodtoegang terecht was."
)


class EmergencyStartForm(forms.Form):
    number = CaseNumberField(label="Casusnummer")
    reason = forms.CharField(
        label="Waarom moet u deze casus nu inzien?",
        min_length=MIN_REASON,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": REASON_TOO_SHORT,
            "min_length": REASON_TOO_SHORT,
            "max_length": "De reden is hoogstens 2000 tekens.",
        },
        help_text=REASON_HELP,
    )


class EmergencyReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Oordeel",
        choices=[("terecht", "Terecht"), ("onterecht", "Niet terecht")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies of de noodtoegang terecht was.",
            "invalid_choice": "Kies terecht of niet terecht.",
        },
    )
    note = forms.CharField(
        label="Toelichting",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": "De toelichting is hoogstens 2000 tekens."},
        help_text="Verplicht als de noodtoegang niet terecht was.",
    )


class CaseTypeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=60,
        error_messages={**REQUIRED, "max_length": "Een code is hoogstens 60 tekens."},
        help_text="Kleine letters, cijfers en streepjes, zoals pga-casus.",
    )
    label = forms.CharField(
        label="Naam",
        max_length=120,
        error_messages={**REQUIRED, "max_length": "Een naam is hoogstens 120 tekens."},
    )
    default_categories = categories_field(
        "Standaard gegevenscategorieën", "Kies minstens één standaard gegevenscategorie."
    )
    retention_years = forms.IntegerField(
        label="Bewaartermijn (jaren)",
        error_messages={**REQUIRED, "invalid": "Vul de bewaartermijn in als een geheel aantal jaren."},
        help_text="Na sluiten van de casus; tussen 1 en 100 jaar.",
    )
    active = forms.BooleanField(label="In gebruik voor nieuwe casussen", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
