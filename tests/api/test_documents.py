"""`cases/{id}/documents`: type from the bytes, size-limited, category-bound; the bytes only through the door."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from regie.cases.models import Document
from regie.processing_log.models import ProcessingLogEntry
from tests.api.conftest import invalid_names, problem, without_instance
from tests.worlds import api as f
from tests.worlds.api import World

Api = Callable[[str], Client]


def _form(**overrides: object) -> dict[str, object]:
    form: dict[str, object] = {
        "file": SimpleUploadedFile("verslag.pdf", f.PDF, content_type="application/pdf"),
        "category": "general",
        "title": "Verslag huisbezoek",
        "documentType": "verslag",
    }
    form.update(overrides)
    return {k: v for k, v in form.items() if v is not None}


def _stored() -> set[str]:
    return {p.name for p in Path(settings.MEDIA_ROOT).iterdir()}


def test_it_stores_a_document_and_serves_its_bytes_through_the_door(world: World, api: Api) -> None:
    url = f"/api/v1/cases/{world.member_case.pk}/documents"
    response = api("jurist").post(url, _form())
    assert response.status_code == 201, response.content
    body = response.json()
    assert (
        body["contentType"] == "application/pdf"
        and body["documentType"] == "verslag"
        and body["size"] == len(f.PDF)
    )
    content = api("politie").get(f"{url}/{body['id']}/content")
    assert content.status_code == 200
    assert b"".join(content.streaming_content) == f.PDF
    assert content["Content-Type"] == "application/pdf" and "attachment" in content["Content-Disposition"]
    assert content["API-Version"]
    entry = ProcessingLogEntry.objects.get(action="document.downloaded", object_id=body["id"])
    assert entry.actor_username == "politie" and world.member_person.pk in entry.person_ids


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"file": SimpleUploadedFile("rapport.pdf", f.EXE, content_type="application/pdf")}, "file"),
        ({"file": SimpleUploadedFile("leeg.txt", b"", content_type="text/plain")}, "file"),
        ({"file": None}, "file"),
        ({"category": "care"}, "category"),
        ({"category": None}, "category"),
        ({"category": "geheim"}, "category"),
        ({"title": ""}, "title"),
        ({"documentType": "dagboek"}, "documentType"),
    ],
)
def test_it_refuses_a_bad_upload_and_stores_nothing(
    world: World, api: Api, overrides: dict[str, object], field: str
) -> None:
    before = Document.objects.count(), _stored()
    response = api("politie").post(f"/api/v1/cases/{world.member_case.pk}/documents", _form(**overrides))
    assert invalid_names(response) == {field}
    assert (Document.objects.count(), _stored()) == before


def test_it_refuses_a_file_over_the_size_limit(world: World, api: Api, settings: object) -> None:
    settings.REGIE_MAX_UPLOAD_MB = 1  # type: ignore[attr-defined]
    big = SimpleUploadedFile("groot.txt", b"a" * (1024 * 1024 + 1), content_type="text/plain")
    before = Document.objects.count(), _stored()
    response = api("politie").post(f"/api/v1/cases/{world.member_case.pk}/documents", _form(file=big))
    assert invalid_names(response) == {"file"}
    assert "1 MB" in problem(response, 400)["invalidParams"][0]["reason"]
    assert (Document.objects.count(), _stored()) == before


def test_it_wants_multipart_for_an_upload(world: World, api: Api) -> None:
    url = f"/api/v1/cases/{world.member_case.pk}/documents"
    problem(api("politie").post(url, "{}", content_type="application/json"), 415)


def test_it_hides_a_document_of_a_category_not_granted_like_a_missing_one(world: World, api: Api) -> None:
    care = world.documents["member", "care"]
    base = f"/api/v1/cases/{world.member_case.pk}/documents"
    hidden = problem(api("politie").get(f"{base}/{care.pk}/content"), 404)
    missing = problem(api("politie").get(f"{base}/{world.documents['hidden', 'general'].pk}/content"), 404)
    assert without_instance(hidden) == without_instance(missing)
    assert not ProcessingLogEntry.objects.filter(
        action="document.downloaded", actor_username="politie"
    ).exists()
    assert api("regisseur2").get(f"{base}/{care.pk}/content").status_code == 200
