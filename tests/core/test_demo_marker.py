"""The demo records itself in its data directory, so later commands there know it is the demo; nothing else does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from regie.core.demo_marker import marker_path, read_demo_marker, write_demo_marker

pytestmark = pytest.mark.postgres  # starts settings in a subprocess, like tests/core/test_settings.py


def test_the_demo_writes_a_private_marker_with_a_generated_secret_and_keeps_it(tmp_path: Path) -> None:
    first = write_demo_marker(tmp_path / "data")
    path = marker_path(tmp_path / "data")
    assert path.stat().st_mode & 0o777 == 0o600
    assert first["mode"] == "demo" and len(first["secret_key"]) >= 50
    assert write_demo_marker(tmp_path / "data") == first  # a restart keeps the secret (and the sessions)
    assert read_demo_marker(tmp_path / "data") == first


def test_a_marker_others_may_read_or_change_is_not_trusted(tmp_path: Path) -> None:
    write_demo_marker(tmp_path)
    os.chmod(marker_path(tmp_path), 0o644)
    assert read_demo_marker(tmp_path) is None


@pytest.mark.parametrize(
    "content",
    ["not json", json.dumps(["demo"]), json.dumps({"mode": "productie", "secret_key": "x" * 60}),
     json.dumps({"mode": "demo", "secret_key": "kort"})],
)
def test_a_malformed_marker_is_not_trusted(tmp_path: Path, content: str) -> None:
    path = marker_path(tmp_path)
    path.write_text(content, encoding="utf-8")
    os.chmod(path, 0o600)
    assert read_demo_marker(tmp_path) is None


def test_no_marker_no_demo(tmp_path: Path) -> None:
    assert read_demo_marker(tmp_path) is None


def _settings_in(data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_") and k != "SECRET_KEY"}
    base.pop("PYTEST_VERSION", None)
    base.update({"REGIE_DATA_DIR": str(data_dir), **env})
    return subprocess.run(
        [sys.executable, "-c", "import regie.settings as s; print(s.DEMO_MODE)"],
        env=base,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_production_on_an_external_database_still_refuses_a_missing_secret_key(tmp_path: Path) -> None:
    write_demo_marker(tmp_path)
    result = _settings_in(tmp_path, DATABASE_URL="postgres://postgres@127.0.0.1:1/none")
    assert result.returncode != 0 and "SECRET_KEY ontbreekt" in result.stderr


def test_an_explicit_regie_demo_false_wins_over_the_marker(tmp_path: Path) -> None:
    write_demo_marker(tmp_path)
    result = _settings_in(tmp_path, REGIE_DEMO="false")
    assert result.returncode != 0 and "SECRET_KEY ontbreekt" in result.stderr


def test_an_explicit_demo_uses_the_recorded_secret(tmp_path: Path) -> None:
    secret = write_demo_marker(tmp_path)["secret_key"]
    result = subprocess.run(
        [sys.executable, "-c", "import regie.settings as s; print(s.DEMO_MODE, s.SECRET_KEY)"],
        env={
            **{
                k: v
                for k, v in os.environ.items()
                if not k.startswith("REGIE_") and k not in ("SECRET_KEY", "PYTEST_VERSION")
            },
            "REGIE_DEMO": "true",
            "REGIE_DATA_DIR": str(tmp_path),
            "DATABASE_URL": "postgres://postgres@127.0.0.1:1/none",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", secret]
