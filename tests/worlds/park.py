"""The park world, for the park tests: six lots with polygons, a history, an occupant, a Province inspector.

Everything is made through the real services on the real database, with the shared factories of
tests/worlds/cases.py; the two case types the park's procedures need are written as is (`stored_case_type`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from regie.accounts.models import Municipality, Organisation, Role, User
from regie.accounts.services import user_create
from regie.park.models import EvidenceKind, InspectionRound, Park, ParkLot, ResidenceStatus
from regie.park.services.lots import occupancy_add, park_lot_create
from regie.park.services.parks import park_create
from regie.park.services.rounds import inspection_round_plan
from regie.park.services.status import residence_status_set
from tests.worlds.cases import make_address, make_person, stored_case_type

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


def polygon(lon: float, lat: float) -> dict[str, Any]:
    ring = [[lon, lat], [lon + 0.0002, lat], [lon + 0.0002, lat + 0.0001], [lon, lat + 0.0001], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


@dataclass
class ParkWorld:
    """Recreatiepark Testmeren of `projectleider`: lots 1-6 (Marsweg 101-106); lot 1 permanent with occupant Piet
    Permanent, 2 suspected, 3 recreational, 4-6 without status; one round on 1 June 2025 by `handhaver` and
    `provincie`."""

    users: dict[str, User]
    park: Park
    lots: dict[int, ParkLot]
    occupant: Any
    round: InspectionRound


def make_province_user(users: dict[str, User]) -> User:
    """`provincie`, an inspector of the Province (a partner), added to `users` under that name."""
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


def make_park_world(users: dict[str, User], province_user: User) -> ParkWorld:
    municipality = Municipality.objects.get(code="1705")
    for code, label in (
        ("handhaving-permanente-bewoning", "Handhaving permanente bewoning recreatiewoning"),
        ("brp-adresonderzoek", "BRP-adresonderzoek"),
    ):
        stored_case_type(code, label, ["general"], retention_years=10)
    leader = users["projectleider"]
    park = park_create(
        actor=leader, municipality=municipality, name="Recreatiepark Testmeren", project_leader=leader
    )
    lots = {}
    for number in range(1, 7):
        lots[number] = park_lot_create(
            actor=leader,
            park=park,
            number=number,
            geometry=polygon(6.03 + number * 0.0003, 51.98),
            address=make_address("6988BX", 100 + number, "Marsweg", "Lathum"),
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
    occupant = make_person(
        None, surname="Permanent", prefix="", given_names="Piet", bsn=None, address=lots[1].location.address
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
