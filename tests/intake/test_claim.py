"""Claiming a signal takes a row lock: two people can never claim the same signal; the second gets a clear message."""

from __future__ import annotations

import threading

import pytest
from django.db import connections, transaction

from regie.accounts import services as account_services
from regie.accounts.models import Role, User
from regie.core.errors import ConflictError
from regie.intake.models import Signal, Status
from regie.intake.services.claim import BUSY, lock_signal, signal_claim

pytestmark = pytest.mark.postgres


@pytest.fixture
def second_director(users: dict[str, User]) -> User:
    return account_services.user_create(
        actor=None,
        username="regisseur2",
        first_name="Bram",
        last_name="Visser",
        email="regisseur2@lingewaard.example",
        role=Role.PROCESS_DIRECTOR,
        organisation=users["procesregisseur"].organisation,
        password="een-lang-wachtwoord-2",
    )


@pytest.mark.django_db
def test_the_second_claimer_gets_a_clear_dutch_message(
    sign_in, users, policy, public_report, second_director
):
    signal = public_report("Er wordt gedeald bij het station")
    first = sign_in(users["procesregisseur"]).post(f"/signalen/{signal.pk}/oppakken")
    assert first.status_code == 302
    from django.test import Client

    from tests.conftest import verified_session

    second = verified_session(Client(), second_director).post(f"/signalen/{signal.pk}/oppakken")
    assert second.status_code == 409
    assert "al opgepakt door Sanne de Wit" in second.content.decode()
    signal.refresh_from_db()
    assert signal.claimed_by == users["procesregisseur"] and signal.status == Status.CLAIMED


@pytest.mark.django_db
def test_claiming_through_the_api_conflicts_with_409_problem_json(
    api_as, users, policy, public_report, second_director
):
    signal = public_report("Er wordt gedeald bij het station")
    assert (
        api_as("procesregisseur")
        .patch(f"/api/v1/signals/{signal.pk}", {"claimed": True}, content_type="application/json")
        .json()["claimedBy"]["username"]
        == "procesregisseur"
    )
    from django.test import Client

    from regie.accounts.services import api_token_create

    token = api_token_create(actor=second_director, user=second_director, name="t").secret
    response = Client(HTTP_AUTHORIZATION=f"Token {token}").patch(
        f"/api/v1/signals/{signal.pk}", {"claimed": True}, content_type="application/json"
    )
    assert response.status_code == 409 and response["Content-Type"] == "application/problem+json"
    assert "al opgepakt" in response.json()["detail"]


# --- two database connections at the same time -----------------------------------------------------------


def _in_thread(target, results: list, *args) -> threading.Thread:  # type: ignore[no-untyped-def]
    def run() -> None:
        try:
            results.append(("ok", target(*args)))
        except Exception as exc:  # the outcome is what the test checks
            results.append(("error", exc))
        finally:
            connections.close_all()

    return threading.Thread(target=run)


def test_two_simultaneous_claims_give_one_owner(
    transactional_db, users, policy, public_report, second_director
):
    signal = public_report("Er wordt gedeald bij het station")
    barrier = threading.Barrier(2)
    results: list = []

    def claim(user: User) -> Signal:
        barrier.wait()
        return signal_claim(actor=user, signal=signal)

    threads = [_in_thread(claim, results, u) for u in (users["procesregisseur"], second_director)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    outcomes = sorted(kind for kind, _ in results)
    assert outcomes == ["error", "ok"], results
    error = next(value for kind, value in results if kind == "error")
    assert isinstance(error, ConflictError) and ("al opgepakt" in error.message or error.message == BUSY)
    winner = next(value for kind, value in results if kind == "ok")
    assert Signal.objects.get(pk=signal.pk).claimed_by_id == winner.claimed_by_id


def test_a_claim_while_another_holds_the_row_is_refused_at_once(
    transactional_db, users, policy, public_report, second_director
):
    signal = public_report("Er wordt gedeald bij het station")
    locked, release = threading.Event(), threading.Event()
    results: list = []

    def hold() -> None:
        with transaction.atomic():
            lock_signal(signal)
            locked.set()
            release.wait(30)

    holder = _in_thread(hold, results)
    holder.start()
    assert locked.wait(30)
    try:
        with pytest.raises(ConflictError) as refused:
            signal_claim(actor=second_director, signal=signal)
        assert refused.value.message == BUSY
    finally:
        release.set()
        holder.join(30)
    assert signal_claim(actor=second_director, signal=signal).claimed_by == second_director
