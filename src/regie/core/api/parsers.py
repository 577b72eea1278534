from __future__ import annotations

from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from regie.core.api.casing import snakify

# No request body of Regie nests deeper than a handful of levels (a signal's subjects and reporter: 3); anything
# much deeper is not a request but an attempt to exhaust the parser or the code that walks the result.
MAX_JSON_DEPTH = 32
TOO_DEEP = f"De JSON is te diep genest: hoogstens {MAX_JSON_DEPTH} niveaus van objecten en lijsten."


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
        return snakify(data)
