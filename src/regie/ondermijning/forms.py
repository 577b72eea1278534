"""Forms of the ondermijning pages: parse and check input; the services decide and write."""

from __future__ import annotations

import json
from typing import Any

from django import forms

from regie.accounts.models import Organisation, User
from regie.ondermijning import catalogue
from regie.ondermijning.models import AreaKind, ContactRole, KvoStep, MeasureStatus, SiteKind

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
    name = forms.CharField(
        label="Naam of omschrijving",
        max_length=160,
        error_messages={"required": "Vul een naam of omschrijving van de locatie in."},
    )
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
    anonymous = forms.TypedChoiceField(
        label="Mogen de collega's die de melding behandelen uw naam zien?",
        choices=[
            ("nee", "Ja, met mijn naam: collega's kunnen mij iets terugvragen"),
            ("ja", "Nee, anoniem tegenover collega's"),
        ],
        coerce=lambda v: v == "ja",
        initial="nee",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies of collega's uw naam mogen zien.",
            "invalid_choice": "Kies of collega's uw naam mogen zien: met uw naam of anoniem.",
        },
    )


class AreaEditForm(forms.Form):
    name = forms.CharField(
        label="Naam van het gebied",
        max_length=160,
        error_messages={"required": "Vul de naam van het gebied in."},
    )
    kind = AreaForm.base_fields["kind"]
    geometry = AreaForm.base_fields["geometry"]


class ContactForm(forms.Form):
    role = forms.ChoiceField(label="Rol", choices=ContactRole.choices)
    organisation = forms.CharField(
        label="Organisatie",
        max_length=160,
        help_text="Bijvoorbeeld Parkmanagement Pannenhuis of LTO Noord.",
        error_messages={"required": "Vul de organisatie in."},
    )
    name = forms.CharField(
        label="Naam van de contactpersoon",
        max_length=160,
        error_messages={"required": "Vul de naam van de contactpersoon in."},
    )
    phone = forms.CharField(label="Telefoon", max_length=30, required=False)
    email = forms.EmailField(
        label="E-mail",
        required=False,
        error_messages={"invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."},
    )


class MeasureForm(forms.Form):
    description = forms.CharField(
        label="Maatregel", max_length=300, error_messages={"required": "Beschrijf de maatregel."}
    )
    owner = forms.CharField(
        label="Eigenaar",
        max_length=160,
        help_text="Wie zorgt dat de maatregel wordt uitgevoerd.",
        error_messages={"required": "Vul de eigenaar van de maatregel in."},
    )
    due_on = forms.DateField(label="Gereed voor", required=False, widget=DATE)
    status = forms.ChoiceField(label="Status", choices=MeasureStatus.choices, initial=MeasureStatus.PLANNED)


class KvoDocumentForm(forms.Form):
    title = forms.CharField(
        label="Titel", max_length=200, error_messages={"required": "Vul de titel van het document in."}
    )
    step = forms.ChoiceField(
        label="Bij stap", choices=[("", "Geen bepaalde stap"), *KvoStep.choices], required=False
    )
    file = forms.FileField(
        label="Bestand",
        help_text="PDF, Word, Excel, OpenDocument-tekst, afbeelding of platte tekst.",
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )


class RevealForm(forms.Form):
    reference = forms.CharField(
        label="Referentie van het signaal",
        max_length=16,
        help_text="Bijvoorbeeld M-2026-000123.",
        error_messages={"required": "Vul de referentie van het signaal in."},
    )
    reason = forms.CharField(
        label="Reden om de melder op te vragen",
        min_length=10,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Wordt vastgelegd in het verwerkingslogboek.",
        error_messages={
            "required": "Vul de reden in om de melder op te vragen.",
            "min_length": "Geef de reden in ten minste 10 tekens.",
        },
    )
