"""Shared fixtures: the demo municipality's named users (one per role) and signing in as them."""

from __future__ import annotations

import errno
import uuid
from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.accounts.models import User
from regie.demo.accounts import seed_accounts
from regie.park.services.indicators import indicator_policy_ensure
from regie.pga.services.referrals import zrm_in_force

pytest_plugins = ["tests.browser"]

# CI's workers take whole files (xdist --dist loadfile, --no-loadscope-reorder) in the order collected here: the files
# that take longest first, so no worker is left with a two-minute file while the other has finished. Seconds of one
# worker, measured with `make pytest --durations` on 2026-12-07; a file not named counts 0.3 s per test.
SLOW_FILES = {
    "tests/api/test_fuzz.py": 118,
    "tests/access/test_read_logging.py": 100,
    "tests/api/test_fuzz_partner.py": 94,
    "tests/e2e/test_shell.py": 89,
    "tests/procedures/test_pages.py": 60,
    "tests/e2e/test_phone.py": 43,
    "tests/procedures/test_api.py": 43,
    "tests/privacy/test_e2e.py": 27,
    "tests/digital/test_e2e.py": 26,
    "tests/ondermijning/test_demo.py": 25,
    "tests/web/test_dates.py": 23,
    "tests/web/test_health.py": 23,
    "tests/procedures/test_addressee_terms.py": 21,
    "tests/meetings/test_e2e.py": 19,
    "tests/ondermijning/test_e2e_follow_up.py": 18,
    "tests/procedures/e2e/test_permanent_residence.py": 18,
    "tests/park/test_demo.py": 17,
    "tests/ondermijning/test_e2e.py": 15,
    "tests/monitoring/test_browser.py": 15,
    "tests/pga/test_e2e.py": 14,
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Longest files first (see SLOW_FILES); within a file the tests keep their order."""
    per_file: dict[str, int] = {}
    for item in items:
        path = item.nodeid.split("::")[0]
        per_file[path] = per_file.get(path, 0) + 1
    seconds = {path: SLOW_FILES.get(path, 0.3 * n) for path, n in per_file.items()}
    items.sort(key=lambda item: (-seconds[item.nodeid.split("::")[0]], item.nodeid.split("::")[0]))

ROLES = [
    "procesregisseur",
    "projectleider",
    "handhaver",
    "jurist",
    "brp",
    "politie",
    "ggz",
    "analist",
    "beheerder",
    "privacy",
]


@pytest.fixture
def _accounts_again_after_a_flush(request: pytest.FixtureRequest, django_db_blocker: Any) -> Iterator[None]:
    """After a transactional test has emptied the database, seed the accounts again (as `django_db_setup` did),
    so every test starts from the same database whichever tests ran before it on its worker."""
    yield
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        with django_db_blocker.unblock():
            empty_job_queue()
            seed_accounts()
            seed_policy_tables()


def empty_job_queue() -> None:
    """The job queue's tables are procrastinate's, not Django's: a flush leaves the jobs a transactional test
    deferred (a public report's processing, a lot import) for the next test on the worker to find."""
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM procrastinate_events; DELETE FROM procrastinate_periodic_defers; "
            "DELETE FROM procrastinate_jobs"
        )


def seed_policy_tables() -> None:
    """The rows data migrations put in policy tables (the mandate register, the indicators of main residence, the
    PGA's self-reliance matrix), which a flush empties as well; only into an empty table, so it may run whenever a
    test needs them."""
    if not django_apps.get_model("procedures", "Mandate").objects.exists():
        import_module("regie.procedures.migrations.0003_mandate").seed(django_apps, None)
    zrm_in_force()
    indicator_policy_ensure()


@pytest.fixture(autouse=True)
def _own_checkpoint_file(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test its own file of signed log checkpoints (decision 0014): test databases are flushed and differ
    per worker, so a checkpoint another test signed says nothing about this test's chain."""
    name = f"log-checkpoints-{uuid.uuid4().hex}.jsonl"  # a name only: the file appears when a test signs one
    settings.REGIE_LOG_CHECKPOINT_FILE = tmp_path_factory.getbasetemp() / name


@pytest.fixture(autouse=True)
def _processing_log_may_be_flushed(
    request: pytest.FixtureRequest, _accounts_again_after_a_flush: None
) -> Iterator[None]:
    """Let pytest-django's flush after a transactional test empty the append-only processing log.

    The database refuses TRUNCATE on processing_log_entry (a trigger; that is the point of the log).
    Transactional tests (live server, threads) are emptied with TRUNCATE afterwards. With
    session_replication_role = replica, ordinary triggers do not fire for this session only; this teardown
    runs just before the flush (transactional_db is set up inside this fixture, so it is torn down after it), on
    the same connection, and Django closes that connection right after the flush.
    """
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames)
    if transactional:
        request.getfixturevalue("transactional_db")
    yield
    if transactional:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """The demo municipality's organisations and users (one per role), seeded once per test database — that is,
    once per pytest-xdist worker — and committed, instead of again for every test (about 460 queries each time).

    Tests run inside a transaction that is rolled back, so they start from exactly this; a transactional test
    (live server, threads) empties the database afterwards, and the next test that asks for `users` seeds again.
    """
    with django_db_blocker.unblock():
        seed_accounts()


@pytest.fixture
def users(db: None) -> dict[str, User]:
    """The demo municipality with one user per role, created through the real services (seeded once per
    worker by `django_db_setup`, and again after a transactional test emptied the database). One query when they
    are there: checking every account and policy table for each of ~4,000 tests cost about 30 ms a test."""
    found = {u.username: u for u in User.objects.select_related("organisation")}
    if not set(ROLES) <= set(found):  # a flush emptied the database (a transactional test by marker): seed again
        seed_accounts()
        seed_policy_tables()
        found = {u.username: u for u in User.objects.select_related("organisation")}
    return found


def verified_session(client: Client, user: User) -> Client:
    """Sign in as `user` with a verified second factor, as after a real TOTP login."""
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def sign_in(client: Client) -> Callable[[User], Client]:
    def _sign_in(user: User) -> Client:
        return verified_session(client, user)

    return _sign_in


@pytest.fixture
def api_as(users: dict[str, User]) -> Callable[[str], Client]:
    """An API client authenticated with a fresh personal token of the named user."""
    from regie.accounts import services

    def _api(username: str) -> Client:
        user = users[username]
        issued = services.api_token_create(actor=user, user=user, name="test")
        return Client(HTTP_AUTHORIZATION=f"Token {issued.secret}")

    return _api


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path) -> dict[str, int]:
    """The storage accepts `allowed` files and then is full: the next write gets ENOSPC halfway."""
    settings.MEDIA_ROOT = tmp_path / "documents"
    state = {"allowed": 0}
    real_open = Path.open

    def open_(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(self, mode, *args, **kwargs)
        if mode != "xb":
            return handle
        if state["allowed"] > 0:
            state["allowed"] -= 1
            return handle
        real_write = handle.write

        def write(data: bytes) -> int:
            real_write(data[: len(data) // 2])  # half the bytes reach the disk, then it is full
            raise OSError(errno.ENOSPC, "No space left on device")

        handle.write = write
        return handle

    monkeypatch.setattr(Path, "open", open_)
    return state
