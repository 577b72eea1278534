"""Intake fixtures: the demo policy (categories, rules), a classifier file per test session, and a job runner."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from procrastinate.contrib.django import app

from regie.accounts.models import Municipality, User
from regie.demo.intake import seed_intake_policy
from regie.intake.models import Signal


@pytest.fixture(scope="session")
def classifier_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("classifier") / "signal-classifier.pkl"


@pytest.fixture(autouse=True)
def _classifier_outside_the_data_dir(settings: Any, classifier_file: Path) -> None:
    """Tests train and read their own model file, never the one of a developer's demo."""
    settings.REGIE_CLASSIFIER_PATH = str(classifier_file)


@pytest.fixture(autouse=True)
def _attachments_outside_the_data_dir(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "documents"


@pytest.fixture
def municipality(users: dict[str, User]) -> Municipality:
    return Municipality.objects.get(code="1705")


@pytest.fixture
def policy(municipality: Municipality) -> Municipality:
    """The demo categories with their promises, the 0.50 threshold, the routing rules and queue leads."""
    seed_intake_policy(municipality)
    return municipality


def pending_jobs(task_name: str | None = None) -> list[dict[str, Any]]:
    """Jobs enqueued and not yet run (they live in the same database, in the same transaction)."""
    sql = "SELECT id, task_name, args FROM procrastinate_jobs WHERE status = 'todo'"
    params: list[Any] = []
    if task_name:
        sql += " AND task_name = %s"
        params.append(task_name)
    with connection.cursor() as cursor:
        cursor.execute(sql + " ORDER BY id", params)
        rows = cursor.fetchall()
    return [
        {"id": row[0], "task_name": row[1], "args": json.loads(row[2]) if isinstance(row[2], str) else row[2]}
        for row in rows
    ]


def run_jobs(task_name: str | None = None) -> int:
    """Run pending jobs in this process, as a worker would after the commit; returns how many ran."""
    ran = 0
    while jobs := pending_jobs(task_name):
        for job in jobs:
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM procrastinate_jobs WHERE id = %s", [job["id"]])
            task = app.tasks[job["task_name"]]
            if task.pass_context:  # as the worker does: the job's id, which such a task keys its effect on
                task(SimpleNamespace(job=SimpleNamespace(id=job["id"])), **job["args"])
            else:
                task(**job["args"])
            ran += 1
    return ran


@pytest.fixture
def jobs() -> Callable[..., int]:
    return run_jobs


@pytest.fixture
def public_report(client: Client) -> Callable[..., Signal]:
    """Post one report to the public API and return the stored signal."""

    def _report(description: str, **extra: Any) -> Signal:
        response = client.post(
            "/api/v1/public/signals", {"description": description, **extra}, content_type="application/json"
        )
        assert response.status_code == 201, response.content
        return Signal.objects.get(reference=response.json()["reference"])

    return _report


@pytest.fixture
def processed(jobs: Callable[..., int]) -> Callable[[Signal], Signal]:
    def _processed(signal: Signal) -> Signal:
        jobs("intake.process_signal")
        signal.refresh_from_db()
        return signal

    return _processed
