"""Forms of the functional administrator's intake pages: routing rules, categories, threshold, the test page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from regie.accounts.models import Organisation
from regie.core.html.forms import REQUIRED
from regie.intake.models import LocationKind, SignalCategory, Source, Urgency

CHOICE = {**REQUIRED, "invalid_choice": "Kies een van de mogelijkheden uit de lijst."}
WHOLE = {**REQUIRED, "invalid": "Vul een geheel getal in."}
ANY = ("", "Elke")


class RoutingRuleForm(forms.Form):
    name = forms.CharField(
        label="Omschrijving",
        max_length=160,
        error_messages={**REQUIRED, "max_length": "Hoogstens 160 tekens."},
    )
    position = forms.IntegerField(
        label="Volgorde",
        help_text="Lagere nummers gaan voor; de eerste regel die past, wint.",
        error_messages=WHOLE,
    )
    category = forms.ModelChoiceField(
        label="Categorie",
        queryset=SignalCategory.objects.none(),
        required=False,
        empty_label="Elke",
        error_messages=CHOICE,
    )
    source = forms.ChoiceField(
        label="Bron", choices=[ANY, *Source.choices], required=False, error_messages=CHOICE
    )
    location_kind = forms.ChoiceField(
        label="Soort locatie", choices=[ANY, *LocationKind.choices], required=False, error_messages=CHOICE
    )
    urgency = forms.ChoiceField(
        label="Urgentie", choices=[ANY, *Urgency.choices], required=False, error_messages=CHOICE
    )
    target = forms.ModelChoiceField(
        label="Naar de wachtrij van", queryset=Organisation.objects.none(), error_messages=CHOICE
    )
    active = forms.BooleanField(label="Actief", required=False, initial=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args: Any, teams: QuerySet[Organisation], categories: QuerySet[SignalCategory], **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = teams  # type: ignore[attr-defined]
        self.fields["category"].queryset = categories  # type: ignore[attr-defined]


class RoutingTestForm(forms.Form):
    description = forms.CharField(
        label="Voorbeeldtekst (niet verplicht)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Met een tekst bepaalt de classificatie de categorie, zoals bij een echt signaal.",
        error_messages={"max_length": "Hoogstens 5000 tekens."},
    )
    category = forms.ModelChoiceField(
        label="Categorie",
        queryset=SignalCategory.objects.none(),
        required=False,
        empty_label="Uit de tekst bepalen",
        error_messages=CHOICE,
    )
    source = forms.ChoiceField(
        label="Bron", choices=Source.choices, initial=Source.RESIDENT, error_messages=CHOICE
    )
    location_kind = forms.ChoiceField(
        label="Soort locatie",
        choices=[("", "Onbekend"), *LocationKind.choices],
        required=False,
        error_messages=CHOICE,
    )
    urgency = forms.ChoiceField(
        label="Urgentie", choices=Urgency.choices, initial=Urgency.NORMAL, error_messages=CHOICE
    )

    def __init__(self, *args: Any, categories: QuerySet[SignalCategory], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("category") and not (data.get("description") or "").strip():
            self.add_error("description", "Kies een categorie of vul een voorbeeldtekst in.")
        return data


class CategoryPolicyForm(forms.Form):
    label = forms.CharField(
        label="Naam", max_length=120, error_messages={**REQUIRED, "max_length": "Hoogstens 120 tekens."}
    )
    triage_days = forms.IntegerField(
        label="Triage binnen (werkdagen)", min_value=0, max_value=60, error_messages=WHOLE
    )
    first_action_days = forms.IntegerField(
        label="Eerste actie binnen (werkdagen)", min_value=0, max_value=120, error_messages=WHOLE
    )
    urgent_hours = forms.IntegerField(
        label="Bij urgent: binnen (uren)", min_value=1, max_value=168, error_messages=WHOLE
    )
    active = forms.BooleanField(label="Actief", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, error_messages=REQUIRED)


class ThresholdForm(forms.Form):
    threshold = forms.DecimalField(
        label="Drempel voor een categorievoorstel",
        min_value=0,
        max_value=1,
        decimal_places=2,
        localize=True,
        help_text="Onder deze zekerheid (0 tot 1) wordt een signaal 'overig' en kiest een mens de categorie.",
        error_messages={**REQUIRED, "invalid": "Vul een getal in tussen 0 en 1, zoals 0,50."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
