"""The case number (2026-00042): its format, how a typed number is normalised, and the form field other apps use
to ask for one (intake links a signal to an existing case with it)."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from regie.core.html.forms import REQUIRED

CASE_NUMBER = re.compile(r"^\s*(\d{4})-(\d{1,5})\s*$")
NUMBER_HELP = "Het casusnummer, zoals 2026-00042."


def normalize_case_number(value: str) -> str:
    """`2026-42` → `2026-00042`; the value must already match CASE_NUMBER."""
    match = CASE_NUMBER.match(value)
    assert match is not None
    return f"{match.group(1)}-{int(match.group(2)):05d}"


class CaseNumberField(forms.RegexField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            regex=CASE_NUMBER,
            max_length=20,
            error_messages={**REQUIRED, "invalid": "Vul een casusnummer in zoals 2026-00042."},
            help_text=NUMBER_HELP,
            **kwargs,
        )

    def clean(self, value: Any) -> str:
        cleaned = super().clean(value)
        return normalize_case_number(cleaned) if cleaned else cleaned
