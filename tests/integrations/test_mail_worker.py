"""A real procrastinate worker against the test database: while the SMTP server is down the job fails and is put
back for later (procrastinate's retry, not ours by hand); once the server is back the next run delivers it."""

from __future__ import annotations

import pytest
from django.db import connection
from procrastinate.contrib.django import app

from regie.integrations.mail import outgoing_mail_queue
from regie.integrations.models import MailStatus, OutgoingMail
from tests.integrations.smtp_server import Inbox, point_mail_at_free_port, smtp_server
from tests.own_thread import call_in_own_thread

pytestmark = [pytest.mark.postgres]


def _job() -> tuple[str, int, bool]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT status, attempts, scheduled_at > now() FROM procrastinate_jobs "
            "WHERE task_name = 'integrations.send_mail' AND args->>'mail_id' = %s",
            [str(OutgoingMail.objects.get().pk)],
        )
        [row] = cursor.fetchall()
    return row[0], row[1], bool(row[2])


def _work() -> None:
    """One worker pass over the mail queue: run what is due, then stop."""
    worker = app.with_connector(app.connector.get_worker_connector())
    # In a thread of its own: run_worker starts an event loop, which fails beside a browser test's loop.
    call_in_own_thread(
        lambda: worker.run_worker(queues=["mail"], wait=False, install_signal_handlers=False, listen_notify=False)
    )


def test_a_worker_retries_the_job_while_the_server_is_down_and_delivers_once_it_is_back(
    transactional_db, settings
):
    # The queue is not a Django table: a flush after an earlier transactional test leaves its jobs behind.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM procrastinate_periodic_defers; DELETE FROM procrastinate_jobs")
    port = point_mail_at_free_port(settings)
    mail = outgoing_mail_queue(to=["melder@voorbeeld.nl"], subject="Uw melding", body="Tekst", purpose="Test")
    assert mail is not None
    _work()  # nobody listens: the job fails, and procrastinate schedules it again a little later
    assert _job() == ("todo", 1, True)
    mail.refresh_from_db()
    assert mail.status == MailStatus.PENDING and mail.attempts == 1 and mail.recipients
    _work()  # not due yet: nothing happens
    assert _job() == ("todo", 1, True)
    with connection.cursor() as cursor:  # let the retry's wait pass
        cursor.execute(
            "UPDATE procrastinate_jobs SET scheduled_at = now() WHERE task_name = 'integrations.send_mail'"
        )
    with smtp_server(port, Inbox()) as inbox:
        _work()
    assert [rcpt for rcpt, _ in inbox.received] == [["melder@voorbeeld.nl"]]
    assert _job()[0] == "succeeded"
    mail = OutgoingMail.objects.get(pk=mail.pk)
    assert mail.status == MailStatus.SENT and mail.attempts == 2
