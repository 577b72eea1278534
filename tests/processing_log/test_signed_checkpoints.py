"""Decision 0014: checkpoints signed with a key the database does not hold, written outside the database, so that a
database superuser cannot shorten, re-chain or replace the log unseen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from regie.processing_log import services
from regie.processing_log.chain import entry_hash, fields_of
from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.services import log_processing, processing_log_checkpoint
from regie.processing_log.signing import last_checkpoint
from regie.processing_log.verify import verify_chain

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _entries(n: int) -> list[ProcessingLogEntry]:
    written = [
        log_processing(action="person.viewed", username="jurist", object_type="person", persons=[uuid.uuid4()])
        for _ in range(n)
    ]
    services.processing_log_seal()
    return [ProcessingLogEntry.objects.get(pk=e.pk) for e in written]


def _as_superuser(*statements: tuple[str, list[object]]) -> None:
    """What someone with full database rights can do: switch the append-only trigger off and write."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE processing_log_entry DISABLE TRIGGER processing_log_append_only")
        for sql, params in statements:
            cursor.execute(sql, params)
        cursor.execute("ALTER TABLE processing_log_entry ENABLE TRIGGER processing_log_append_only")


def _lines() -> list[dict[str, object]]:
    return [json.loads(line) for line in Path(settings.REGIE_LOG_CHECKPOINT_FILE).read_text().splitlines()]


def test_a_checkpoint_is_signed_and_written_outside_the_database():
    entries = _entries(3)
    checkpoint = processing_log_checkpoint()
    assert checkpoint.intact
    [line] = _lines()
    first = ProcessingLogEntry.objects.get(chain_pos=1)
    assert line["position"] == entries[-1].chain_pos
    assert line["seq"] == entries[-1].seq and line["hash"] == entries[-1].hash and line["chain"] == first.hash
    signed = last_checkpoint()
    assert signed is not None and signed.signature_holds()
    # The key is a file of its own, readable by its owner only.
    key = Path(settings.REGIE_LOG_SIGNING_KEY_FILE)
    assert key.exists() and oct(key.stat().st_mode & 0o777) == "0o600"


def test_verify_catches_a_deleted_tail_that_the_chain_alone_cannot_see():
    entries = _entries(4)
    processing_log_checkpoint()
    checkpoint_entry = ProcessingLogEntry.objects.order_by("-seq").first()
    # Delete the last rows (the checkpoint's own log entry included): what is left is a perfect chain.
    _as_superuser(("DELETE FROM processing_log_entry WHERE seq >= %s", [entries[-1].seq]))
    result = verify_chain()
    assert not result.intact
    assert result.first_broken_seq == entries[-1].seq and "ingekort" in result.reason
    assert not ProcessingLogEntry.objects.filter(seq=checkpoint_entry.seq).exists()


def test_verify_catches_an_entry_edited_and_every_later_hash_recomputed():
    entries = _entries(4)
    processing_log_checkpoint()
    # Edit the second entry and re-chain everything after it with the public algorithm.
    _as_superuser(("UPDATE processing_log_entry SET purpose = 'verzonnen' WHERE seq = %s", [entries[1].seq]))
    prev = ProcessingLogEntry.objects.get(seq=entries[0].seq).hash
    rechained = []
    sealed = ProcessingLogEntry.objects.filter(chain_pos__gte=entries[1].chain_pos).order_by("chain_pos")
    for entry in sealed:
        digest = entry_hash(fields_of(entry), prev)
        rechained.append(("UPDATE processing_log_entry SET prev_hash = %s, hash = %s WHERE seq = %s",
                          [prev, digest, entry.seq]))
        prev = digest
    _as_superuser(*rechained)
    result = verify_chain()
    assert not result.intact and "herschreven" in result.reason
    assert result.first_broken_seq == entries[-1].seq


def test_verify_catches_a_forged_checkpoint():
    entries = _entries(2)
    processing_log_checkpoint()
    [line] = _lines()
    forged = {**line, "seq": entries[0].seq, "hash": entries[0].hash}  # the old signature, other content
    with Path(settings.REGIE_LOG_CHECKPOINT_FILE).open("a") as out:
        out.write(json.dumps(forged) + "\n")
    result = verify_chain()
    assert not result.intact and "vervalst" in result.reason


def test_verify_catches_a_replaced_chain():
    _entries(2)
    processing_log_checkpoint()
    first = ProcessingLogEntry.objects.get(chain_pos=1)
    _as_superuser(("DELETE FROM processing_log_entry WHERE seq = %s", [first.seq]))
    result = verify_chain()
    assert not result.intact


def test_an_unreadable_checkpoint_file_is_a_finding_not_a_crash():
    _entries(1)
    Path(settings.REGIE_LOG_CHECKPOINT_FILE).write_text("geen json\n")
    result = verify_chain()
    assert not result.intact and "onleesbaar" in result.reason


def test_audit_verify_fails_on_a_shortened_log():
    entries = _entries(3)
    processing_log_checkpoint()
    _as_superuser(("DELETE FROM processing_log_entry WHERE seq >= %s", [entries[-1].seq]))
    with pytest.raises(CommandError, match="ingekort") as raised:
        call_command("audit", "verify")
    assert raised.value.returncode != 0


def test_a_log_that_grew_after_the_checkpoint_verifies():
    _entries(2)
    processing_log_checkpoint()
    _entries(3)
    assert verify_chain().intact


def _start(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_") and k != "SECRET_KEY"}
    base.pop("PYTEST_VERSION", None)
    base.update({"SECRET_KEY": "x" * 60, "REGIE_LOG_PSEUDONYM_KEY": "y" * 40, **env})
    base["DATABASE_URL"] = "postgres://postgres@127.0.0.1:1/none"
    return subprocess.run(
        [sys.executable, "-c", "import regie.settings"], env=base, capture_output=True, text=True, timeout=60,
        check=False,
    )


def test_production_refuses_to_start_without_a_signing_key_file():
    result = _start({})
    assert result.returncode != 0 and "REGIE_LOG_SIGNING_KEY_FILE ontbreekt" in result.stderr


def test_production_refuses_a_signing_key_inside_the_data_directory(tmp_path):
    result = _start(
        {"REGIE_DATA_DIR": str(tmp_path), "REGIE_LOG_SIGNING_KEY_FILE": str(tmp_path / "sleutel.pem")}
    )
    assert result.returncode != 0 and "ligt in de datamap" in result.stderr
