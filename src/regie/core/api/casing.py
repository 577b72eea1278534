"""camelCase on the wire, snake_case in Python (NL API Design Rules: camelCase JSON and query keys)."""

from __future__ import annotations

import re
from typing import Any

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])([A-Z])")


def to_camel(name: str) -> str:
    """snake_case → camelCase; names without underscores pass unchanged."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def to_snake(name: str) -> str:
    """camelCase → snake_case."""
    return _CAMEL_BOUNDARY.sub(lambda m: "_" + m.group(1).lower(), name)


def camelize(data: Any) -> Any:
    """Recursively camelCase the keys of dicts in data."""
    if isinstance(data, dict):
        return {to_camel(str(k)) if isinstance(k, str) else k: camelize(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [camelize(v) for v in data]
    return data


def snakify(data: Any) -> Any:
    """Recursively snake_case the keys of dicts in data."""
    if isinstance(data, dict):
        return {to_snake(k) if isinstance(k, str) else k: snakify(v) for k, v in data.items()}
    if isinstance(data, list):
        return [snakify(v) for v in data]
    return data
