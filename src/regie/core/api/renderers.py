from __future__ import annotations

from typing import Any

from rest_framework.renderers import JSONRenderer

from regie.core.api.casing import camelize


class CamelCaseJSONRenderer(JSONRenderer):
    """JSON with camelCase keys."""

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        return super().render(camelize(data), accepted_media_type, renderer_context)
