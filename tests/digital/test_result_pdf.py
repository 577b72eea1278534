"""The printable result as a PDF made with WeasyPrint: opened and read (pypdf), holding the advice and no one's data."""

from __future__ import annotations

import io

import pypdf
from django.test import Client

from tests.digital.conftest import BUSINESSES, RESIDENTS, answers_for

CHECK = "/veilig-online/check/inwoners"


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_result_comes_as_a_pdf_with_the_advice_and_no_personal_data(client: Client, users):
    # The same browser first asked to be called back: nothing of that may end up in the printed result.
    client.post(
        "/veilig-online/terugbellen",
        {"situation": "phishing", "given_names": "Gerrit", "surname": "Jansen", "phone": "0687654321",
         "email": "gerrit@example.nl", "story": "Sms van de bank", "consent": "on"},
    )  # fmt: skip
    client.post(CHECK, {**answers_for(RESIDENTS, "worst"), "postcode_area": "6971"})
    page = client.get(f"{CHECK}/uitslag").content.decode()
    assert f'href="{CHECK}/uitslag.pdf"' in page
    response = client.get(f"{CHECK}/uitslag.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert (
        response["Cache-Control"] == "no-store"
        and "uitslag-check-inwoners.pdf" in response["Content-Disposition"]
    )
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    text = _text(pdf)
    assert "Uw uitslag: Let op" in text and "Doe dit eerst" in text
    assert "Zet automatische updates aan op uw telefoon" in text
    assert "0 van 100" in text and "Het is niet uw schuld" in text
    for personal in ("Gerrit", "Jansen", "0687654321", "gerrit@example.nl", "6971", "127.0.0.1", "DV-"):
        assert personal not in text, personal
    metadata = pypdf.PdfReader(io.BytesIO(pdf)).metadata or {}
    assert not any("Jansen" in str(value) for value in metadata.values())


def test_a_business_pdf_has_its_risk_class(client: Client, users):
    client.post("/veilig-online/check/ondernemers", answers_for(BUSINESSES, "first"))
    text = _text(client.get("/veilig-online/check/ondernemers/uitslag.pdf").content)
    assert "Risicoklasse" in text or "risicoklasse" in text


def test_no_pdf_without_a_check_done_in_this_session(client: Client, users):
    response = client.get(f"{CHECK}/uitslag.pdf")
    assert response.status_code == 302 and response["Location"] == CHECK
    assert client.get("/veilig-online/check/bestaat-niet/uitslag.pdf").status_code == 404
