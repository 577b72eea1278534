"""The API resources areas, location-risks, integral-inspections, kvo-trajectories and trainings: who gets what,
bad input as problem+json, reads logged."""

from __future__ import annotations

import pytest

from regie.ondermijning.models import Area
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.ondermijning import OndermijningWorld, square

pytestmark = pytest.mark.django_db


def test_areas_list_for_the_team(api_as, world: OndermijningWorld) -> None:
    body = api_as("handhaver").get("/api/v1/areas").json()
    names = [a["name"] for a in body["results"]]
    assert names == ["Buitengebied-Test", "Nieuwgraaf-Test"]
    assert body["results"][1]["geometry"]["type"] == "Polygon" and body["results"][1]["locations"] == 3


def test_areas_refused_to_partners_and_others(api_as, world: OndermijningWorld) -> None:
    assert api_as("politie").get("/api/v1/areas").status_code == 403
    assert api_as("analist").get("/api/v1/areas").status_code == 403
    assert api_as("brp").get("/api/v1/areas").status_code == 403


def test_area_create_and_bad_input(api_as, world: OndermijningWorld) -> None:
    client = api_as("projectleider")
    good = {"name": "Gelderse Poort", "kind": "bedrijventerrein", "geometry": square(5.98, 51.95, 0.01)}
    created = client.post("/api/v1/areas", good, content_type="application/json")
    assert created.status_code == 201 and created.json()["name"] == "Gelderse Poort"
    for bad in (
        {**good, "name": "X", "kind": "haven"},
        {**good, "name": "X", "geometry": {"type": "Point", "coordinates": [5, 51]}},
        {**good},  # the same name again
        {"name": "X"},
    ):
        refused = client.post("/api/v1/areas", bad, content_type="application/json")
        assert refused.status_code == 400 and refused["Content-Type"].startswith("application/problem+json")
    assert not Area.objects.filter(name="X").exists()
    assert api_as("handhaver").post("/api/v1/areas", good, content_type="application/json").status_code == 403


def test_location_risks_explain_their_score_and_log_the_read(api_as, world: OndermijningWorld) -> None:
    body = api_as("jurist").get(f"/api/v1/location-risks?area={world.estate.pk}").json()
    first = body["results"][0]
    assert first["name"] == "Unit A" and first["score"] > 0
    assert {p["code"] for p in first["parts"]} >= {"vervolg-bevinding", "ramen-afgeplakt", "open-casus"}
    assert sum(p["points"] for p in first["parts"]) == first["score"]
    assert ProcessingLogEntry.objects.filter(action="ondermijning_location.listed").exists()


def test_location_risks_bad_filters(api_as, world: OndermijningWorld) -> None:
    client = api_as("jurist")
    for query in ("area=geen-id", "minScore=abc", "minScore=101"):
        refused = client.get(f"/api/v1/location-risks?{query}")
        assert refused.status_code == 400 and refused["Content-Type"].startswith("application/problem+json")
    assert client.get("/api/v1/location-risks?minScore=100").json()["results"] == []


def test_location_risks_never_for_a_partner(api_as, world: OndermijningWorld) -> None:
    assert api_as("politie").get("/api/v1/location-risks").status_code == 403
    assert api_as("ggz").get("/api/v1/location-risks").status_code == 403


def test_integral_inspections_per_partner(api_as, world: OndermijningWorld) -> None:
    assert len(api_as("politie").get("/api/v1/integral-inspections").json()["results"]) == 1
    assert api_as("ggz").get("/api/v1/integral-inspections").json()["results"] == []
    assert api_as("brp").get("/api/v1/integral-inspections").status_code == 403


def test_kvo_trajectories(api_as, world: OndermijningWorld) -> None:
    assert api_as("projectleider").get("/api/v1/kvo-trajectories").json()["results"] == []
    assert api_as("politie").get("/api/v1/kvo-trajectories").status_code == 403


def test_trainings_are_counts_for_leader_and_analyst(api_as, world: OndermijningWorld) -> None:
    assert api_as("analist").get("/api/v1/trainings").status_code == 200
    assert api_as("handhaver").get("/api/v1/trainings").status_code == 403
    assert api_as("politie").get("/api/v1/trainings").status_code == 403
