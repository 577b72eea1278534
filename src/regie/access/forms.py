from __future__ import annotations

from django import forms


class LogFilterForm(forms.Form):
    person = forms.UUIDField(
        label="Persoon (id)",
        required=False,
        error_messages={"invalid": "Vul een geldig persoons-id in (UUID)."},
    )
    user = forms.CharField(label="Gebruiker", required=False, max_length=150)
    action = forms.RegexField(
        label="Handeling",
        required=False,
        max_length=80,
        regex=r"^[a-z_.]+$",
        error_messages={"invalid": "Gebruik een handelingscode zoals auth.login of case."},
        help_text="Bijvoorbeeld auth.login_failed, of het begin: auth.",
    )
    date_from = forms.DateField(
        label="Vanaf",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in (jjjj-mm-dd)."},
    )
    date_to = forms.DateField(
        label="Tot en met",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in (jjjj-mm-dd)."},
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "De einddatum ligt voor de begindatum.")
        return data
