"""Form widgets of the house."""

from __future__ import annotations

from django import forms


class LongSelect(forms.Select):
    """A select for long lists (hundreds of colleagues): options are written in one template loop instead of one
    template include per option, which costs ~40 µs each. No option groups or per-option attributes."""

    template_name = "core/widgets/long_select.html"
