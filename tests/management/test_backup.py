"""`regie backup` and `regie restore`: the database and the documents from one moment, back in one go, with the
processing log's chain intact afterwards; and every way it can go wrong refused with a Dutch message, nothing
changed. Runs against the embedded server and (CI) PostgreSQL 15, whose tools differ."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from regie.core.models import EquatedHoliday
from regie.management.backup import DUMP_NAME, pg_tool
from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.services import log_processing
from regie.processing_log.verify import verify_chain

# The transactional_db fixture by name: the suite then lets the flush afterwards empty the append-only log.
pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("transactional_db")]


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "documents"
    (tmp_path / "documents" / "zaak").mkdir(parents=True)
    (tmp_path / "documents" / "zaak" / "rapport.pdf").write_bytes(b"%PDF-1.4 rapport van de controle")
    return tmp_path / "documents"


def _holiday(name: str, day: str) -> None:
    EquatedHoliday.objects.create(day=day, name=name, decree="Besluit van 1 januari 2026, Stb. 2026, 1")


def test_a_restore_puts_back_the_database_and_documents_of_the_moment_of_the_backup(
    media: Path, tmp_path: Path
) -> None:
    _holiday("Bevrijdingsdag (extra)", "2031-05-06")
    log_processing(action="audit.checkpoint_recorded", username="beheerder")
    entries = ProcessingLogEntry.objects.count()
    archive = tmp_path / "regie.backup"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "1 documenten" in out.getvalue()
    with tarfile.open(archive) as opened:
        assert {DUMP_NAME, "documenten/zaak/rapport.pdf"} <= set(opened.getnames())

    # After the backup: a row more, a document changed and one added.
    _holiday("Na de back-up", "2032-05-06")
    log_processing(action="audit.checkpoint_recorded", username="beheerder")
    (media / "zaak" / "rapport.pdf").write_bytes(b"overschreven")
    (media / "nieuw.pdf").write_bytes(b"na de back-up")

    out = io.StringIO()
    call_command("restore", str(archive), "--replace", stdout=out)
    assert "Verwerkingslog intact" in out.getvalue()
    assert EquatedHoliday.objects.filter(name="Bevrijdingsdag (extra)").exists()
    assert not EquatedHoliday.objects.filter(name="Na de back-up").exists()
    assert ProcessingLogEntry.objects.count() == entries
    assert verify_chain().intact
    assert (media / "zaak" / "rapport.pdf").read_bytes() == b"%PDF-1.4 rapport van de controle"
    assert not (media / "nieuw.pdf").exists()


def test_a_restore_over_a_database_with_data_is_refused_without_replace(media: Path, tmp_path: Path) -> None:
    archive = tmp_path / "regie.backup"
    call_command("backup", str(archive), stdout=io.StringIO())
    _holiday("Blijft staan", "2033-05-06")
    with pytest.raises(CommandError, match="geef --replace mee"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert EquatedHoliday.objects.filter(name="Blijft staan").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"dit is geen archief", "geen leesbaar archief"),
        ("tar-without-dump", "database.dump ontbreekt"),
        ("tar-with-escape", "onverwacht onderdeel"),
    ],
)
def test_a_file_that_is_no_regie_backup_is_refused_and_nothing_changes(
    media: Path, tmp_path: Path, content: Any, message: str
) -> None:
    _holiday("Blijft staan", "2033-05-06")
    archive = tmp_path / "vreemd.backup"
    if isinstance(content, bytes):
        archive.write_bytes(content)
    else:
        with tarfile.open(archive, "w") as opened:
            payload = tmp_path / "payload"
            payload.write_bytes(b"x")
            if content == "tar-with-escape":
                opened.add(payload, arcname=DUMP_NAME)
                opened.add(payload, arcname="documenten/../../buiten.txt")
            else:
                opened.add(payload, arcname="iets-anders.txt")
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(archive), "--replace", stdout=io.StringIO())
    assert EquatedHoliday.objects.filter(name="Blijft staan").exists()
    assert (media / "zaak" / "rapport.pdf").exists()
    assert not (tmp_path.parent / "buiten.txt").exists()


def test_a_backup_into_a_missing_directory_or_a_missing_restore_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("backup", str(tmp_path / "geen-map" / "regie.backup"), stdout=io.StringIO())
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("restore", str(tmp_path / "weg.backup"), stdout=io.StringIO())


def test_the_tools_are_those_of_the_servers_major_version_or_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        major = int(cursor.fetchone()[0]) // 10000
    version = subprocess.run([str(pg_tool("pg_dump")), "--version"], capture_output=True, text=True, check=True)
    assert f"PostgreSQL) {major}." in version.stdout
    monkeypatch.setattr("regie.management.backup._bundled_bin", lambda major: None)
    monkeypatch.setattr("regie.management.backup.shutil.which", lambda name: None)
    monkeypatch.setattr("regie.management.backup.Path.is_file", lambda self: False)
    with pytest.raises(Exception, match=f"pg_dump voor PostgreSQL {major} is niet gevonden"):
        pg_tool("pg_dump")
