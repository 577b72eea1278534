"""Case documents: type sniffed from the content (never the file name), size-limited, stored outside the web root."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from typing import IO

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from regie.access.case_access import CaseAccess
from regie.accounts.models import User
from regie.cases.models import CaseStatus, DataCategory, Document
from regie.cases.timeline import record
from regie.core.files import write_new_file
from regie.processing_log.services import log_processing

ALLOWED_TYPES = {
    "application/pdf": "PDF",
    "image/png": "PNG-afbeelding",
    "image/jpeg": "JPEG-afbeelding",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word-document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel-werkblad",
    "application/vnd.oasis.opendocument.text": "OpenDocument-tekst",
    "text/plain": "tekstbestand",
}
DOCUMENT_TYPES = [
    "rapport van bevindingen",
    "brief",
    "besluit",
    "foto",
    "verslag",
    "bestuurlijke rapportage",
    "overig",
]


def storage_root() -> Path:
    """Where document bytes live: under REGIE_DATA_DIR, never under the static or web root."""
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    return root


def sniff_content_type(head: bytes) -> str | None:
    """The content type from the file's own bytes; plain UTF-8 text without NUL bytes counts as text."""
    kind = filetype.guess(head)
    if kind is not None:
        return str(kind.mime)
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        try:  # the head may cut a multi-byte character in two
            head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return None
    return "text/plain"


def document_upload(
    *,
    actor: User,
    access: CaseAccess,
    category: str,
    title: str,
    document_type: str,
    filename: str,
    content: IO[bytes],
    request: HttpRequest | None = None,
) -> Document:
    """Store a document on the case: allowed type by content, within the size limit, in a permitted category."""
    limit = settings.REGIE_MAX_UPLOAD_MB * 1024 * 1024
    errors: dict[str, str] = {}
    if category not in DataCategory.values:
        errors["category"] = "Kies een gegevenscategorie: algemeen, zorg of justitie."
    elif category not in access.categories:
        errors["category"] = "U mag in deze casus geen gegevens van deze categorie vastleggen."
    if not title.strip():
        errors["title"] = "Vul een titel in."
    if document_type not in DOCUMENT_TYPES:
        errors["document_type"] = "Kies een bestaand soort document."
    if access.case.status == CaseStatus.CLOSED:
        errors["file"] = "Deze casus is gesloten; er kan niets meer aan worden toegevoegd."
    elif not access.can_edit:
        errors["file"] = "U mag in deze casus alleen lezen."
    data = content.read(limit + 1)
    if len(data) == 0:
        errors["file"] = "Het bestand is leeg."
    elif len(data) > limit:
        errors["file"] = f"Het bestand is groter dan {settings.REGIE_MAX_UPLOAD_MB} MB."
    content_type = sniff_content_type(data[:8192]) if data else None
    if data and "file" not in errors and content_type not in ALLOWED_TYPES:
        errors["file"] = (
            "Dit soort bestand is niet toegestaan. Toegestaan zijn PDF, PNG, JPEG, Word, Excel, "
            "OpenDocument-tekst en platte tekst."
        )
    if errors:
        raise ValidationError(errors)
    assert content_type is not None
    storage_name = uuid.uuid4().hex
    path = storage_root() / storage_name
    safe_name = Path(filename).name[:200] or "document"
    case = access.case
    write_new_file(path, data)
    try:
        with transaction.atomic():
            document = Document.objects.create(
                case=case,
                category=category,
                title=title.strip(),
                document_type=document_type,
                filename=safe_name,
                content_type=content_type,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                storage_name=storage_name,
                uploaded_by=actor,
            )
            record(
                case=case,
                actor=actor,
                kind="document.added",
                summary=f"Document toegevoegd: {document.title} ({ALLOWED_TYPES[content_type]})",
                category=category,
            )
            log_processing(
                action="case.document_added",
                actor=actor,
                request=request,
                object_type="document",
                object_id=document.pk,
                details={"case": case.number, "category": category},
            )
    except Exception:
        path.unlink(missing_ok=True)  # nothing half-written: no file without its record
        raise
    return document


def document_path(document: Document) -> Path:
    """The stored file of a document that already came through the access door."""
    return storage_root() / document.storage_name
