"""Two people moving the same procedure at once: one wins, the other is told (a row lock, then the version)."""

from __future__ import annotations

import threading

import pytest
from django.db import connections

from regie.core.errors import ConflictError
from regie.procedures.models import Procedure
from tests.conftest import seed_policy_tables

from .conftest import PENALTY, access

pytestmark = pytest.mark.postgres


@pytest.fixture
def mandates(transactional_db):
    """The mandate register's rows from migration 0003: a transactional test flushes them away."""
    seed_policy_tables()


def test_it_lets_one_of_two_simultaneous_moves_win(transactional_db, mandates, pr_at, world):
    from regie.procedures.services.engine import procedure_move

    procedure = pr_at("exceptions-check")
    version = procedure.version
    jurist = world.users["jurist"]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def take(step: str, data: dict) -> None:
        try:
            barrier.wait()
            procedure_move(
                actor=jurist,
                access=access(jurist, world.pr_case),
                procedure=Procedure.objects.get(pk=procedure.pk),
                step=step,
                on_date="2026-01-19",
                version=version,
                data=data,
            )
            outcomes.append("ok")
        except ConflictError as exc:
            outcomes.append(exc.message)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=take, args=("intended-decision", {**PENALTY, "view_period": "P2W"})),
        threading.Thread(target=take, args=("ended", {"reason": "Uitzondering gevonden."})),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(o == "ok" for o in outcomes) == [False, True], outcomes
    loser = next(o for o in outcomes if o != "ok")
    assert loser.startswith("Iemand anders heeft deze procedure intussen bijgewerkt")
    procedure.refresh_from_db()
    assert procedure.version == version + 1 and procedure.transitions.count() == 4
