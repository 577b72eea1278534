"""The report forms (staff and partners; the public at /melden). They translate input; the service decides.

The service names its errors by field (`subjects.0.bsn`); `SUBJECT_FIELDS` maps them back to the form field that
holds that value, so every error appears next to what the reporter typed.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from regie.core.html.forms import REQUIRED
from regie.intake.models import LocationKind, SubjectKind, Urgency
from regie.intake.services import inputs
from regie.intake.services.inputs import MAX_ATTACHMENTS, MAX_DESCRIPTION, FileInput, Reporter, SubjectInput

CHOICE = {**REQUIRED, "invalid_choice": "Kies een van de mogelijkheden."}
LOCATION_CHOICES = [("", "Weet ik niet of niet van toepassing"), *LocationKind.choices]
HONEYPOT = "website"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Zero or more files in one input (the type and size are checked by the service, from the content)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def _description() -> forms.CharField:
    return forms.CharField(
        label="Wat wilt u melden?",
        widget=forms.Textarea(attrs={"rows": 7}),
        max_length=MAX_DESCRIPTION,
        error_messages={
            "required": "Beschrijf wat u wilt melden.",
            "max_length": f"De beschrijving is te lang: hoogstens {MAX_DESCRIPTION} tekens.",
        },
        help_text="Wat is er aan de hand, sinds wanneer, en wie of wat is erbij betrokken?",
    )


def _attachments() -> MultipleFileField:
    return MultipleFileField(
        label="Bijlagen",
        required=False,
        help_text=(
            f"Foto's of documenten (PDF, PNG, JPEG, Word, Excel, OpenDocument, tekst); hoogstens {MAX_ATTACHMENTS}."
        ),
        error_messages={"invalid": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )


def _location_fields() -> tuple[forms.ChoiceField, forms.CharField]:
    kind = forms.ChoiceField(
        label="Waar speelt het?", choices=LOCATION_CHOICES, required=False, error_messages=CHOICE
    )
    text = forms.CharField(
        label="Adres of omschrijving van de plek",
        required=False,
        max_length=300,
        error_messages={"max_length": "Beschrijf de plek in hoogstens 300 tekens."},
    )
    return kind, text


def _text(label: str, max_length: int, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        error_messages={"max_length": f"Hoogstens {max_length} tekens."},
        **kwargs,
    )


class SignalReportForm(forms.Form):
    """Staff and partner users: the signal, optionally who and what it is about."""

    description = _description()
    urgency = forms.ChoiceField(
        label="Urgentie",
        choices=Urgency.choices,
        initial=Urgency.NORMAL,
        widget=forms.RadioSelect,
        error_messages=CHOICE,
    )
    location_kind, location_text = _location_fields()
    surname = _text("Achternaam", 120)
    name_prefix = _text("Tussenvoegsel", 20)
    given_names = _text("Voornamen", 120)
    bsn = _text("BSN", 11, help_text="Alleen als u het BSN rechtmatig kent.")
    birth_date = forms.DateField(
        label="Geboortedatum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige geboortedatum in (jjjj-mm-dd)."},
    )
    postcode = _text("Postcode", 7)
    house_number = _text("Huisnummer", 6, widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    kvk_number = _text("KvK-nummer", 12)
    business_name = _text("Naam van het bedrijf", 160)
    attachments = _attachments()
    van = forms.CharField(required=False, widget=forms.HiddenInput, max_length=300)

    # (subject kind, {service field: form field}) in the order subjects() builds them.
    SUBJECT_FIELDS: tuple[tuple[str, dict[str, str]], ...] = (
        (
            SubjectKind.PERSON,
            {
                "surname": "surname",
                "prefix": "name_prefix",
                "given_names": "given_names",
                "bsn": "bsn",
                "birth_date": "birth_date",
            },
        ),
        (SubjectKind.ADDRESS, {"postcode": "postcode", "house_number": "house_number"}),
        (SubjectKind.BUSINESS, {"kvk_number": "kvk_number", "name": "business_name"}),
    )

    def subjects(self) -> tuple[list[SubjectInput], dict[str, str]]:
        """The filled-in subjects, and a map from service error keys to form fields."""
        data = self.cleaned_data
        subjects: list[SubjectInput] = []
        aliases: dict[str, str] = {}
        for kind, mapping in self.SUBJECT_FIELDS:
            values = {
                service: data.get(form)
                for service, form in mapping.items()
                if data.get(form) not in (None, "")
            }
            if not values:
                continue
            index = len(subjects)
            aliases.update({f"subjects.{index}.{service}": form for service, form in mapping.items()})
            subjects.append(SubjectInput(kind=kind, data=values))
        return subjects, aliases

    def file_inputs(self) -> list[FileInput]:
        return [FileInput(filename=f.name, content=f) for f in self.cleaned_data.get("attachments") or []]

    def clean(self) -> dict[str, Any]:
        """The service's identity checks, run early so every field's error shows at once."""
        data = super().clean() or {}
        subjects, aliases = self.subjects()
        errors: dict[str, str] = {}
        inputs.clean_subjects(subjects, errors)
        for key, message in errors.items():
            field = aliases.get(key)
            if field and field not in self.errors:
                self.add_error(field, message)
        return data


class PublicReportForm(forms.Form):
    """The public form at /melden: anonymous allowed, contact details optional, a honeypot for robots."""

    reporter_type = forms.ChoiceField(
        label="Hoe meldt u?",
        choices=[
            ("inwoner", "Als inwoner"),
            ("ondernemer", "Als ondernemer"),
            ("anoniem", "Anoniem, zonder contactgegevens"),
        ],
        initial="inwoner",
        widget=forms.RadioSelect,
        error_messages=CHOICE,
    )
    description = _description()
    location_kind, location_text = _location_fields()
    urgent = forms.BooleanField(
        label="Het is dringend: het moet binnen een dag bekeken worden",
        required=False,
    )
    reporter_name = _text("Uw naam", 160, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    reporter_email = forms.CharField(
        label="Uw e-mailadres",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="Dan sturen wij u een bevestiging met uw referentie en een bericht als de melding is behandeld.",
        error_messages={"max_length": "Een e-mailadres is hoogstens 254 tekens."},
    )
    reporter_phone = _text(
        "Uw telefoonnummer", 30, widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"})
    )
    attachments = _attachments()
    website = forms.CharField(
        label="Laat dit veld leeg",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self) -> str:
        value = str(self.cleaned_data.get(HONEYPOT) or "")
        if value.strip():
            raise ValidationError(
                "Uw melding is niet verstuurd: het veld 'Laat dit veld leeg' was ingevuld. Maak het leeg en "
                "verstuur opnieuw."
            )
        return value

    def clean(self) -> dict[str, Any]:
        """The service's contact checks, run early so every field's error shows at once."""
        data = super().clean() or {}
        errors: dict[str, str] = {}
        inputs.clean_reporter(self.reporter(), errors)
        for field, message in errors.items():
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
        return data

    def reporter(self) -> Reporter:
        data = self.cleaned_data
        return Reporter(
            name=data.get("reporter_name") or "",
            email=data.get("reporter_email") or "",
            phone=data.get("reporter_phone") or "",
        )

    def file_inputs(self) -> list[FileInput]:
        return [FileInput(filename=f.name, content=f) for f in self.cleaned_data.get("attachments") or []]
