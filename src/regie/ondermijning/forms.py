"""Forms of the ondermijning pages: parse and check input; the services decide and write."""

from __future__ import annotations

import json
from typing import Any

from django import forms

from regie.accounts.models import Organisation, User
from regie.ondermijning import catalogue
from regie.ondermijning.models import AreaKind, KvoStep, SiteKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class GeoJSONField(forms.CharField):
    """A GeoJSON geometry pasted as text (from a GIS or the map's drawing tool)."""

    widget = forms.Textarea(attrs={"rows": 4, "spellcheck": "false"})

    def clean(self, value: Any) -> Any:
        text = super().clean(value)
        if not text:
            return None
        try:
            parsed = json.loads(text)
        except ValueError:
            raise forms.ValidationError(
                "Dit is geen geldige GeoJSON (controleer haakjes en komma's)."
            ) from None
        if isinstance(parsed, dict) and parsed.get("type") == "Feature":
            parsed = parsed.get("geometry")
        if not isinstance(parsed, dict):
            raise forms.ValidationError('Geef een GeoJSON-geometrie, zoals {"type": "Polygon", …}.')
        return parsed


class AreaForm(forms.Form):
    name = forms.CharField(label="Naam van het gebied", max_length=160)
    kind = forms.ChoiceField(label="Soort gebied", choices=AreaKind.choices)
    geometry = GeoJSONField(
        label="Begrenzing (GeoJSON-polygoon)",
        help_text="Plak de polygoon uit de GIS-viewer; coördinaten als [lengtegraad, breedtegraad].",
        error_messages={"required": "Geef de begrenzing van het gebied."},
    )
    contacts = forms.CharField(
        label="Contacten",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Parkmanagement, ondernemersvereniging of LTO-afdeling, met telefoon of e-mail.",
    )


class SiteForm(forms.Form):
    name = forms.CharField(label="Naam of omschrijving", max_length=160)
    kind = forms.ChoiceField(label="Soort locatie", choices=SiteKind.choices)
    geometry = GeoJSONField(
        label="Ligging (GeoJSON-punt of -polygoon)",
        required=False,
        help_text="Moet binnen het gebied liggen.",
    )


class InspectionPlanForm(forms.Form):
    planned_on = forms.DateField(label="Datum van de controle", widget=DATE)
    partners = forms.ModelMultipleChoiceField(
        label="Partners die meedoen",
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies ten minste één partner."},
    )
    size = forms.IntegerField(label="Aantal locaties", min_value=1, max_value=200, initial=6)
    random_share = forms.IntegerField(
        label="Aandeel willekeurig gekozen (%)",
        min_value=0,
        max_value=100,
        initial=30,
        help_text="De rest kiest Regie op de hoogste risicoscores; de keuze wordt vastgelegd en uitgelegd.",
    )
    note = forms.CharField(label="Toelichting", required=False, max_length=300)

    def __init__(self, *args: Any, partners: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = partners if partners is not None else Organisation.objects.none()  # type: ignore[attr-defined]


class FindingForm(forms.Form):
    indicators = forms.MultipleChoiceField(
        label="Wat zag u (indicatoren)", required=False, widget=forms.CheckboxSelectMultiple
    )
    text = forms.CharField(
        label="Bevindingen",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Beschrijf wat u hebt gezien (de bevindingen)."},
    )
    follow_up_needed = forms.BooleanField(label="Hier is vervolg nodig", required=False)

    def __init__(self, *args: Any, kind: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicators"].choices = catalogue.checklist(kind)  # type: ignore[attr-defined]


class KvoStartForm(forms.Form):
    started_on = forms.DateField(label="Startdatum", widget=DATE)


class KvoStepForm(forms.Form):
    step = forms.ChoiceField(label="Stap", choices=KvoStep.choices)
    done_on = forms.DateField(label="Datum", widget=DATE)
    note = forms.CharField(label="Toelichting of document", required=False, max_length=300)


class KvoCertifyForm(forms.Form):
    certified_on = forms.DateField(label="Certificaat verleend op", widget=DATE)
    expires_on = forms.DateField(
        label="Geldig tot", required=False, widget=DATE, help_text="Leeg: drie jaar na de certificaatdatum."
    )


class TrainingForm(forms.Form):
    held_on = forms.DateField(label="Datum", widget=DATE)
    trainer = forms.CharField(label="Trainer", max_length=160)
    department = forms.ModelChoiceField(label="Afdeling", queryset=Organisation.objects.none())
    attendees = forms.ModelMultipleChoiceField(
        label="Deelnemers", queryset=User.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, departments: Any = None, staff: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments  # type: ignore[attr-defined]
        self.fields["attendees"].queryset = staff  # type: ignore[attr-defined]
        self.fields["attendees"].label_from_instance = lambda u: f"{u.get_full_name() or u.username}"  # type: ignore[attr-defined]


class QuizForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number, question in enumerate(catalogue.QUIZ):
            self.fields[f"q{number}"] = forms.TypedChoiceField(
                label=f"{number + 1}. {question.text}",
                choices=list(enumerate(question.options)),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Kies een antwoord."},
            )

    def answers(self) -> dict[int, int]:
        return {n: self.cleaned_data[f"q{n}"] for n in range(len(catalogue.QUIZ))}


LOCATION_KINDS = [
    ("business-unit", "Bedrijventerrein of bedrijfspand"),
    ("farm-shed", "Buitengebied (schuur, stal, erf)"),
    ("woning", "Woning"),
    ("area", "Openbare ruimte"),
]


class ReportForm(forms.Form):
    description = forms.CharField(
        label="Wat heeft u gezien?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Beschrijf wat u heeft gezien."},
    )
    location_kind = forms.ChoiceField(label="Waar was het?", choices=LOCATION_KINDS)
    location_text = forms.CharField(label="Adres of omschrijving van de plek", max_length=200, required=False)
