"""Mail through the outbox: store in the caller's transaction, send from a job, retry while the server is away.

`outgoing_mail_queue` stores the message and defers `integrations.send_mail` in the caller's transaction, so the
mail exists exactly when the change that caused it committed, and a mail server that is down loses nothing. The
job (`outgoing_mail_deliver`) sends it through Django's mail backend (SMTP in production, settings from the
environment) under a row lock, so a job run twice, or two workers at once, send it once:

- accepted by the server: marked sent, its body and addresses erased;
- the server is unreachable or answers 4xx (try later): the attempt is counted and the job raises `MailDeferred`,
  which procrastinate retries with a growing wait (`RETRY`); the last attempt marks it failed;
- the server refuses (5xx, a refused login): marked failed at once, retrying would not help.

A failed mail stays in the outbox, visible to the beheerder, who can send it again (`outgoing_mail_requeue`) once
the cause is fixed, or erase it (`outgoing_mail_erase`); after REGIE_FAILED_MAIL_DAYS a nightly job erases it
(`failed_mail_erase`). A mail that waits or failed is cancelled when the person it is for withdraws, or their data is
erased (`outgoing_mail_cancel`, by its `regarding`). Erased and cancelled mail keeps no body and no addresses: what
stays is the subject, the masked recipient and the status, until the record itself goes with the sent ones.

Sending is at least once: a worker that dies after the server accepted and before the commit sends it again on its
retry; the fixed Message-ID lets the receiving side recognise the duplicate.
"""

from __future__ import annotations

import re
import smtplib
from collections.abc import Sequence
from datetime import timedelta
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from regie.integrations.models import OPEN_STATUSES, MailStatus, OutgoingMail

# Eight attempts: the first, then after 4 s, 16 s, 1 min, 4 min, 17 min, 68 min and 4.5 h — about six hours in
# all, long enough for a mail server's maintenance window. Procrastinate's own bound is a safety net behind ours.
MAX_ATTEMPTS = 8
# Any failure of the job is retried (as the other apps' jobs are: a lost database too); a refusal is not a failure
# of the job, it marks the mail.
RETRY = RetryStrategy(max_attempts=MAX_ATTEMPTS, exponential_wait=4)
SEND_TASK = "integrations.send_mail"
# How long the record of a sent mail (subject, masked recipient, times) is kept for the beheerder.
SENT_KEPT_DAYS = 90
ERASED_STATUSES = (MailStatus.CANCELLED, MailStatus.ERASED)

_ADDRESS = re.compile(r"<?[^\s<>@]+@[^\s<>@]+>?")


class MailDeferred(ConnectionError):
    """The mail server could not take the message now; the job is retried later (the outbox row keeps it)."""


def recipient_hint(addresses: Sequence[str]) -> str:
    """The recipients as the beheerder sees them: first letter and domain ("b…@voorbeeld.nl"), never the name."""
    masked = []
    for address in addresses:
        local, _, domain = address.rpartition("@")
        masked.append(f"{local[:1]}…@{domain}" if local else "…")
    return ", ".join(masked)[:300]


def outgoing_mail_queue(
    *,
    to: Sequence[str],
    subject: str,
    body: str,
    purpose: str,
    cause: str | None = None,
    regarding: str = "",
) -> OutgoingMail | None:
    """Store one mail and defer its sending, both in the caller's transaction; None when there is no recipient.

    `cause` names what queued it when that may run twice (a job's id): the mail of a cause already queued is
    returned as it is, with `queued_before` set, and nothing new is stored or sent. `regarding` names whom it is for
    as ids (never an address or a name), so that erasing that person's data can cancel it."""
    recipients = [address.strip() for address in to if address and address.strip()]
    if not recipients:
        return None
    if cause is not None:
        earlier = OutgoingMail.objects.filter(cause=cause).first()
        if earlier is not None:
            earlier.queued_before = True  # type: ignore[attr-defined]
            return earlier
    with transaction.atomic():
        mail = OutgoingMail.objects.create(
            purpose=purpose[:120],
            subject=subject[:300],
            body=body,
            recipients=recipients,
            recipient_hint=recipient_hint(recipients),
            from_email=settings.DEFAULT_FROM_EMAIL,
            cause=cause,
            regarding=regarding[:80],
        )
        app.configure_task(name=SEND_TASK).defer(mail_id=str(mail.pk))
    return mail


def _scrubbed(text: str) -> str:
    """A server's answer without addresses in it (it often repeats the recipient), short enough to show."""
    return _ADDRESS.sub("[adres]", " ".join(text.split()))[:200]


def _server_text(value: bytes | str) -> str:
    return _scrubbed(value.decode("utf-8", "replace") if isinstance(value, bytes) else value)


def _failure(exc: Exception) -> tuple[bool, str]:
    """(permanent, Dutch reason) for an exception from sending."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        answer = next(iter(exc.recipients.values()), (0, b""))[1]
        reason = (
            f"De mailserver weigerde de ontvanger (code {', '.join(map(str, codes))}): {_server_text(answer)}"
        )
        return all(code >= 500 for code in codes), reason
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return (
            True,
            f"De mailserver weigerde de aanmelding (code {exc.smtp_code}); controleer EMAIL_HOST_USER.",
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        permanent = exc.smtp_code >= 500
        reason = f"De mailserver {'weigerde' if permanent else 'stelde uit'} (code {exc.smtp_code}): "
        return permanent, reason + _server_text(exc.smtp_error)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return False, "De mailserver verbrak de verbinding."
    if isinstance(exc, TimeoutError):
        return False, "De mailserver antwoordde niet op tijd."
    if isinstance(exc, OSError):
        return False, f"De mailserver is niet bereikbaar ({_scrubbed(exc.strerror or type(exc).__name__)})."
    return False, f"Versturen mislukte ({type(exc).__name__})."


def _message_id(mail: OutgoingMail) -> str:
    domain = mail.from_email.rpartition("@")[2].strip(" >") or "regie.invalid"
    return f"<{mail.pk.hex}@{domain}>"


def _send(mail: OutgoingMail) -> None:
    connection = get_connection(fail_silently=False)
    message = EmailMessage(
        mail.subject,
        mail.body,
        mail.from_email,
        list(mail.recipients),
        connection=connection,
        headers={"Message-ID": _message_id(mail)},
    )
    if message.send() != 1:
        raise smtplib.SMTPException("De mailserver nam het bericht niet aan.")


def outgoing_mail_deliver(*, mail_id: str | UUID) -> str:
    """Send one stored mail (the job's work). Returns "sent", "failed" or "skipped" (already handled, or being
    sent by another worker right now); raises `MailDeferred` when it must be tried again later."""
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, status=MailStatus.PENDING)
            .first()
        )
        if mail is None:
            return "skipped"
        now = timezone.now()
        mail.attempts += 1
        mail.last_attempt_at = now
        fields = ["attempts", "last_attempt_at", "last_error", "status", "updated_at"]
        try:
            _send(mail)
        except Exception as exc:  # every failure is recorded on the mail, none is swallowed
            permanent, mail.last_error = _failure(exc)
            if permanent or mail.attempts >= MAX_ATTEMPTS:
                mail.status = MailStatus.FAILED
            mail.save(update_fields=fields)
            if mail.status == MailStatus.FAILED:
                return "failed"
        else:
            mail.status = MailStatus.SENT
            mail.sent_at = now
            mail.last_error = ""
            mail.body = ""
            mail.recipients = []
            mail.save(update_fields=[*fields, "sent_at", "body", "recipients"])
            return "sent"
    raise MailDeferred(f"Poging {mail.attempts} van {MAX_ATTEMPTS}: {mail.last_error}")


def _locked(mail_id: str | UUID) -> OutgoingMail:
    """The mail, locked for this transaction; a Dutch refusal when the nightly cleanup removed it meanwhile (the
    page found it a moment ago), never a 500."""
    mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
    if mail is None:
        raise ValidationError("Dit bericht bestaat niet meer: het is intussen opgeruimd.")
    return mail


def outgoing_mail_requeue(*, mail_id: str | UUID) -> OutgoingMail:
    """Send a failed (or stuck) mail again from the start: fresh attempts, a new job, in the caller's transaction.
    Raises `ValidationError` when it is gone, was sent already or its text is gone."""
    with transaction.atomic():
        mail = _locked(mail_id)
        if mail.status == MailStatus.SENT:
            raise ValidationError("Dit bericht is al verstuurd; het wordt niet nog eens verstuurd.")
        if mail.status not in OPEN_STATUSES:
            raise ValidationError(
                f"Dit bericht is {mail.get_status_display().lower()}: de tekst en de ontvangers zijn gewist, "
                "het kan niet meer weg."
            )
        if not mail.recipients:
            raise ValidationError(
                "Van dit bericht zijn de ontvangers niet meer bekend; het kan niet opnieuw weg."
            )
        mail.status = MailStatus.PENDING
        mail.attempts = 0
        mail.save(update_fields=["status", "attempts", "updated_at"])
        app.configure_task(name=SEND_TASK).defer(mail_id=str(mail.pk))
    return mail


def outgoing_mail_overview(*, sent_limit: int = 20) -> dict[str, list[OutgoingMail]]:
    """What the beheerder sees: every failed and waiting mail, the last ones sent and the last ones cancelled or
    erased unsent; never a body or address."""
    columns = (
        "id",
        "updated_at",
        "purpose",
        "subject",
        "recipient_hint",
        "status",
        "attempts",
        "last_attempt_at",
        "last_error",
        "sent_at",
        "created_at",
    )
    rows = OutgoingMail.objects.only(*columns)
    return {
        "failed": list(rows.filter(status=MailStatus.FAILED).order_by("-created_at")),
        "pending": list(rows.filter(status=MailStatus.PENDING).order_by("created_at")),
        "sent": list(rows.filter(status=MailStatus.SENT).order_by("-sent_at")[:sent_limit]),
        "withdrawn": list(
            rows.filter(status__in=ERASED_STATUSES).order_by("-updated_at")[:sent_limit]
        ),
    }


def sent_mail_forget(*, older_than_days: int = SENT_KEPT_DAYS) -> int:
    """Delete the record of mail sent longer ago than this (its text and addresses went at sending), and of mail
    cancelled or erased unsent that long ago; waiting mail stays until it is sent. Returns how many were deleted."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    sent, _ = OutgoingMail.objects.filter(status=MailStatus.SENT, sent_at__lt=cutoff).delete()
    unsent, _ = OutgoingMail.objects.filter(status__in=ERASED_STATUSES, updated_at__lt=cutoff).delete()
    return sent + unsent


def _erase(rows: QuerySet[OutgoingMail], status: str) -> list[OutgoingMail]:
    """Lock the open mails among `rows`, then erase their body and addresses and give them `status`. A mail being
    sent right now is waited for: when it went out it is no longer open (and already erased), and is left alone."""
    with transaction.atomic():
        mails = list(rows.select_for_update().filter(status__in=OPEN_STATUSES).order_by("pk"))
        for mail in mails:
            mail.status = status
            mail.body = ""
            mail.recipients = []
            mail.save(update_fields=["status", "body", "recipients", "updated_at"])
    return mails


def outgoing_mail_cancel(*, regarding: str) -> int:
    """Cancel every mail still waiting for, or failed to reach, whom `regarding` names: its body and addresses are
    erased and it will not go out. Runs in the caller's transaction (the change that erases the person's data), so
    the two happen together; returns how many were cancelled."""
    if not regarding:
        raise ValueError("outgoing_mail_cancel needs a `regarding`; an empty one would match every mail.")
    return len(_erase(OutgoingMail.objects.filter(regarding=regarding), MailStatus.CANCELLED))


def outgoing_mail_erase(*, mail_id: str | UUID) -> OutgoingMail:
    """Erase one failed mail by hand (the beheerder): its body and addresses go, it will not be sent. Raises
    `ValidationError` with a Dutch reason for a mail that is gone or not failed."""
    with transaction.atomic():
        mail = _locked(mail_id)
        if mail.status != MailStatus.FAILED:
            reasons = {
                MailStatus.PENDING: "Dit bericht wacht nog op verzending; alleen een niet verstuurd bericht kan "
                "worden gewist.",
                MailStatus.SENT: "Dit bericht is al verstuurd; de tekst en de adressen zijn toen al gewist.",
            }
            raise ValidationError(
                reasons.get(
                    MailStatus(mail.status),
                    f"Dit bericht is al {mail.get_status_display().lower()}; er is niets meer te wissen.",
                )
            )
        [erased] = _erase(OutgoingMail.objects.filter(pk=mail.pk), MailStatus.ERASED)
    return erased


def failed_mail_erase(*, older_than_days: int | None = None) -> int:
    """Erase the body and addresses of mail that failed longer ago than REGIE_FAILED_MAIL_DAYS (the nightly job):
    nobody sent it again in that time. Returns how many were erased."""
    days = settings.REGIE_FAILED_MAIL_DAYS if older_than_days is None else older_than_days
    cutoff = timezone.now() - timedelta(days=days)
    stale = OutgoingMail.objects.filter(status=MailStatus.FAILED, updated_at__lt=cutoff)
    return len(_erase(stale, MailStatus.ERASED))


def failed_mail_count() -> int:
    return OutgoingMail.objects.filter(status=MailStatus.FAILED).count()
