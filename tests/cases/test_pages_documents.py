"""Documents: uploads checked by content and size, downloads only through the door and always logged."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from regie.cases.models import Document
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.cases import ELF, PDF, add_document

pytestmark = pytest.mark.django_db


def _upload(content=PDF, name="verslag.pdf", **overrides):
    data = {
        "category": "general",
        "title": "Verslag casusoverleg",
        "document_type": "verslag",
        "file": SimpleUploadedFile(name, content, content_type="application/pdf"),
    }
    data.update(overrides)
    return data


def test_it_uploads_a_document_sniffed_as_pdf(sign_in, users, world):
    response = sign_in(users["ggz"]).post(f"/casussen/{world.case.pk}/documenten/toevoegen", _upload())
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.content_type == "application/pdf" and document.filename == "verslag.pdf"
    assert document.size == len(PDF)


def test_it_refuses_an_executable_renamed_to_pdf(sign_in, users, world):
    response = sign_in(users["ggz"]).post(
        f"/casussen/{world.case.pk}/documenten/toevoegen", _upload(content=ELF, name="factuur.pdf")
    )
    assert response.status_code == 400
    assert "Dit soort bestand is niet toegestaan." in response.content.decode()
    assert Document.objects.count() == 0


def test_it_refuses_a_file_over_the_size_limit(sign_in, users, world, settings):
    settings.REGIE_MAX_UPLOAD_MB = 1
    big = PDF + b"0" * (1024 * 1024)
    response = sign_in(users["ggz"]).post(
        f"/casussen/{world.case.pk}/documenten/toevoegen", _upload(content=big)
    )
    assert response.status_code == 400
    assert "Het bestand is groter dan 1 MB." in response.content.decode()
    assert Document.objects.count() == 0
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.iterdir())  # no orphan file


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"category": "justice"}, "U mag in deze casus geen gegevens van deze categorie vastleggen."),
        ({"title": ""}, "Vul een titel in."),
        ({"document_type": "tovenarij"}, "Kies een bestaand soort document."),
        ({"file": ""}, "Kies een bestand."),
        ({"file": SimpleUploadedFile("leeg.pdf", b"")}, "Het bestand is leeg."),
    ],
)
def test_it_refuses_bad_upload_input_in_dutch_and_stores_nothing(sign_in, users, world, overrides, message):
    response = sign_in(users["ggz"]).post(
        f"/casussen/{world.case.pk}/documenten/toevoegen", _upload(**overrides)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Document.objects.count() == 0


def test_it_downloads_as_an_attachment_and_logs_the_download(sign_in, users, world):
    document = add_document(world.case, users["procesregisseur"], filename="rapport.pdf")
    response = sign_in(users["politie"]).get(f"/casussen/{world.case.pk}/documenten/{document.pk}/download")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="rapport.pdf"' in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    entry = ProcessingLogEntry.objects.get(action="document.downloaded", object_id=str(document.pk))
    assert entry.actor_username == "politie"


def test_it_hides_care_documents_from_the_police_in_list_and_download(sign_in, users, world):
    care = add_document(world.case, users["procesregisseur"], category="care", title="Behandelplan GGZ")
    client = sign_in(users["politie"])
    assert "Behandelplan GGZ" not in client.get(f"/casussen/{world.case.pk}/documenten").content.decode()
    hidden = client.get(f"/casussen/{world.case.pk}/documenten/{care.pk}/download")
    assert hidden.status_code == 404
    assert not ProcessingLogEntry.objects.filter(action="document.downloaded").exists()
    assert (
        "Behandelplan GGZ"
        in sign_in(users["ggz"]).get(f"/casussen/{world.case.pk}/documenten").content.decode()
    )


def test_it_refuses_a_download_to_a_non_member_with_404(sign_in, users, world):
    document = add_document(world.case, users["procesregisseur"])
    response = sign_in(users["jurist"]).get(f"/casussen/{world.case.pk}/documenten/{document.pk}/download")
    assert response.status_code == 404
