"""Signals that rest on a resident's explicit consent (digital safety's call-back request, source `slachtoffer`).

The app that asked the consent receives the signal through `signal_receive` like every channel, then links the
person it created for the request (so triage does not match the resident to someone else), and erases what the
resident gave when they withdraw their consent — with every mail to them still in the outbox, in the same
transaction. The erasure is logged by the caller, whose withdrawal it is.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from regie.intake.models import Signal, SignalSubject, SubjectKind
from regie.intake.services.history import record
from regie.intake.services.mail import reporter_regarding
from regie.integrations.mail import outgoing_mail_cancel
from regie.subjects.models import Person

ERASED = "De inwoner heeft de toestemming ingetrokken; wat hij of zij gaf, is gewist."
MAIL_CANCELLED = "Nog niet verstuurde e-mail aan de melder is ingetrokken ({count})."


def signal_link_person(*, signal: Signal, person: Person, role: str = "melder") -> SignalSubject:
    """The person the request was made for, as the signal's confirmed subject (created by the consenting app)."""
    return SignalSubject.objects.create(
        signal=signal,
        kind=SubjectKind.PERSON,
        role=role,
        data={"surname": person.surname, "given_names": person.given_names},
        person=person,
        confirmed_at=timezone.now(),
    )


def signal_erase_consented(*, signal: Signal, description: str) -> Signal:
    """Consent withdrawn: the reporter's name, contact details, story and the subjects' data are wiped, and every
    mail to the reporter not yet sent (waiting or failed) is cancelled, its address and text erased.

    `description` replaces the text (without personal data, e.g. the kind of situation). The linked person stays
    linked; the consenting app anonymises that person itself. A mail job that has yet to run finds no address and
    queues nothing.
    """
    with transaction.atomic():
        locked = Signal.objects.select_for_update().get(pk=signal.pk)
        locked.reporter_name = locked.reporter_email = locked.reporter_phone = ""
        locked.description = f"{description.strip()} {ERASED}".strip()
        locked.version += 1
        locked.save(
            update_fields=[
                "reporter_name", "reporter_email", "reporter_phone", "description", "version", "updated_at"
            ]
        )  # fmt: skip
        SignalSubject.objects.filter(signal=locked).update(data={}, suggestions=[])
        cancelled = outgoing_mail_cancel(regarding=reporter_regarding(locked.pk))
        summary = f"{ERASED} {MAIL_CANCELLED.format(count=cancelled)}" if cancelled else ERASED
        record(signal=locked, actor=None, kind="signal.erased", summary=summary)
    return locked
