"""Who gets what from the ondermijning API, role by role; and the one write that changes who may see what: a partner
taken into an integral inspection sees that day (and only that day) from then on."""

from __future__ import annotations

import pytest
from django.utils import timezone

from regie.ondermijning.services.inspections import integral_inspection_plan
from tests.worlds.ondermijning import OndermijningWorld

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]  # locks rows: CI runs it on PostgreSQL 15 too

OK, REFUSED = 200, 403
# role → status per resource (areas, location-risks, integral-inspections, kvo-trajectories, trainings)
MATRIX = {
    "projectleider": (OK, OK, OK, OK, OK),
    "handhaver": (OK, OK, OK, OK, REFUSED),
    "jurist": (OK, OK, OK, OK, REFUSED),
    "procesregisseur": (REFUSED, REFUSED, REFUSED, REFUSED, REFUSED),
    "brp": (REFUSED, REFUSED, REFUSED, REFUSED, REFUSED),
    "politie": (REFUSED, REFUSED, OK, REFUSED, REFUSED),
    "ggz": (REFUSED, REFUSED, OK, REFUSED, REFUSED),
    "analist": (REFUSED, REFUSED, REFUSED, REFUSED, OK),
    "beheerder": (REFUSED, REFUSED, REFUSED, REFUSED, REFUSED),
    "privacy": (REFUSED, REFUSED, REFUSED, REFUSED, REFUSED),
}
RESOURCES = ("areas", "location-risks", "integral-inspections", "kvo-trajectories", "trainings")


@pytest.mark.parametrize("role", sorted(MATRIX))
def test_each_role_gets_what_the_door_lets_through(api_as, world: OndermijningWorld, role: str) -> None:
    client = api_as(role)
    for resource, expected in zip(RESOURCES, MATRIX[role], strict=True):
        response = client.get(f"/api/v1/{resource}")
        assert response.status_code == expected, (role, resource)
        if expected == REFUSED:
            assert response["Content-Type"].startswith("application/problem+json")


def test_a_partner_taken_into_an_inspection_sees_that_day_only(
    api_as, sign_in, world: OndermijningWorld
) -> None:
    ggz = world.users["ggz"]
    assert api_as("ggz").get("/api/v1/integral-inspections").json()["results"] == []
    assert ggz.organisation is not None
    day = integral_inspection_plan(
        actor=world.users["handhaver"],
        area=world.rural,
        planned_on=timezone.localdate(),
        partners=[ggz.organisation],
        size=1,
        random_share=100,
    )
    ids = [i["id"] for i in api_as("ggz").get("/api/v1/integral-inspections").json()["results"]]
    assert ids == [str(day.pk)]
    client = sign_in(ggz)
    assert client.get(f"/ondermijning/controles/{day.pk}").status_code == 200
    assert client.get(f"/ondermijning/controles/{world.inspection.pk}").status_code == 404
