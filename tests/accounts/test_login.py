"""Login, second factor, lockout, idle timeout and logout — each logged in the processing log."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.processing_log.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db
PASSWORD = "regie-demo"


def _login(client: Client, username: str, password: str = PASSWORD):
    return client.post("/login", {"username": username, "password": password})


def _actions() -> list[str]:
    return list(ProcessingLogEntry.objects.order_by("seq").values_list("action", flat=True))


def test_it_sends_a_password_login_to_the_second_factor_outside_demo_mode(client: Client, users):
    response = _login(client, "jurist")
    assert response.status_code == 302 and response["Location"].startswith("/login/tweede-factor")
    assert client.get("/").status_code == 302  # no page before the second factor
    assert "auth.login" in _actions()


def test_it_enrols_a_second_factor_with_a_qr_code_and_gives_recovery_codes(client: Client, users):
    _login(client, "jurist")
    page = client.get("/login/tweede-factor")
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in page.content.decode()
    device = TOTPDevice.objects.get(user=users["jurist"], confirmed=False)
    response = client.post("/login/tweede-factor", {"code": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 200
    assert StaticToken.objects.filter(device__user=users["jurist"]).count() == 10
    assert client.get("/").status_code == 200
    assert "second_factor.enrolled" in _actions()


def test_it_refuses_a_wrong_second_factor_code_in_dutch(client: Client, users):
    _login(client, "jurist")
    client.get("/login/tweede-factor")
    response = client.post("/login/tweede-factor", {"code": "000000"})
    assert response.status_code == 400
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get("/").status_code == 302
    assert "auth.second_factor_failed" in _actions()


def test_it_refuses_a_code_that_is_not_digits(client: Client, users):
    _login(client, "jurist")
    response = client.post("/login/tweede-factor", {"code": "abc"})
    assert response.status_code == 400
    assert "Vul de code van 6 cijfers" in response.content.decode()


def test_it_accepts_a_recovery_code_once(client: Client, users):
    user = users["jurist"]
    _login(client, "jurist")
    client.get("/login/tweede-factor")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post("/login/tweede-factor", {"code": f"{totp(device.bin_key):06d}"})
    code = StaticToken.objects.filter(device__user=user).first().token
    client.post("/uitloggen")
    _login(client, "jurist")
    assert client.post("/login/tweede-factor", {"code": code}).status_code == 302
    assert client.get("/").status_code == 200
    client.post("/uitloggen")
    _login(client, "jurist")
    assert client.post("/login/tweede-factor", {"code": code}).status_code == 400
    assert "auth.recovery_code_used" in _actions()


def test_it_needs_no_second_factor_in_demo_mode(client: Client, users, settings):
    settings.REGIE_REQUIRE_SECOND_FACTOR = False
    settings.DEMO_MODE = True
    response = _login(client, "procesregisseur")
    assert response.status_code == 302 and response["Location"] == "/"
    page = client.get("/")
    assert "DEMO — fictieve gegevens" in page.content.decode()


def test_it_rejects_a_wrong_password_with_a_dutch_message_and_logs_it(client: Client, users):
    response = _login(client, "jurist", "fout-wachtwoord")
    assert response.status_code == 400
    assert "De combinatie van gebruikersnaam en wachtwoord klopt niet." in response.content.decode()
    entry = ProcessingLogEntry.objects.get(action="auth.login_failed")
    assert entry.actor_username == "jurist" and entry.source_address == "127.0.0.1"


def test_it_requires_both_fields(client: Client, users):
    response = client.post("/login", {"username": "", "password": ""})
    assert response.status_code == 400
    assert response.content.decode().count("Dit veld is verplicht.") >= 2


def test_it_locks_the_account_after_five_wrong_passwords_and_logs_it(client: Client, users):
    for _ in range(5):
        _login(client, "handhaver", "fout-wachtwoord")
    response = _login(client, "handhaver", PASSWORD)
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    assert "auth.locked_out" in _actions()
    assert _login(client, "jurist").status_code == 302  # other accounts are not affected


def test_it_unlocks_after_the_cool_off(client: Client, users):
    for _ in range(5):
        _login(client, "handhaver", "fout-wachtwoord")
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert _login(client, "handhaver").status_code == 302


def test_it_logs_out_after_the_idle_timeout(sign_in, users, settings):
    settings.SESSION_IDLE_TIMEOUT_MINUTES = 15
    client = sign_in(users["jurist"])
    assert client.get("/").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = client.get("/")
        assert response.status_code == 302 and "verlopen=1" in response["Location"]
    assert "auth.session_expired" in _actions()


def test_it_keeps_an_active_session_alive(sign_in, users):
    client = sign_in(users["jurist"])
    client.get("/")
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        assert client.get("/").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=20)):
        assert client.get("/").status_code == 200


def test_it_records_activity_at_most_every_half_minute_so_a_page_does_not_write_the_session(sign_in, users):
    client = sign_in(users["jurist"])
    client.get("/")
    first = client.session["last_activity"]
    with time_machine.travel(timezone.now() + timedelta(seconds=20)):
        client.get("/")
        assert client.session["last_activity"] == first
    with time_machine.travel(timezone.now() + timedelta(seconds=40)):
        client.get("/")
        assert client.session["last_activity"] > first


def test_it_logs_out_by_post_only(sign_in, users):
    client = sign_in(users["jurist"])
    assert client.get("/uitloggen").status_code == 405
    response = client.post("/uitloggen")
    assert response.status_code == 302 and response["Location"] == "/login?uitgelogd=1"
    assert client.get("/").status_code == 302
    assert "auth.logout" in _actions()


def test_it_does_not_redirect_to_another_site_after_login(client: Client, users, settings):
    settings.REGIE_REQUIRE_SECOND_FACTOR = False
    response = client.post(
        "/login", {"username": "jurist", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_a_failed_login_does_not_store_the_search_term_carried_in_next(client: Client, users) -> None:
    from axes.models import AccessAttempt

    client.post(
        "/login?next=/zoeken%3Fq%3DJansen",
        {"username": "procesregisseur", "password": "fout", "next": "/zoeken?q=Jansen"},
    )
    attempt = AccessAttempt.objects.get(username="procesregisseur")
    assert "Jansen" not in attempt.post_data and "Jansen" not in attempt.get_data
