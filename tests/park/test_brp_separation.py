"""Enforcement and BRP stay apart (domain.md): the enforcement side cannot set a BRP outcome and the BRP side
cannot move an enforcement procedure; an inspection only refers, burgerzaken decides."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from regie.access.case_access import access_to
from regie.cases.services.team import case_member_add
from regie.park.models import FollowUpKind
from regie.park.services.follow_ups import (
    brp_referral_take_up,
    follow_up_refer_brp,
    follow_up_start_procedure,
)
from regie.park.services.inspections import inspection_submit
from regie.procedures.models import Procedure
from regie.procedures.selectors import get_procedure_for
from regie.procedures.services.engine import procedure_move
from regie.subjects.models import Person
from tests.worlds.park import ParkWorld


@pytest.fixture
def both(park_world: ParkWorld) -> tuple[Procedure, Procedure]:
    inspector = park_world.users["handhaver"]
    inspection = inspection_submit(
        actor=inspector,
        inspection_round=park_world.round,
        lot=park_world.lots[1],
        indicators=["brp", "post"],
        entry_consent=True,
        findings="Gezin woont er; ingeschreven op het parkadres.",
        outcome="vastgesteld",
    ).inspection
    follow_up_start_procedure(actor=inspector, inspection=inspection)
    referral = follow_up_refer_brp(
        actor=inspector, inspection=inspection, note="Ingeschreven, woont er ook echt?"
    )
    # The inspection side started nothing at burgerzaken and changed no registration.
    assert not Procedure.objects.filter(type_code="brp-address-investigation").exists()
    assert Person.objects.get(pk=park_world.occupant.pk).address_id == park_world.lots[1].location.address_id
    with pytest.raises(PermissionDenied):
        brp_referral_take_up(actor=inspector, follow_up=referral)
    case = brp_referral_take_up(actor=park_world.users["brp"], follow_up=referral)
    assert referral.kind == FollowUpKind.BRP
    enforcement = Procedure.objects.get(type_code="permanent-residence")
    brp = Procedure.objects.get(type_code="brp-address-investigation", case=case)
    assert enforcement.case_id != brp.case_id
    return enforcement, brp


def test_enforcement_side_cannot_set_a_brp_outcome(
    park_world: ParkWorld, both: tuple[Procedure, Procedure]
) -> None:
    _, brp = both
    inspector = park_world.users["handhaver"]
    with pytest.raises(Http404):  # not on the BRP case: the procedure does not exist for them
        get_procedure_for(inspector, brp.pk)
    # Even on the BRP case's team the engine refuses: only burgerzaken decides an address investigation.
    case_member_add(
        actor=park_world.users["brp"],
        case=brp.case,
        case_role="meelezer",
        categories=["general"],
        user=inspector,
    )
    access = access_to(inspector, brp.case)
    with pytest.raises(ValidationError) as exc:
        procedure_move(
            actor=inspector,
            access=access,
            procedure=brp,
            step="information-gathered",
            on_date=timezone.localdate(),
            version=brp.version,
            data={},
        )
    assert any("mag" in m and "vastleggen" in m for m in exc.value.message_dict["step"])
    brp.refresh_from_db()
    assert brp.current_step == "started"


def test_brp_side_cannot_move_the_enforcement_procedure(
    park_world: ParkWorld, both: tuple[Procedure, Procedure]
) -> None:
    enforcement, _ = both
    brp_user = park_world.users["brp"]
    with pytest.raises(Http404):
        get_procedure_for(brp_user, enforcement.pk)
    case_member_add(
        actor=park_world.users["projectleider"],
        case=enforcement.case,
        case_role="meelezer",
        categories=["general"],
        user=brp_user,
    )
    access = access_to(brp_user, enforcement.case)
    with pytest.raises(ValidationError) as exc:
        procedure_move(
            actor=brp_user,
            access=access,
            procedure=enforcement,
            step="inspection-report",
            on_date=timezone.localdate(),
            version=enforcement.version,
            data={},
        )
    assert any("mag" in m and "vastleggen" in m for m in exc.value.message_dict["step"])
    enforcement.refresh_from_db()
    assert enforcement.current_step == "signal"


def test_a_referral_is_taken_up_once(park_world: ParkWorld, both: tuple[Procedure, Procedure]) -> None:
    from regie.park.models import FollowUp

    referral = FollowUp.objects.get(kind=FollowUpKind.BRP)
    with pytest.raises(ValidationError):
        brp_referral_take_up(actor=park_world.users["brp"], follow_up=referral)
