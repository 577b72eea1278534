"""The document storage fills up while a public report's attachments are written: the report and every file are
gone again, and the reporter reads why (issue 19, item 6)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from regie.intake.models import Signal, SignalAttachment

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _files(settings: Any) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []



def test_a_disk_that_fills_up_at_the_second_attachment_keeps_neither_report_nor_file(
    client, users, policy, full_disk, settings
) -> None:
    full_disk["allowed"] = 1
    uploads = [SimpleUploadedFile(f"foto{n}.png", PNG, content_type="image/png") for n in (1, 2)]
    response = client.post(
        "/melden", {"reporter_type": "anoniem", "description": "Foto's van de loods", "attachments": uploads}
    )
    assert response.status_code in {200, 400}
    assert "de opslag voor bestanden is vol" in response.content.decode()
    assert not Signal.objects.exists() and not SignalAttachment.objects.exists()
    assert _files(settings) == []
