"""OpenAPI post-processing so the document meets the NL API Design Rules linter.

drf-spectacular describes the happy paths; the house conventions (API-Version header on every success,
problem+json on every error, a 400 on every operation that takes input) are the same for every operation,
so they are added here once instead of on each view.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings

from regie.core.api.casing import to_camel

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Foutbericht volgens RFC 9457 (application/problem+json).",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string", "example": "Ongeldige invoer"},
        "status": {"type": "integer", "example": 400},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "reason"],
                "properties": {
                    "name": {"type": "string", "example": "bsn"},
                    "code": {"type": "string", "example": "invalid"},
                    "reason": {"type": "string", "example": "Dit is geen geldig BSN."},
                },
            },
        },
    },
}

ERROR_DESCRIPTIONS = {
    "400": "Ongeldige invoer",
    "401": "Niet aangemeld",
    "403": "Geen toegang",
    "404": "Niet gevonden",
    "405": "Methode niet toegestaan",
    "409": "Conflict",
    "429": "Te veel verzoeken",
    "500": "Interne fout",
    "503": "Dienst tijdelijk niet beschikbaar",
}

VERSION_HEADER = {"$ref": "#/components/headers/API-Version"}
_DATE_NAME = re.compile(r"((\w+D)|(_[dD]))((ate)|(atum))")


def _problem_response(code: str) -> dict[str, Any]:
    return {
        "description": ERROR_DESCRIPTIONS.get(code, "Fout"),
        "headers": {"API-Version": VERSION_HEADER},
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def _camelize_schema(schema: Any) -> None:
    if isinstance(schema, dict):
        props = schema.get("properties")
        if isinstance(props, dict):
            schema["properties"] = {to_camel(k): v for k, v in props.items()}
        if isinstance(schema.get("required"), list):
            schema["required"] = [to_camel(r) for r in schema["required"]]
        for value in schema.values():
            _camelize_schema(value)
    elif isinstance(schema, list):
        for item in schema:
            _camelize_schema(item)


def postprocess(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """Add version headers, problem responses and camelCase names to the generated document."""
    components = result.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    _camelize_schema(schemas)
    _optional_properties(schemas)
    schemas["Problem"] = PROBLEM_SCHEMA
    components.setdefault("headers", {})["API-Version"] = {
        "description": "De volledige versie van de API (semver).",
        "schema": {"type": "string", "example": settings.API_VERSION},
    }
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            for param in operation.get("parameters", []):
                if param.get("in") == "query":
                    param["name"] = to_camel(param["name"])
            responses = operation.setdefault("responses", {})
            for code, response in responses.items():
                if code[0] in "23":
                    response.setdefault("headers", {})["API-Version"] = VERSION_HEADER
            needed = ["401", "403", "404", "405", "429", "500", "503"]
            if method in {"post", "put", "patch"} or operation.get("parameters"):
                needed.insert(0, "400")
            if method in {"post", "put", "patch", "delete"}:
                # A write service refuses a change the current state forbids (a stale version, a referral already
                # decided, a task already done) with a ConflictError: a 409 problem.
                needed.insert(needed.index("429"), "409")
            if operation.get("security") == [{}] or {} in operation.get("security", []):
                needed = [c for c in needed if c not in ("401", "403")]
            for code in needed:
                responses.setdefault(code, _problem_response(code))
            for code, response in responses.items():
                if code[0] in "45":
                    response["content"] = _problem_response(code)["content"]
                    response.setdefault("headers", {})["API-Version"] = VERSION_HEADER
    _fix_date_formats(schemas)
    return result


# A serializer whose response leaves a read-only field out for some callers (drf-spectacular marks every read-only
# field required) names it with @extend_schema_serializer(extensions={OPTIONAL: ["field_name", ...]}).
OPTIONAL = "x-optional"


def _optional_properties(schemas: dict[str, Any]) -> None:
    for schema in schemas.values():
        optional = {to_camel(name) for name in schema.pop(OPTIONAL, [])}
        if optional and "required" in schema:
            schema["required"] = [name for name in schema["required"] if name not in optional]


def _fix_date_formats(schemas: dict[str, Any]) -> None:
    # A property named like a date (birthDate, endDate) must be a plain date, never a date-time.
    for schema in schemas.values():
        for name, prop in (schema.get("properties") or {}).items():
            if (
                _DATE_NAME.search(name)
                and isinstance(prop, dict)
                and "format" not in prop
                and "$ref" not in prop
            ):
                prop["format"] = "date"


# The OpenAPI schema of a geometry field (persons' locations, park lots).
GEOJSON_GEOMETRY = {
    "type": "object",
    "nullable": True,
    "description": "GeoJSON-geometrie (RFC 7946) in WGS84: Point, Polygon of MultiPolygon.",
    "required": ["type", "coordinates"],
    "properties": {
        "type": {"type": "string", "enum": ["Point", "Polygon", "MultiPolygon"]},
        "coordinates": {"type": "array", "items": {}},
    },
    "example": {"type": "Point", "coordinates": [6.0312, 51.9021]},
}
