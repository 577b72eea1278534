"""Writes of versioned content: version 1 from the bundled data, later versions by the administrator."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest

from regie.accounts.models import User
from regie.core.errors import ConflictError
from regie.digital.content import VALIDATORS, bundled
from regie.digital.models import ContentKind, ContentVersion
from regie.processing_log.services import log_processing


def content_current(kind: str) -> ContentVersion:
    """The version in force for a kind; version 1 is written from the bundled data the first time it is asked."""
    found = ContentVersion.objects.filter(kind=kind).order_by("-version").first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return ContentVersion.objects.create(
                kind=kind, version=1, definition=bundled(kind), note="Meegeleverde versie"
            )
    except IntegrityError:  # another request wrote version 1 at the same moment
        return ContentVersion.objects.get(kind=kind, version=1)


def content_version(kind: str, version: int) -> ContentVersion | None:
    return ContentVersion.objects.filter(kind=kind, version=version).first()


def content_publish(
    *, actor: User, kind: str, definition: Any, note: str = "", request: HttpRequest | None = None
) -> ContentVersion:
    """Publish a new version after checking its shape; results keep pointing at the version they were made with."""
    VALIDATORS[ContentKind(kind)](definition)
    current = content_current(kind)
    with transaction.atomic():
        try:
            with transaction.atomic():
                created = ContentVersion.objects.create(
                    kind=kind,
                    version=current.version + 1,
                    definition=definition,
                    note=note.strip(),
                    created_by=actor,
                )
        except IntegrityError as exc:
            raise ConflictError(
                "Iemand anders heeft intussen een nieuwe versie gepubliceerd. Laad de pagina opnieuw."
            ) from exc
        log_processing(
            action="digital_content.published",
            actor=actor,
            request=request,
            object_type="digital_content",
            object_id=created.pk,
            details={"kind": kind, "version": created.version},
        )
    return created
