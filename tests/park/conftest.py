"""A small park for the park tests: six lots with polygons, a history, an occupant, a Province inspector.

Everything is made through the real services on the real database.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from regie.accounts.models import Municipality, Organisation, Role, User
from regie.accounts.services import user_create
from regie.cases.models import CaseType
from regie.park.models import EvidenceKind, InspectionRound, Park, ParkLot, ResidenceStatus
from regie.park.services.lots import occupancy_add, park_lot_create
from regie.park.services.parks import park_create
from regie.park.services.rounds import inspection_round_plan
from regie.park.services.status import residence_status_set
from regie.subjects.services import address_get_or_create, person_create

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


def polygon(lon: float, lat: float) -> dict[str, Any]:
    ring = [[lon, lat], [lon + 0.0002, lat], [lon + 0.0002, lat + 0.0001], [lon, lat + 0.0001], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


@dataclass
class ParkWorld:
    users: dict[str, User]
    park: Park
    lots: dict[int, ParkLot]
    occupant: Any
    round: InspectionRound


@pytest.fixture
def province_user(users: dict[str, User]) -> User:
    organisation = Organisation.objects.get(name="Provincie Gelderland, team VTH")
    user = user_create(
        actor=None,
        username="provincie",
        first_name="Eva",
        last_name="Brouwer",
        email="provincie@gelderland.example",
        role=Role.PARTNER,
        organisation=organisation,
        password="regie-demo-2026!",
    )
    users["provincie"] = user
    return user


@pytest.fixture
def park_world(users: dict[str, User], province_user: User) -> ParkWorld:
    municipality = Municipality.objects.get(code="1705")
    for code, label in (
        ("handhaving-permanente-bewoning", "Handhaving permanente bewoning recreatiewoning"),
        ("brp-adresonderzoek", "BRP-adresonderzoek"),
    ):
        CaseType.objects.get_or_create(
            code=code, defaults={"label": label, "default_categories": ["general"], "retention_years": 10}
        )
    leader = users["projectleider"]
    park = park_create(
        actor=leader, municipality=municipality, name="Recreatiepark Testmeren", project_leader=leader
    )
    lots = {}
    for number in range(1, 7):
        address = address_get_or_create(
            actor=None, postcode="6988BX", house_number=100 + number, street="Marsweg", city="Lathum"
        )
        lots[number] = park_lot_create(
            actor=leader,
            park=park,
            number=number,
            geometry=polygon(6.03 + number * 0.0003, 51.98),
            address=address,
            dwelling="Chalet",
        )
    statuses = {1: ResidenceStatus.PERMANENT, 2: ResidenceStatus.SUSPECTED, 3: ResidenceStatus.RECREATIONAL}
    for number, status in statuses.items():
        residence_status_set(
            actor=leader,
            lot=lots[number],
            status=status,
            on_date=date(2025, 1, 15),
            evidence_kind=EvidenceKind.OTHER,
            evidence="Nulmeting",
        )
    occupant = person_create(
        actor=None, surname="Permanent", given_names="Piet", address=lots[1].location.address
    )
    occupancy_add(actor=leader, lot=lots[1], person=occupant, from_date=date(2020, 1, 1))
    planned = inspection_round_plan(
        actor=leader,
        park=park,
        planned_on=date(2025, 6, 1),
        inspectors=[users["handhaver"], province_user],
        sample_size=1,
        risk_since=date(2024, 1, 1),
        rng=random.Random(1),
    )
    return ParkWorld(users=users, park=park, lots=lots, occupant=occupant, round=planned)
