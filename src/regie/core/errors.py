"""Domain errors that every edge (page, API, command) translates the same way."""

from __future__ import annotations

from django.core.exceptions import ValidationError


class ConflictError(Exception):
    """A write based on a stale version: nothing was saved; the message is Dutch and shown as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


STORAGE_FULL = (
    "Het bestand kon niet worden opgeslagen: de opslag voor bestanden is vol of niet beschikbaar. Er is niets "
    "opgeslagen. Probeer het later opnieuw; blijft het misgaan, meld het dan aan de beheerder."
)


class StorageFull(ValidationError):
    """Writing an uploaded file failed (disk full, no permission): a form shows it at the file field, the API
    answers 507 problem+json; nothing of the upload is left behind (core/files.py)."""

    def __init__(self, field: str = "file") -> None:
        super().__init__({field: STORAGE_FULL})
        self.field = field
