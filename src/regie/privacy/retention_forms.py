"""Forms of the retention rules and destruction lists."""

from __future__ import annotations

from django import forms

from regie.cases.models import CaseType
from regie.privacy.models import Valuation


class RetentionRuleForm(forms.Form):
    case_type = forms.ModelChoiceField(
        label="Casustype",
        queryset=CaseType.objects.order_by("label"),
        to_field_name="code",
        empty_label="Kies een casustype",
        error_messages={
            "required": "Kies een casustype.",
            "invalid_choice": "Kies een casustype uit de lijst.",
        },
    )
    category_code = forms.CharField(
        label="Categorie Selectielijst",
        max_length=20,
        required=False,
        help_text="Het nummer van het resultaattype in de Selectielijst gemeenten 2020, bijv. 1.1.2.",
    )
    category_label = forms.CharField(label="Omschrijving resultaattype", max_length=200, required=False)
    valuation = forms.ChoiceField(
        label="Waardering",
        choices=Valuation.choices,
        error_messages={"invalid_choice": "Kies vernietigen (V) of blijvend bewaren (B)."},
    )
    term_years = forms.IntegerField(
        label="Termijn in jaren (vanaf sluiting)",
        required=False,
        min_value=1,
        max_value=120,
        error_messages={
            "invalid": "Vul een heel aantal jaren in.",
            "min_value": "Een termijn is ten minste 1 jaar.",
            "max_value": "Een termijn is ten hoogste 120 jaar.",
        },
    )


class ExcludeForm(forms.Form):
    item = forms.UUIDField(widget=forms.HiddenInput, error_messages={"invalid": "Kies het record opnieuw."})
    reason = forms.CharField(
        label="Reden om niet te vernietigen",
        max_length=300,
        error_messages={"required": "Geef de reden waarom dit record niet wordt vernietigd."},
    )


class ListStepForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DestroyForm(forms.Form):
    confirm_name = forms.CharField(
        label="Typ de naam van de lijst om te bevestigen",
        max_length=120,
        error_messages={"required": "Typ de naam van de lijst om de vernietiging te bevestigen."},
    )
