"""Forms of the accounts pages: they translate input; services decide."""

from __future__ import annotations

from django import forms

from regie.accounts.models import Organisation, OrganisationKind, PartnerType, Role
from regie.core.html.forms import REQUIRED


class LoginForm(forms.Form):
    username = forms.CharField(
        label="Gebruikersnaam",
        max_length=150,
        error_messages=REQUIRED,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    password = forms.CharField(
        label="Wachtwoord",
        max_length=256,
        error_messages=REQUIRED,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CodeForm(forms.Form):
    code = forms.RegexField(
        label="Code",
        regex=r"^\s*\d[\d ]{5,9}\s*$",
        max_length=12,
        error_messages={
            **REQUIRED,
            "invalid": "Vul de code van 6 cijfers uit uw app in, of een herstelcode van 8 cijfers.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class OrganisationForm(forms.Form):
    name = forms.CharField(label="Naam", max_length=160, error_messages=REQUIRED)
    kind = forms.ChoiceField(
        label="Soort",
        choices=OrganisationKind.choices,
        error_messages={**REQUIRED, "invalid_choice": "Kies afdeling of externe partner."},
    )
    partner_type = forms.ChoiceField(
        label="Type partner",
        choices=PartnerType.choices,
        required=False,
        error_messages={"invalid_choice": "Onbekend type partner."},
        help_text="Alleen voor externe partners.",
    )
    email = forms.EmailField(
        label="E-mail",
        required=False,
        error_messages={"invalid": "Vul een geldig e-mailadres in, zoals naam@organisatie.nl."},
    )
    phone = forms.RegexField(
        label="Telefoon",
        regex=r"^[0-9 +()-]{6,30}$",
        required=False,
        max_length=30,
        error_messages={"invalid": "Vul een telefoonnummer in met alleen cijfers, spaties, + of -."},
    )
    active = forms.BooleanField(label="Actief", required=False, initial=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class UserForm(forms.Form):
    username = forms.RegexField(
        label="Gebruikersnaam",
        regex=r"^[a-z0-9._-]{2,150}$",
        max_length=150,
        error_messages={
            **REQUIRED,
            "invalid": "Gebruik kleine letters, cijfers, punt, streep of liggend streepje.",
        },
    )
    first_name = forms.CharField(label="Voornaam", max_length=150, required=False)
    last_name = forms.CharField(label="Achternaam", max_length=150, error_messages=REQUIRED)
    email = forms.EmailField(
        label="E-mail",
        required=False,
        error_messages={"invalid": "Vul een geldig e-mailadres in, zoals naam@organisatie.nl."},
    )
    phone = forms.RegexField(
        label="Telefoon",
        regex=r"^[0-9 +()-]{6,30}$",
        required=False,
        max_length=30,
        error_messages={"invalid": "Vul een telefoonnummer in met alleen cijfers, spaties, + of -."},
    )
    job_title = forms.CharField(label="Functie", max_length=120, required=False)
    role = forms.ChoiceField(
        label="Rol",
        choices=Role.choices,
        error_messages={**REQUIRED, "invalid_choice": "Kies een bestaande rol."},
    )
    organisation = forms.ModelChoiceField(
        label="Organisatie",
        queryset=Organisation.objects.filter(active=True),
        error_messages={**REQUIRED, "invalid_choice": "Kies een bestaande organisatie."},
    )
    is_active = forms.BooleanField(label="Actief (mag inloggen)", required=False, initial=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Naam van het token",
        max_length=80,
        error_messages={**REQUIRED, "max_length": "De naam mag hoogstens 80 tekens zijn."},
        help_text="Bijvoorbeeld de koppeling waarvoor u het gebruikt.",
    )


class AccessChangeDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Besluit",
        choices=[("goedkeuren", "Goedkeuren"), ("afwijzen", "Afwijzen")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies goedkeuren of afwijzen.",
            "invalid_choice": "Kies goedkeuren of afwijzen.",
        },
    )
    note = forms.CharField(
        label="Toelichting",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": "De toelichting is hoogstens 500 tekens."},
        help_text="Verplicht bij afwijzen.",
    )
