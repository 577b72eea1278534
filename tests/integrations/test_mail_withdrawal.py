"""A reporter who withdraws consent gets no more mail: every mail to them still waiting or failed in the outbox is
cancelled in the same transaction, its address and text erased, and shows to the beheerder as 'Ingetrokken'. The
outbox knows the mail is theirs by the signal's id, never by the address."""

from __future__ import annotations

import pytest
from django.db import transaction

from regie.digital.services.follow_ups import follow_up_withdraw
from regie.intake.models import Signal, SignalEvent
from regie.intake.services.consent import signal_erase_consented
from regie.integrations.mail import outgoing_mail_cancel, outgoing_mail_deliver, outgoing_mail_queue
from regie.integrations.models import MailStatus, OutgoingMail
from tests.digital.conftest import make_follow_up
from tests.intake.conftest import run_jobs

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]  # the erasure locks the signal and the mails


def _confirmation_waiting(**overrides: str) -> tuple[Signal, str, OutgoingMail]:
    """A consented call-back request whose confirmation mail to the reporter is in the outbox, not yet sent."""
    item, key = make_follow_up(**overrides)
    run_jobs("intake.send_signal_mail")
    signal = Signal.objects.get(pk=item.signal_id)
    mail = OutgoingMail.objects.get(regarding=f"signal-reporter:{signal.pk}")
    assert mail.status == MailStatus.PENDING and mail.recipients == [signal.reporter_email]
    return signal, key, mail


def test_withdrawing_consent_cancels_the_reporters_waiting_mail_and_erases_its_address_and_text(users):
    signal, key, mail = _confirmation_waiting()
    other_signal, _, other = _confirmation_waiting(email="iemand.anders@example.nl", surname="Bakker")
    follow_up_withdraw(key=key)
    mail.refresh_from_db()
    assert mail.status == MailStatus.CANCELLED and mail.get_status_display() == "Ingetrokken"
    assert mail.recipients == [] and mail.body == ""
    assert (
        mail.recipient_hint == "f…@example.nl"
        and mail.subject == f"Uw melding {signal.reference} is ontvangen"
    )
    other.refresh_from_db()  # another reporter's mail is not touched
    assert other.status == MailStatus.PENDING and other.recipients == ["iemand.anders@example.nl"]
    event = SignalEvent.objects.get(signal=signal, kind="signal.erased")
    assert "Nog niet verstuurde e-mail aan de melder is ingetrokken (1)." in event.summary
    assert outgoing_mail_deliver(mail_id=mail.pk) == "skipped"  # its send job finds nothing to send
    assert other_signal.pk != signal.pk


def test_a_failed_mail_to_the_reporter_is_cancelled_too_and_mail_to_staff_about_the_signal_is_not(users):
    signal, key, mail = _confirmation_waiting()
    OutgoingMail.objects.filter(pk=mail.pk).update(status=MailStatus.FAILED, attempts=8)
    reminder = outgoing_mail_queue(
        to=["behandelaar@gemeente.example"],
        subject=f"Herinnering: signaal {signal.reference} is over de termijn",
        body="Open Regie.",
        purpose="Herinnering over een signaal",
    )
    assert reminder is not None
    follow_up_withdraw(key=key)
    mail.refresh_from_db()
    reminder.refresh_from_db()
    assert (mail.status, mail.recipients, mail.body) == (MailStatus.CANCELLED, [], "")
    assert reminder.status == MailStatus.PENDING and reminder.recipients == ["behandelaar@gemeente.example"]


def test_a_sent_mail_stays_sent_and_a_mail_job_not_yet_run_queues_nothing_after_the_withdrawal(users):
    item, key = make_follow_up()
    follow_up_withdraw(key=key)  # before the confirmation job ran: the address is gone
    run_jobs("intake.send_signal_mail")
    assert not OutgoingMail.objects.filter(regarding=f"signal-reporter:{item.signal_id}").exists()

    signal, key2, mail = _confirmation_waiting(email="tweede@example.nl")
    OutgoingMail.objects.filter(pk=mail.pk).update(status=MailStatus.SENT, body="", recipients=[])
    follow_up_withdraw(key=key2)
    mail.refresh_from_db()
    assert mail.status == MailStatus.SENT
    assert "ingetrokken (" not in SignalEvent.objects.get(signal=signal, kind="signal.erased").summary


def test_the_cancellation_is_undone_with_the_erasure_it_belongs_to(users):
    signal, _, mail = _confirmation_waiting()
    with pytest.raises(RuntimeError), transaction.atomic():
        signal_erase_consented(signal=signal, description="Terugbelverzoek.")
        raise RuntimeError("the withdrawal failed after the erasure")
    mail.refresh_from_db()
    assert mail.status == MailStatus.PENDING and mail.recipients == ["fenna@example.nl"]


def test_cancelling_needs_a_regarding_never_every_mail(users):
    _confirmation_waiting()
    with pytest.raises(ValueError):
        outgoing_mail_cancel(regarding="")
    assert OutgoingMail.objects.filter(status=MailStatus.PENDING).count() == 1


def test_the_beheerder_sees_the_cancelled_mail_as_ingetrokken_and_cannot_send_it_again(sign_in, users):
    signal, key, mail = _confirmation_waiting()
    follow_up_withdraw(key=key)
    client = sign_in(users["beheerder"])
    html = client.get("/beheer/e-mail").content.decode()
    assert "Ingetrokken of gewist" in html and f"Uw melding {signal.reference} is ontvangen" in html
    assert "Ingetrokken," in html and "f…@example.nl" in html and "fenna@" not in html
    response = client.post(f"/beheer/e-mail/{mail.pk}/opnieuw-versturen")
    assert response.status_code == 400
    assert "Dit bericht is ingetrokken: de tekst en de ontvangers zijn gewist" in response.content.decode()
    mail.refresh_from_db()
    assert mail.status == MailStatus.CANCELLED
