"""Completing a person's record and merging two records of one person, from the person page."""

from __future__ import annotations

from typing import Any

from django import forms

from regie.core.html.forms import REQUIRED
from regie.subjects.identity import bsn_error


class PersonCompleteForm(forms.Form):
    """The identity and contact fields of a person; what is left empty stays unknown."""

    surname = forms.CharField(
        label="Achternaam",
        max_length=120,
        error_messages={**REQUIRED, "max_length": "Een achternaam is hoogstens 120 tekens."},
    )
    surname_prefix = forms.CharField(
        label="Tussenvoegsel",
        max_length=20,
        required=False,
        error_messages={"max_length": "Een tussenvoegsel is hoogstens 20 tekens."},
    )
    given_names = forms.CharField(
        label="Voornamen",
        max_length=120,
        required=False,
        error_messages={"max_length": "Voornamen zijn samen hoogstens 120 tekens."},
    )
    birth_date = forms.DateField(
        label="Geboortedatum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige geboortedatum in (jjjj-mm-dd)."},
    )
    bsn = forms.CharField(
        label="BSN",
        max_length=11,
        required=False,
        help_text="Negen cijfers; alleen invullen als het uit een betrouwbare bron komt (BRP, identiteitsbewijs).",
        error_messages={"max_length": "Een BSN heeft 9 cijfers."},
    )
    email = forms.EmailField(
        label="E-mailadres",
        required=False,
        max_length=254,
        error_messages={"invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."},
    )
    phone = forms.CharField(
        label="Telefoonnummer",
        max_length=30,
        required=False,
        error_messages={"max_length": "Een telefoonnummer is hoogstens 30 tekens."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean_bsn(self) -> str | None:
        value: str = self.cleaned_data.get("bsn", "").strip()
        if not value:
            return None
        error = bsn_error(value)
        if error:
            raise forms.ValidationError(error)
        return value

    def changes(self) -> dict[str, Any]:
        """The fields to store (everything but the version), by the person's attribute names."""
        names = {"surname_prefix": "prefix"}
        return {
            names.get(name, name): value for name, value in self.cleaned_data.items() if name != "version"
        }


class PersonMergeForm(forms.Form):
    """Which record stays, and why these two records are one person."""

    survivor = forms.UUIDField(
        label="De persoon die blijft",
        error_messages={**REQUIRED, "invalid": "Kies een persoon uit de lijst."},
    )
    reason = forms.CharField(
        label="Waarom is dit dezelfde persoon?",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bijvoorbeeld: zelfde naam en geboortedatum, bevestigd in de BRP.",
        error_messages={**REQUIRED, "max_length": "De reden is hoogstens 300 tekens."},
    )
