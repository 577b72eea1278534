"""A public client that retries a report with the same `Idempotency-Key` gets the first answer again and the
report is stored once; a key is never a way to overwrite or read another report (issue 19, item 6)."""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from regie.core.idempotency import forget_old_keys
from regie.core.models import IdempotencyKey
from regie.intake.models import Signal

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

BODY = {"description": "Bij de loods aan de Kerkweg rijden 's nachts busjes af en aan.", "reporterType": "anoniem"}


def _post(client: Client, body: Any, key: str | None = None) -> Any:
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    return client.post("/api/v1/public/signals", body, content_type="application/json", **headers)


def test_a_retry_with_the_same_key_gets_the_first_answer_and_stores_nothing_more(client, users, policy) -> None:
    key = str(uuid.uuid4())
    first = _post(client, BODY, key)
    again = _post(client, dict(reversed(list(BODY.items()))), key)  # the same content, fields in another order
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true" and "Idempotent-Replayed" not in first
    assert Signal.objects.count() == 1


def test_the_same_key_with_other_content_is_refused_and_stores_nothing(client, users, policy) -> None:
    key = str(uuid.uuid4())
    assert _post(client, BODY, key).status_code == 201
    other = _post(client, {**BODY, "description": "Iets heel anders"}, key)
    assert other.status_code == 422 and other["Content-Type"] == "application/problem+json"
    assert "al gebruikt" in other.json()["detail"]
    assert Signal.objects.count() == 1


@pytest.mark.parametrize("key", ["kort", "met spatie erin", "x" * 256, "sleutél-12345"])
def test_a_malformed_key_is_a_problem_naming_the_header_and_stores_nothing(client, users, policy, key) -> None:
    response = _post(client, BODY, key)
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalidParams"]] == ["Idempotency-Key"]
    assert not Signal.objects.exists() and not IdempotencyKey.objects.exists()


def test_without_a_key_every_post_is_a_new_report(client, users, policy) -> None:
    assert _post(client, BODY).status_code == _post(client, BODY).status_code == 201
    assert Signal.objects.count() == 2


def test_a_request_that_failed_leaves_its_key_free_for_the_retry(client, users, policy, monkeypatch) -> None:
    from regie.intake.services import receive

    real = receive.log_processing

    def lost(**kwargs: Any) -> None:
        raise OperationalError("server closed the connection unexpectedly")

    key = str(uuid.uuid4())
    monkeypatch.setattr(receive, "log_processing", lost)
    client.raise_request_exception = False
    assert _post(client, BODY, key).status_code == 503
    assert not Signal.objects.exists() and not IdempotencyKey.objects.exists()
    monkeypatch.setattr(receive, "log_processing", real)
    assert _post(client, BODY, key).status_code == 201
    assert Signal.objects.count() == 1


def test_old_keys_are_forgotten_after_a_day(client, users, policy) -> None:
    key = str(uuid.uuid4())
    _post(client, BODY, key)
    assert forget_old_keys(now=timezone.now() + timedelta(hours=23)) == 0
    assert forget_old_keys(now=timezone.now() + timedelta(hours=25)) == 1
    assert _post(client, BODY, key).status_code == 201  # a forgotten key is a new report
    assert Signal.objects.count() == 2


@pytest.mark.usefixtures("transactional_db")
def test_two_simultaneous_posts_with_one_key_store_one_report_and_answer_both_the_same(users, policy) -> None:
    key = str(uuid.uuid4())
    answers: list[Any] = []
    start = threading.Barrier(2)

    def post() -> None:
        try:
            start.wait()
            response = _post(Client(), BODY, key)
            answers.append((response.status_code, response.json()))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert [status for status, _ in answers] == [201, 201]
    assert answers[0][1] == answers[1][1]
    assert Signal.objects.count() == 1


def test_a_database_lost_before_the_view_runs_is_a_503_problem_with_retry_after_not_a_500(
    client, users, policy, monkeypatch
) -> None:
    from regie.intake.services.rate_limit import PublicRateThrottle

    def lost(self: Any, request: Any, view: Any) -> bool:
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(PublicRateThrottle, "allow_request", lost)
    client.raise_request_exception = False
    response = _post(client, BODY, str(uuid.uuid4()))
    assert response.status_code == 503 and response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "30"
    assert "Probeer het over enkele minuten opnieuw" in response.json()["detail"]
    assert not Signal.objects.exists()
