"""Forms of the triage queue and the signal page: filters, the five decisions, corrections."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.db.models import QuerySet

from regie.accounts.models import Organisation, User
from regie.cases.case_numbers import CaseNumberField
from regie.cases.models import CaseType, Priority
from regie.core.html.forms import REQUIRED
from regie.intake.models import Decision, SignalCategory, Source, Status, Urgency
from regie.intake.selectors import ALL, CENTRAL, OPEN

CHOICE = {**REQUIRED, "invalid_choice": "Kies een van de mogelijkheden uit de lijst."}
REFERENCE = re.compile(r"^\s*[Mm]-\d{4}-\d{6}\s*$")


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[(OPEN, "Open (nieuw en opgepakt)"), *Status.choices, (ALL, "Alle")],
        error_messages=CHOICE,
    )
    categorie = forms.ChoiceField(label="Categorie", required=False, error_messages=CHOICE)
    wachtrij = forms.ChoiceField(label="Wachtrij", required=False, error_messages=CHOICE)
    urgentie = forms.ChoiceField(
        label="Urgentie", required=False, choices=[("", "Alle"), *Urgency.choices], error_messages=CHOICE
    )
    bron = forms.ChoiceField(
        label="Bron", required=False, choices=[("", "Alle"), *Source.choices], error_messages=CHOICE
    )
    referentie = forms.RegexField(
        label="Referentie",
        required=False,
        regex=REFERENCE,
        max_length=20,
        error_messages={"invalid": "Vul een referentie in zoals M-2026-000123."},
    )
    te_laat = forms.BooleanField(label="Alleen over de termijn", required=False)
    mislukt = forms.BooleanField(label="Alleen mislukte verwerking", required=False)
    mijn = forms.BooleanField(label="Alleen door mij opgepakt", required=False)

    def __init__(
        self, *args: Any, categories: QuerySet[SignalCategory], queues: QuerySet[Organisation], **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.fields["categorie"].choices = [("", "Alle"), *((c.code, c.label) for c in categories)]  # type: ignore[attr-defined]
        self.fields["wachtrij"].choices = [  # type: ignore[attr-defined]
            ("", "Alle zichtbare"),
            (CENTRAL, "Centrale triage (nog niet gerouteerd)"),
            *((str(q.pk), q.name) for q in queues),
        ]


DECISION_CHOICES = [(value, label) for value, label in Decision.choices]


class StartCaseForm(forms.Form):
    case_type = forms.ModelChoiceField(
        label="Casustype",
        queryset=CaseType.objects.filter(active=True).order_by("label"),
        error_messages=CHOICE,
    )
    title = forms.CharField(
        label="Titel van de casus",
        max_length=200,
        required=False,
        help_text="Leeg laten: de referentie van het signaal wordt de titel.",
        error_messages={"max_length": "Een titel is hoogstens 200 tekens."},
    )
    coordinator = forms.ModelChoiceField(
        label="Coördinator", queryset=User.objects.none(), error_messages=CHOICE
    )
    priority = forms.ChoiceField(label="Prioriteit", choices=Priority.choices, error_messages=CHOICE)

    def __init__(self, *args: Any, coordinators: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = coordinators  # type: ignore[attr-defined]


class AddToCaseForm(forms.Form):
    case_number = CaseNumberField(label="Casusnummer")


class ReferForm(forms.Form):
    partner = forms.ModelChoiceField(
        label="Partner", queryset=Organisation.objects.none(), error_messages=CHOICE
    )
    reason = forms.CharField(
        label="Reden van de doorverwijzing",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": "Geef de reden van de doorverwijzing.",
            "max_length": "Hoogstens 2000 tekens.",
        },
    )
    shared = forms.CharField(
        label="Welke gegevens heeft u gedeeld?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=(
            "Bijvoorbeeld: de beschrijving zonder naam van de melder. Dit wordt vastgelegd in het verwerkingslog."
        ),
        error_messages={
            "required": "Leg vast welke gegevens u heeft gedeeld (of 'geen').",
            "max_length": "Hoogstens 2000 tekens.",
        },
    )

    def __init__(self, *args: Any, partners: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners  # type: ignore[attr-defined]


class MergeForm(forms.Form):
    duplicate_of = forms.RegexField(
        label="Referentie van het eerdere signaal",
        regex=REFERENCE,
        max_length=20,
        error_messages={
            "required": "Vul de referentie in, zoals M-2026-000123.",
            "invalid": "Vul een referentie in zoals M-2026-000123.",
        },
    )


class CloseForm(forms.Form):
    reason = forms.CharField(
        label="Reden van sluiten zonder actie",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": "Geef de reden waarom dit signaal zonder actie wordt gesloten.",
            "max_length": "Hoogstens 2000 tekens.",
        },
    )


class CategoryForm(forms.Form):
    category = forms.ModelChoiceField(
        label="Categorie",
        queryset=SignalCategory.objects.filter(active=True),
        to_field_name="code",
        error_messages=CHOICE,
    )


class FirstActionForm(forms.Form):
    note = forms.CharField(
        label="Wat was de eerste actie?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": "Beschrijf kort wat de eerste actie was.",
            "max_length": "Hoogstens 2000 tekens.",
        },
    )


NONE_OF_THEM = "geen"


class SubjectConfirmForm(forms.Form):
    person = forms.ChoiceField(
        label="Is dit een van deze personen?", widget=forms.RadioSelect, error_messages=CHOICE
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [*choices, (NONE_OF_THEM, "Geen van deze: maak een nieuwe persoon aan")]
