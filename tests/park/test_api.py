"""`park-lots` and the `residenceStatus` hook on `locations`: geometry and status; occupancy only when allowed."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests.worlds.park import ParkWorld

Api = Callable[[str], Client]


def test_park_lots_with_occupancy_for_the_project_leader(api_as: Api, park_world: ParkWorld) -> None:
    response = api_as("projectleider").get("/api/v1/park-lots")
    assert response.status_code == 200
    assert response["API-Version"]
    results = {r["number"]: r for r in response.json()["results"]}
    assert len(results) == 6
    assert results[1]["residenceStatus"] == "permanent-vastgesteld"
    assert results[1]["geometry"]["type"] == "Polygon"
    assert results[1]["occupants"][0]["name"] == "Piet Permanent"
    assert results[1]["brpRegistrations"] == 1
    assert results[5]["residenceStatus"] == "onbekend"


def test_park_lots_without_occupancy_fields(api_as: Api, park_world: ParkWorld) -> None:
    results = api_as("procesregisseur").get("/api/v1/park-lots").json()["results"]
    assert len(results) == 6
    assert all("occupants" not in r and "brpRegistrations" not in r for r in results)
    assert all("residenceStatus" in r and "geometry" in r for r in results)


def test_park_lots_refused(api_as: Api, park_world: ParkWorld) -> None:
    for name in ("ggz", "analist", "beheerder"):
        response = api_as(name).get("/api/v1/park-lots")
        assert response.status_code == 403, name
        assert response["Content-Type"].startswith("application/problem+json")
    assert Client().get("/api/v1/park-lots").status_code in (401, 403)
    assert api_as("projectleider").get("/api/v1/park-lots/").status_code == 404


def test_locations_park_lot_have_residence_status(api_as: Api, park_world: ParkWorld) -> None:
    response = api_as("projectleider").get("/api/v1/locations?kind=park-lot")
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 6
    by_name = {r["name"]: r for r in results}
    first = by_name[park_world.lots[1].location.name]
    assert first["residenceStatus"] == "permanent-vastgesteld"
    assert first["geometry"]["type"] == "Polygon"
    assert "occupants" not in first
    assert api_as("ggz").get("/api/v1/locations?kind=park-lot").json()["results"] == []
