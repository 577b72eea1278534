"""Import runs: an upload of lots is checked and stored in the request, then imported by a background job that
keeps its progress (done of total, lots added, refused rows) on the run, so a status page can follow it."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from procrastinate.contrib.django import app

from regie.access import park_access
from regie.accounts.models import User
from regie.park.models import ImportStatus, LotImport, Park
from regie.park.services.imports import ImportReport, park_lots_import, read_rows
from regie.processing_log.services import log_processing

logger = logging.getLogger(__name__)

IMPORT_TASK = "park.import_lots"
# How often the job writes its progress: often enough for a moving bar, rare enough not to matter.
PROGRESS_EVERY = 25


def upload_limit_bytes() -> int:
    return int(settings.REGIE_MAX_UPLOAD_MB) * 1024 * 1024


def lot_import_start(
    *, actor: User, park: Park, filename: str, content: bytes, request: HttpRequest | None = None
) -> LotImport:
    """Check the file as a whole (size, encoding, CSV or GeoJSON, number of rows), store it with a waiting run
    and enqueue its job — all in one transaction; a refused file stores nothing."""
    if not (
        park_access.may_plan_rounds(actor) and park_access.parks_visible_to(actor).filter(pk=park.pk).exists()
    ):
        raise PermissionDenied
    if len(content) > upload_limit_bytes():
        raise ValidationError({"file": f"Het bestand is groter dan {settings.REGIE_MAX_UPLOAD_MB} MB."})
    rows = read_rows(content)
    with transaction.atomic():
        run = LotImport.objects.create(
            park=park,
            uploaded_by=actor,
            filename=(filename.replace("\\", "/").rsplit("/", 1)[-1] or "kavels")[:200],
            content=content,
            total=len(rows),
        )
        log_processing(
            action="park_lot_import.started",
            actor=actor,
            request=request,
            object_type="park",
            object_id=park.pk,
            details={"run": str(run.pk), "rows": len(rows)},
        )
        app.configure_task(name=IMPORT_TASK).defer(run_id=str(run.pk))
    return run


def _save_progress(run: LotImport, report: ImportReport) -> None:
    LotImport.objects.filter(pk=run.pk).update(
        done=report.rows,
        total=report.total,
        created_count=len(report.created),
        errors=[[line, message] for line, message in report.errors],
        updated_at=timezone.now(),
    )


def lot_import_run(*, run_id: str, progress_every: int = PROGRESS_EVERY) -> LotImport:
    """Import a waiting run row by row, writing its progress every `progress_every` rows; a run that is not
    waiting (already taken by another worker, or finished) is left alone, so a job delivered twice is harmless."""
    with transaction.atomic():
        run = LotImport.objects.select_for_update().select_related("park", "uploaded_by").get(pk=run_id)
        if run.status != ImportStatus.WAITING:
            return run
        run.status = ImportStatus.RUNNING
        run.started_at = timezone.now()
        run.save(update_fields=["status", "started_at", "updated_at"])
    try:
        report = park_lots_import(
            actor=run.uploaded_by,
            park=run.park,
            content=bytes(run.content),
            progress=lambda report: _save_progress(run, report),
            progress_every=progress_every,
        )
    except ValidationError as exc:  # the file changed meaning since the upload check (e.g. a new limit)
        _finish(run, ImportStatus.FAILED, " ".join(exc.messages)[:300])
        return run
    except Exception:
        done = LotImport.objects.filter(pk=run.pk).values_list("done", flat=True).first() or 0
        _finish(
            run,
            ImportStatus.FAILED,
            f"De import is afgebroken door een onverwachte fout; ten minste {done} van de {run.total} regels "
            "waren verwerkt. De kavels die al zijn toegevoegd, blijven bestaan; importeer de rest opnieuw.",
        )
        raise
    _save_progress(run, report)
    _finish(run, ImportStatus.DONE, "")
    logger.info("lot import %s: %s rows, %s refused", run.pk, report.rows, len(report.errors))
    return run


def _finish(run: LotImport, status: ImportStatus, message: str) -> None:
    run.status = status
    run.message = message
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "message", "finished_at", "updated_at"])
    run.refresh_from_db()
