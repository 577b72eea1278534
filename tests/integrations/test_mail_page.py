"""The beheerder sees mail that could not be delivered (never its text or a full address) and sends it again;
every other role is refused."""

from __future__ import annotations

import uuid

import pytest

from regie.integrations.mail import outgoing_mail_deliver, outgoing_mail_queue
from regie.integrations.models import MailStatus, OutgoingMail
from regie.processing_log.models import ProcessingLogEntry
from tests.conftest import ROLES
from tests.intake.conftest import run_jobs
from tests.integrations.smtp_server import Inbox, Refuser, point_mail_at_free_port, smtp_server

pytestmark = [pytest.mark.django_db]

PAGE = "/beheer/e-mail"
BODY = "Beste melder, uw melding over de heer Okkerse aan de Klaprooslaan is ontvangen."


@pytest.fixture
def smtp_port(settings) -> int:
    return point_mail_at_free_port(settings)


@pytest.fixture
def refused(smtp_port) -> OutgoingMail:
    """A reporter's confirmation that the mail server refused (550)."""
    mail = outgoing_mail_queue(
        to=["buur@voorbeeld.nl"],
        subject="Uw melding M-2026-0042 is ontvangen",
        body=BODY,
        purpose="Bevestiging",
    )
    assert mail is not None
    with smtp_server(smtp_port, Refuser()):
        assert run_jobs("integrations.send_mail") == 1
    mail.refresh_from_db()
    assert mail.status == MailStatus.FAILED
    return mail


def resend_url(mail: OutgoingMail | uuid.UUID) -> str:
    return f"{PAGE}/{getattr(mail, 'pk', mail)}/opnieuw-versturen"


def test_the_beheerder_sees_failed_mail_by_subject_and_masked_address_never_its_text(sign_in, users, refused):
    before = ProcessingLogEntry.objects.filter(action="outgoing_mail.list_viewed").count()
    response = sign_in(users["beheerder"]).get(PAGE)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Niet verstuurd (1)" in html and "Uw melding M-2026-0042 is ontvangen" in html
    assert (
        "b…@voorbeeld.nl" in html
        and "weigerde de ontvanger (code 550)" in html
        and "Opnieuw versturen" in html
    )
    assert "buur@" not in html
    assert "Okkerse" not in html and "Klaprooslaan" not in html
    assert ProcessingLogEntry.objects.filter(action="outgoing_mail.list_viewed").count() == before + 1
    home = sign_in(users["beheerder"]).get("/beheer").content.decode()
    assert 'href="/beheer/e-mail"' in home and "Uitgaande e-mail (1 niet verstuurd)" in home


@pytest.mark.parametrize("role", [r for r in ROLES if r != "beheerder"])
def test_every_other_role_is_refused_the_page_and_the_resend(sign_in, users, refused, role):
    client = sign_in(users[role])
    assert client.get(PAGE).status_code == 403
    assert client.post(resend_url(refused)).status_code == 403
    refused.refresh_from_db()
    assert refused.status == MailStatus.FAILED


def test_anonymous_is_sent_to_the_login(client, refused):
    assert client.get(PAGE)["Location"].startswith("/login")
    assert client.post(resend_url(refused))["Location"].startswith("/login")


def test_resending_from_the_page_delivers_the_mail_once_the_cause_is_fixed(
    sign_in, users, refused, smtp_port
):
    response = sign_in(users["beheerder"]).post(resend_url(refused), follow=True)
    assert response.redirect_chain == [(PAGE, 302)]
    assert "gaat opnieuw weg" in response.content.decode()
    refused.refresh_from_db()
    assert refused.status == MailStatus.PENDING and refused.attempts == 0
    entry = ProcessingLogEntry.objects.filter(action="outgoing_mail.resent").latest("seq")
    assert entry.object_id == str(refused.pk) and entry.details == {"status": "failed", "attempts": 1}
    with smtp_server(smtp_port, Inbox()) as inbox:
        assert run_jobs("integrations.send_mail") == 1
    [(rcpt, message)] = inbox.received
    assert rcpt == ["buur@voorbeeld.nl"] and message["Subject"] == "Uw melding M-2026-0042 is ontvangen"
    refused.refresh_from_db()
    assert refused.status == MailStatus.SENT


def test_a_sent_mail_is_not_sent_again_and_says_why_in_dutch(sign_in, users, smtp_port):
    mail = outgoing_mail_queue(to=["a@voorbeeld.nl"], subject="Herinnering", body="x", purpose="Herinnering")
    assert mail is not None
    with smtp_server(smtp_port, Inbox()):
        outgoing_mail_deliver(mail_id=mail.pk)
    before = ProcessingLogEntry.objects.filter(action="outgoing_mail.resent").count()
    response = sign_in(users["beheerder"]).post(resend_url(mail))
    assert response.status_code == 400
    assert "Dit bericht is al verstuurd; het wordt niet nog eens verstuurd." in response.content.decode()
    mail.refresh_from_db()
    assert mail.status == MailStatus.SENT
    assert (
        ProcessingLogEntry.objects.filter(action="outgoing_mail.resent").count() == before
    )  # nothing written


def test_an_unknown_or_malformed_mail_id_and_a_get_on_the_action_are_answered_not_500(
    sign_in, users, refused
):
    client = sign_in(users["beheerder"])
    assert client.post(resend_url(uuid.uuid4())).status_code == 404
    assert client.post(f"{PAGE}/niet-een-id/opnieuw-versturen").status_code == 404
    assert client.get(resend_url(refused)).status_code == 405
    assert client.post(PAGE).status_code == 405
    refused.refresh_from_db()
    assert refused.status == MailStatus.FAILED
