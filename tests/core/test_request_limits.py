"""Bodies over the size, part and nesting limits are refused in Dutch — a 413 page or problem+json, a 400 for
too many parts or too deep JSON — on public and staff paths alike, and nothing of them is stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from regie.core.api.parsers import MAX_JSON_DEPTH, has_lone_surrogate, json_depth_exceeds
from regie.intake.models import Signal, SignalAttachment
from tests.worlds.cases import make_world

pytestmark = pytest.mark.django_db

TEN_MB = "x" * (10 * 1024 * 1024)


def _assert_problem(response, status: int, *words: str) -> None:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    for word in words:
        assert word in problem["detail"], problem


def _assert_dutch_page(response, status: int, *words: str) -> None:
    assert response.status_code == status, response.content[:300]
    html = response.content.decode()
    assert '<html lang="nl">' in html and f"Foutcode {status}" in html
    for word in words:
        assert word in html


def test_a_10_mb_public_report_through_the_api_is_a_413_problem(client: Client, users) -> None:
    body = json.dumps({"description": TEN_MB, "reporterType": "anoniem"})
    response = client.post("/api/v1/public/signals", body, content_type="application/json")
    _assert_problem(response, 413, "te groot", "2,5 MB", "niets opgeslagen")
    assert not Signal.objects.exists()


@pytest.mark.parametrize("multipart", [False, True], ids=["urlencoded", "multipart"])
def test_a_10_mb_public_report_form_is_a_dutch_413_page(client: Client, users, multipart: bool) -> None:
    data = {"reporter_type": "anoniem", "description": TEN_MB}
    if multipart:
        response = client.post("/melden", data)
    else:
        response = client.post(
            "/melden",
            f"reporter_type=anoniem&description={TEN_MB}",
            content_type="application/x-www-form-urlencoded",
        )
    _assert_dutch_page(response, 413, "Uw verzoek is te groot", "hoogstens 2,5 MB")
    assert not Signal.objects.exists()


def test_a_10_mb_staff_report_is_a_413_page_and_a_413_problem(sign_in, api_as, users) -> None:
    page = sign_in(users["procesregisseur"]).post(
        "/signalen/nieuw", {"description": TEN_MB, "urgency": "normaal"}
    )
    _assert_dutch_page(page, 413, "Uw verzoek is te groot")
    api = api_as("politie").post(
        "/api/v1/signals", json.dumps({"description": TEN_MB}), content_type="application/json"
    )
    _assert_problem(api, 413, "te groot")
    assert not Signal.objects.exists()


def test_a_body_over_the_request_limit_is_refused_before_it_is_read(
    client: Client, users, settings, tmp_path
) -> None:
    settings.REGIE_MAX_REQUEST_MB = 1
    settings.MEDIA_ROOT = tmp_path
    photo = SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (2 * 1024 * 1024), "image/png")
    response = client.post(
        "/melden", {"reporter_type": "anoniem", "description": "Foto", "attachments": [photo]}
    )
    _assert_dutch_page(response, 413, "hoogstens 1 MB in totaal")
    api = client.post(
        "/api/v1/public/signals",
        json.dumps({"description": "y" * (2 * 1024 * 1024)}),
        content_type="application/json",
    )
    _assert_problem(api, 413, "hoogstens 1 MB in totaal")
    assert not Signal.objects.exists() and not SignalAttachment.objects.exists()
    assert not list(Path(tmp_path).rglob("*"))


def test_a_content_length_that_is_no_number_is_a_400(client: Client, users) -> None:
    page = client.generic("POST", "/melden", b"description=x", CONTENT_LENGTH="veel")
    _assert_dutch_page(page, 400, "Content-Length")
    api = client.generic("POST", "/api/v1/public/signals", b"{}", "application/json", CONTENT_LENGTH="-1")
    _assert_problem(api, 400, "Content-Length")


def test_too_many_form_fields_is_a_dutch_400(client: Client, users, settings) -> None:
    fields = "&".join(f"veld{i}=x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.post("/melden", fields, content_type="application/x-www-form-urlencoded")
    _assert_dutch_page(response, 400, "te veel velden", str(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS))
    assert not Signal.objects.exists()


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 50_000])
def test_json_nested_too_deep_is_a_400_problem(client: Client, api_as, users, depth: int) -> None:
    deep = "[" * depth + "]" * depth
    _assert_problem(
        client.post("/api/v1/public/signals", deep, content_type="application/json"), 400, "te diep genest"
    )
    inside = '{"description": "Overlast", "reporter": ' + "[" * depth + "]" * depth + "}"
    _assert_problem(
        client.post("/api/v1/public/signals", inside, content_type="application/json"), 400, "te diep genest"
    )
    staff = api_as("politie").post("/api/v1/signals", deep, content_type="application/json")
    _assert_problem(staff, 400, "te diep genest", str(MAX_JSON_DEPTH))
    assert not Signal.objects.exists()


def test_json_within_the_depth_limit_reaches_the_serializer(client: Client, users) -> None:
    nested = {"description": "Overlast", "reporter": [[[["diep, maar niet te diep"]]]]}
    response = client.post("/api/v1/public/signals", nested, content_type="application/json")
    _assert_problem(response, 400, "invalidParams")
    assert "reporter" in {p["name"].split(".")[0] for p in response.json()["invalidParams"]}


def test_the_depth_check_counts_objects_and_lists() -> None:
    assert not json_depth_exceeds({"a": [1, {"b": "c"}]}, limit=3)
    assert json_depth_exceeds({"a": [1, {"b": []}]}, limit=3)
    assert not json_depth_exceeds("geen object", limit=1)
    deep: list = []
    for _ in range(100_000):  # deeper than Python's recursion limit: walked without recursion
        deep = [deep]
    assert json_depth_exceeds(deep)


def test_a_lone_surrogate_in_json_is_refused_as_not_text() -> None:
    assert has_lone_surrogate({"a": ["ok", {"b": "\ud800"}]})
    assert has_lone_surrogate({"\udfff": 1})
    assert not has_lone_surrogate({"naam": "Ëlla 😀", "n": [1, None, True]})
    assert has_lone_surrogate({"coordinator": "sanne\x00"})


@pytest.mark.django_db
def test_the_public_report_api_answers_a_lone_surrogate_with_a_400_problem(client) -> None:
    body = b'{"description": "Overlast \\ud800 bij de haven", "\\udc00": 1}'
    response = client.post("/api/v1/public/signals", body, content_type="application/json")
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert "UTF-16" in response.json()["detail"]


def test_a_nul_character_in_json_is_refused_as_not_text(api_as, users) -> None:
    """PostgreSQL stores no NUL in text; a coordinator's username with one was a 500 (found by the API fuzzing)."""
    case = make_world(users).case
    body = f'{{"coordinator": "sanne\\u0000", "version": {case.version}}}'
    response = api_as("procesregisseur").patch(f"/api/v1/cases/{case.pk}", body, content_type="application/json")
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert "NUL" in response.json()["detail"]
    case.refresh_from_db()
    assert case.coordinator == users["procesregisseur"]
