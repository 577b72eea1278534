"""Forms of monitoring: the dashboard's filters, a rebuild from a month, and the council report's request."""

from __future__ import annotations

from typing import Any

from django import forms

from regie.core.html.forms import REQUIRED
from regie.core.indicators import THEMES
from regie.monitoring.models import ReportKind

MONTH = {"placeholder": "JJJJ-MM", "inputmode": "numeric", "pattern": "[0-9]{4}-[0-9]{2}"}
MANY_AREAS = 60  # more areas than this: typed (a postcode area), not chosen from a list


class FilterForm(forms.Form):
    van = forms.CharField(
        label="Van maand", required=False, max_length=7, widget=forms.TextInput(attrs=MONTH)
    )
    tot = forms.CharField(
        label="Tot en met maand", required=False, max_length=7, widget=forms.TextInput(attrs=MONTH)
    )
    gebied = forms.ChoiceField(label="Gebied", required=False)

    def __init__(self, *args: Any, areas: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["gebied"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Hele gemeente"), *((a, a) for a in areas)]
        field.error_messages["invalid_choice"] = "Kies een gebied uit de lijst."
        if len(areas) > MANY_AREAS:
            field.widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
            field.help_text = "Vier cijfers van een postcode, bijvoorbeeld 6811; leeg voor de hele gemeente."
            field.error_messages["invalid_choice"] = (
                "Voor dit postcodegebied zijn geen cijfers; kies een ander."
            )

    def full_clean(self) -> None:
        # "6811" or "6811 AB" typed for a postcode area means "Postcode 6811".
        typed = str(self.data.get("gebied") or "").strip() if self.is_bound else ""
        if typed[:4].isdigit() and len(typed[:4]) == 4:
            data = dict(self.data.items())
            data["gebied"] = f"Postcode {typed[:4]}"
            self.data = data
        super().full_clean()


class RebuildForm(forms.Form):
    from_month = forms.CharField(
        label="Opnieuw berekenen vanaf maand",
        max_length=7,
        widget=forms.TextInput(attrs=MONTH),
        help_text="Bijvoorbeeld 2025-01. Alle maanden vanaf deze maand tot nu worden opnieuw berekend.",
        error_messages={**REQUIRED, "max_length": "Schrijf de maand als JJJJ-MM, bijvoorbeeld 2025-01."},
    )


class ReportForm(forms.Form):
    kind = forms.ChoiceField(
        label="Soort rapportage",
        choices=ReportKind.choices,
        initial=ReportKind.QUARTER,
        widget=forms.RadioSelect,
        error_messages={**REQUIRED, "invalid_choice": "Kies een kwartaal- of jaarrapportage."},
    )
    year = forms.IntegerField(
        label="Jaar",
        error_messages={**REQUIRED, "invalid": "Vul een jaar in, bijvoorbeeld 2026."},
    )
    quarter = forms.TypedChoiceField(
        label="Kwartaal",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", "— alleen bij een kwartaalrapportage —"),
            (1, "1e kwartaal"),
            (2, "2e kwartaal"),
            (3, "3e kwartaal"),
            (4, "4e kwartaal"),
        ],
        error_messages={"invalid_choice": "Kies het kwartaal (1 tot en met 4)."},
    )
    text_inleiding = forms.CharField(
        label="Inleiding",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="De eigen tekst van de gemeente vooraan in de rapportage.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for theme, label in THEMES.items():
            self.fields[f"text_{theme}"] = forms.CharField(
                label=f"Toelichting: {label}", required=False, widget=forms.Textarea(attrs={"rows": 3})
            )

    def texts(self) -> dict[str, str]:
        return {name[5:]: value for name, value in self.cleaned_data.items() if name.startswith("text_")}
