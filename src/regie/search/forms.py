"""Forms of the search page and the hit/no-hit page: they check the question; the services in `access` answer it.

Refused input never reaches the services, so a refused question is never searched, never asked and never logged.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from regie.search.selectors import MAX_QUERY, search_hint
from regie.subjects.identity import bsn_error, normalize_bsn

# Letters (any script), with spaces, hyphens, apostrophes and dots between them: "Jan-Willem", "d'Ancona", "J.".
NAME = re.compile(r"^[^\W\d_]+(?:[\s\-'’.]+[^\W\d_]*)*$")
NAME_ERROR = "Gebruik alleen letters, spaties, koppeltekens, apostroffen en punten."
EARLIEST_BIRTH_YEAR = 1900




class SearchForm(forms.Form):
    """One search box. No `max_length` on the field: a browser would cut a pasted term off without a word."""

    q = forms.CharField(
        label="Zoek een persoon of casus",
        error_messages={"required": "Vul een zoekterm in."},
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].help_text = (
            search_hint(user) + " Casussen vindt u ook op woorden uit notities die u mag lezen."
        )

    def clean_q(self) -> str:
        q = str(self.cleaned_data["q"])
        if len(q) > MAX_QUERY:
            raise forms.ValidationError(
                f"De zoekterm is te lang ({len(q)} tekens). Gebruik hoogstens {MAX_QUERY} tekens."
            )
        # Eight to ten digits (spaces and dots allowed) are meant as a BSN: say why one is not, instead of
        # searching and finding nothing. Case numbers have a hyphen and are not caught here.
        digits = re.sub(r"[\s.]", "", q)
        if digits.isascii() and digits.isdigit() and 8 <= len(digits) <= 10 and bsn_error(digits):
            why = (
                "De elfproef klopt niet: waarschijnlijk is een cijfer verkeerd overgenomen."
                if len(digits) == 9
                else f"Een BSN heeft 9 cijfers; dit zijn er {len(digits)}."
            )
            raise forms.ValidationError(
                f"U zocht op {q.strip()}, maar dat is geen geldig BSN. {why} Controleer de cijfers. Zoekt u "
                "een casus, gebruik dan het casusnummer met streepje (bijvoorbeeld 2026-00012)."
            )
        return q


def _name_field(label: str, max_length: int, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=help_text,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"max_length": f"Gebruik hoogstens {max_length} tekens."},
    )


class HitCheckForm(forms.Form):
    """Ask by BSN, or by surname (with prefix and given names when known) and birth date — never both."""

    bsn = forms.CharField(
        label="BSN",
        required=False,
        max_length=20,
        help_text="9 cijfers, bijvoorbeeld 123456782.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"max_length": "Het BSN moet uit 9 cijfers bestaan."},
    )
    surname = _name_field("Achternaam", 120, "Zonder tussenvoegsel, bijvoorbeeld Vries.")
    surname_prefix = _name_field("Tussenvoegsel", 20, "Bijvoorbeeld de, van of van der.")
    given_names = _name_field("Voornamen", 120)
    birth_date = forms.DateField(
        label="Geboortedatum",
        required=False,
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        help_text="dd-mm-jjjj, bijvoorbeeld 17-05-1980.",
        # A text box, not a date picker: a birth date is known by heart, and a picker's order follows the
        # browser's language (mm/dd/yyyy in an English browser) where the hint says dd-mm-jjjj.
        widget=forms.DateInput(attrs={"autocomplete": "off"}, format="%d-%m-%Y"),
        error_messages={"invalid": "Vul een bestaande datum in (dd-mm-jjjj)."},
    )

    BY_BSN = ("bsn",)
    BY_NAME = ("surname", "surname_prefix", "given_names", "birth_date")

    def clean_bsn(self) -> str:
        value = str(self.cleaned_data["bsn"])
        if not value:
            return ""
        message = bsn_error(value)
        if message:
            raise forms.ValidationError(message)
        return normalize_bsn(value) or ""

    def _clean_name(self, name: str) -> str:
        value = " ".join(str(self.cleaned_data[name]).split())
        if value and not NAME.match(value):
            raise forms.ValidationError(NAME_ERROR)
        return value

    def clean_surname(self) -> str:
        return self._clean_name("surname")

    def clean_surname_prefix(self) -> str:
        return self._clean_name("surname_prefix")

    def clean_given_names(self) -> str:
        return self._clean_name("given_names")

    def clean_birth_date(self) -> date | None:
        born: date | None = self.cleaned_data["birth_date"]
        if born is None:
            return None
        if born > timezone.localdate():
            raise forms.ValidationError("De geboortedatum ligt in de toekomst.")
        if born.year < EARLIEST_BIRTH_YEAR:
            raise forms.ValidationError(f"De geboortedatum ligt voor {EARLIEST_BIRTH_YEAR}.")
        return born

    def _filled(self, names: tuple[str, ...]) -> bool:
        """Whether the person typed anything in these fields (also when that input was refused)."""
        return any(str(self.data.get(name, "")).strip() for name in names)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        by_bsn, by_name = self._filled(self.BY_BSN), self._filled(self.BY_NAME)
        if by_bsn and by_name:
            raise forms.ValidationError(
                "Vraag óf op BSN, óf op naam en geboortedatum. Maak de velden van de andere manier leeg."
            )
        if not by_bsn and not by_name:
            raise forms.ValidationError("Vul een BSN in, of de achternaam en de geboortedatum.")
        if by_name:
            if not self._filled(("surname",)):
                self.add_error("surname", "Vul de achternaam in.")
            if not self._filled(("birth_date",)):
                self.add_error(
                    "birth_date",
                    "Vul de geboortedatum in: op naam alleen is het antwoord te onzeker.",
                )
        return data

    def question(self) -> dict[str, Any]:
        """The checked question as keyword arguments of `hit_check`."""
        data = self.cleaned_data
        if data["bsn"]:
            return {"bsn": data["bsn"]}
        return {
            "surname": data["surname"],
            "prefix": data["surname_prefix"],
            "given_names": data["given_names"],
            "birth_date": data["birth_date"],
        }

    def summary(self) -> str:
        """The question in words, for the answer: only what the person typed themselves."""
        data = self.cleaned_data
        if data["bsn"]:
            return f"BSN {data['bsn']}"
        name = " ".join(p for p in (data["given_names"], data["surname_prefix"], data["surname"]) if p)
        return f"{name}, geboren {data['birth_date']:%d-%m-%Y}"
