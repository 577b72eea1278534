"""A lot's page and an inspection's page are about whoever lives on the lot: both name them in the processing log,
also for a viewer who is not shown the occupants by name. Who may not see the lot is refused and leaves no read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from regie.park.services.inspections import inspection_submit
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.services import person_create
from tests.worlds.park import ParkWorld

pytestmark = pytest.mark.django_db


def _last(action: str, object_id: object) -> ProcessingLogEntry | None:
    return ProcessingLogEntry.objects.filter(action=action, object_id=str(object_id)).order_by("seq").last()


def test_a_lot_page_names_its_occupants_also_when_it_does_not_show_them(
    sign_in, park_world: ParkWorld
) -> None:
    lot = park_world.lots[1]
    html = sign_in(park_world.users["procesregisseur"]).get(f"/vakantiepark/kavels/{lot.pk}").content.decode()
    assert (
        "Piet Permanent" not in html
    )  # the process director sees the lot and its status, not who lives there
    entry = _last("park_lot.viewed", lot.pk)
    assert entry is not None and park_world.occupant.pk in entry.person_ids
    assert entry.details["occupancy"] is False


def test_a_lot_you_may_not_see_is_refused_and_no_read(sign_in, park_world: ParkWorld) -> None:
    lot = park_world.lots[1]
    for username in ("ggz", "analist"):  # not on the park's team, no case about the lot
        assert sign_in(park_world.users[username]).get(f"/vakantiepark/kavels/{lot.pk}").status_code in (
            403,
            404,
        )
    assert _last("park_lot.viewed", lot.pk) is None


def test_an_inspection_page_names_who_lives_on_the_lot(
    sign_in, park_world: ParkWorld, settings: Settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    lot = park_world.lots[2]
    resident = person_create(actor=None, surname="Bewoner", given_names="Bea", address=lot.location.address)
    inspection = inspection_submit(
        actor=park_world.users["handhaver"],
        inspection_round=park_world.round,
        lot=lot,
        indicators=["post"],
        entry_consent=False,
        findings="Post op naam in de brievenbus.",
        outcome="aanwijzingen",
        on_date=date(2025, 6, 1),
    ).inspection
    url = f"/vakantiepark/inspecties/{inspection.pk}"
    assert sign_in(park_world.users["ggz"]).get(url).status_code in (403, 404)
    assert _last("park_inspection.viewed", inspection.pk) is None
    assert sign_in(park_world.users["handhaver"]).get(url).status_code == 200
    entry = _last("park_inspection.viewed", inspection.pk)
    assert entry is not None and resident.pk in entry.person_ids
