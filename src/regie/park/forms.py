"""Forms of the park pages: parse and check input; the services decide and write."""

from __future__ import annotations

from typing import Any

from django import forms

from regie.accounts.models import User
from regie.park.models import EvidenceKind, Outcome, ResidenceStatus
from regie.park.services.inspections import INDICATORS
from regie.subjects.models import Person

SORTS = (
    ("kavel", "Kavelnummer"),
    ("status", "Bewoningsstatus"),
    ("inspectie", "Laatste inspectie"),
    ("termijn", "Eerstvolgende termijn"),
)


class OverviewFilter(forms.Form):
    status = forms.ChoiceField(
        label="Bewoningsstatus", required=False, choices=[("", "Alle statussen"), *ResidenceStatus.choices]
    )
    procedure = forms.ChoiceField(
        label="Procedure",
        required=False,
        choices=[
            ("", "Met en zonder procedure"),
            ("ja", "Met lopende procedure"),
            ("nee", "Zonder procedure"),
        ],
    )
    sorteer = forms.ChoiceField(label="Sorteren op", required=False, choices=SORTS)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Nieuwe bewoningsstatus", choices=ResidenceStatus.choices)
    on_date = forms.DateField(label="Datum", widget=forms.DateInput(attrs={"type": "date"}))
    evidence_kind = forms.ChoiceField(label="Soort bewijs", choices=EvidenceKind.choices)
    evidence = forms.CharField(label="Bewijs", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class RoundForm(forms.Form):
    planned_on = forms.DateField(label="Datum van de ronde", widget=forms.DateInput(attrs={"type": "date"}))
    inspectors = forms.ModelMultipleChoiceField(
        label="Inspecteurs (gemeente en provincie)",
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies ten minste één inspecteur."},
    )
    sample_size = forms.IntegerField(
        label="Omvang van de steekproef",
        min_value=0,
        max_value=200,
        initial=5,
        help_text="Naast alle kavels met een risico: zoveel kavels willekeurig uit de rest.",
    )
    note = forms.CharField(label="Toelichting", required=False, max_length=300)

    def __init__(self, *args: Any, inspectors: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["inspectors"].queryset = inspectors if inspectors is not None else User.objects.none()  # type: ignore[attr-defined]
        self.fields["inspectors"].label_from_instance = (  # type: ignore[attr-defined]
            lambda u: f"{u.get_full_name() or u.username} ({u.organisation})"
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern); the service sniffs each one's content."""

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return single(data, initial)


class InspectionForm(forms.Form):
    indicators = forms.MultipleChoiceField(
        label="Aanwijzingen voor hoofdverblijf",
        required=False,
        choices=INDICATORS,
        widget=forms.CheckboxSelectMultiple,
    )
    entry_consent = forms.BooleanField(label="De bewoner gaf toestemming om binnen te treden", required=False)
    findings = forms.CharField(
        label="Bevindingen",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Wat u zag en hoorde, feitelijk (dit komt in het rapport van bevindingen).",
        error_messages={"required": "Beschrijf wat u hebt gezien en gehoord (de bevindingen)."},
    )
    outcome = forms.ChoiceField(
        label="Uitkomst",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies de uitkomst van de inspectie."},
    )
    photos = MultipleFileField(
        label="Foto's",
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png", "capture": "environment"}),
        help_text="JPEG of PNG; hoogstens 10.",
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Toelichting",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Vul een toelichting in."},
    )


class OccupantForm(forms.Form):
    given_names = forms.CharField(label="Voornamen", required=False, max_length=120)
    name_prefix = forms.CharField(label="Tussenvoegsel", required=False, max_length=20)
    surname = forms.CharField(
        label="Achternaam", max_length=120, error_messages={"required": "Vul de achternaam in."}
    )
    birth_date = forms.DateField(
        label="Geboortedatum", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    from_date = forms.DateField(
        label="Woont of verblijft hier vanaf",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Vul de datum in vanaf wanneer deze persoon hier verblijft."},
    )
    registered_here = forms.BooleanField(label="Ingeschreven (BRP) op het adres van de kavel", required=False)


class PermitForm(forms.Form):
    holder = forms.ModelChoiceField(
        label="Houder",
        queryset=Person.objects.none(),
        error_messages={"required": "Kies de houder van de beschikking."},
    )
    granted_on = forms.DateField(label="Datum beschikking", widget=forms.DateInput(attrs={"type": "date"}))
    basis = forms.CharField(
        label="Grondslag",
        max_length=300,
        initial="Hoofdverblijf op het park sinds vóór 31 oktober 2003",
    )

    def __init__(self, *args: Any, holders: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = holders  # type: ignore[attr-defined]


class ToleranceForm(forms.Form):
    decided_on = forms.DateField(label="Datum gedoogbesluit", widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label="Einddatum", widget=forms.DateInput(attrs={"type": "date"}))
    description = forms.CharField(label="Omschrijving", max_length=300)
