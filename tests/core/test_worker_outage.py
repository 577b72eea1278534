"""The worker and a database that is away (issue 19, item 6): at start it says so clearly and waits; when the
connection breaks while it runs it waits again; once the database is back it goes on by itself — no restart."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError, connection, connections
from procrastinate.contrib.django import app
from procrastinate.contrib.django.utils import connector_params

from regie.core.worker import fresh_django_connections, supervise
from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.services import log_processing
from regie.processing_log.tasks import seal_processing_log
from tests.core.tcp_proxy import DatabaseProxy
from tests.own_thread import call_in_own_thread

pytestmark = pytest.mark.postgres


def _status(job_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT status FROM procrastinate_jobs WHERE id = %s", [job_id])
        return str(cursor.fetchone()[0])


def _unsealed() -> int:
    return ProcessingLogEntry.objects.filter(chain_pos__isnull=True).count()


def _through(proxy: DatabaseProxy) -> dict[str, Any]:
    """The worker's connection settings, pointed at the proxy instead of the database itself."""
    return {**connector_params(), "host": "127.0.0.1", "port": proxy.port}


def _until(condition: Callable[[], bool], what: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"na {seconds} s nog niet: {what}")
        time.sleep(0.05)


class RunningWorker:
    """`supervise` in a thread of its own (a browser test may own this thread's event loop), stoppable."""

    def __init__(self, params: dict[str, Any], **options: Any) -> None:
        self.said: list[str] = []
        self.error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, args=(params, options))
        self._thread.start()

    def _run(self, params: dict[str, Any], options: dict[str, Any]) -> None:
        async def main() -> None:
            self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
            await supervise(app, params, say=self.said.append, retry_seconds=0.2, stop=self._stop, **options)

        try:
            asyncio.run(main())
        except BaseException as error:
            self.error = error
        finally:
            connections.close_all()

    def heard(self, words: str) -> bool:
        return any(words in line for line in self.said)

    def finish(self, seconds: float = 20, *, stop: bool = True) -> None:
        if stop and self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(seconds)
        assert not self._thread.is_alive(), "de worker stopt niet"
        if self.error is not None:
            raise self.error


@pytest.fixture
def empty_queue(transactional_db: None) -> None:
    # The queue is not a Django table: a flush after an earlier transactional test leaves its jobs behind.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM procrastinate_periodic_defers; DELETE FROM procrastinate_jobs")


def _logged_read() -> None:
    log_processing(action="audit.checkpoint_recorded", username="beheerder")


def _seal_job(timestamp: int) -> int:
    """A sealing job of the test's own: the worker's periodic deferrer queues the minute's `log-seal` job whenever a
    minute turns during the test, and a second job under that queueing lock would be refused (AlreadyEnqueued)."""
    return seal_processing_log.configure(queueing_lock=f"log-seal-test-{timestamp}").defer(timestamp=timestamp)


def test_a_worker_started_while_the_database_is_away_says_so_and_starts_when_it_comes(empty_queue):
    _logged_read()
    job = _seal_job(0)
    proxy = DatabaseProxy(connection.settings_dict["HOST"], int(connection.settings_dict["PORT"]))
    worker = RunningWorker(
        _through(proxy), queues=["maintenance"], wait=False, task_middleware=[fresh_django_connections]
    )
    try:
        _until(lambda: worker.heard("niet bereikbaar"), "de melding dat de database niet bereikbaar is")
        assert _status(job) == "todo", "zonder database is er niets gedaan"
        proxy.start()
        worker.finish(stop=False)  # with wait=False it stops by itself once the queue is empty
    finally:
        proxy.stop()
    waiting = next(line for line in worker.said if "niet bereikbaar" in line)
    assert f"127.0.0.1:{proxy.port}/" in waiting and "probeert het elke 0.2 s opnieuw" in waiting
    assert "password" not in waiting.lower()
    assert worker.heard("weer bereikbaar")
    assert _status(job) == "succeeded" and _unsealed() == 0


def test_a_worker_whose_connection_breaks_waits_and_goes_on_once_the_database_is_back(empty_queue):
    proxy = DatabaseProxy(connection.settings_dict["HOST"], int(connection.settings_dict["PORT"]))
    proxy.start()
    worker = RunningWorker(
        _through(proxy),
        queues=["maintenance"],
        fetch_job_polling_interval=0.2,
        task_middleware=[fresh_django_connections],
    )
    try:
        _logged_read()
        before = _seal_job(0)
        _until(lambda: _status(before) == "succeeded", "de eerste taak uitgevoerd")
        proxy.stop()  # the network to the database is gone, with every open connection
        _until(lambda: worker.heard("verbroken"), "de melding dat de verbinding verbroken is")
        _until(lambda: worker.heard("niet bereikbaar"), "de worker wacht op de database")
        _logged_read()
        after = _seal_job(1)  # queued while the worker cannot reach the database
        time.sleep(0.5)
        assert _status(after) == "todo"
        proxy.start()
        _until(lambda: _status(after) == "succeeded", "de taak na het herstel uitgevoerd")
    finally:
        worker.finish()
        proxy.stop()
    assert worker.heard("weer bereikbaar") and _unsealed() == 0


def test_a_jobs_django_connection_broken_by_an_outage_is_replaced_before_the_next_job(transactional_db):
    def broken_then_used(wrap: bool) -> int:
        connection.ensure_connection()
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        with connections.create_connection("default").cursor() as other:  # the server ends this connection
            other.execute("SELECT pg_terminate_backend(%s)", [pid])
        # the job before noticed the broken connection
        with connection.cursor() as cursor, pytest.raises(OperationalError):
            cursor.execute("SELECT 1")

        def job() -> int:
            return ProcessingLogEntry.objects.count()

        return fresh_django_connections(job, None, None) if wrap else job()

    assert call_in_own_thread(lambda: broken_then_used(wrap=True)) >= 0
    with pytest.raises(Exception, match="connection"):
        call_in_own_thread(lambda: broken_then_used(wrap=False))


def test_the_command_refuses_nonsense_options():
    with pytest.raises(CommandError, match="--concurrency"):
        call_command("worker", "--concurrency", "0")
    with pytest.raises(CommandError, match="--retry-seconds"):
        call_command("worker", "--retry-seconds", "0")
