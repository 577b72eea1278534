"""The one engine that runs every procedure definition: start, move, refuse, record, compute, remind.

A move is one transaction: the procedure row is locked, every check runs (an illegal step, a date before the
previous step, missing data or documents, a penalty above its maximum …), and only then are the history
entry, the deadlines and their tasks, the letters, the case's next deadline, the timeline and the processing
log written. Any refusal is a Dutch ValidationError and nothing is saved; a move based on a stale version is
a ConflictError (two people moving the same procedure at once: one wins, the other is told).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.access.case_access import CaseAccess
from regie.accounts.models import User
from regie.cases.models import Case, CaseStatus, Document
from regie.cases.services.case import case_refresh_next_deadline
from regie.cases.services.documents import document_path, document_upload
from regie.cases.services.tasks import task_create
from regie.cases.timeline import record
from regie.core.calendar import atw_calendar
from regie.core.errors import ConflictError
from regie.core.terms import format_date, term_end
from regie.procedures.definitions import SHIPPED
from regie.procedures.definitions.schema import Definition
from regie.procedures.models import Addressee, Letter, Procedure, ProcedureStatus, Transition
from regie.procedures.services.addressees import addressees_from_case, case_addresses
from regie.procedures.services.checks import check_legal, check_move
from regie.procedures.services.context import Move, step_label
from regie.procedures.services.deadlines import (
    deadlines_create,
    deadlines_expire_passed,
    deadlines_settle,
    pick_owner,
    procedure_refresh_next_deadline,
)
from regie.procedures.services.definitions import definition_of, definition_register
from regie.procedures.services.fields import FieldError, parse_date, parse_step_data
from regie.procedures.services.letters import letter_addressees, letter_generate
from regie.procedures.services.referral import refer_to_care
from regie.processing_log.services import log_processing


@dataclass(frozen=True)
class Upload:
    """A file sent along with a step (e.g. the report of findings); stored on the case as a document."""

    title: str
    filename: str
    content: IO[bytes]
    document_type: str


@dataclass
class MoveResult:
    procedure: Procedure
    transition: Transition
    letters: list[Letter] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def stale_message(definition: Definition, procedure: Procedure) -> str:
    return (
        "Iemand anders heeft deze procedure intussen bijgewerkt; de huidige stap is nu "
        f"'{step_label(definition, procedure.current_step)}'. Uw stap is niet opgeslagen. Laad de procedure "
        "opnieuw en kijk of uw stap nog nodig is."
    )


@contextmanager
def _cleanup_files_on_error() -> Iterator[list[str]]:
    """Document bytes are written before their rows commit; if the move fails, remove the orphaned files."""
    written: list[str] = []
    try:
        yield written
    except BaseException:
        for name in written:
            document_path(Document(storage_name=name)).unlink(missing_ok=True)
        raise


def _date(raw: date | str | None, today: date, errors: dict[str, str]) -> date | None:
    if raw in (None, ""):
        errors["date"] = "Vul de datum van de stap in."
        return None
    try:
        return parse_date(raw, today=today)
    except FieldError as exc:
        errors["date"] = str(exc)
        return None


def _apply(
    move: Move, documents: list[UUID], upload: Upload | None, files: list[str], request: HttpRequest | None
) -> MoveResult:
    procedure, step, definition, actor = move.procedure, move.step, move.definition, move.actor
    if upload is not None:
        document = document_upload(
            actor=actor,
            access=move.access,
            category=procedure.category,
            title=upload.title,
            document_type=upload.document_type,
            filename=upload.filename,
            content=upload.content,
            request=request,
        )
        files.append(document.storage_name)
        documents.append(document.pk)
    if step.signal_category:
        move.data["signal"] = refer_to_care(move, request)
    transition = Transition.objects.create(
        procedure=procedure,
        seq=len(move.history) + 1,
        from_step=move.from_step,
        to_step=step.code,
        on_date=move.on_date,
        actor=actor,
        addressee=move.addressee,
        data=move.data,
        documents=documents,
    )
    move.transition = transition
    for notification in move.data.get("notifications", []):
        addressee = move.addressees[notification["addressee"]]
        addressee.notified_on = date.fromisoformat(notification["date"])
        addressee.save(update_fields=["notified_on", "updated_at"])
    deadlines_settle(move, transition)
    deadlines_create(move, transition)
    calendar = atw_calendar()
    for task in step.tasks:
        task_create(
            actor=actor,
            case=procedure.case,
            title=f"{task.title} ({definition.label})"[:200],
            owner=pick_owner(task.owner_role, move),
            due_date=term_end(move.on_date, task.period, statutory=False, calendar=calendar).end_date,
            allow_past_due=True,
        )
    history = [*move.history, transition]
    result = MoveResult(procedure=procedure, transition=transition, notes=move.notes)
    for spec in step.letters:
        for addressee in letter_addressees(procedure, spec, move.data):
            letter = letter_generate(
                actor=actor,
                access=move.access,
                procedure=procedure,
                definition=definition,
                spec=spec,
                transition=transition,
                history=history,
                addressee=addressee,
                request=request,
            )
            files.append(letter.document.storage_name)
            result.letters.append(letter)
    fields = ["version", "updated_at"]
    if not step.action:
        procedure.current_step = step.code
        fields.append("current_step")
    if step.final:
        procedure.status = step.outcome
        procedure.ended_on = move.on_date
        fields += ["status", "ended_on"]
    procedure.version += 1
    procedure.save(update_fields=fields)
    deadlines_expire_passed(procedure, move.today)
    procedure_refresh_next_deadline(procedure)
    case_refresh_next_deadline(procedure.case)
    record(
        case=procedure.case,
        actor=actor,
        kind="procedure.step",
        summary=f"{definition.label}: {step.label} ({format_date(move.on_date, weekday=False)})",
        category=procedure.category,
    )
    log_processing(
        action="procedure.started" if not move.from_step else "procedure.moved",
        actor=actor,
        request=request,
        object_type="procedure",
        object_id=procedure.pk,
        persons=[a.person_id for a in move.addressees.values() if a.person_id],
        details={"case": procedure.case.number, "type": procedure.type_code, "step": step.code},
    )
    return result


def _run(
    *,
    procedure: Procedure,
    definition: Definition,
    step_code: str,
    from_step: str,
    on_date: date,
    actor: User,
    access: CaseAccess,
    raw: Mapping[str, Any],
    documents: Sequence[UUID | str],
    upload: Upload | None,
    files: list[str],
    request: HttpRequest | None,
    today: date,
) -> MoveResult:
    step = definition.step(step_code)
    if step is None:
        raise ValidationError({"step": f"Onbekende stap '{step_code}' voor een {definition.label.lower()}."})
    addressees = {str(a.pk): a for a in procedure.addressees.all()}
    move = Move(
        procedure=procedure,
        definition=definition,
        step=step,
        from_step=from_step,
        on_date=on_date,
        actor=actor,
        access=access,
        data={},
        addressees=addressees,
        history=list(procedure.transitions.order_by("seq")),
        today=today,
    )
    check_legal(move)
    if move.errors:
        raise ValidationError(move.errors)
    move.data, move.errors = parse_step_data(
        step, raw, from_step=from_step, addressees=addressees, today=today
    )
    chosen = check_move(move, documents, upload is not None)
    if move.errors:
        raise ValidationError(move.errors)
    return _apply(move, chosen, upload, files, request)


def procedure_move(
    *,
    actor: User,
    access: CaseAccess,
    procedure: Procedure,
    step: str,
    on_date: date | str | None,
    version: int,
    data: Mapping[str, Any] | None = None,
    documents: Sequence[UUID | str] = (),
    upload: Upload | None = None,
    request: HttpRequest | None = None,
) -> MoveResult:
    """Take a step: all checks under a row lock, then history, deadlines, tasks, letters; or nothing at all."""
    if not access.can_edit or access.case.pk != procedure.case_id:
        raise PermissionDenied
    today = timezone.localdate()
    errors: dict[str, str] = {}
    when = _date(on_date, today, errors)
    if when is None:
        raise ValidationError(errors)
    with _cleanup_files_on_error() as files, transaction.atomic():
        locked = (
            Procedure.objects.select_for_update(of=("self",))
            .select_related("definition", "case", "case__coordinator", "address")
            .get(pk=procedure.pk)
        )
        definition = definition_of(locked)
        if locked.version != version:
            raise ConflictError(stale_message(definition, locked))
        return _run(
            procedure=locked,
            definition=definition,
            step_code=step,
            from_step=locked.current_step,
            on_date=when,
            actor=actor,
            access=access,
            raw=data or {},
            documents=documents,
            upload=upload,
            files=files,
            request=request,
            today=today,
        )


def procedure_start(
    *,
    actor: User,
    access: CaseAccess,
    type_code: str,
    on_date: date | str | None,
    data: Mapping[str, Any] | None = None,
    documents: Sequence[UUID | str] = (),
    upload: Upload | None = None,
    address_id: UUID | str | None = None,
    request: HttpRequest | None = None,
) -> MoveResult:
    """Start a procedure on a case with its first step; addressees come from the case's residents and owners."""
    if not access.can_edit:
        raise PermissionDenied
    case: Case = access.case
    today = timezone.localdate()
    errors: dict[str, str] = {}
    shipped = SHIPPED.get(type_code)
    if shipped is None:
        raise ValidationError({"type": "Kies een bestaande soort procedure."})
    when = _date(on_date, today, errors)
    first = shipped.step(shipped.start_step)
    if first is None or actor.role not in first.roles:
        # BRP and enforcement stay apart (domain.md): burgerzaken starts only the address investigation.
        raise ValidationError(
            {
                "type": f"U kunt geen {shipped.label.lower()} starten; dat doet de afdeling die deze procedure voert."
            }
        )
    if case.case_type.code not in shipped.case_types:
        errors["type"] = (
            f"Een {shipped.label.lower()} hoort niet bij een casus van het type '{case.case_type}'."
        )
    if shipped.category not in access.categories:
        errors["type"] = (
            "U mag in deze casus de gegevens van deze procedure niet vastleggen (gegevenscategorie)."
        )
    if case.status == CaseStatus.CLOSED:
        errors["case"] = "Deze casus is gesloten."
    addresses = {str(a.pk): a for a in case_addresses(case)}
    address = addresses.get(str(address_id)) if address_id else None
    if address_id and address is None:
        errors["address"] = "Kies een adres dat in de casus staat."
    if address is None and len(addresses) == 1:
        address = next(iter(addresses.values()))
    if shipped.requires_address and address is None and "address" not in errors:
        errors["address"] = "Kies het adres van de woning of het lokaal (het moet in de casus staan)."
    if errors or when is None:
        raise ValidationError(errors)
    with _cleanup_files_on_error() as files, transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        if Procedure.objects.filter(case=case, type_code=type_code, status=ProcedureStatus.RUNNING).exists():
            raise ValidationError({"type": f"Op deze casus loopt al een {shipped.label.lower()}."})
        row = definition_register(type_code)
        procedure = Procedure.objects.create(
            case=case,
            definition=row,
            type_code=type_code,
            category=shipped.category,
            address=address,
            current_step=shipped.start_step,
            started_on=when,
            started_by=actor,
        )
        addressees_from_case(procedure)
        definition = definition_of(procedure)
        return _run(
            procedure=procedure,
            definition=definition,
            step_code=definition.start_step,
            from_step="",
            on_date=when,
            actor=actor,
            access=access,
            raw=data or {},
            documents=documents,
            upload=upload,
            files=files,
            request=request,
            today=today,
        )


def letters_regenerate(
    *,
    actor: User,
    access: CaseAccess,
    procedure: Procedure,
    code: str,
    addressee: Addressee | None = None,
    request: HttpRequest | None = None,
) -> list[Letter]:
    """Make a letter again from the current template for the latest step that produced it (e.g. after a fix)."""
    if not access.can_edit or access.case.pk != procedure.case_id:
        raise PermissionDenied
    definition = definition_of(procedure)
    history = list(procedure.transitions.order_by("seq"))
    for transition in reversed(history):
        step = definition.step(transition.to_step)
        spec = next((s for s in step.letters if s.code == code), None) if step else None
        if step is None or spec is None:
            continue
        if actor.role not in step.roles:
            raise ValidationError({"letter": f"Alleen wie '{step.label}' mag zetten, maakt deze brief."})
        targets = letter_addressees(procedure, spec, transition.data)
        if addressee is not None:
            if addressee not in targets:
                raise ValidationError({"addressee": "Deze brief is niet voor deze geadresseerde."})
            targets = [addressee]
        with _cleanup_files_on_error() as files, transaction.atomic():
            letters = []
            for target in targets:
                letter = letter_generate(
                    actor=actor,
                    access=access,
                    procedure=procedure,
                    definition=definition,
                    spec=spec,
                    transition=transition,
                    history=history,
                    addressee=target,
                    request=request,
                )
                files.append(letter.document.storage_name)
                letters.append(letter)
            return letters
    raise ValidationError({"letter": "Deze procedure heeft (nog) geen stap die deze brief maakt."})
