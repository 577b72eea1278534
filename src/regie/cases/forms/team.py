"""Forms of the case team: who joins with which case role and which data categories."""

from __future__ import annotations

from typing import Any

from django import forms

from regie.cases.models import DataCategory
from regie.core.html.forms import REQUIRED

CATEGORIES_REQUIRED = "Kies minstens één gegevenscategorie die dit teamlid mag zien."


def categories_field(
    label: str = "Mag deze gegevens zien", required: str = CATEGORIES_REQUIRED
) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=DataCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": required, "invalid_choice": "Onbekende gegevenscategorie."},
    )


def case_role_field() -> forms.CharField:
    return forms.CharField(
        label="Rol in de casus",
        max_length=60,
        error_messages={
            "required": "Vul de rol in de casus in.",
            "max_length": "Een rol is hoogstens 60 tekens.",
        },
        help_text="Bijvoorbeeld casusregisseur, wijkagent of behandelaar.",
    )


class MemberAddForm(forms.Form):
    member = forms.ChoiceField(
        label="Gebruiker of organisatie",
        error_messages={**REQUIRED, "invalid_choice": "Kies een gebruiker of organisatie uit de lijst."},
    )
    case_role = case_role_field()
    categories = categories_field()
    can_edit = forms.BooleanField(label="Mag bewerken (notities, taken, documenten)", required=False)

    def __init__(
        self,
        *args: Any,
        users: list[tuple[str, str]],
        organisations: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["member"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "— kies —"), ("Gebruikers", users), ("Organisaties", organisations)]


class MemberChangeForm(forms.Form):
    case_role = case_role_field()
    categories = categories_field()
    can_edit = forms.BooleanField(label="Mag bewerken", required=False)


class HandOverForm(forms.Form):
    """Hand the coordination to a colleague; the previous coordinator's categories are chosen, not assumed."""

    coordinator = forms.TypedChoiceField(
        label="Nieuwe coördinator",
        coerce=int,
        error_messages={**REQUIRED, "invalid_choice": "Kies een nieuwe coördinator uit de lijst."},
        help_text="Een coördinator ziet alle gegevenscategorieën van de casus en is het vaste aanspreekpunt.",
    )
    previous_coordinator_categories = forms.MultipleChoiceField(
        label="De vorige coördinator blijft in het team en ziet",
        choices=DataCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Onbekende gegevenscategorie."},
        help_text="Vink niets aan als de vorige coördinator uit het team gaat.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, error_messages=REQUIRED)

    def __init__(self, *args: Any, users: list[tuple[int, str]], **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "overdracht_%s")
        super().__init__(*args, **kwargs)
        field = self.fields["coordinator"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "— kies —"), *users]
