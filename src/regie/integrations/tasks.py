"""Jobs of the integrations app: they take ids and call its services (rule 6)."""

from __future__ import annotations

from procrastinate.contrib.django import app

from regie.integrations.mail import (
    RETRY,
    SEND_TASK,
    failed_mail_erase,
    outgoing_mail_deliver,
    sent_mail_forget,
)


@app.task(name=SEND_TASK, queue="mail", retry=RETRY)
def send_mail(mail_id: str) -> None:
    """Send one mail from the outbox; raises (and is retried with a growing wait) while the server is away."""
    outgoing_mail_deliver(mail_id=mail_id)


@app.periodic(cron="40 3 * * *", periodic_id="integrations-forget-sent-mail")
@app.task(
    name="integrations.forget_sent_mail", queue="maintenance", queueing_lock="integrations-forget-sent-mail"
)
def forget_sent_mail(timestamp: int) -> None:
    """Nightly: delete the records of mail sent, cancelled or erased more than 90 days ago."""
    sent_mail_forget()


@app.periodic(cron="45 3 * * *", periodic_id="integrations-erase-failed-mail")
@app.task(
    name="integrations.erase_failed_mail", queue="maintenance", queueing_lock="integrations-erase-failed-mail"
)
def erase_failed_mail(timestamp: int) -> None:
    """Nightly: erase the text and addresses of mail that failed more than REGIE_FAILED_MAIL_DAYS ago."""
    failed_mail_erase()
