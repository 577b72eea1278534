"""The park map's background: the park's own outline, water and paths (kept through a service) when no tile
service is configured, the tile service (PDOK's BRT-achtergrondkaart in production) when one is."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regie.demo.park import base_map_features
from regie.park.models import Park
from regie.park.services.parks import park_base_map_set
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.park import ParkWorld

PDOK = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"


def test_the_project_leader_stores_a_background_and_it_is_logged(park_world: ParkWorld) -> None:
    features = base_map_features()
    park_base_map_set(actor=park_world.users["projectleider"], park=park_world.park, features=features)
    stored = Park.objects.get(pk=park_world.park.pk).base_map
    assert stored["type"] == "FeatureCollection" and len(stored["features"]) == len(features)
    assert {f["properties"]["kind"] for f in stored["features"]} == {"outline", "water", "path"}
    entry = ProcessingLogEntry.objects.filter(action="park.base_map_set").latest("seq")
    assert entry.object_id == str(park_world.park.pk)


@pytest.mark.parametrize(
    ("features", "message"),
    [
        ({"type": "FeatureCollection"}, "lijst van GeoJSON-features"),
        (
            [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [6, 52]}}],
            "een vlak of een lijn",
        ),
        (
            [
                {
                    "geometry": {"type": "LineString", "coordinates": [[6, 52], [6.1, 52]]},
                    "properties": {"kind": "x"},
                }
            ],
            "de soort is parkgrens",
        ),
        (
            [
                {
                    "geometry": {"type": "LineString", "coordinates": [[600, 52], [6.1]]},
                    "properties": {"kind": "path"},
                }
            ],
            "geen lengte- en breedtegraden",
        ),
    ],
)
def test_a_wrong_background_is_refused_whole_in_dutch(park_world: ParkWorld, features, message) -> None:
    with pytest.raises(ValidationError) as refused:
        park_base_map_set(actor=park_world.users["projectleider"], park=park_world.park, features=features)
    assert message in str(refused.value)
    assert Park.objects.get(pk=park_world.park.pk).base_map == {}


def test_only_the_project_leader_keeps_the_background(park_world: ParkWorld) -> None:
    with pytest.raises(PermissionDenied):
        park_base_map_set(
            actor=park_world.users["handhaver"], park=park_world.park, features=base_map_features()
        )


def test_the_map_draws_the_own_background_without_a_tile_service(
    sign_in, park_world: ParkWorld, settings
) -> None:
    park_base_map_set(actor=None, park=park_world.park, features=base_map_features())
    client = sign_in(park_world.users["handhaver"])
    url = f"/vakantiepark/{park_world.park.pk}"
    page = client.get(f"{url}/kaart").content.decode()
    assert f'data-base-map-url="{url}/achtergrond.geojson"' in page and "Parkgrens" in page
    background = client.get(f"{url}/achtergrond.geojson").json()
    assert len(background["features"]) == len(base_map_features())
    settings.REGIE_MAP_TILE_URL = PDOK
    settings.REGIE_MAP_TILE_ATTRIBUTION = ""  # PDOK's own source line by default
    tiled = client.get(f"{url}/kaart")
    body = tiled.content.decode()
    assert "data-base-map-url" not in body and 'data-tile-attribution="Kaartgegevens © Kadaster"' in body
    assert "img-src 'self' data: https://service.pdok.nl" in tiled["Content-Security-Policy"]


def test_the_background_is_for_who_may_open_the_map(sign_in, park_world: ParkWorld) -> None:
    url = f"/vakantiepark/{park_world.park.pk}/achtergrond.geojson"
    assert sign_in(park_world.users["analist"]).get(url).status_code == 403
    assert sign_in(park_world.users["ggz"]).get(url).status_code == 403
    assert sign_in(park_world.users["brp"]).get(url).status_code == 200
