"""Identifiers from the outside world (URLs, JSON) as UUIDs."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404


def uuid_or_404(value: object) -> UUID:
    """The value as a UUID; anything else is a 404, exactly like an id that does not exist."""
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except ValueError as exc:
        raise Http404 from exc
