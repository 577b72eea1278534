"""Form widgets: every `<input type="date">` renders its value as ISO 8601 (a browser's date picker ignores a
value in Dutch notation (28-11-2026), so a re-shown form after a mistake would silently lose the date typed."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect

import pytest
from django import forms

FORM_MODULES = [
    "regie.privacy.forms",
    "regie.cases.forms.case",
    "regie.cases.forms.work",
    "regie.intake.forms.report",
    "regie.park.forms",
]


def _date_fields() -> list[tuple[str, str, forms.Field]]:
    found = []
    for name in FORM_MODULES:
        module = importlib.import_module(name)
        for _, form in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form, forms.BaseForm) or form.__module__ != name:
                continue
            for field_name, field in form.base_fields.items():
                if isinstance(field.widget, forms.DateInput) and field.widget.input_type == "date":
                    found.append((form.__name__, field_name, field))
    return found


def test_the_forms_have_date_inputs_to_check() -> None:
    assert len(_date_fields()) >= 10


@pytest.mark.parametrize(
    ("form", "name", "field"),
    _date_fields(),
    # Ids from names only: a field object's default id holds its memory address, which differs between
    # pytest-xdist workers, and every worker must collect the same tests.
    ids=lambda v: v if isinstance(v, str) else getattr(v, "__name__", type(v).__name__),
)
def test_a_date_input_renders_its_value_as_iso(form: str, name: str, field: forms.Field) -> None:
    html = field.widget.render(name, dt.date(2026, 11, 28))
    assert 'value="2026-11-28"' in html, f"{form}.{name}: {html}"


def test_a_long_select_renders_the_same_options_as_a_plain_select() -> None:
    from regie.core.html.widgets import LongSelect

    choices = [("", "Alle"), (1, "Anna & Bert"), (2, "Cor")]
    plain = forms.Select(choices=choices).render("c", 2)
    fast = LongSelect(choices=choices).render("c", 2)
    for option in ('<option value="">Alle</option>', '<option value="1">Anna &amp; Bert</option>'):
        assert option in fast and option in plain
    assert '<option value="2" selected>Cor</option>' in fast and '<option value="2" selected>Cor</option>' in plain
