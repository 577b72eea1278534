from __future__ import annotations

from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from regie.core.api.casing import snakify


class CamelCaseJSONParser(JSONParser):
    """Accepts camelCase JSON and hands snake_case to serializers; a body that is not an object is a 400."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except ParseError as exc:
            raise ParseError("De inhoud is geen geldige JSON.") from exc
        return snakify(data)
