"""Bad input is answered in Dutch (form errors or problem+json) and nothing is stored; floods get a 429."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.test import Client

from regie.intake.models import Signal, SignalAttachment

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def _post_public(client: Client, body: Any) -> Any:
    return client.post("/api/v1/public/signals", body, content_type="application/json")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ({"description": ""}, "description"),
        ({"description": "   "}, "description"),
        ({}, "description"),
        ({"description": "x" * 5001}, "description"),
        ({"description": "Overlast", "urgency": "heel erg"}, "urgency"),
        ({"description": "Overlast", "locationKind": "maan"}, "locationKind"),
        ({"description": "Overlast", "reporterType": "koning"}, "reporterType"),
        (
            {"description": "Overlast", "reporterType": "inwoner", "reporter": {"email": "geen-adres"}},
            "reporter.email",
        ),
        (
            {"description": "Overlast", "reporterType": "inwoner", "reporter": {"phone": "bel me!"}},
            "reporter.phone",
        ),
        (
            {"description": "Overlast", "reporter": {"email": "a@b.nl"}},
            "reporter.email",
        ),  # anonymous + contact
        ({"description": "Overlast", "locationText": "x" * 301}, "locationText"),
        ({"description": "Overlast", "website": "http://spam.example"}, "website"),
    ],
)
def test_it_refuses_bad_public_api_input_with_problem_json_and_stores_nothing(
    client, users, policy, body, name
):
    response = _post_public(client, body)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and problem["title"] == "Ongeldige invoer"
    assert name in {p["name"] for p in problem["invalidParams"]}
    assert all(p["reason"] for p in problem["invalidParams"])
    assert not Signal.objects.exists()


def test_it_refuses_a_body_that_is_not_json(client, users, policy):
    response = client.post("/api/v1/public/signals", "{niet: json", content_type="application/json")
    assert response.status_code == 400 and response.json()["detail"] == "De inhoud is geen geldige JSON."
    assert not Signal.objects.exists()


@pytest.mark.parametrize(
    ("subject", "name", "reason"),
    [
        ({"kind": "persoon", "surname": "Jansen", "bsn": "123456789"}, "subjects.0.bsn", "elfproef"),
        (
            {"kind": "persoon", "surname": "Jansen", "birthDate": "2999-01-01"},
            "subjects.0.birthDate",
            "toekomst",
        ),
        ({"kind": "persoon", "surname": "Jansen", "birthDate": "1-1-1980"}, "subjects.0.birthDate", ""),
        ({"kind": "persoon", "givenNames": "Piet"}, "subjects.0.surname", "achternaam"),
        ({"kind": "adres", "postcode": "0123 AB", "houseNumber": 3}, "subjects.0.postcode", "postcode"),
        ({"kind": "adres", "postcode": "6851 AB", "houseNumber": 0}, "subjects.0.houseNumber", "huisnummer"),
        ({"kind": "bedrijf", "kvkNumber": "12AB"}, "subjects.0.kvkNumber", "KvK"),
        ({"kind": "ruimteschip"}, "subjects.0.kind", ""),
        ({"kind": "persoon", "surname": "Jansen", "role": "koning"}, "subjects.0.role", "rol"),
    ],
)
def test_it_refuses_a_malformed_identity_through_the_api(api_as, users, policy, subject, name, reason):
    response = api_as("politie").post(
        "/api/v1/signals",
        {"description": "Zorgen om een bewoner", "subjects": [subject]},
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    params = {p["name"]: p["reason"] for p in response.json()["invalidParams"]}
    assert name in params, params
    assert reason in params[name]
    assert not Signal.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"description": ""}, "description", "Beschrijf wat u wilt melden."),
        ({"description": "x" * 5001}, "description", "te lang"),
        ({"description": "Zorg", "bsn": "123456789"}, "bsn", "elfproef"),
        (
            {"description": "Zorg", "surname": "A", "birth_date": "31-02-2020"},
            "birth_date",
            "geldige geboortedatum",
        ),
        ({"description": "Zorg", "postcode": "1234"}, "postcode", "postcode"),
        ({"description": "Zorg", "postcode": "6851 AB", "house_number": "nul"}, "house_number", "huisnummer"),
        ({"description": "Zorg", "kvk_number": "123"}, "kvk_number", "8 cijfers"),
        ({"description": "Zorg", "urgency": "ooit"}, "urgency", "Kies een van de mogelijkheden"),
        ({"description": "Zorg", "location_kind": "maan"}, "location_kind", "Kies een van de mogelijkheden"),
    ],
)
def test_it_shows_dutch_errors_on_the_staff_form_and_stores_nothing(
    sign_in, users, policy, data, field, message
):
    response = sign_in(users["procesregisseur"]).post("/signalen/nieuw", {"urgency": "normaal", **data})
    assert response.status_code == 400
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    assert not Signal.objects.exists()


def test_it_refuses_an_attachment_of_the_wrong_type(sign_in, users, policy, settings):
    upload = SimpleUploadedFile(
        "foto.png", EXE, content_type="image/png"
    )  # the name lies; the content decides
    response = sign_in(users["jurist"]).post(
        "/signalen/nieuw", {"description": "Zie bijlage", "urgency": "normaal", "attachments": [upload]}
    )
    assert response.status_code == 400
    assert "niet is toegestaan" in " ".join(response.context["form"].errors["attachments"])
    assert not Signal.objects.exists() and not SignalAttachment.objects.exists()
    assert not list((Path(settings.MEDIA_ROOT) / "signalen").glob("*"))


def test_it_refuses_an_oversized_attachment(client, users, policy, settings):
    settings.REGIE_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("groot.png", PNG + b"\x00" * (1024 * 1024), content_type="image/png")
    response = client.post(
        "/melden", {"reporter_type": "anoniem", "description": "Foto", "attachments": [big]}
    )
    assert response.status_code == 400
    assert "groter dan 1 MB" in response.content.decode()
    assert not Signal.objects.exists()


def test_it_refuses_more_than_five_attachments(client, users, policy):
    files = [SimpleUploadedFile(f"f{i}.png", PNG, content_type="image/png") for i in range(6)]
    response = client.post(
        "/melden", {"reporter_type": "anoniem", "description": "Foto's", "attachments": files}
    )
    assert response.status_code == 400 and "hoogstens 5 bijlagen" in response.content.decode()
    assert not Signal.objects.exists()


def test_it_keeps_a_valid_attachment_by_its_sniffed_type(client, users, policy, settings):
    upload = SimpleUploadedFile("..\\..\\etc\\foto.png", PNG, content_type="application/octet-stream")
    client.post(
        "/melden", {"reporter_type": "anoniem", "description": "Foto van de loods", "attachments": [upload]}
    )
    attachment = SignalAttachment.objects.get()
    assert attachment.content_type == "image/png" and attachment.filename == "foto.png"
    assert (Path(settings.MEDIA_ROOT) / attachment.storage_name).read_bytes() == PNG


def test_it_refuses_a_public_form_with_the_honeypot_filled(client, users, policy):
    response = client.post(
        "/melden",
        {"reporter_type": "anoniem", "description": "Koop goedkope pillen", "website": "http://spam"},
    )
    assert response.status_code == 400
    assert "Laat dit veld leeg" in response.content.decode()
    assert not Signal.objects.exists()


def test_it_shows_dutch_errors_on_the_public_form(client, users, policy):
    response = client.post(
        "/melden",
        {"reporter_type": "inwoner", "description": "", "reporter_email": "niet-goed", "reporter_phone": "x"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Beschrijf wat u wilt melden." in html
    assert "Vul een geldig e-mailadres in" in html or "geldig e-mailadres" in html
    assert not Signal.objects.exists()


@pytest.fixture
def two_per_hour(settings: Any) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"public": "2/h"}}


def test_it_answers_a_flood_of_public_api_posts_with_429_problem_json(client, users, policy, two_per_hour):
    codes = [_post_public(client, {"description": f"Melding {i}"}).status_code for i in range(2)]
    third = _post_public(client, {"description": "Melding 3"})
    assert codes == [201, 201]
    assert third.status_code == 429
    assert third["Content-Type"] == "application/problem+json"
    assert third.json()["title"] == "Te veel verzoeken" and "Probeer het over" in third.json()["detail"]
    assert int(third["Retry-After"]) > 0
    assert Signal.objects.count() == 2


def test_it_limits_the_public_form_with_the_same_count(client, users, policy, two_per_hour):
    _post_public(client, {"description": "Melding 1"})
    client.post("/melden", {"reporter_type": "anoniem", "description": "Melding 2"})
    response = client.post("/melden", {"reporter_type": "anoniem", "description": "Melding 3"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "te veel meldingen" in html and "Melding 3" in html  # the text is kept for a later try
    assert Signal.objects.count() == 2


def test_it_counts_per_address(client, users, policy, two_per_hour):
    for _ in range(2):
        _post_public(client, {"description": "Melding"})
    other = client.post(
        "/api/v1/public/signals",
        {"description": "Andere melder"},
        content_type="application/json",
        REMOTE_ADDR="10.0.0.9",
    )
    assert other.status_code == 201


def test_it_answers_try_again_when_the_database_goes_away_and_keeps_nothing(
    client, users, policy, monkeypatch, settings
):
    from regie.intake.services import receive

    def lost(**kwargs: Any) -> None:
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(receive, "log_processing", lost)
    client.raise_request_exception = False
    api = _post_public(client, {"description": "Er wordt gedeald"})
    assert api.status_code == 503 and api["Content-Type"] == "application/problem+json"
    assert "probeer het over enkele minuten opnieuw" in api.json()["detail"].lower()
    upload = SimpleUploadedFile("foto.png", PNG, content_type="image/png")
    page = client.post(
        "/melden", {"reporter_type": "anoniem", "description": "Er wordt gedeald", "attachments": [upload]}
    )
    assert page.status_code == 503
    assert not Signal.objects.exists() and not SignalAttachment.objects.exists()
    assert not list((Path(settings.MEDIA_ROOT) / "signalen").glob("*"))
