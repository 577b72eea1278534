"""The case status transition table (cases.models.CASE_TRANSITIONS) is what the services consult: every pair of
statuses, allowed or refused, is asserted from the table through case_update and case_close."""

from __future__ import annotations

import itertools

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from regie.accounts.models import User
from regie.cases.models import CASE_TRANSITIONS, Case, CaseStatus
from regie.cases.services.case import case_close, case_update
from regie.core.transitions import TransitionTable
from tests.worlds.cases import make_case, make_case_type

pytestmark = pytest.mark.django_db

PAIRS = [(a, b) for a, b in itertools.permutations(CaseStatus.values, 2)]


def _case_in(users: dict[str, User], status: str) -> Case:
    director = users["procesregisseur"]
    case = make_case(director, make_case_type(users["beheerder"]))
    if status == CaseStatus.CLOSED:
        return case_close(actor=director, case=case, version=None, reason="Afgerond")
    if status != CaseStatus.OPEN:
        return case_update(actor=director, case=case, version=None, status=status)
    return case


def _move(users: dict[str, User], case: Case, status: str) -> Case:
    director = users["procesregisseur"]
    if status == CaseStatus.CLOSED:
        return case_close(actor=director, case=case, version=case.version, reason="Klaar")
    return case_update(actor=director, case=case, version=case.version, status=status)


def test_the_table_names_every_status_and_a_reason_where_it_refuses() -> None:
    assert set(CASE_TRANSITIONS.allowed) == set(CaseStatus.values)
    for status, targets in CASE_TRANSITIONS.allowed.items():
        assert targets <= set(CaseStatus.values) and status not in targets
        if targets != set(CaseStatus.values) - {status}:
            assert CASE_TRANSITIONS.refusals[status].strip()


@pytest.mark.parametrize(("current", "new"), PAIRS)
def test_every_pair_goes_through_the_services_as_the_table_says(
    users: dict[str, User], current: str, new: str
) -> None:
    case = _case_in(users, current)
    assert case.status == current
    if CASE_TRANSITIONS.may(current, new):
        moved = _move(users, case, new)
        assert moved.status == new
        assert Case.objects.get(pk=case.pk).status == new
        return
    with pytest.raises(ValidationError) as refused:
        _move(users, case, new)
    message = CASE_TRANSITIONS.refusal(current, new)
    assert refused.value.message_dict == {"status": [message]}
    assert CaseStatus(current).label in message and CaseStatus(new).label in message
    unchanged = Case.objects.get(pk=case.pk)
    assert (unchanged.status, unchanged.version) == (current, case.version)


@pytest.mark.parametrize(
    "current", [s for s in CaseStatus.values if CASE_TRANSITIONS.may(s, CaseStatus.CLOSED)]
)
def test_closing_is_allowed_but_only_through_case_close_with_a_reason(
    users: dict[str, User], current: str
) -> None:
    case = _case_in(users, current)
    with pytest.raises(ValidationError, match="Sluit een casus met een reden"):
        case_update(actor=users["procesregisseur"], case=case, version=case.version, status=CaseStatus.CLOSED)
    assert Case.objects.get(pk=case.pk).status == current


def test_a_closed_case_is_never_reopened_and_says_so_in_dutch(users: dict[str, User]) -> None:
    case = _case_in(users, CaseStatus.CLOSED)
    with pytest.raises(ValidationError) as refused:
        _move(users, case, CaseStatus.OPEN)
    assert refused.value.messages == [
        "Een casus met de status ‘Gesloten’ kan niet de status ‘Open’ krijgen: "
        "een gesloten casus wordt niet heropend; open zo nodig een nieuwe casus."
    ]


def test_keeping_the_status_is_no_transition(users: dict[str, User]) -> None:
    case = _case_in(users, CaseStatus.IN_PROGRESS)
    kept = case_update(
        actor=users["procesregisseur"],
        case=case,
        version=case.version,
        status=CaseStatus.IN_PROGRESS,
        title="Nieuw",
    )
    assert (kept.status, kept.title) == (CaseStatus.IN_PROGRESS, "Nieuw")


class _Colour(models.TextChoices):
    RED = "rood", "Rood"
    GREEN = "groen", "Groen"


def test_an_incomplete_table_is_refused_when_it_is_declared() -> None:
    with pytest.raises(ValueError, match="elke status"):
        TransitionTable(statuses=_Colour, allowed={_Colour.RED: frozenset()}, refusals={}, noun="lamp")
    with pytest.raises(ValueError, match="reden van weigeren"):
        TransitionTable(
            statuses=_Colour,
            allowed={_Colour.RED: frozenset(), _Colour.GREEN: frozenset({_Colour.RED})},
            refusals={},
            noun="lamp",
        )
    with pytest.raises(ValueError, match="ongeldige overgangen"):
        TransitionTable(
            statuses=_Colour,
            allowed={_Colour.RED: frozenset({_Colour.RED}), _Colour.GREEN: frozenset()},
            refusals={_Colour.RED: "nee", _Colour.GREEN: "nee"},
            noun="lamp",
        )
