"""A job whose worker died runs again (issue 19, item 6): the periodic task puts it back in the queue."""

from __future__ import annotations

import pytest
from django.db import connection
from procrastinate.contrib.django import app

from regie.core.tasks import STALLED_AFTER_SECONDS, retry_stalled_jobs
from tests.own_thread import run_coroutine

pytestmark = pytest.mark.postgres


def _doing_job(heartbeat_seconds_ago: int) -> int:
    """A job taken by a worker whose last heartbeat was that long ago, as a killed worker leaves it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO procrastinate_workers (last_heartbeat) VALUES (NOW() - make_interval(secs => %s)) "
            "RETURNING id",
            [heartbeat_seconds_ago],
        )
        worker_id = cursor.fetchone()[0]
        cursor.execute(
            "INSERT INTO procrastinate_jobs (queue_name, task_name, args, status, worker_id) "
            "VALUES ('maintenance', 'processing_log.seal', '{\"timestamp\": 0}', 'todo', NULL) RETURNING id"
        )
        job_id = cursor.fetchone()[0]
        cursor.execute(
            "UPDATE procrastinate_jobs SET status = 'doing', worker_id = %s WHERE id = %s", [worker_id, job_id]
        )
    return int(job_id)


def _status(job_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT status FROM procrastinate_jobs WHERE id = %s", [job_id])
        return str(cursor.fetchone()[0])


def test_the_job_of_a_dead_worker_goes_back_to_the_queue(transactional_db):
    dead = _doing_job(STALLED_AFTER_SECONDS + 30)
    alive = _doing_job(2)
    put_back = run_coroutine(lambda: retry_stalled_jobs.func(timestamp=0))
    assert put_back == 1
    assert _status(dead) == "todo" and _status(alive) == "doing"


def test_it_runs_every_minute():
    periodic = {t.periodic_id: t for t in app.periodic_registry.periodic_tasks.values()}
    assert periodic["retry-stalled-jobs"].cron == "* * * * *"
