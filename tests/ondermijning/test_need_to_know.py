"""The network of a location shows only what the viewer may see through the case door; reads name the persons."""

from __future__ import annotations

import pytest

from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.cases import add_member
from tests.worlds.ondermijning import OndermijningWorld

pytestmark = pytest.mark.django_db


def _last(action: str, object_id: object) -> ProcessingLogEntry | None:
    return ProcessingLogEntry.objects.filter(action=action, object_id=str(object_id)).order_by("seq").last()


def test_a_case_the_viewer_may_not_see_is_not_shown_nor_hinted(sign_in, world: OndermijningWorld) -> None:
    url = f"/ondermijning/locaties/{world.sites['A'].pk}"
    html = sign_in(world.users["handhaver"]).get(url).content.decode()  # not on the case
    assert world.case.number not in html and "Huurder" not in html and "<dt>Casussen</dt>" not in html
    entry = _last("ondermijning_location.viewed", world.sites["A"].pk)
    assert entry is not None and world.person.pk not in entry.person_ids and entry.details["cases"] == []


def test_a_viewer_on_the_case_sees_its_nodes_and_the_read_names_them(
    sign_in, world: OndermijningWorld
) -> None:
    add_member(
        world.case,
        world.users["procesregisseur"],
        user=world.users["jurist"],
        can_edit=False,
        case_role="jurist",
    )
    html = (
        sign_in(world.users["jurist"]).get(f"/ondermijning/locaties/{world.sites['A'].pk}").content.decode()
    )
    assert world.case.number in html and "Huurder" in html
    entry = _last("ondermijning_location.viewed", world.sites["A"].pk)
    assert entry is not None and world.person.pk in entry.person_ids


def test_area_and_inspection_reads_are_logged(sign_in, world: OndermijningWorld) -> None:
    sign_in(world.users["handhaver"]).get(f"/ondermijning/gebieden/{world.estate.pk}")
    assert _last("ondermijning_area.viewed", world.estate.pk) is not None
    sign_in(world.users["politie"]).get(f"/ondermijning/controles/{world.inspection.pk}")
    entry = _last("ondermijning_inspection.viewed", world.inspection.pk)
    assert entry is not None and entry.actor_username == "politie"


def test_a_refused_read_leaves_no_entry(sign_in, world: OndermijningWorld) -> None:
    sign_in(world.users["ggz"]).get(f"/ondermijning/controles/{world.inspection.pk}")
    assert _last("ondermijning_inspection.viewed", world.inspection.pk) is None
