"""Lock-out per username *and* source address: a stranger cannot lock a colleague out everywhere; the owner and the
administrator see the lock, the administrator lifts it; a locked address or a deactivated account gets no API
access with the account's tokens."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from regie.accounts.lockout import lockout_for, lockouts_of
from regie.accounts.models import User
from regie.processing_log.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db
PASSWORD = "regie-demo"
STRANGER = "203.0.113.66"


def _from(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def _fail(client: Client, username: str, times: int = 5) -> None:
    for _ in range(times):
        client.post("/login", {"username": username, "password": "fout-wachtwoord"})


def _login(client: Client, username: str):
    return client.post("/login", {"username": username, "password": PASSWORD})


def test_failures_from_one_address_lock_only_that_address(users) -> None:
    stranger = _from(STRANGER)
    _fail(stranger, "jurist")
    refused = _login(stranger, "jurist")
    assert refused.status_code == 429
    assert _login(_from("192.0.2.10"), "jurist").status_code == 302  # the owner, elsewhere, still gets in
    assert [lock.address for lock in lockouts_of("jurist")] == [STRANGER]


def test_the_login_page_says_until_when_the_lock_holds(users) -> None:
    stranger = _from(STRANGER)
    _fail(stranger, "jurist")
    html = _login(stranger, "jurist").content.decode()
    lock = lockout_for("jurist", STRANGER)  # each try during the lock counts and starts the cool-off again
    assert lock is not None and lock.failures == 6
    until = timezone.localtime(lock.until)
    assert f"tijdelijk geblokkeerd na 6 mislukte pogingen, tot {until:%H:%M}" in html
    assert "functioneel beheerder" in html


def test_the_owner_is_warned_after_signing_in_elsewhere(users) -> None:
    _fail(_from(STRANGER), "jurist")
    owner = _from("192.0.2.10")
    _login(owner, "jurist")
    html = owner.get("/login/tweede-factor").content.decode()
    assert "Let op: na 5 mislukte aanmeldpogingen met uw gebruikersnaam" in html and STRANGER in html


def test_the_lock_ends_after_the_cool_off(users) -> None:
    stranger = _from(STRANGER)
    _fail(stranger, "jurist")
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert lockouts_of("jurist") == []
        assert _login(stranger, "jurist").status_code == 302


def test_a_locked_address_cannot_use_the_accounts_api_token(users, api_as) -> None:
    api = api_as("jurist")  # the test client's address: 127.0.0.1
    assert api.get("/api/v1/users/me").status_code == 200
    _fail(_from("127.0.0.1"), "jurist")
    refused = api.get("/api/v1/users/me")
    assert refused.status_code == 401 and refused["Content-Type"] == "application/problem+json"
    assert "geblokkeerd tot" in refused.json()["detail"]
    elsewhere = api.get("/api/v1/users/me", REMOTE_ADDR="192.0.2.10")
    assert elsewhere.status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert api.get("/api/v1/users/me").status_code == 200


def test_failures_below_the_limit_do_not_stop_the_token(users, api_as) -> None:
    api = api_as("jurist")
    _fail(_from("127.0.0.1"), "jurist", times=4)
    assert api.get("/api/v1/users/me").status_code == 200


def test_a_deactivated_accounts_token_stops_at_once(users, api_as) -> None:
    api = api_as("jurist")
    assert api.get("/api/v1/users/me").status_code == 200
    User.objects.filter(username="jurist").update(is_active=False)
    refused = api.get("/api/v1/users/me")
    assert refused.status_code == 401 and "gedeactiveerd" in refused.json()["detail"]


def test_the_administrator_sees_the_lock_and_lifts_it(sign_in, users) -> None:
    stranger = _from(STRANGER)
    _fail(stranger, "jurist")
    admin = sign_in(users["beheerder"])
    listing = admin.get("/beheer/gebruikers").content.decode()
    assert "geblokkeerd tot" in listing
    page = admin.get(f"/beheer/gebruikers/{users['jurist'].pk}").content.decode()
    assert STRANGER in page and "Blokkering opheffen" in page
    assert "Niet geblokkeerd." in admin.get(f"/beheer/gebruikers/{users['handhaver'].pk}").content.decode()
    response = admin.post(f"/beheer/gebruikers/{users['jurist'].pk}/deblokkeren")
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="jurist").exists()
    assert _login(stranger, "jurist").status_code == 302
    entry = ProcessingLogEntry.objects.get(action="auth.unlocked")
    assert entry.actor_username == "beheerder"
    assert entry.details == {"forUser": "jurist", "addresses": [STRANGER]}


def test_the_user_list_reads_every_lock_in_one_query(sign_in, users) -> None:
    admin = sign_in(users["beheerder"])
    admin.get("/beheer/gebruikers")
    with CaptureQueriesContext(connection) as unlocked:
        admin.get("/beheer/gebruikers")
    for name in ("jurist", "handhaver", "brp"):
        _fail(_from(STRANGER), name)
    with CaptureQueriesContext(connection) as locked:
        html = admin.get("/beheer/gebruikers").content.decode()
    assert html.count("geblokkeerd tot") == 3
    assert len(locked.captured_queries) == len(unlocked.captured_queries)


def test_only_the_administrator_unlocks_and_only_by_post(sign_in, users) -> None:
    _fail(_from(STRANGER), "handhaver")
    target = users["handhaver"].pk
    assert sign_in(users["jurist"]).post(f"/beheer/gebruikers/{target}/deblokkeren").status_code == 403
    admin = sign_in(users["beheerder"])
    assert admin.get(f"/beheer/gebruikers/{target}/deblokkeren").status_code == 405
    assert admin.post("/beheer/gebruikers/999999/deblokkeren").status_code == 404
    assert lockouts_of("handhaver")


def test_the_lock_ends_when_too_few_failures_are_left_in_the_cool_off(users) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _fail(Client(REMOTE_ADDR=STRANGER, HTTP_USER_AGENT="a"), "jurist", times=3)
    with time_machine.travel(start + timedelta(minutes=5), tick=False):
        _fail(Client(REMOTE_ADDR=STRANGER, HTTP_USER_AGENT="b"), "jurist", times=2)
        lock = lockout_for("jurist", STRANGER)
        assert lock is not None and lock.failures == 5
        assert lock.until == start + timedelta(minutes=15)  # then only the two later failures remain
    with time_machine.travel(start + timedelta(minutes=15, seconds=1), tick=False):
        assert lockout_for("jurist", STRANGER) is None
        assert _login(_from(STRANGER), "jurist").status_code == 302
