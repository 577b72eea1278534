"""A mail that could not be delivered keeps its addresses and text only for REGIE_FAILED_MAIL_DAYS: then the nightly
job erases them. The beheerder can erase one sooner (a POST, beheerder only, logged); every other role is refused."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from regie.integrations.mail import failed_mail_erase, outgoing_mail_queue, sent_mail_forget
from regie.integrations.models import MailStatus, OutgoingMail
from regie.integrations.tasks import erase_failed_mail
from regie.processing_log.models import ProcessingLogEntry
from tests.conftest import ROLES

pytestmark = [pytest.mark.django_db]

PAGE = "/beheer/e-mail"


def _mail(
    status: str = MailStatus.FAILED, *, days_ago: int = 0, to: str = "buur@voorbeeld.nl"
) -> OutgoingMail:
    mail = outgoing_mail_queue(
        to=[to], subject="Uw melding M-2026-0042 is ontvangen", body="Beste melder, …", purpose="Bevestiging"
    )
    assert mail is not None
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=status, attempts=8, updated_at=timezone.now() - timedelta(days=days_ago)
    )
    mail.refresh_from_db()
    return mail


def erase_url(mail: OutgoingMail | uuid.UUID) -> str:
    return f"{PAGE}/{getattr(mail, 'pk', mail)}/wissen"


def test_the_nightly_job_erases_failed_mail_past_its_term_and_keeps_the_rest(settings):
    settings.REGIE_FAILED_MAIL_DAYS = 30
    old = _mail(days_ago=31)
    recent = _mail(days_ago=29)
    waiting = _mail(MailStatus.PENDING, days_ago=60)
    erase_failed_mail(timestamp=0)
    old.refresh_from_db()
    recent.refresh_from_db()
    waiting.refresh_from_db()
    assert (old.status, old.recipients, old.body) == (MailStatus.ERASED, [], "")
    assert old.recipient_hint == "b…@voorbeeld.nl" and old.subject == "Uw melding M-2026-0042 is ontvangen"
    assert recent.status == MailStatus.FAILED and recent.recipients == ["buur@voorbeeld.nl"]
    assert waiting.status == MailStatus.PENDING and waiting.recipients == ["buur@voorbeeld.nl"]


def test_the_term_follows_the_setting(settings):
    mail = _mail(days_ago=8)
    settings.REGIE_FAILED_MAIL_DAYS = 10
    assert failed_mail_erase() == 0
    settings.REGIE_FAILED_MAIL_DAYS = 7
    assert failed_mail_erase() == 1
    mail.refresh_from_db()
    assert mail.status == MailStatus.ERASED


def test_the_records_of_erased_and_cancelled_mail_go_after_90_days_with_the_sent_ones():
    old_erased = _mail(MailStatus.ERASED, days_ago=91)
    old_cancelled = _mail(MailStatus.CANCELLED, days_ago=91)
    recent = _mail(MailStatus.ERASED, days_ago=10)
    assert sent_mail_forget() == 2
    assert set(OutgoingMail.objects.values_list("pk", flat=True)) == {recent.pk}
    assert old_erased.pk != old_cancelled.pk


def test_the_beheerder_erases_a_failed_mail_by_hand_and_it_is_logged(sign_in, users):
    mail = _mail()
    client = sign_in(users["beheerder"])
    assert "Wissen" in client.get(PAGE).content.decode()
    response = client.post(erase_url(mail), follow=True)
    assert response.redirect_chain == [(PAGE, 302)]
    html = response.content.decode()
    assert "zijn de tekst en de adressen gewist; het wordt niet verstuurd" in html
    assert "Gewist (niet verstuurd)" in html and "buur@" not in html
    mail.refresh_from_db()
    assert (mail.status, mail.recipients, mail.body) == (MailStatus.ERASED, [], "")
    entry = ProcessingLogEntry.objects.filter(action="outgoing_mail.erased").latest("seq")
    assert entry.object_id == str(mail.pk) and entry.actor_id == users["beheerder"].pk
    assert entry.details == {"purpose": "Bevestiging", "attempts": 8}
    again = client.post(erase_url(mail))  # twice: answered, nothing written
    assert again.status_code == 400 and "er is niets meer te wissen" in again.content.decode()
    assert ProcessingLogEntry.objects.filter(action="outgoing_mail.erased").count() == 1


@pytest.mark.parametrize("role", [r for r in ROLES if r != "beheerder"])
def test_every_other_role_is_refused_the_erasure(sign_in, users, role):
    mail = _mail()
    assert sign_in(users[role]).post(erase_url(mail)).status_code == 403
    mail.refresh_from_db()
    assert mail.status == MailStatus.FAILED and mail.recipients == ["buur@voorbeeld.nl"]


def test_anonymous_is_sent_to_the_login(client):
    mail = _mail()
    assert client.post(erase_url(mail))["Location"].startswith("/login")
    mail.refresh_from_db()
    assert mail.status == MailStatus.FAILED


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (MailStatus.PENDING, "Dit bericht wacht nog op verzending"),
        (MailStatus.SENT, "Dit bericht is al verstuurd"),
    ],
)
def test_only_a_failed_mail_is_erased_by_hand_and_the_refusal_is_dutch(sign_in, users, status, message):
    mail = _mail(status)
    response = sign_in(users["beheerder"]).post(erase_url(mail))
    assert response.status_code == 400 and message in response.content.decode()
    mail.refresh_from_db()
    assert mail.status == status and mail.recipients == ["buur@voorbeeld.nl"]
    assert not ProcessingLogEntry.objects.filter(action="outgoing_mail.erased").exists()


def test_an_unknown_or_malformed_id_and_a_get_are_answered_not_500(sign_in, users):
    mail = _mail()
    client = sign_in(users["beheerder"])
    assert client.post(erase_url(uuid.uuid4())).status_code == 404
    assert client.post(f"{PAGE}/niet-een-id/wissen").status_code == 404
    assert client.get(erase_url(mail)).status_code == 405
    mail.refresh_from_db()
    assert mail.status == MailStatus.FAILED


@pytest.mark.parametrize("service", ["erase", "requeue"])
def test_a_mail_removed_meanwhile_is_refused_in_dutch_not_a_500(service: str):
    # The page found the mail a moment ago; the nightly cleanup removed it before the beheerder's POST arrived.
    from django.core.exceptions import ValidationError

    from regie.integrations.mail import outgoing_mail_erase, outgoing_mail_requeue

    act = outgoing_mail_erase if service == "erase" else outgoing_mail_requeue
    with pytest.raises(ValidationError, match="bestaat niet meer"):
        act(mail_id=uuid.uuid4())
