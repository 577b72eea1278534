"""Run a coroutine or a blocking call that starts its own event loop, from a test.

A test process that ran a browser test keeps Playwright's event loop in its main thread (the browser is shared by
the session), so `asyncio.run` there fails with "cannot be called from a running event loop". In a thread of its
own the call gets a loop of its own; its exception, if any, is raised here.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from asgiref.sync import sync_to_async
from django.db import connections

T = TypeVar("T")


def call_in_own_thread(function: Callable[[], T]) -> T:
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = function()
        except BaseException as error:  # re-raised in the test's own thread
            outcome["error"] = error
        finally:
            # This thread's own connections, and those asgiref's executor opened for sync code run from the loop
            # (procrastinate reaches the database there): open connections keep the test database from being
            # dropped at the end.
            connections.close_all()
            asyncio.run(sync_to_async(connections.close_all)())

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def run_coroutine(coroutine: Callable[[], Coroutine[Any, Any, T]]) -> T:
    return call_in_own_thread(lambda: asyncio.run(coroutine()))
