"""Editing an area (name, kind, outline) and a location in it: the project leader of its municipality; an outline
never leaves a location outside; bad input in Dutch with nothing written."""

from __future__ import annotations

import json

import pytest

from regie.ondermijning.models import Area, AreaLocation
from regie.ondermijning.services.kvo import kvo_start
from tests.worlds.ondermijning import OndermijningWorld, square, today

pytestmark = pytest.mark.django_db


def _form(world: OndermijningWorld, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": world.estate.name,
        "kind": world.estate.kind,
        "geometry": json.dumps(world.estate.outline.geometry),
    }
    data.update(changes)
    return data


def test_the_project_leader_renames_and_widens_an_area(sign_in, world: OndermijningWorld) -> None:
    url = f"/ondermijning/gebieden/{world.estate.pk}/wijzigen"
    leader = sign_in(world.users["projectleider"])
    page = leader.get(url)
    assert page.status_code == 200 and "Nieuwgraaf-Test" in page.content.decode()
    wider = square(5.95, 51.93, 0.03)
    response = leader.post(url, _form(world, name="Nieuwgraaf", geometry=json.dumps(wider)))
    assert response.status_code == 302
    area = Area.objects.get(pk=world.estate.pk)
    assert area.name == "Nieuwgraaf" and area.outline.geometry == wider and area.outline.name == "Nieuwgraaf"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Vul de naam van het gebied in"),
        ({"name": "Buitengebied-Test"}, "al een gebied met deze naam"),
        ({"kind": "haven"}, "Selecteer een geldige keuze"),
        ({"geometry": "{niet json"}, "geen geldige GeoJSON"),
        ({"geometry": json.dumps({"type": "Point", "coordinates": [5.95, 51.93]})}, "polygoon"),
        (
            {"geometry": json.dumps({"type": "Polygon", "coordinates": [[[5, 51], [6, 51]]]})},
            "minstens 4 punten",
        ),
        ({"geometry": json.dumps(square(5.951, 51.931, 0.003))}, "Unit B"),  # leaves Unit B and C outside
    ],
)
def test_bad_area_edits_are_refused(sign_in, world: OndermijningWorld, changes, message) -> None:  # type: ignore[no-untyped-def]
    before = world.estate.outline.geometry
    response = sign_in(world.users["projectleider"]).post(
        f"/ondermijning/gebieden/{world.estate.pk}/wijzigen", _form(world, **changes)
    )
    assert response.status_code == 400 and message in response.content.decode()
    area = Area.objects.get(pk=world.estate.pk)
    assert area.name == "Nieuwgraaf-Test" and area.outline.geometry == before


def test_an_estate_with_a_kvo_trajectory_stays_an_estate(sign_in, world: OndermijningWorld) -> None:
    kvo_start(actor=world.users["projectleider"], area=world.estate, started_on=today())
    response = sign_in(world.users["projectleider"]).post(
        f"/ondermijning/gebieden/{world.estate.pk}/wijzigen", _form(world, kind="buitengebied")
    )
    assert response.status_code == 400 and "KVO-B-traject" in response.content.decode()
    assert Area.objects.get(pk=world.estate.pk).kind == "bedrijventerrein"


def test_only_the_project_leader_edits_areas_and_locations(sign_in, world: OndermijningWorld) -> None:
    urls = [
        f"/ondermijning/gebieden/{world.estate.pk}/wijzigen",
        f"/ondermijning/locaties/{world.sites['A'].pk}/wijzigen",
    ]
    for name in ("handhaver", "jurist"):
        for url in urls:
            assert sign_in(world.users[name]).post(url, _form(world, name="Overgenomen")).status_code == 403
    for name in ("politie", "brp", "beheerder", "analist"):
        for url in urls:
            assert sign_in(world.users[name]).get(url).status_code in (403, 404)
    assert Area.objects.get(pk=world.estate.pk).name == "Nieuwgraaf-Test"


def test_a_location_is_renamed_and_moved_within_its_area(sign_in, world: OndermijningWorld) -> None:
    site = world.sites["B"]
    url = f"/ondermijning/locaties/{site.pk}/wijzigen"
    leader = sign_in(world.users["projectleider"])
    assert leader.get(url).status_code == 200
    moved = {"type": "Point", "coordinates": [5.962, 51.938]}
    response = leader.post(url, {"name": "Unit B (achter)", "kind": "woning", "geometry": json.dumps(moved)})
    assert response.status_code == 302
    site = AreaLocation.objects.select_related("location").get(pk=site.pk)
    assert (
        site.location.name == "Unit B (achter)" and site.kind == "woning" and site.location.geometry == moved
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {
                "name": "Unit B",
                "kind": "business-unit",
                "geometry": json.dumps({"type": "Point", "coordinates": [4.0, 52.0]}),
            },
            "buiten het gebied",
        ),
        ({"name": "Unit B", "kind": "kasteel", "geometry": ""}, "Selecteer een geldige keuze"),
        (
            {"name": "", "kind": "business-unit", "geometry": ""},
            "Vul een naam of omschrijving van de locatie in",
        ),
        ({"name": "Unit B", "kind": "business-unit", "geometry": "[1, 2"}, "geen geldige GeoJSON"),
    ],
)
def test_bad_location_edits_are_refused(sign_in, world: OndermijningWorld, data, message) -> None:  # type: ignore[no-untyped-def]
    site = world.sites["B"]
    response = sign_in(world.users["projectleider"]).post(f"/ondermijning/locaties/{site.pk}/wijzigen", data)
    assert response.status_code == 400 and message in response.content.decode()
    site = AreaLocation.objects.select_related("location").get(pk=site.pk)
    assert site.location.name == "Unit B" and site.kind == "business-unit"
