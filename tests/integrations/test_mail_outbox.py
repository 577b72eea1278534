"""Mail goes out through a real SMTP server (aiosmtpd on 127.0.0.1): stored first, sent by a job, retried while the
server is away, marked failed when it refuses, sent once however often the job runs."""

from __future__ import annotations

import itertools
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.utils import timezone
from procrastinate.contrib.django import app
from procrastinate.jobs import Job

from regie.accounts.models import Municipality
from regie.demo.intake import seed_intake_policy
from regie.intake.models import Signal
from regie.integrations.mail import (
    MAX_ATTEMPTS,
    RETRY,
    MailDeferred,
    outgoing_mail_deliver,
    outgoing_mail_queue,
)
from regie.integrations.models import MailStatus, OutgoingMail
from regie.integrations.tasks import forget_sent_mail, send_mail
from regie.processing_log.models import ProcessingLogEntry
from tests.intake.conftest import pending_jobs, run_jobs
from tests.integrations.smtp_server import Inbox, Refuser, point_mail_at_free_port, smtp_server

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
]  # row locks (SKIP LOCKED) make a job run twice send once


@pytest.fixture
def smtp_port(settings) -> int:
    return point_mail_at_free_port(settings)


def _queue(to: str = "melder@voorbeeld.nl") -> OutgoingMail:
    mail = outgoing_mail_queue(
        to=[to], subject="Uw melding M-2026-0001 is ontvangen", body="Beste melder, …", purpose="Bevestiging"
    )
    assert mail is not None
    return mail


def _report_with_an_email_address(client) -> None:
    """A resident's public report that asks for a confirmation by mail (the intake policy seeded first)."""
    seed_intake_policy(Municipality.objects.get(code="1705"))
    response = client.post(
        "/api/v1/public/signals",
        {
            "reporterType": "inwoner",
            "description": "Overlast van scooters",
            "reporter": {"email": "m@voorbeeld.nl"},
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content


def test_a_reporters_confirmation_arrives_at_the_smtp_server_with_its_recipient_and_subject(
    client, users, smtp_port
):
    _report_with_an_email_address(client)
    with smtp_server(smtp_port, Inbox()) as inbox:
        run_jobs("intake.send_signal_mail")
        assert inbox.received == []  # in the outbox, not yet sent
        run_jobs("integrations.send_mail")
    signal = Signal.objects.get()
    [(rcpt, message)] = inbox.received
    assert rcpt == ["m@voorbeeld.nl"] and message["To"] == "m@voorbeeld.nl"
    assert message["Subject"] == f"Uw melding {signal.reference} is ontvangen"
    assert "Overlast van scooters" not in message.get_payload()  # the reporter's own text is not repeated
    mail = OutgoingMail.objects.get()
    assert mail.status == MailStatus.SENT and mail.sent_at is not None and mail.attempts == 1
    assert mail.body == "" and mail.recipients == []  # erased once sent
    assert (
        mail.recipient_hint == "m…@voorbeeld.nl"
        and message["Message-ID"] == f"<{mail.pk.hex}@gemeente.example>"
    )


def test_the_reporters_mail_job_run_again_after_its_worker_died_queues_one_mail_and_one_log_entry(
    client, users
):
    """A worker that dies after the job's commit and before procrastinate marks the job done runs it again (issue 19,
    item 6): the outbox keys the mail on the job's id, so the reporter gets one confirmation, the log names one."""
    _report_with_an_email_address(client)
    [job] = pending_jobs("intake.send_signal_mail")
    task = app.tasks["intake.send_signal_mail"]
    context = SimpleNamespace(job=SimpleNamespace(id=job["id"]))
    mailed = ProcessingLogEntry.objects.filter(action="signal.reporter_mailed")
    before = mailed.count()
    task(context, **job["args"])
    task(context, **job["args"])  # the same job again
    assert OutgoingMail.objects.count() == 1 and OutgoingMail.objects.get().cause == f"job:{job['id']}"
    assert mailed.count() == before + 1
    task(SimpleNamespace(job=SimpleNamespace(id=job["id"] + 1000)), **job["args"])  # another job: a mail
    assert OutgoingMail.objects.count() == 2


def test_the_mail_is_stored_and_its_job_enqueued_in_the_callers_transaction_and_nothing_without_a_recipient():
    assert outgoing_mail_queue(to=["", "  "], subject="x", body="y", purpose="z") is None
    mail = _queue()
    [job] = pending_jobs("integrations.send_mail")
    assert job["args"] == {"mail_id": str(mail.pk)}
    assert mail.status == MailStatus.PENDING and mail.recipients == ["melder@voorbeeld.nl"]


def test_a_mail_server_that_is_down_loses_nothing_the_job_retries_and_delivers_once_it_is_back(smtp_port):
    mail = _queue()
    with pytest.raises(
        MailDeferred
    ):  # nobody listens on the port: the job fails and procrastinate retries it
        send_mail(mail_id=str(mail.pk))
    mail.refresh_from_db()
    assert mail.status == MailStatus.PENDING and mail.attempts == 1
    assert "niet bereikbaar" in mail.last_error and mail.body and mail.recipients  # kept for the next attempt
    with pytest.raises(MailDeferred):
        send_mail(mail_id=str(mail.pk))
    with smtp_server(smtp_port, Inbox()) as inbox:
        send_mail(mail_id=str(mail.pk))
    assert [rcpt for rcpt, _ in inbox.received] == [["melder@voorbeeld.nl"]]
    mail.refresh_from_db()
    assert mail.status == MailStatus.SENT and mail.attempts == 3 and mail.last_error == ""


def test_the_job_is_retried_with_a_growing_wait_and_only_up_to_the_last_attempt():
    def wait(attempts: int) -> float | None:
        job = Job(
            queue="mail", lock=None, queueing_lock=None, task_name="integrations.send_mail", attempts=attempts
        )
        decision = RETRY.get_retry_decision(exception=MailDeferred("weg"), job=job)
        if decision is None or decision.retry_at is None:
            return None
        return (decision.retry_at - timezone.now()).total_seconds()

    assert send_mail.retry_strategy is RETRY
    waits = [wait(n) or 0.0 for n in range(MAX_ATTEMPTS - 1)]
    assert 0 < waits[0] <= 5 and all(a < b for a, b in itertools.pairwise(waits))
    assert sum(waits) > 5 * 3600  # hours in all: long enough for a maintenance window
    assert wait(MAX_ATTEMPTS) is None


def test_the_last_failed_attempt_marks_the_mail_failed_and_ends_the_retries(smtp_port):
    mail = _queue()
    OutgoingMail.objects.filter(pk=mail.pk).update(attempts=MAX_ATTEMPTS - 1)
    assert outgoing_mail_deliver(mail_id=mail.pk) == "failed"  # no exception: procrastinate stops retrying
    mail.refresh_from_db()
    assert mail.status == MailStatus.FAILED and mail.attempts == MAX_ATTEMPTS and mail.body


def test_a_server_that_refuses_marks_the_mail_failed_at_once_without_the_address_in_the_reason(smtp_port):
    mail = _queue("onbekend@voorbeeld.nl")
    with smtp_server(smtp_port, Refuser()) as server:
        assert outgoing_mail_deliver(mail_id=mail.pk) == "failed"
    assert server.received == []
    mail.refresh_from_db()
    assert mail.status == MailStatus.FAILED and mail.attempts == 1
    assert "weigerde de ontvanger (code 550)" in mail.last_error
    assert "onbekend@" not in mail.last_error and "[adres]" in mail.last_error


def test_a_server_that_says_try_later_is_tried_again(smtp_port):
    mail = _queue()
    with smtp_server(smtp_port, Refuser("451 4.3.0")), pytest.raises(MailDeferred):
        outgoing_mail_deliver(mail_id=mail.pk)
    mail.refresh_from_db()
    assert mail.status == MailStatus.PENDING and "code 451" in mail.last_error


def test_a_job_run_twice_sends_the_mail_once(smtp_port):
    mail = _queue()
    with smtp_server(smtp_port, Inbox()) as inbox:
        send_mail(mail_id=str(mail.pk))
        send_mail(mail_id=str(mail.pk))  # a second run of the same job, or a second worker, later
        assert outgoing_mail_deliver(mail_id=mail.pk) == "skipped"
    assert len(inbox.received) == 1


def test_check_connections_says_whether_the_mail_server_answers_without_sending(smtp_port, capsys):
    _queue()
    OutgoingMail.objects.update(status=MailStatus.FAILED)
    with pytest.raises(SystemExit):  # configured and down: exit 1
        call_command("check_connections")
    assert f"E-mail (SMTP): storing — 127.0.0.1:{smtp_port} is niet bereikbaar" in capsys.readouterr().out
    with smtp_server(smtp_port, Inbox()) as inbox:
        call_command("check_connections")
    out = capsys.readouterr().out
    assert (
        f"E-mail (SMTP): werkt — 127.0.0.1:{smtp_port} (zonder TLS) antwoordt; 1 bericht(en) niet verstuurd"
        in out
    )
    assert inbox.received == []


def test_check_connections_says_mail_is_not_connected_without_a_host(settings, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.EMAIL_HOST = ""
    call_command("check_connections")
    assert "E-mail (SMTP): niet gekoppeld — EMAIL_HOST is niet gezet" in capsys.readouterr().out


def test_the_record_of_sent_mail_is_forgotten_after_90_days_failed_mail_stays(time_machine):
    sent, failed = _queue(), _queue()
    OutgoingMail.objects.filter(pk=sent.pk).update(status=MailStatus.SENT, sent_at=timezone.now())
    OutgoingMail.objects.filter(pk=failed.pk).update(status=MailStatus.FAILED)
    time_machine.move_to(timezone.now() + timedelta(days=89))
    forget_sent_mail(timestamp=0)
    assert OutgoingMail.objects.filter(pk=sent.pk).exists()
    time_machine.move_to(timezone.now() + timedelta(days=2))
    forget_sent_mail(timestamp=0)
    assert not OutgoingMail.objects.filter(pk=sent.pk).exists()
    assert OutgoingMail.objects.filter(pk=failed.pk).exists()
