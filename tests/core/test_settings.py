"""Settings come from the environment; outside demo mode a missing or bad value stops start-up clearly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.postgres


def _start(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_") and k != "SECRET_KEY"}
    base.pop("PYTEST_VERSION", None)
    base.update(env)
    base["DATABASE_URL"] = "postgres://postgres@127.0.0.1:1/none"  # never reached: settings fail first
    return subprocess.run(
        [sys.executable, "-c", "import regie.settings"],
        env=base,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_it_refuses_to_start_without_a_secret_key_outside_demo_mode():
    result = _start({})
    assert result.returncode != 0
    assert "SECRET_KEY ontbreekt" in result.stderr


def test_it_refuses_a_short_secret_key():
    result = _start({"SECRET_KEY": "kort"})
    assert result.returncode != 0 and "SECRET_KEY is te kort" in result.stderr


def test_it_refuses_a_bad_boolean():
    result = _start({"REGIE_DEMO": "misschien"})
    assert result.returncode != 0 and "REGIE_DEMO moet true of false zijn" in result.stderr


def test_it_refuses_a_bad_idle_timeout():
    result = _start({"REGIE_DEMO": "true", "REGIE_IDLE_TIMEOUT_MINUTES": "kwartier"})
    assert result.returncode != 0 and "REGIE_IDLE_TIMEOUT_MINUTES moet een geheel getal zijn" in result.stderr


def test_it_refuses_a_bad_rate_limit():
    result = _start({"REGIE_DEMO": "true", "REGIE_PUBLIC_RATE_LIMIT": "veel"})
    assert result.returncode != 0 and "REGIE_PUBLIC_RATE_LIMIT" in result.stderr


def test_it_refuses_a_database_url_that_is_not_postgresql():
    result = _start({"REGIE_DEMO": "true", "DATABASE_URL": "sqlite:///x.db"})
    # _start overrides DATABASE_URL; check the rule directly instead
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_VERSION",)}
    env.update({"REGIE_DEMO": "true", "DATABASE_URL": "sqlite:///x.db"})
    result = subprocess.run(
        [sys.executable, "-c", "import regie.settings"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0 and "PostgreSQL" in result.stderr


def test_it_starts_in_demo_mode_without_a_secret_key():
    result = _start({"REGIE_DEMO": "true"})
    assert result.returncode == 0, result.stderr


def test_it_sets_hsts_and_secure_cookies_outside_demo_mode():
    code = (
        "import regie.settings as s; print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE)"
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    base.pop("PYTEST_VERSION", None)
    base.update(
        {
            "SECRET_KEY": "x" * 60,
            "REGIE_LOG_PSEUDONYM_KEY": "y" * 40,
            "REGIE_LOG_SIGNING_KEY_FILE": "/etc/regie/log-signing-key.pem",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:1/none",
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=base, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.split() == ["31536000", "True", "True"], result.stderr


def test_it_refuses_to_start_without_the_log_pseudonym_key_outside_demo_mode():
    result = _start({"SECRET_KEY": "x" * 60})
    assert result.returncode != 0 and "REGIE_LOG_PSEUDONYM_KEY ontbreekt" in result.stderr


def test_it_refuses_a_short_log_pseudonym_key():
    result = _start({"SECRET_KEY": "x" * 60, "REGIE_LOG_PSEUDONYM_KEY": "kort"})
    assert result.returncode != 0 and "REGIE_LOG_PSEUDONYM_KEY is te kort" in result.stderr


def test_it_refuses_a_log_term_shorter_than_five_years():
    # NEN 7513: the log is kept at least five years before anything in it is pseudonymised.
    result = _start({"REGIE_DEMO": "true", "REGIE_LOG_TERM_YEARS": "3"})
    assert result.returncode != 0 and "REGIE_LOG_TERM_YEARS moet minstens 5 zijn" in result.stderr
