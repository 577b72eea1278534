"""The embedded server is for the demo only: its socket directory is 0700 (trust login for whoever reaches it), it
asks PostgreSQL for a 0700 socket file, and every start outside the tests warns that it is not for real data."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from regie.core import embedded_db
from regie.core.embedded_db import SOCKET_DIR_MODE, embedded_database_settings, restrict_socket_dir

pytestmark = pytest.mark.postgres

EMBEDDED = not os.environ.get("DATABASE_URL")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_it_closes_a_world_open_socket_directory(tmp_path: Path) -> None:
    data, sockets = tmp_path / "pg", tmp_path / "sockets"
    data.mkdir(mode=0o700)
    sockets.mkdir()
    sockets.chmod(0o777)
    assert restrict_socket_dir(sockets, owner_of=data)
    assert _mode(sockets) == SOCKET_DIR_MODE == 0o700
    assert (sockets.stat().st_uid, sockets.stat().st_gid) == (data.stat().st_uid, data.stat().st_gid)


def test_it_reports_a_directory_it_cannot_restrict(tmp_path: Path) -> None:
    assert not restrict_socket_dir(tmp_path / "weg", owner_of=tmp_path)


def test_every_start_outside_the_tests_warns_that_it_is_not_for_real_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(embedded_db, "start_embedded", lambda data_dir: ("/run/regie-pg", 5432))
    with caplog.at_level(logging.WARNING, logger="regie.core.embedded_db"):
        config = embedded_database_settings(tmp_path)
    assert config["HOST"] == "/run/regie-pg"
    (warning,) = [r for r in caplog.records if r.name == "regie.core.embedded_db"]
    message = warning.getMessage()
    assert "niet voor echte gegevens" in message and "/run/regie-pg" in message and "DATABASE_URL" in message
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="regie.core.embedded_db"):
        embedded_database_settings(tmp_path, warn=False)
    assert not caplog.records


@pytest.mark.skipif(not EMBEDDED, reason="runs against an external server (DATABASE_URL)")
@pytest.mark.django_db
def test_the_running_servers_socket_is_closed_to_other_users() -> None:
    socket_dir = Path(str(settings.DATABASES["default"]["HOST"]))
    assert socket_dir.is_dir() and _mode(socket_dir) == 0o700
    with connection.cursor() as cursor:
        cursor.execute("SELECT setting FROM pg_file_settings WHERE name = 'unix_socket_permissions'")
        assert ("0700",) in cursor.fetchall()
