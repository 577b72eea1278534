"""The beheerder's form for one row of the sign-on mapping table: it translates input; the service decides."""

from __future__ import annotations

from typing import Any

from django import forms

from regie.accounts.models import Organisation, Role
from regie.accounts.oidc.services import providers
from regie.core.html.forms import REQUIRED


class OidcRoleMappingForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    claim_value = forms.CharField(
        label="Waarde in de claim",
        max_length=200,
        error_messages={**REQUIRED, "max_length": "Gebruik hoogstens 200 tekens."},
        help_text="Bijvoorbeeld de naam of het kenmerk van de groep bij de inlogdienst.",
    )
    provider = forms.ChoiceField(
        label="Inlogdienst",
        required=False,
        error_messages={
            "invalid_choice": "Kies een ingestelde inlogdienst, of laat dit leeg voor elke inlogdienst."
        },
    )
    role = forms.ChoiceField(
        label="Rol in Regie",
        choices=[("", "— kies een rol —"), *Role.choices],
        error_messages={**REQUIRED, "invalid_choice": "Kies een bestaande rol."},
    )
    organisation = forms.ModelChoiceField(
        label="Organisatie",
        queryset=Organisation.objects.filter(active=True),
        empty_label="— kies een organisatie —",
        error_messages={**REQUIRED, "invalid_choice": "Kies een bestaande, actieve organisatie."},
    )
    position = forms.IntegerField(
        label="Volgorde",
        min_value=1,
        max_value=999,
        initial=100,
        error_messages={
            **REQUIRED,
            "invalid": "Vul een geheel getal in.",
            "min_value": "Vul een getal van 1 tot en met 999 in.",
            "max_value": "Vul een getal van 1 tot en met 999 in.",
        },
        help_text="Heeft iemand meer waarden die gekoppeld zijn, dan beslist de koppeling met het laagste getal.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "Elke inlogdienst")] + [(p.key, p.label) for p in providers()]
        self.fields["provider"].choices = choices  # type: ignore[attr-defined]

    def clean_claim_value(self) -> str:
        value = str(self.cleaned_data["claim_value"]).strip()
        if any(ord(ch) < 32 for ch in value):
            raise forms.ValidationError("Gebruik geen regeleinden of andere stuurtekens.")
        return value
