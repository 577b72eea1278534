"""The public side of a report: the confirmation repeats what was sent and when to expect an answer, the form asks
for lost attachments again, and a reporter looks up the status with the reference and a code shown once."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from regie.accounts.models import User
from regie.intake.models import Signal
from regie.intake.services.decisions import signal_close

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
STATUS = "/melden/status"


def _report(client: Client, **data: Any) -> tuple[Signal, str]:
    payload = {"reporter_type": "anoniem", "description": "Wietlucht, busjes en dozen bij chalet 12.", **data}
    response = client.post("/melden", payload)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get("/melden/ontvangen").content.decode()
    signal = Signal.objects.order_by("-received_at").first()
    assert signal is not None
    return signal, page


def _code_in(page: str) -> str:
    marker = "Code: <strong class=\"regie-reference\">"
    start = page.index(marker) + len(marker)
    return page[start : page.index("</strong>", start)]


def test_the_anonymous_confirmation_repeats_what_was_sent_and_when_to_expect_an_answer(client, users, policy):
    signal, page = _report(client, location_kind="park-lot", location_text="Recreatiepark, chalet 12")
    assert signal.reference in page
    assert "Wietlucht, busjes en dozen bij chalet 12." in page and "Recreatiepark, chalet 12" in page
    assert "Vakantiepark" in page and "Anoniem" in page
    assert "beoordeelt uw melding binnen" in page and "uiterlijk op" in page
    assert "U meldde anoniem" in page
    assert "e-mailadres achtergelaten" not in page  # an anonymous reporter is not told about mail


def test_a_named_confirmation_says_where_the_mail_goes_and_an_urgent_one_counts_hours(client, users, policy):
    _, page = _report(
        client, reporter_type="inwoner", reporter_email="buur@voorbeeld.nl", reporter_name="B. Buur", urgent="on"
    )
    assert "Wij sturen een bevestiging naar <strong>buur@voorbeeld.nl</strong>" in page
    assert "B. Buur" in page and "U meldde anoniem" not in page
    assert "dringend" in page and "uur" in page


def test_the_code_is_shown_once_and_only_its_hash_is_stored(client, users, policy):
    signal, page = _report(client)
    code = _code_in(page)
    assert len(code) == 14 and signal.status_code_hash and code not in signal.status_code_hash
    again = client.get("/melden/ontvangen").content.decode()
    assert signal.reference in again and code not in again and "Code:" not in again


def test_a_reporter_sees_the_status_in_words_without_personal_data(client, users, policy):
    signal, page = _report(
        client, reporter_type="inwoner", reporter_name="Bea Buur", reporter_email="bea@voorbeeld.nl"
    )
    code = _code_in(page)
    looked = Client().post(STATUS, {"reference": signal.reference.lower(), "code": code.replace("-", " ")})
    html = looked.content.decode()
    assert looked.status_code == 200
    assert "wacht op beoordeling" in html and signal.reference in html
    assert "Bea Buur" not in html and "bea@voorbeeld.nl" not in html and "Wietlucht" not in html
    signal_close(actor=users["procesregisseur"], signal=signal, reason="Geen actie nodig: vakantieverhuur.")
    html = Client().post(STATUS, {"reference": signal.reference, "code": code}).content.decode()
    assert "De gemeente onderneemt er nu geen verdere actie op" in html and "vakantieverhuur" not in html


def test_a_wrong_code_and_an_unknown_reference_get_the_same_answer(client, users, policy):
    signal, page = _report(client)
    wrong = Client().post(STATUS, {"reference": signal.reference, "code": "AAAA-BBBB-CCCC"})
    unknown = Client().post(STATUS, {"reference": "M-1999-000001", "code": _code_in(page)})
    assert wrong.status_code == unknown.status_code == 404

    def answer(response: Any) -> str:
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
        return html[html.index("<main") :].replace(signal.reference, "").replace("M-1999-000001", "")

    assert "Wij vinden geen melding" in answer(wrong)
    assert answer(wrong).replace("AAAA-BBBB-CCCC", "") == answer(unknown).replace(_code_in(page), "")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"reference": "", "code": ""}, "reference", "Vul de referentie van uw melding in."),
        ({"reference": "123", "code": "AAAA-BBBB-CCCC"}, "reference", "Een referentie ziet eruit als"),
        ({"reference": "M-2026-000001", "code": "AAA"}, "code", "Een code heeft 12 letters en cijfers"),
        ({"reference": "M-2026-000001", "code": "A" * 21}, "code", "Een code is hoogstens 20 tekens."),
    ],
)
def test_bad_lookups_are_answered_in_dutch(client, users, data, field, message):
    response = client.post(STATUS, data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_lookup_is_rate_limited_like_the_report_form(client, users, policy, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"public": "2/h"}}
    for _ in range(2):
        assert client.post(STATUS, {"reference": "M-2026-000001", "code": "AAAA-BBBB-CCCC"}).status_code == 404
    third = client.post(STATUS, {"reference": "M-2026-000001", "code": "AAAA-BBBB-CCCC"})
    assert third.status_code == 429 and int(third["Retry-After"]) > 0
    assert "te vaak gezocht" in third.content.decode()
    # the lookups have their own count: the reporter can still report
    assert client.post("/melden", {"reporter_type": "anoniem", "description": "Nog iets"}).status_code == 302


def test_the_status_page_shows_without_login_and_staff_see_the_same(client, users, sign_in):
    assert client.get(STATUS).status_code == 200
    staff = sign_in(users["procesregisseur"])
    assert staff.get(STATUS).status_code == 200


def test_a_form_with_errors_asks_to_add_the_attachments_again(client, users, policy):
    photo = SimpleUploadedFile("chalet.png", PNG, content_type="image/png")
    response = client.post("/melden", {"reporter_type": "anoniem", "description": "", "attachments": [photo]})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Voeg uw bijlagen opnieuw toe" in html and "chalet.png" in html
    assert not Signal.objects.exists()
    assert "Voeg uw bijlagen opnieuw toe" not in client.get("/melden").content.decode()


def test_the_receipt_names_the_attachments_that_were_sent(client, users, policy):
    photo = SimpleUploadedFile("chalet.png", PNG, content_type="image/png")
    _, page = _report(client, attachments=[photo])
    assert "chalet.png" in page


def test_staff_reports_get_no_status_code(users: dict[str, User], sign_in, policy):
    staff = sign_in(users["procesregisseur"])
    staff.post("/signalen/nieuw", {"description": "Signaal van een medewerker", "urgency": "normaal"})
    assert Signal.objects.get().status_code_hash == ""
