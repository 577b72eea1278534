"""The OpenAPI document and a readable, server-rendered docs page (no CDN, no script)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.permissions import AllowAny

_schema_cache: dict[str, Any] = {}


def openapi_document() -> dict[str, Any]:
    """The generated OpenAPI 3 document (cached per process; it only changes with the code)."""
    if "doc" not in _schema_cache:
        _schema_cache["doc"] = SchemaGenerator().get_schema(request=None, public=True)
    return _schema_cache["doc"]


class OpenApiJson(SpectacularJSONAPIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []


def docs_page(request: HttpRequest) -> HttpResponse:
    doc = openapi_document()
    operations = []
    for path, item in doc.get("paths", {}).items():
        for method, op in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                operations.append(
                    {
                        "method": method.upper(),
                        "path": "/api/v1" + path,
                        "summary": (op.get("description") or op.get("summary") or "").split("\n")[0],
                        "params": [p["name"] for p in op.get("parameters", []) if p.get("in") == "query"],
                        "tag": (op.get("tags") or [""])[0],
                    }
                )
    return render(
        request,
        "web/api_docs.html",
        {
            "operations": operations,
            "info": doc.get("info", {}),
            "breadcrumbs": [{"label": "API-documentatie"}],
        },
    )
