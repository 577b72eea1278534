"""The park's register of exemptions, as the procedures' decision guard reads it (issue 12, item 3)."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from regie.park.models import Occupancy
from regie.park.services.exemptions import lot_exemptions
from regie.park.services.lots import occupancy_end, personal_permit_add, tolerance_decision_add
from regie.procedures.extensions import exemptions_for
from regie.procedures.models import Procedure
from tests.worlds.park import ParkWorld

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _procedure_on(lot) -> Procedure:
    return Procedure(pk=uuid4(), address=lot.location.address)


def test_a_personal_permit_counts_while_its_holder_lives_on_the_lot(park_world: ParkWorld) -> None:
    lot = park_world.lots[1]
    personal_permit_add(
        actor=None, lot=lot, holder=park_world.occupant, granted_on=date(2004, 6, 15), basis="Sinds vóór 2003"
    )
    found = lot_exemptions(_procedure_on(lot), date(2026, 3, 2))
    assert len(found) == 1 and "persoonsgebonden beschikking" in found[0] and "15 juni 2004" in found[0]
    assert exemptions_for(_procedure_on(lot), date(2026, 3, 2)) == found  # registered when Django starts
    occupancy_end(actor=None, occupancy=Occupancy.objects.get(lot=lot), to_date=date(2025, 12, 31))
    assert lot_exemptions(_procedure_on(lot), date(2026, 3, 2)) == []


def test_a_tolerance_decision_counts_until_its_end_date(park_world: ParkWorld) -> None:
    lot = park_world.lots[2]
    tolerance_decision_add(
        actor=None,
        lot=lot,
        decided_on=date(2025, 1, 1),
        ends_on=date(2026, 6, 30),
        description="Uitsterfregeling tot de nieuwe woning gereed is",
    )
    found = lot_exemptions(_procedure_on(lot), date(2026, 6, 30))
    assert len(found) == 1 and "uitsterfregeling tot en met 30 juni 2026" in found[0]
    assert lot_exemptions(_procedure_on(lot), date(2026, 7, 1)) == []
    assert lot_exemptions(_procedure_on(park_world.lots[3]), date(2026, 3, 2)) == []
