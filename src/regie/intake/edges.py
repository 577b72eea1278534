"""What the intake's edges (pages and API) share: a lost database is a clear "try again", never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import InterfaceError, OperationalError
from rest_framework.exceptions import APIException

UNAVAILABLE = (
    "De database is even niet bereikbaar, dus uw melding is niet opgeslagen. Probeer het over enkele minuten "
    "opnieuw."
)


class DatabaseUnavailable(APIException):
    status_code = 503
    default_detail = UNAVAILABLE
    default_code = "unavailable"


class StorageUnavailable(Exception):
    """The database went away while storing; nothing was stored (the transaction rolled back)."""


@contextmanager
def api_storage() -> Iterator[None]:
    """Around a write in an API view: a lost database answers 503 problem+json with a Dutch "try again"."""
    try:
        yield
    except (OperationalError, InterfaceError) as exc:
        raise DatabaseUnavailable() from exc


@contextmanager
def page_storage() -> Iterator[None]:
    """Around a write in a page view: a lost database becomes StorageUnavailable for the form to show."""
    try:
        yield
    except (OperationalError, InterfaceError) as exc:
        raise StorageUnavailable(UNAVAILABLE) from exc
