"""The beheerder and the outbox (issue 21): which mail waits or could not be delivered, and sending it again.

The page shows a mail's kind, subject (a reference, never a name), masked recipients ("b…@voorbeeld.nl"), attempts
and the mail server's last answer with addresses taken out; never the text, which may concern a reporter. Viewing
the list, sending again and erasing a failed mail by hand are logged.
"""

from __future__ import annotations

from uuid import UUID

from django.db import transaction
from django.http import HttpRequest

from regie.accounts.models import User
from regie.integrations.mail import outgoing_mail_erase, outgoing_mail_overview, outgoing_mail_requeue
from regie.integrations.models import OutgoingMail
from regie.processing_log.services import log_processing


def outgoing_mail_list(*, actor: User, request: HttpRequest | None = None) -> dict[str, list[OutgoingMail]]:
    """Failed and waiting mail, and the last sent; the view is logged (masked recipients are still about people)."""
    overview = outgoing_mail_overview()
    log_processing(
        action="outgoing_mail.list_viewed",
        actor=actor,
        request=request,
        object_type="outgoing_mail",
        details={key: len(rows) for key, rows in overview.items()},
    )
    return overview


def outgoing_mail_resend(*, actor: User, mail_id: UUID, request: HttpRequest | None = None) -> OutgoingMail:
    """Send a failed or waiting mail again with fresh attempts (a sent one is refused with a Dutch message)."""
    with transaction.atomic():
        earlier = OutgoingMail.objects.filter(pk=mail_id).values_list("status", "attempts").first()
        mail = outgoing_mail_requeue(mail_id=mail_id)
        log_processing(
            action="outgoing_mail.resent",
            actor=actor,
            request=request,
            object_type="outgoing_mail",
            object_id=mail.pk,
            details={"status": earlier[0] if earlier else "", "attempts": earlier[1] if earlier else 0},
        )
    return mail


def outgoing_mail_erase_by_hand(
    *, actor: User, mail_id: UUID, request: HttpRequest | None = None
) -> OutgoingMail:
    """Erase a failed mail's text and addresses now, rather than after REGIE_FAILED_MAIL_DAYS; it will not be sent.
    Any other mail is refused with a Dutch message and nothing is written."""
    with transaction.atomic():
        mail = outgoing_mail_erase(mail_id=mail_id)
        log_processing(
            action="outgoing_mail.erased",
            actor=actor,
            request=request,
            object_type="outgoing_mail",
            object_id=mail.pk,
            details={"purpose": mail.purpose, "attempts": mail.attempts},
        )
    return mail
