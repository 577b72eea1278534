from __future__ import annotations

import re
from typing import Any

from django import forms

from regie.privacy.models import RequestDecision, RequestKind, WithholdingGround
from regie.privacy.rights import RECTIFIABLE
from regie.processing_log.actions import all_actions, is_registered
from regie.subjects.identity import bsn_error, normalize_bsn

_ACTION_PATTERN = re.compile(r"[a-z_.]{1,80}")


def action_choices() -> list[tuple[str, Any]]:
    """Every registered action by its Dutch label, grouped per processing activity."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for action in all_actions():
        groups.setdefault(action.activity, []).append((action.code, action.label))
    return [("", "Alle handelingen")] + [
        (activity, sorted(options, key=lambda option: option[1]))
        for activity, options in sorted(groups.items())
    ]


class ActionFilterField(forms.ChoiceField):
    """A registered action chosen by its label, or (from a link) the beginning of codes, e.g. `auth.`."""

    def valid_value(self, value: Any) -> bool:
        return bool(_ACTION_PATTERN.fullmatch(str(value)))


class LogFilterForm(forms.Form):
    person = forms.CharField(
        label="Persoon (naam of BSN)",
        required=False,
        max_length=120,
        help_text="Bijvoorbeeld 'Hermsen' of een BSN van 9 cijfers.",
    )
    user = forms.CharField(label="Gebruiker", required=False, max_length=150)
    action = ActionFilterField(
        label="Handeling",
        required=False,
        error_messages={"invalid_choice": "Kies een handeling uit de lijst."},
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = action_choices()
        asked = str(self.data.get("action", "")) if self.is_bound else ""
        if asked and not is_registered(asked) and _ACTION_PATTERN.fullmatch(asked):
            # A link filtering on the beginning of codes: keep it visible and selected.
            choices.insert(1, (asked, f"Begint met: {asked}"))
        self.fields["action"].choices = choices  # type: ignore[attr-defined]

    def clean_person(self) -> str:
        text = str(self.cleaned_data.get("person") or "").strip()
        digits = text.replace(" ", "").replace(".", "")
        if digits.isdigit():
            error = bsn_error(digits)
            if error:
                raise forms.ValidationError(error)
            return normalize_bsn(digits) or digits
        if text and len(text) < 2:
            raise forms.ValidationError("Typ ten minste twee letters van de naam.")
        return text

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "De einddatum ligt voor de begindatum.")
        return data


class PersonSearchForm(forms.Form):
    """Find the data subject by what they give: their name, BSN and/or birth date (never an internal id)."""

    naam = forms.CharField(label="Naam", required=False, max_length=120)
    bsn = forms.CharField(label="BSN", required=False, max_length=11)
    geboortedatum = forms.DateField(
        label="Geboortedatum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in (jjjj-mm-dd)."},
    )

    def clean_bsn(self) -> str:
        value = str(self.cleaned_data.get("bsn") or "").strip()
        if not value:
            return ""
        error = bsn_error(value)
        if error:
            raise forms.ValidationError(error)
        return normalize_bsn(value) or ""

    def clean_naam(self) -> str:
        value = str(self.cleaned_data.get("naam") or "").strip()
        if value and len(value) < 2:
            raise forms.ValidationError("Typ ten minste twee letters van de naam.")
        return value

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not self.errors and not (data.get("naam") or data.get("bsn") or data.get("geboortedatum")):
            raise forms.ValidationError("Vul een naam, een BSN of een geboortedatum in.")
        return data


class RequestCreateForm(forms.Form):
    person = forms.UUIDField(
        widget=forms.HiddenInput, error_messages={"invalid": "Kies de betrokkene opnieuw."}
    )
    kind = forms.ChoiceField(
        label="Soort verzoek",
        choices=RequestKind.choices,
        initial=RequestKind.ACCESS,
        required=False,  # without one, a request of access
        error_messages={"invalid_choice": "Kies een bestaande soort verzoek."},
    )
    received_on = forms.DateField(
        label="Ontvangen op",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Vul de datum van ontvangst in.", "invalid": "Vul een geldige datum in."},
    )
    identity_check = forms.CharField(
        label="Identiteit vastgesteld met",
        max_length=200,
        help_text="Bijvoorbeeld: paspoort gezien aan de balie; DigiD-ingelogd formulier.",
        error_messages={"required": "Leg vast hoe u de identiteit van de verzoeker hebt vastgesteld."},
    )

    subject_matter = forms.CharField(
        label="Wat vraagt de betrokkene? (niet bij inzage)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bij bezwaar: de bijzondere situatie die de betrokkene aanvoert.",
    )
    rectify_field = forms.ChoiceField(
        label="Te verbeteren gegeven (bij rectificatie)",
        required=False,
        choices=[("", "—"), *RECTIFIABLE.items()],
        error_messages={"invalid_choice": "Kies een gegeven dat verbeterd kan worden."},
    )
    rectify_value = forms.CharField(
        label="Juiste waarde (bij rectificatie)",
        required=False,
        max_length=200,
        help_text="Een geboortedatum als jjjj-mm-dd.",
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Besluit",
        choices=RequestDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies het besluit.", "invalid_choice": "Kies een bestaand besluit."},
    )
    reasons = forms.CharField(
        label="Motivering (bij bezwaar: de afweging)",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Geef de motivering van het besluit."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class WithholdingForm(forms.Form):
    item = forms.ChoiceField(
        label="Onderdeel",
        choices=[],
        error_messages={
            "required": "Kies het onderdeel dat u achterhoudt.",
            "invalid_choice": "Kies een onderdeel van het inzage-overzicht.",
        },
    )
    ground = forms.ChoiceField(
        label="Wettelijke grond",
        choices=WithholdingGround.choices,
        error_messages={
            "required": "Kies de wettelijke grond.",
            "invalid_choice": "Kies een bestaande wettelijke grond.",
        },
    )
    explanation = forms.CharField(
        label="Toelichting",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Licht toe waarom dit onderdeel wordt achtergehouden."},
    )

    def __init__(self, *args: Any, items: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [("", "—"), *items.items()]  # type: ignore[attr-defined]


class LiftForm(forms.Form):
    restriction = forms.UUIDField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label="Reden om de beperking op te heffen",
        max_length=1000,
        error_messages={"required": "Geef de reden om de beperking op te heffen."},
    )


class ExtendForm(forms.Form):
    months = forms.TypedChoiceField(
        label="Verlengen met",
        coerce=int,
        choices=[(1, "één maand"), (2, "twee maanden")],
        error_messages={"invalid_choice": "Verlengen kan met één of twee maanden."},
    )
    reason = forms.CharField(
        label="Reden (de betrokkene krijgt die te horen)",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Geef de reden van de verlenging."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CompleteForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
