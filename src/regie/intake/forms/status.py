"""The public status lookup at /melden/status: a reference and the code shown once on the confirmation."""

from __future__ import annotations

import re

from django import forms

from regie.intake.services.status import normalise_code, normalise_reference

REFERENCE_RE = re.compile(r"M-\d{4}-\d{6}")


class StatusLookupForm(forms.Form):
    reference = forms.CharField(
        label="Referentie",
        max_length=20,
        help_text="Zoals op de bevestiging, bijvoorbeeld M-2026-000123.",
        error_messages={
            "required": "Vul de referentie van uw melding in.",
            "max_length": "Een referentie is hoogstens 20 tekens.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="De code die u bij het versturen van uw melding kreeg, bijvoorbeeld ABCD-EFGH-JKMN.",
        error_messages={
            "required": "Vul de code in die u bij het versturen kreeg.",
            "max_length": "Een code is hoogstens 20 tekens.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_reference(self) -> str:
        value = normalise_reference(self.cleaned_data.get("reference") or "")
        if not REFERENCE_RE.fullmatch(value):
            raise forms.ValidationError("Een referentie ziet eruit als M-2026-000123.")
        return value

    def clean_code(self) -> str:
        value = normalise_code(self.cleaned_data.get("code") or "")
        if len(value) != 12:
            raise forms.ValidationError("Een code heeft 12 letters en cijfers, bijvoorbeeld ABCD-EFGH-JKMN.")
        return value
