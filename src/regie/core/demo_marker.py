"""The demo's record in its data directory: `regie demo` writes it, settings read it.

After `make demo`, every other command run on the same data directory (`regie apitoken procesregisseur`, `regie
audit verify`, …) must know it is the demo without `REGIE_DEMO=true` by hand. The demo writes `demo.json` (mode
0600) into REGIE_DATA_DIR with its mode and a secret key it generated; settings honour it only when

- REGIE_DEMO is not set (an explicit `REGIE_DEMO=false` wins),
- there is no DATABASE_URL (the demo runs on the embedded server in its own data directory), and
- the file belongs to the user running the command and nobody else may read or write it.

Production sets DATABASE_URL and SECRET_KEY and has no such file, so it still refuses a missing SECRET_KEY.
This module uses the standard library only: settings import it before Django is configured.
"""

from __future__ import annotations

import json
import os
import secrets
import stat
from pathlib import Path
from typing import Any

MARKER_NAME = "demo.json"
PROJECT_DIR = Path(__file__).resolve().parents[3]


def data_dir_from_env() -> Path:
    """REGIE_DATA_DIR, or `.data` in the project (as settings read it)."""
    return Path(os.environ.get("REGIE_DATA_DIR", str(PROJECT_DIR / ".data"))).resolve()


def marker_path(data_dir: Path) -> Path:
    return data_dir / MARKER_NAME


def read_demo_marker(data_dir: Path) -> dict[str, Any] | None:
    """The demo's record when it may be trusted (see the module docstring), else None."""
    path = marker_path(data_dir)
    try:
        info = path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o077 or info.st_uid != os.getuid():
        return None
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(payload, dict) or payload.get("mode") != "demo":
        return None
    secret = payload.get("secret_key")
    if not isinstance(secret, str) or len(secret) < 50:
        return None
    return payload


def write_demo_marker(data_dir: Path) -> dict[str, Any]:
    """Record that this data directory is the demo's (keeping an earlier secret, so sessions survive a restart)."""
    existing = read_demo_marker(data_dir)
    if existing is not None:
        return existing
    data_dir.mkdir(parents=True, exist_ok=True)
    payload = {"mode": "demo", "secret_key": secrets.token_urlsafe(48)}
    path = marker_path(data_dir)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(payload, handle)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return payload
