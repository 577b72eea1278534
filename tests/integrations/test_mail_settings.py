"""The mail settings come from the environment; a bad value stops start-up with a Dutch message naming it."""

from __future__ import annotations

import pytest

from tests.core.test_settings import _start

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"EMAIL_PORT": "vijf"}, "EMAIL_PORT moet een geheel getal zijn"),
        ({"EMAIL_PORT": "70000"}, "EMAIL_PORT moet tussen 1 en 65535 liggen"),
        ({"EMAIL_USE_TLS": "misschien"}, "EMAIL_USE_TLS moet true of false zijn"),
        (
            {"EMAIL_USE_TLS": "true", "EMAIL_USE_SSL": "true"},
            "Zet EMAIL_USE_TLS of EMAIL_USE_SSL, niet allebei.",
        ),
        ({"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"}, "EMAIL_HOST ontbreekt"),
        ({"DEFAULT_FROM_EMAIL": "regie"}, "DEFAULT_FROM_EMAIL moet een e-mailadres zijn"),
        ({"EMAIL_TIMEOUT": "0"}, "EMAIL_TIMEOUT moet minstens 1 zijn"),
        ({"REGIE_FAILED_MAIL_DAYS": "0"}, "REGIE_FAILED_MAIL_DAYS moet minstens 1 zijn"),
        ({"REGIE_FAILED_MAIL_DAYS": "een maand"}, "REGIE_FAILED_MAIL_DAYS moet een geheel getal zijn"),
    ],
)
def test_a_bad_mail_setting_stops_start_up_naming_it(env, message):
    result = _start({"REGIE_TESTING": "true", **env})
    assert result.returncode != 0 and message in result.stderr


def test_a_mail_host_with_its_port_and_tls_is_accepted():
    result = _start(
        {
            "REGIE_TESTING": "true",
            "EMAIL_HOST": "smtp.gemeente.example",
            "EMAIL_PORT": "465",
            "EMAIL_USE_TLS": "false",
            "EMAIL_USE_SSL": "true",
        }
    )
    assert result.returncode == 0, result.stderr
