"""The document storage full (or not writable) during an upload: a clear Dutch error in the form, 507
problem+json in the API, and nothing half-written: no document or signal row, no file, no partial file
(issue 19, item 6). The `full_disk` fixture is in tests/conftest.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from regie.cases.models import Document
from regie.core.errors import STORAGE_FULL
from tests.worlds.cases import PDF

pytestmark = pytest.mark.django_db


def _files(settings: Any) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _upload() -> dict[str, Any]:
    return {
        "category": "general",
        "title": "Verslag casusoverleg",
        "document_type": "verslag",
        "file": SimpleUploadedFile("verslag.pdf", PDF, content_type="application/pdf"),
    }


def test_a_full_disk_on_a_case_document_is_a_dutch_form_error_and_leaves_nothing(
    sign_in, users, world, full_disk, settings
) -> None:
    response = sign_in(users["ggz"]).post(f"/casussen/{world.case.pk}/documenten/toevoegen", _upload())
    assert response.status_code == 400
    assert "de opslag voor bestanden is vol" in response.content.decode()
    assert not Document.objects.exists()
    assert _files(settings) == []


def test_a_full_disk_in_the_api_is_a_507_problem_and_leaves_nothing(api_as, users, world, full_disk, settings) -> None:
    response = api_as("ggz").post(
        f"/api/v1/cases/{world.case.pk}/documents",
        {"category": "general", "title": "Verslag", "documentType": "verslag",
         "file": SimpleUploadedFile("verslag.pdf", PDF, content_type="application/pdf")},
    )
    assert response.status_code == 507 and response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == STORAGE_FULL
    assert not Document.objects.exists()
    assert _files(settings) == []


def test_when_the_disk_has_room_the_file_is_written_whole_under_its_name(sign_in, users, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "documents"
    sign_in(users["ggz"]).post(f"/casussen/{world.case.pk}/documenten/toevoegen", _upload())
    document = Document.objects.get()
    assert [p.name for p in _files(settings)] == [document.storage_name]
    assert (Path(settings.MEDIA_ROOT) / document.storage_name).read_bytes() == PDF
