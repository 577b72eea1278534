"""Domain errors that every edge (page, API, command) translates the same way."""

from __future__ import annotations


class ConflictError(Exception):
    """A write based on a stale version: nothing was saved; the message is Dutch and shown as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
