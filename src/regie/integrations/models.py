"""The outbox: every mail Regie sends is stored here first, in the transaction of the change that caused it."""

from __future__ import annotations

from django.db import models

from regie.core.models import BaseModel


class MailStatus(models.TextChoices):
    PENDING = "pending", "Wacht op verzending"
    SENT = "sent", "Verstuurd"
    FAILED = "failed", "Niet verstuurd"
    # Never sent, and never will be: its body and addresses are erased. Cancelled when the person it was for
    # withdrew (or their data was erased); erased when it failed and its term ran out, or the beheerder erased it.
    CANCELLED = "cancelled", "Ingetrokken"
    ERASED = "erased", "Gewist (niet verstuurd)"


# The statuses whose mail may still go out, and so still holds its body and addresses.
OPEN_STATUSES = (MailStatus.PENDING, MailStatus.FAILED)


class OutgoingMail(BaseModel):
    """One message on its way out. A job (`integrations.send_mail`) sends it through SMTP and retries with a
    growing wait while the mail server is away; a refusal, or the last attempt, marks it failed for the beheerder.

    Once sent, the body and the addresses are erased (data minimisation): what stays is the subject (a reference,
    never a name), the masked recipient and the times, so the beheerder can see that it went out. The same is erased
    from a mail that will not go out (cancelled, or failed past its term): see `regie.integrations.mail`.
    """

    purpose = models.CharField("soort bericht", max_length=120)
    subject = models.CharField("onderwerp", max_length=300)
    body = models.TextField("tekst", blank=True)
    recipients = models.JSONField("aan", default=list, blank=True)
    recipient_hint = models.CharField("aan (verkort)", max_length=300)
    from_email = models.CharField("van", max_length=254)
    status = models.CharField(
        "toestand", max_length=10, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField("pogingen", default=0)
    last_attempt_at = models.DateTimeField("laatste poging", null=True, blank=True)
    last_error = models.CharField("laatste fout", max_length=300, blank=True)
    sent_at = models.DateTimeField("verstuurd op", null=True, blank=True)
    # What queued it, when that may happen twice (a job that ran again after its worker died): the second run finds
    # its mail here and queues none, so the effect happens once.
    cause = models.CharField("oorzaak", max_length=120, null=True, blank=True, unique=True)
    # Whom it is for, as ids, never personal data ("signal-reporter:<signal id>"): the change that erases that
    # person's data cancels the mail still waiting for them (`outgoing_mail_cancel`), without matching addresses.
    regarding = models.CharField("betreft", max_length=80, blank=True, default="")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "uitgaand bericht"
        verbose_name_plural = "uitgaande berichten"
        indexes = [
            models.Index(fields=["status", "-created_at"], name="outgoing_mail_status"),
            models.Index(
                fields=["regarding"],
                name="outgoing_mail_open_regarding",
                condition=models.Q(status__in=["pending", "failed"]) & ~models.Q(regarding=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.get_status_display()})"
