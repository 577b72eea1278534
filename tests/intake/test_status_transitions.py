"""The signal status transition table (intake.models.SIGNAL_TRANSITIONS) is what the services consult: every pair
of statuses, allowed or refused, is asserted from the table through signal_claim, signal_release and a decision."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from regie.accounts.models import User
from regie.intake.models import SIGNAL_TRANSITIONS, Signal, Status
from regie.intake.services.claim import signal_claim, signal_release
from regie.intake.services.decisions import signal_close

pytestmark = pytest.mark.django_db

PAIRS = list(itertools.permutations(Status.values, 2))


def _move(actor: User, signal: Signal, status: str) -> Signal:
    """The service that takes a signal to `status`."""
    if status == Status.CLAIMED:
        return signal_claim(actor=actor, signal=signal)
    if status == Status.NEW:
        return signal_release(actor=actor, signal=signal)
    return signal_close(actor=actor, signal=signal, reason="Geen actie nodig")


def _signal_in(actor: User, report: Callable[..., Signal], status: str) -> Signal:
    signal = report("Er staat al weken een caravan op het parkeerterrein")
    if status != Status.NEW:
        signal = _move(actor, signal, status)
    return Signal.objects.get(pk=signal.pk)


def test_the_table_names_every_status_and_a_reason_where_it_refuses() -> None:
    assert set(SIGNAL_TRANSITIONS.allowed) == set(Status.values)
    for status, targets in SIGNAL_TRANSITIONS.allowed.items():
        assert targets <= set(Status.values) and status not in targets
        if targets != set(Status.values) - {status}:
            assert SIGNAL_TRANSITIONS.refusals[status].strip()


@pytest.mark.parametrize(("current", "new"), PAIRS)
def test_every_pair_goes_through_the_services_as_the_table_says(
    users: dict[str, User], policy: object, public_report: Callable[..., Signal], current: str, new: str
) -> None:
    actor = users["procesregisseur"]
    signal = _signal_in(actor, public_report, current)
    assert signal.status == current
    if SIGNAL_TRANSITIONS.may(current, new):
        assert _move(actor, signal, new).status == new
        assert Signal.objects.get(pk=signal.pk).status == new
        return
    with pytest.raises(ValidationError) as refused:
        _move(actor, signal, new)
    message = SIGNAL_TRANSITIONS.refusal(current, new)
    assert refused.value.message_dict == {"signal": [message]}
    assert Status(current).label in message and Status(new).label in message
    unchanged = Signal.objects.get(pk=signal.pk)
    assert (unchanged.status, unchanged.version) == (current, signal.version)


def test_a_second_decision_is_refused_in_dutch(
    users: dict[str, User], policy: object, public_report: Callable[..., Signal]
) -> None:
    actor = users["procesregisseur"]
    signal = _signal_in(actor, public_report, Status.DONE)
    with pytest.raises(ValidationError) as refused:
        signal_close(actor=actor, signal=signal, reason="Nogmaals")
    assert refused.value.messages == [
        "Een signaal met de status ‘Afgehandeld’ kan niet opnieuw de status ‘Afgehandeld’ krijgen: "
        "dit signaal is al afgehandeld."
    ]
    assert Signal.objects.get(pk=signal.pk).decision_reason == "Geen actie nodig"


def test_releasing_a_new_signal_is_refused_and_claiming_twice_is_no_change(
    users: dict[str, User], policy: object, public_report: Callable[..., Signal]
) -> None:
    actor = users["procesregisseur"]
    signal = _signal_in(actor, public_report, Status.NEW)
    with pytest.raises(ValidationError, match="niet opgepakt"):
        signal_release(actor=actor, signal=signal)
    claimed = signal_claim(actor=actor, signal=signal)
    again = signal_claim(actor=actor, signal=claimed)
    assert (again.status, again.version) == (Status.CLAIMED, claimed.version)
