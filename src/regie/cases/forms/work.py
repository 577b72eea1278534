"""Forms of the work within a case: notes, tasks and documents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms

from regie.accounts.models import User
from regie.cases.models import DataCategory
from regie.cases.services.documents import DOCUMENT_TYPES
from regie.cases.services.notes import MAX_NOTE_LENGTH
from regie.core.html.forms import REQUIRED

CATEGORY_NOT_YOURS = "U mag in deze casus geen gegevens van deze categorie vastleggen."


def category_choices(categories: Iterable[str]) -> list[tuple[str, str]]:
    """The data categories a user may write in this case, in the fixed order general, care, justice."""
    allowed = set(categories)
    return [(value, label) for value, label in DataCategory.choices if value in allowed]


def category_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Gegevenscategorie",
        error_messages={**REQUIRED, "invalid_choice": CATEGORY_NOT_YOURS},
        help_text="Alleen teamleden met deze categorie zien dit.",
    )


class NoteForm(forms.Form):
    category = category_field()
    text = forms.CharField(
        label="Notitie",
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "De notitie is leeg.",
            "max_length": f"Een notitie is hoogstens {MAX_NOTE_LENGTH} tekens.",
        },
    )

    def __init__(self, *args: Any, categories: Iterable[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = category_choices(categories)
        field = self.fields["category"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices
        if len(choices) == 1:
            field.initial = choices[0][0]


class TaskForm(forms.Form):
    title = forms.CharField(
        label="Taak",
        max_length=200,
        error_messages={
            "required": "Vul een omschrijving van de taak in.",
            "max_length": "Een taak is hoogstens 200 tekens.",
        },
    )
    owner = forms.ModelChoiceField(
        label="Uitvoerder",
        queryset=User.objects.none(),
        empty_label="— kies —",
        error_messages={**REQUIRED, "invalid_choice": "Kies een uitvoerder uit het team van de casus."},
    )
    due_date = forms.DateField(
        label="Uiterste datum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in (jjjj-mm-dd)."},
        help_text="Vul een datum in, of een aantal werkdagen hieronder — niet allebei.",
    )
    working_days = forms.IntegerField(
        label="Of: binnen zoveel werkdagen",
        required=False,
        error_messages={"invalid": "Vul een geheel aantal werkdagen in."},
        help_text="Zaterdag, zondag en feestdagen tellen niet mee.",
    )

    def __init__(self, *args: Any, owners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["owner"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = owners

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("due_date") is not None and data.get("working_days") is not None:
            self.add_error("due_date", "Geef een datum of een aantal werkdagen — niet allebei.")
        return data


class TaskCompleteForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, error_messages=REQUIRED)


class DocumentForm(forms.Form):
    category = category_field()
    title = forms.CharField(
        label="Titel",
        max_length=200,
        error_messages={"required": "Vul een titel in.", "max_length": "Een titel is hoogstens 200 tekens."},
    )
    document_type = forms.ChoiceField(
        label="Soort document",
        choices=[(t, t[:1].upper() + t[1:]) for t in DOCUMENT_TYPES],
        error_messages={**REQUIRED, "invalid_choice": "Kies een bestaand soort document."},
    )
    file = forms.FileField(
        label="Bestand",
        error_messages={
            "required": "Kies een bestand.",
            "empty": "Het bestand is leeg.",
            "invalid": "Dit is geen bestand; kies een bestand om te uploaden.",
            "missing": "Kies een bestand.",
        },
        help_text="PDF, PNG, JPEG, Word, Excel, OpenDocument-tekst of platte tekst.",
    )

    def __init__(self, *args: Any, categories: Iterable[str], max_mb: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["category"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = category_choices(categories)
        self.fields["file"].help_text = f"{self.fields['file'].help_text} Hoogstens {max_mb} MB."
