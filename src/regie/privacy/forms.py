from __future__ import annotations

import re
from typing import Any

from django import forms

from regie.processing_log.actions import all_actions, is_registered

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
    person = forms.UUIDField(
        label="Persoon (id)",
        required=False,
        error_messages={"invalid": "Vul een geldig persoons-id in (UUID)."},
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

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "De einddatum ligt voor de begindatum.")
        return data
