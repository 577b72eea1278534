"""Conventions every API view keeps to: a 403 with a Dutch reason, and errors under the names the request used."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions


def require(allowed: bool, detail: str) -> None:
    """A 403 with this reason for a user who may see the resource but not do this to it."""
    if not allowed:
        raise exceptions.PermissionDenied(detail)


@contextmanager
def wire_names(**names: str) -> Iterator[None]:
    """Rename a service's field names in its validation errors to the names the request used."""
    try:
        yield
    except DjangoValidationError as exc:
        if not hasattr(exc, "error_dict"):
            raise
        raise DjangoValidationError({names.get(k, k): v for k, v in exc.error_dict.items()}) from exc
