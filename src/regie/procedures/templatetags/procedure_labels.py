"""Labels where a person reads: a term's period in Dutch words ('6 weken'), never its ISO code ('P6W')."""

from __future__ import annotations

import re

from django import template

from regie.core.terms import PeriodError, parse_period

register = template.Library()


@register.filter
def period_label(value: object) -> str:
    """'P6W' → '6 weken'; anything that is no period (e.g. a field reference) is shown as it is."""
    try:
        return parse_period(str(value)).label()
    except (PeriodError, ValueError):
        return str(value)


# An ISO 8601 period written inside a sentence, as help texts of older, frozen definition versions have it:
# "Bijvoorbeeld P3M voor drie maanden", "Meestal twee weken (P2W)", "Bijvoorbeeld P4W".
_GLOSS = re.compile(r"\s*\((P(?:\d+[YMWD])+)\)")
_WITH_WORDS = re.compile(r"\b(P(?:\d+[YMWD])+) voor ([a-zé ]+?)(?=[.,;]|$)")
_BARE = re.compile(r"\bP(?:\d+[YMWD])+\b")


@register.filter
def periods_in_words(text: object) -> str:
    """A text a person reads with every ISO period in Dutch words: the frozen help text of an older definition
    version ('Bijvoorbeeld P4W.') reads 'Bijvoorbeeld 4 weken.'; a code already glossed in words is dropped."""
    value = _GLOSS.sub("", str(text or ""))
    value = _WITH_WORDS.sub(lambda m: m.group(2), value)
    return _BARE.sub(lambda m: period_label(m.group(0)), value)
