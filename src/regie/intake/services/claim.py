"""Claiming a signal for triage: a row lock makes sure two people never work on the same signal."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import OperationalError, transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import Role, User
from regie.core.dates import format_moment
from regie.core.errors import ConflictError
from regie.intake.models import SIGNAL_TRANSITIONS, Signal, Status
from regie.intake.services.history import record
from regie.processing_log.services import log_processing

BUSY = "Een collega pakt dit signaal op dit moment op. Ververs de pagina en probeer het zo nog eens."


def already_claimed(signal: Signal) -> str:
    who = (
        signal.claimed_by.get_full_name() or signal.claimed_by.username
        if signal.claimed_by
        else "een collega"
    )
    when = format_moment(signal.claimed_at) if signal.claimed_at else ""
    return (
        f"Dit signaal is al opgepakt door {who}{' op ' + when if when else ''}. U kunt het niet ook oppakken."
    )


def lock_signal(signal: Signal) -> Signal:
    """The signal's row, locked for this transaction; a row another transaction holds is a clear conflict."""
    try:
        return (
            Signal.objects.select_for_update(nowait=True, of=("self",))
            .select_related("claimed_by")
            .get(pk=signal.pk)
        )
    except OperationalError as exc:  # lock not available (NOWAIT): someone is changing it right now
        raise ConflictError(BUSY) from exc


def lock_for_work(*, actor: User, signal: Signal) -> Signal:
    """Lock a signal to decide on: unclaimed or claimed by the actor, claiming it for them if unclaimed.

    What the work leads to is a decision (the status 'Afgehandeld'); a second decision is refused by the table.
    """
    locked = lock_signal(signal)
    SIGNAL_TRANSITIONS.check(locked.status, Status.DONE, field="signal", again=False)
    if locked.claimed_by_id not in (None, actor.pk):
        raise ConflictError(already_claimed(locked))
    if locked.claimed_by_id is None:
        _claim(locked, actor)
    return locked


def _claim(locked: Signal, actor: User) -> None:
    SIGNAL_TRANSITIONS.check(locked.status, Status.CLAIMED, field="signal")
    locked.claimed_by = actor
    locked.claimed_at = timezone.now()
    locked.status = Status.CLAIMED
    locked.version += 1
    locked.save(update_fields=["claimed_by", "claimed_at", "status", "version", "updated_at"])
    record(signal=locked, actor=actor, kind="signal.claimed", summary=f"Opgepakt door {actor}")


def signal_claim(*, actor: User, signal: Signal, request: HttpRequest | None = None) -> Signal:
    """Claim an open signal; a signal someone else claimed (or is claiming) is refused with a Dutch message."""
    with transaction.atomic():
        locked = lock_signal(signal)
        SIGNAL_TRANSITIONS.check(locked.status, Status.CLAIMED, field="signal")
        if locked.claimed_by_id == actor.pk:
            return locked
        if locked.claimed_by_id is not None:
            raise ConflictError(already_claimed(locked))
        _claim(locked, actor)
        log_processing(
            action="signal.claimed",
            actor=actor,
            request=request,
            object_type="signal",
            object_id=locked.pk,
            details={"reference": locked.reference},
        )
    return locked


def signal_release(*, actor: User, signal: Signal, request: HttpRequest | None = None) -> Signal:
    """Give a claimed signal back to the queue: the one who claimed it, or the process director."""
    with transaction.atomic():
        locked = lock_signal(signal)
        SIGNAL_TRANSITIONS.check(locked.status, Status.NEW, field="signal")
        if locked.status != Status.CLAIMED:  # still new: there is nothing to give back
            raise ValidationError({"signal": "Dit signaal is niet opgepakt."})
        if locked.claimed_by_id != actor.pk and actor.role != Role.PROCESS_DIRECTOR:
            raise ValidationError(
                {"signal": "Alleen wie het signaal oppakte of de procesregisseur kan het vrijgeven."}
            )
        previous = locked.claimed_by
        locked.claimed_by = None
        locked.claimed_at = None
        locked.status = Status.NEW
        locked.version += 1
        locked.save(update_fields=["claimed_by", "claimed_at", "status", "version", "updated_at"])
        record(
            signal=locked,
            actor=actor,
            kind="signal.released",
            summary=f"Vrijgegeven (was opgepakt door {previous})",
        )
        log_processing(
            action="signal.released", actor=actor, request=request, object_type="signal", object_id=locked.pk
        )
    return locked
