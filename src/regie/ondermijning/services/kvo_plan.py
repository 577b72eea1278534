"""The KVO-B measures plan (measures with an owner, a date and a status) and the trajectory's documents.

Documents are stored in the one document store of cases (`cases.services.documents`): the same place outside the
web root, the type read from the content, the same size limit; only the record is the trajectory's own.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date
from pathlib import Path
from typing import IO

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest

from regie.access import ondermijning_access
from regie.accounts.models import User
from regie.cases.services.documents import ALLOWED_TYPES, sniff_content_type, storage_root
from regie.core.files import write_new_file
from regie.ondermijning.models import KvoDocument, KvoMeasure, KvoStep, KvoTrajectory, MeasureStatus
from regie.processing_log.services import log_processing

DESCRIPTION_MAX = 300
OWNER_MAX = 160
TITLE_MAX = 200


def _may(actor: User, trajectory: KvoTrajectory) -> None:
    if not ondermijning_access.may_manage_area(actor, trajectory.area):
        raise PermissionDenied


def kvo_measure_save(
    *,
    actor: User,
    trajectory: KvoTrajectory,
    description: str,
    owner: str,
    due_on: date | None,
    status: str,
    measure: KvoMeasure | None = None,
    request: HttpRequest | None = None,
) -> KvoMeasure:
    """Add a measure to the plan, or change one (`measure`): what, who owns it, by when, and its status."""
    _may(actor, trajectory)
    if measure is not None and measure.trajectory_id != trajectory.pk:
        raise PermissionDenied
    description, owner = (description or "").strip(), (owner or "").strip()
    errors: dict[str, str] = {}
    if not description:
        errors["description"] = "Beschrijf de maatregel."
    elif len(description) > DESCRIPTION_MAX:
        errors["description"] = f"De maatregel is hoogstens {DESCRIPTION_MAX} tekens."
    if not owner:
        errors["owner"] = "Vul de eigenaar van de maatregel in (wie zorgt dat hij wordt uitgevoerd)."
    elif len(owner) > OWNER_MAX:
        errors["owner"] = f"De eigenaar is hoogstens {OWNER_MAX} tekens."
    if status not in MeasureStatus.values:
        errors["status"] = "Kies een status: gepland, in uitvoering, uitgevoerd of vervallen."
    if due_on is not None and due_on < trajectory.started_on:
        errors["due_on"] = "De datum 'gereed voor' ligt niet voor de start van het traject."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if measure is None:
            measure = KvoMeasure(trajectory=trajectory, recorded_by=actor)
        measure.description, measure.owner, measure.due_on, measure.status = (
            description,
            owner,
            due_on,
            status,
        )
        measure.save()
        log_processing(
            action="ondermijning_kvo.measure_saved",
            actor=actor,
            request=request,
            object_type="ondermijning_kvo",
            object_id=trajectory.pk,
            details={"measure": description[:80], "status": status},
        )
    return measure


def kvo_document_add(
    *,
    actor: User,
    trajectory: KvoTrajectory,
    title: str,
    step: str,
    filename: str,
    content: IO[bytes],
    request: HttpRequest | None = None,
) -> KvoDocument:
    """Store a document with the trajectory (optionally with one of its steps), checked as a case document is."""
    _may(actor, trajectory)
    limit = settings.REGIE_MAX_UPLOAD_MB * 1024 * 1024
    title = (title or "").strip()
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = "Vul een titel in."
    elif len(title) > TITLE_MAX:
        errors["title"] = f"De titel is hoogstens {TITLE_MAX} tekens."
    if step and step not in KvoStep.values:
        errors["step"] = "Kies een stap van het KVO-B, of geen."
    data = content.read(limit + 1)
    content_type = sniff_content_type(data[:8192]) if data else None
    if not data:
        errors["file"] = "Kies een bestand; het bestand is leeg of ontbreekt."
    elif len(data) > limit:
        errors["file"] = f"Het bestand is groter dan {settings.REGIE_MAX_UPLOAD_MB} MB."
    elif content_type not in ALLOWED_TYPES:
        errors["file"] = (
            "Dit soort bestand is niet toegestaan. Toegestaan zijn PDF, PNG, JPEG, Word, Excel, "
            "OpenDocument-tekst en platte tekst."
        )
    if errors:
        raise ValidationError(errors)
    assert content_type is not None
    storage_name = uuid.uuid4().hex
    path = storage_root() / storage_name
    write_new_file(path, data)
    try:
        with transaction.atomic():
            document = KvoDocument.objects.create(
                trajectory=trajectory,
                step=step or "",
                title=title,
                filename=Path(filename or "").name[:200] or "document",
                content_type=content_type,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                storage_name=storage_name,
                uploaded_by=actor,
            )
            log_processing(
                action="ondermijning_kvo.document_added",
                actor=actor,
                request=request,
                object_type="ondermijning_kvo",
                object_id=trajectory.pk,
                details={"document": title},
            )
    except Exception:
        path.unlink(missing_ok=True)  # nothing half-written: no file without its record
        raise
    return document


def kvo_document_path(document: KvoDocument) -> Path:
    """The stored file of a document that already came through the door."""
    return storage_root() / document.storage_name
