"""The published documents, loaded for validation: openapi-core for the call, JSON Schema for the concrete type."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIResponse

SPECS = Path(__file__).resolve().parents[1] / "specs"


@cache
def load(name: str, base: str = "/") -> tuple[OpenAPI, dict[str, Any]]:
    """The document as openapi-core's OpenAPI (servers made relative, `base` on any local port) and as a dict."""
    document = yaml.safe_load((SPECS / name).read_text(encoding="utf-8"))
    document["servers"] = [{"url": base}]
    json_types: dict[str, Callable[[bytes], Any]] = {
        "application/problem+json": json.loads,
        "application/hal+json": json.loads,
    }
    config = Config(extra_media_type_deserializers=json_types)
    return OpenAPI.from_dict(document, config=config), document


def schema_errors(document: dict[str, Any], schema_name: str, value: Any) -> list[str]:
    """Errors of `value` against one named schema of the document (a discriminator alone selects no subschema)."""
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]}
    validator = Draft202012Validator(schema)
    return [f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in validator.iter_errors(value)]


class FullTypeResponse(WerkzeugOpenAPIResponse):
    """The answer's whole Content-Type: the BRP document names `application/json; charset=utf-8` as its media type,
    which werkzeug's `mimetype` (without the charset) does not match."""

    @property
    def content_type(self) -> str:
        return str(self.response.content_type)
