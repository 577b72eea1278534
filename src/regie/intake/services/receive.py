"""Receiving a signal from any channel: validate, store first, process after.

`signal_receive` is the one write path for every channel. It stores the signal, its subjects and attachments and
its first history event, writes the processing-log entry and enqueues the processing job (and the reporter's
confirmation mail) in one transaction. Classification, routing and matching happen in the job, so a failure there
can never lose what a reporter sent.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import Municipality, Organisation, Role, User
from regie.cases.services.documents import storage_root
from regie.core.errors import StorageFull
from regie.core.files import remove_files, write_new_file
from regie.intake.models import (
    Channel,
    Signal,
    SignalAttachment,
    SignalCategory,
    SignalSubject,
    Source,
    Urgency,
)
from regie.intake.services import inputs
from regie.intake.services.clock import due_times
from regie.intake.services.history import enqueue, record
from regie.intake.services.inputs import FileInput, Reporter, SubjectInput
from regie.intake.services.status import hash_status_code
from regie.processing_log.services import log_processing

PUBLIC_SOURCES = (Source.RESIDENT, Source.ENTREPRENEUR, Source.ANONYMOUS, Source.VICTIM)
ATTACHMENT_DIR = "signalen"


# One statement: raise the year's counter (creating it on the year's first signal) and give the signal its number.
# The counter's row lock is held from here until the transaction commits, so it comes after every write that does not
# need the number (only the log entry naming it and the idempotency answer follow): gap-free, and held briefly
# (decision 0018).
_ASSIGN_REFERENCE = """
WITH issued AS (
    INSERT INTO intake_signalcounter (year, last) VALUES (%(year)s, 1)
    ON CONFLICT (year) DO UPDATE SET last = intake_signalcounter.last + 1
    RETURNING last
)
UPDATE intake_signal
SET reference = 'M-' || %(year)s::text || '-' || lpad(issued.last::text, greatest(6, length(issued.last::text)), '0')
FROM issued
WHERE intake_signal.id = %(signal_id)s
RETURNING intake_signal.reference
"""


def _provisional_reference() -> str:
    """A unique placeholder for the moment between the insert and the numbering, in the same transaction; no other
    transaction ever sees it (the number replaces it before the commit)."""
    return "~" + uuid.uuid4().hex[:15]


def _assign_reference(signal: Signal) -> None:
    """Number a signal inserted in this transaction: the counter lock is taken here, as late as possible."""
    with connection.cursor() as cursor:
        cursor.execute(
            _ASSIGN_REFERENCE,
            {"year": timezone.localtime(signal.received_at).year, "signal_id": signal.pk},
        )
        signal.reference = cursor.fetchone()[0]


def default_municipality() -> Municipality:
    """The municipality public reports are for: the one named in REGIE_MUNICIPALITY_NAME, else the first."""
    found = Municipality.objects.filter(name=settings.REGIE_MUNICIPALITY_NAME).first()
    found = found or Municipality.objects.order_by("created_at").first()
    if found is None:
        raise Municipality.DoesNotExist("Er is nog geen gemeente ingericht.")
    return found


def _write_files(files: Sequence[inputs.StoredFile]) -> list[tuple[inputs.StoredFile, str]]:
    root = storage_root() / ATTACHMENT_DIR
    root.mkdir(parents=True, exist_ok=True)
    written: list[tuple[inputs.StoredFile, str]] = []
    for stored in files:
        name = f"{ATTACHMENT_DIR}/{uuid.uuid4().hex}"
        try:
            write_new_file(storage_root() / name, stored.data, field="attachments")
        except StorageFull:
            remove_files(storage_root() / earlier for _, earlier in written)  # nothing half-written
            raise
        written.append((stored, name))
    return written


def signal_receive(
    *,
    actor: User | None,
    municipality: Municipality,
    source: str,
    channel: str,
    description: str,
    urgency: str = Urgency.NORMAL,
    location_kind: str = "",
    location_text: str = "",
    reporter: Reporter | None = None,
    subjects: Sequence[SubjectInput] = (),
    attachments: Sequence[FileInput] = (),
    partner_organisation: Organisation | None = None,
    category: SignalCategory | None = None,
    came_from: str = "",
    status_code: str = "",
    request: HttpRequest | None = None,
    savepoint: bool = True,
) -> Signal:
    """Store a signal and enqueue its processing; invalid input raises ValidationError and stores nothing.

    `savepoint=False` for a caller whose transaction exists only for this signal (the public API with its
    idempotency key): two round trips less, and an error rolls the caller's whole transaction back.

    `status_code` (public channels) is the code the reporter gets once to look up the status; only its hash is kept.
    """
    errors: dict[str, str] = {}
    text = inputs.clean_description(description, errors)
    inputs.clean_choices(
        source=source,
        urgency=urgency,
        location_kind=location_kind,
        location_text=location_text,
        errors=errors,
    )
    contact = inputs.clean_reporter(reporter or Reporter(), errors)
    if source == Source.ANONYMOUS and (contact.name or contact.email or contact.phone):
        errors["reporter_email"] = (
            "U koos anoniem melden: laat uw contactgegevens leeg, of kies dat u meldt als inwoner of ondernemer."
        )
    if source == Source.PARTNER and partner_organisation is None:
        errors["source"] = "Een melding van een partner hoort bij de organisatie van die partner."
    if channel not in Channel.values:
        errors["channel"] = "Onbekend kanaal."
    cleaned_subjects = inputs.clean_subjects(subjects, errors)
    files = inputs.read_attachments(attachments, errors)
    if errors:
        raise ValidationError(errors)
    received_at = timezone.now()
    triage_due, first_action_due = due_times(received_at, category, urgency)
    written = _write_files(files)
    try:
        with transaction.atomic(savepoint=savepoint):
            signal = Signal.objects.create(
                reference=_provisional_reference(),
                municipality=municipality,
                received_at=received_at,
                source=source,
                channel=channel,
                partner_organisation=partner_organisation,
                submitted_by=actor,
                came_from=_safe_path(came_from),
                description=text,
                urgency=urgency,
                location_kind=location_kind,
                location_text=location_text.strip(),
                reporter_name=contact.name,
                reporter_email=contact.email,
                reporter_phone=contact.phone,
                category=category,
                category_set_by_person=category is not None,
                triage_due_at=triage_due,
                first_action_due_at=first_action_due,
                status_code_hash=hash_status_code(status_code),
            )
            SignalSubject.objects.bulk_create(
                [
                    SignalSubject(signal=signal, kind=s.kind, role=s.role, data=data)
                    for s, data in cleaned_subjects
                ]
            )
            SignalAttachment.objects.bulk_create(
                [
                    SignalAttachment(
                        signal=signal,
                        filename=stored.filename,
                        content_type=stored.content_type,
                        size=len(stored.data),
                        sha256=hashlib.sha256(stored.data).hexdigest(),
                        storage_name=name,
                    )
                    for stored, name in written
                ]
            )
            record(
                signal=signal,
                actor=actor,
                kind="signal.received",
                summary=f"Ontvangen via {Channel(channel).label.lower()} ({Source(source).label.lower()})",
            )
            enqueue("intake.process_signal", signal_id=str(signal.pk))
            if contact.email:
                enqueue("intake.send_signal_mail", signal_id=str(signal.pk), kind="confirmation")
            # Last: the number (the counter's lock) and the log entry that names it, then the commit.
            _assign_reference(signal)
            log_processing(
                action="signal.received",
                actor=actor,
                # A public reporter's address is not kept with their report (see the privacy statement on /melden).
                request=None if source in PUBLIC_SOURCES else request,
                username="" if actor else "publiek",
                object_type="signal",
                object_id=signal.pk,
                details={"reference": signal.reference, "source": source, "channel": channel},
            )
    except Exception:
        for _, name in written:  # nothing half-written: no file without its record
            (storage_root() / name).unlink(missing_ok=True)
        raise
    return signal


def _safe_path(path: str) -> str:
    """Only a local path (the page the reporter came from); never a full URL or a query string."""
    path = (path or "").split("?", 1)[0].split("#", 1)[0].strip()
    if not path.startswith("/") or path.startswith("//") or len(path) > 300:
        return ""
    return path


def source_of(user: User) -> tuple[str, Organisation | None]:
    """The source of a signal a signed-in user sends: a partner with their organisation, or an employee."""
    if user.role == Role.PARTNER and user.organisation is not None:
        return Source.PARTNER, user.organisation
    return Source.STAFF, None


def signal_create_from_inspection(
    *,
    actor: User,
    description: str,
    location_kind: str = "",
    location_text: str = "",
    subjects: Sequence[SubjectInput] = (),
    category_code: str = "",
    urgency: str = Urgency.NORMAL,
    request: HttpRequest | None = None,
) -> Signal:
    """For other parts of Regie (e.g. park inspections): a signal with source `inspectie`, same checks and path."""
    if actor.organisation is None:
        raise ValidationError({"source": "Deze medewerker hoort bij geen organisatie."})
    category = None
    if category_code:
        category = SignalCategory.objects.filter(code=category_code, active=True).first()
        if category is None:
            raise ValidationError({"category": "Onbekende categorie."})
    return signal_receive(
        actor=actor,
        municipality=actor.organisation.municipality,
        source=Source.INSPECTION,
        channel=Channel.INSPECTION,
        description=description,
        urgency=urgency,
        location_kind=location_kind,
        location_text=location_text,
        subjects=subjects,
        category=category,
        request=request,
    )
