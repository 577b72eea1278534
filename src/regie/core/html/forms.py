"""Form helpers shared by the pages of every app."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.forms import Form

# The one Dutch message for an empty required field.
REQUIRED = {"required": "Dit veld is verplicht."}


def apply_errors(form: Form, exc: ValidationError, aliases: Mapping[str, str] | None = None) -> None:
    """Show a service's Dutch validation errors on the form fields they belong to (or above the form)."""
    aliases = aliases or {}
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for key, errors in exc.message_dict.items():
        field = aliases.get(key, key)
        form.add_error(field if field in form.fields else None, errors)
