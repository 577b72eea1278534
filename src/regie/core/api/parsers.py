from __future__ import annotations

import re
from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from regie.core.api.casing import snakify

# No request body of Regie nests deeper than a handful of levels (a signal's subjects and reporter: 3); anything
# much deeper is not a request but an attempt to exhaust the parser or the code that walks the result.
MAX_JSON_DEPTH = 32
TOO_DEEP = f"De JSON is te diep genest: hoogstens {MAX_JSON_DEPTH} niveaus van objecten en lijsten."
# JSON may escape half of a UTF-16 pair ("\\ud800") on its own; that is no character, cannot be stored or
# written back as UTF-8, and so is refused at the door instead of failing later in a renderer. The NUL character
# ("\\u0000") likewise: PostgreSQL cannot store it in a text column, and a field that looks a value up by its text
# (a coordinator's username) would answer a 500 instead of a 400 (found by the API fuzzing, tests/api/test_fuzz.py).
LONE_SURROGATE = re.compile("[\x00\ud800-\udfff]")
NOT_TEXT = (
    "De JSON bevat een ongeldig teken (een NUL-teken \\u0000 of een losse helft van een UTF-16-paar, zoals \\ud800)."
)


def has_lone_surrogate(data: Any) -> bool:
    """True when a key or a text value anywhere in `data` holds a lone UTF-16 surrogate or a NUL character (walked
    without recursion)."""
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if LONE_SURROGATE.search(value):
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def json_depth_exceeds(data: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when `data` nests objects and lists more than `limit` levels deep (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


class CamelCaseJSONParser(JSONParser):
    """Accepts camelCase JSON and hands snake_case to serializers; a body that is not JSON, or nests deeper than
    MAX_JSON_DEPTH, is a 400."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except ParseError as exc:
            raise ParseError("De inhoud is geen geldige JSON.") from exc
        except RecursionError as exc:  # the decoder's own guard, far below the size limit of a body
            raise ParseError(TOO_DEEP) from exc
        if json_depth_exceeds(data):
            raise ParseError(TOO_DEEP)
        if has_lone_surrogate(data):
            raise ParseError(NOT_TEXT)
        return snakify(data)
