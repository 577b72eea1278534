"""In headless Chromium: the beheerder finds mail that could not be delivered from the Beheer page and sends it
again by keyboard; axe-core passes on the page before and after."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from regie.accounts.models import User
from regie.integrations.models import MailStatus, OutgoingMail
from tests.e2e.conftest import demo_settings  # noqa: F401 — demo mode, as in the shell's e2e suite

pytestmark = pytest.mark.e2e


def _failed_mail(reference: str, to: str, *, attempts: int) -> OutgoingMail:
    """A confirmation the mail server refused: on the outbox page as 'Niet verstuurd'."""
    return OutgoingMail.objects.create(
        purpose="Ontvangstbevestiging aan de melder",
        subject=f"Uw melding {reference} is ontvangen",
        body="Beste melder, …",
        recipients=[to],
        recipient_hint=f"{to[0]}…@{to.split('@')[1]}",
        from_email="regie@gemeente.example",
        status=MailStatus.FAILED,
        attempts=attempts,
        last_error="De mailserver weigerde de ontvanger (code 550): 5.1.1 [adres]: Recipient address rejected",
    )


def test_the_beheerder_sends_a_failed_mail_again_by_keyboard(
    users: dict[str, User],
    log_in: Callable[..., Page],
    assert_accessible: Callable[[Page], None],
    console_errors: list[str],
) -> None:
    mail = _failed_mail("M-2026-0042", "buur@voorbeeld.nl", attempts=1)
    page = log_in("beheerder")
    page.goto("/beheer")
    page.get_by_role("link", name="Uitgaande e-mail (1 niet verstuurd)").click()
    expect(page.get_by_role("heading", name="Niet verstuurd (1)")).to_be_visible()
    expect(page.get_by_text("b…@voorbeeld.nl")).to_be_visible()
    assert_accessible(page)
    button = page.get_by_role("button", name="Opnieuw versturen")  # its hidden text names the subject
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("gaat opnieuw weg")).to_be_visible()
    expect(page.get_by_role("heading", name="Wacht op verzending (1)")).to_be_visible()
    assert_accessible(page)
    mail.refresh_from_db()
    assert mail.status == MailStatus.PENDING and mail.attempts == 0
    assert not [m for m in console_errors if "Failed to load resource" not in m], console_errors


def test_the_beheerder_erases_a_failed_mail_by_keyboard_and_sees_it_among_the_withdrawn(
    users: dict[str, User],
    log_in: Callable[..., Page],
    assert_accessible: Callable[[Page], None],
    console_errors: list[str],
) -> None:
    from tests.browser import screenshot

    mail = _failed_mail("M-2026-0043", "overbuur@voorbeeld.nl", attempts=8)
    page = log_in("beheerder")
    page.goto("/beheer/e-mail")
    assert page.title().startswith("Uitgaande e-mail")
    assert "<" not in page.title()
    expect(page.get_by_role("heading", name="Ingetrokken of gewist")).to_have_count(1)
    assert_accessible(page)
    screenshot(page, "mail-outbox-failed-desktop")
    # The hidden part of its name says which mail (the screen reader hears "Wissen : tekst en adressen van …").
    button = page.get_by_role("button", name=re.compile(r"^Wissen\s*: tekst en adressen van Uw melding M-2026-0043"))
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("zijn de tekst en de adressen gewist")).to_be_visible()
    expect(page.get_by_role("heading", name="Niet verstuurd (0)")).to_be_visible()
    withdrawn = page.get_by_role("table", name="Ingetrokken of gewiste e-mail, niet verstuurd")
    expect(withdrawn.get_by_text("Uw melding M-2026-0043 is ontvangen")).to_be_visible()
    expect(withdrawn.get_by_text("o…@voorbeeld.nl")).to_be_visible()
    expect(withdrawn.get_by_role("columnheader", name="Toestand")).to_be_visible()
    # The sent table keeps its own column, whatever the page's other tables hold.
    sent = page.get_by_role("table", name="Laatst verstuurde e-mail")
    expect(sent.get_by_role("columnheader", name="Verstuurd")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "mail-outbox-erased-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "mail-outbox-erased-phone")
    mail.refresh_from_db()
    assert mail.status == MailStatus.ERASED and mail.recipients == [] and mail.body == ""
    assert not [m for m in console_errors if "Failed to load resource" not in m], console_errors
