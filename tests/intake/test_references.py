"""Signal references (`M-2026-000123`) are unique and gap-free per year, also under concurrency: the counter is
raised in the last statement before the commit (issue 19, item 5), so a report that fails leaves no hole."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from regie.intake.models import Signal, SignalCounter

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _post(client: Client, text: str) -> Any:
    return client.post("/api/v1/public/signals", {"description": text}, content_type="application/json")


def _number(reference: str) -> int:
    return int(reference.rsplit("-", 1)[1])


def test_a_report_that_fails_after_its_number_leaves_no_gap(client, users, policy, monkeypatch) -> None:
    from regie.intake.services import receive

    first = _post(client, "Eerste melding").json()["reference"]

    def lost(**kwargs: Any) -> None:  # the entry after the number: the counter's raise must roll back too
        raise OperationalError("server closed the connection unexpectedly")

    real = receive.log_processing
    monkeypatch.setattr(receive, "log_processing", lost)
    client.raise_request_exception = False
    assert _post(client, "Verloren melding").status_code == 503
    monkeypatch.setattr(receive, "log_processing", real)
    second = _post(client, "Tweede melding").json()["reference"]
    assert _number(second) == _number(first) + 1
    assert Signal.objects.count() == 2
    assert not Signal.objects.filter(reference__startswith="~").exists()  # no placeholder is ever committed


def test_the_first_report_of_a_year_starts_the_counter_at_one(client, users, policy) -> None:
    SignalCounter.objects.all().delete()
    reference = _post(client, "Melding").json()["reference"]
    assert reference == f"M-{timezone.localtime().year}-000001"
    assert Signal.objects.get().reference == reference


@pytest.mark.usefixtures("transactional_db")
def test_simultaneous_reports_get_unique_numbers_without_gaps(users, policy) -> None:
    clients, per_client = 6, 5
    answers: list[str] = []
    errors: list[Any] = []
    start = threading.Barrier(clients)

    def post(number: int) -> None:
        try:
            start.wait()
            http = Client(REMOTE_ADDR=f"10.0.0.{number + 1}")
            for i in range(per_client):
                response = _post(http, f"Melding {number}-{i}")
                if response.status_code == 201:
                    answers.append(response.json()["reference"])
                else:
                    errors.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    numbers = sorted(_number(r) for r in answers)
    assert numbers == list(range(numbers[0], numbers[0] + clients * per_client))
    stored = sorted(Signal.objects.values_list("reference", flat=True))
    assert stored == sorted(answers)
    assert SignalCounter.objects.get(year=timezone.localtime().year).last == numbers[-1]
