"""The background worker kept running through database outages (issue 19, item 6).

procrastinate's own worker stops with a traceback when the database is not there at start (its connection pool
gives up after 30 s) and stops when the database goes away while it runs (a failed query ends its loop). Here the
worker waits instead: it says in one clear Dutch line that the database cannot be reached, and where, tries again
every few seconds, and starts the worker (again) once the database answers — no restart from outside. A job that
was running when the connection broke is put back by `core.retry_stalled_jobs` and runs again; every Regie job has
its effect once when it runs twice.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from typing import Any

import psycopg
from django.db import close_old_connections
from procrastinate import App, PsycopgConnector
from procrastinate.exceptions import ConnectorException
from procrastinate.worker import Worker

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
# How long one attempt to reach the database may take before it counts as "not reachable".
CONNECT_TIMEOUT_SECONDS = 3
# While the database stays away, the waiting line is repeated this often (not every attempt: the log stays legible).
REPEAT_EVERY_SECONDS = 60.0

DATABASE_ERRORS = (psycopg.Error, ConnectorException, OSError)


def where(params: dict[str, Any]) -> str:
    """The database as an operator knows it: host, port and name, never the password."""
    host = params.get("host") or "lokale socket"
    port = params.get("port") or 5432
    return f"{host}:{port}/{params.get('dbname', '?')}"


def reason_of(error: BaseException) -> str:
    """The first line of the driver's message (the rest is a hint for developers)."""
    cause = error.__cause__ if isinstance(error, ConnectorException) and error.__cause__ else error
    text = str(cause).strip().splitlines()
    return text[0] if text else type(cause).__name__


async def database_reason(params: dict[str, Any]) -> str | None:
    """None when the database answers a query, else why not."""
    connect = {k: v for k, v in params.items() if k not in {"prepare_threshold"}}
    try:
        connection = await psycopg.AsyncConnection.connect(**connect, connect_timeout=CONNECT_TIMEOUT_SECONDS)
        async with connection:
            await connection.execute("SELECT 1")
    except (psycopg.Error, OSError) as error:
        return reason_of(error)
    return None


async def wait_for_database(
    params: dict[str, Any], *, say: Callable[[str], None], retry_seconds: float, stop: asyncio.Event
) -> bool:
    """Until the database answers (True) or a stop is asked for (False); says so when it has to wait."""
    waited = 0.0
    said_at: float | None = None
    while not stop.is_set():
        reason = await database_reason(params)
        if reason is None:
            if said_at is not None:
                say(f"De database ({where(params)}) is weer bereikbaar; de worker gaat verder.")
            return True
        if said_at is None or waited - said_at >= REPEAT_EVERY_SECONDS:
            say(
                f"De database is niet bereikbaar ({where(params)}): {reason}. "
                f"De worker wacht en probeert het elke {retry_seconds:g} s opnieuw."
            )
            said_at = waited
        try:
            await asyncio.wait_for(stop.wait(), timeout=retry_seconds)
        except TimeoutError:
            waited += retry_seconds
    return False


async def supervise(
    app: App,
    params: dict[str, Any],
    *,
    say: Callable[[str], None],
    retry_seconds: float = RETRY_SECONDS,
    stop: asyncio.Event | None = None,
    **worker_options: Any,
) -> None:
    """Run the worker on the database `params` names, waiting whenever that database is away.

    Returns when `stop` is set (SIGTERM or SIGINT in `regie worker`), or, with `wait=False`, once the queues are
    empty."""
    stop = stop or asyncio.Event()
    app.perform_import_paths()
    while await wait_for_database(params, say=say, retry_seconds=retry_seconds, stop=stop):
        lost: list[str] = []
        try:
            # A query waits this long for a pooled connection (procrastinate's default is 30 s): a worker stopping
            # while the database is away gives up on unregistering itself quickly, and waits below instead.
            pool_timeout = max(2.0, 2 * retry_seconds)
            with app.replace_connector(PsycopgConnector(kwargs=params, timeout=pool_timeout)):
                async with app.open_async():
                    worker = Worker(app=app, install_signal_handlers=False, **worker_options)
                    guards = [
                        asyncio.create_task(_stop_when(stop, worker)),
                        asyncio.create_task(_watch(params, worker, retry_seconds, lost)),
                    ]
                    try:
                        await worker.run()
                    finally:
                        for guard in guards:
                            guard.cancel()
        except DATABASE_ERRORS as error:
            lost.append(reason_of(error))
        if lost:
            say(
                f"De verbinding met de database ({where(params)}) is verbroken: {lost[0]}. "
                "De worker wacht tot de database terug is; een taak die liep, wordt opnieuw uitgevoerd."
            )
            continue
        if stop.is_set() or not worker_options.get("wait", True):
            return
        # The worker stopped by itself (a side task such as the heartbeat failed): the connection is the cause.
        say(f"De worker is gestopt na een fout in de verbinding met de database ({where(params)}); hij start opnieuw.")


async def _watch(params: dict[str, Any], worker: Worker, every: float, lost: list[str]) -> None:
    """While the worker runs: is the database still there? procrastinate's pool would wait up to 30 s per query and
    its listener does not notice a cut connection; this check does, within `every` seconds, and stops the worker."""
    while True:
        await asyncio.sleep(every)
        reason = await database_reason(params)
        if reason is not None:
            lost.append(reason)
            worker.stop()
            return


def fresh_django_connections(call_next: Callable[[], Any], context: Any, worker: Any) -> Any:
    """A sync job's Django connection, checked before and after the job: one an outage broke is replaced instead of
    failing every later job in that thread (Django does this per web request, not per job)."""
    close_old_connections()
    try:
        return call_next()
    finally:
        close_old_connections()


async def _stop_when(stop: asyncio.Event, worker: Worker) -> None:
    await stop.wait()
    worker.stop()


def run_until_signalled(coroutine_factory: Callable[[asyncio.Event], Any]) -> None:
    """Run `supervise` in an event loop of its own; SIGTERM and SIGINT stop it gracefully."""

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await coroutine_factory(stop)

    asyncio.run(main())
