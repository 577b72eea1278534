"""The demo park: Recreatiepark Rhederlaagse Meren with 72 fictional lots along the lake shore near Lathum.

Everything goes through the services, as a user would. Idempotent: nothing happens when the park exists.
Three years of monthly history show the decline of permanent residence the agenda describes.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from regie.accounts.models import Municipality, Organisation, Role, User
from regie.accounts.services import user_create
from regie.demo.accounts import DEMO_PASSWORD
from regie.park.models import EvidenceKind, Park, ParkLot, PlanningStatus, ResidenceStatus
from regie.park.services.follow_ups import follow_up_refer_brp, follow_up_refer_care
from regie.park.services.inspections import inspection_submit
from regie.park.services.lots import (
    occupancy_add,
    park_lot_create,
    personal_permit_add,
    tolerance_decision_add,
)
from regie.park.services.parks import park_base_map_set, park_create
from regie.park.services.rounds import inspection_round_plan
from regie.park.services.status import residence_status_set
from regie.subjects.models import Business, Location, LocationKind, Person
from regie.subjects.services import address_get_or_create, person_create

PARK_NAME = "Recreatiepark Rhederlaagse Meren"
LOTS = 72
HALF_W, HALF_H = 0.00012, 0.00008
PROVINCE_ORG = "Provincie Gelderland, team VTH"
EXISTING = {14: "Rhederlaagse Meren, kavel 14", 27: "Rhederlaagse Meren, kavel 27", 52: "Rhederlaagse Meren, kavel 52",
            63: "Rhederlaagse Meren, kavel 63"}  # fmt: skip
SURNAMES = ["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
            "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
            "de Graaf", "van der Meer", "Kok", "Jacobs", "van den Berg", "Vermeulen", "Schouten"]  # fmt: skip
GIVEN = ["Anna", "Bram", "Cor", "Daan", "Els", "Fleur", "Gert", "Hanneke", "Ivo", "Joke", "Kees", "Lotte",
         "Marco", "Nina", "Oscar", "Petra", "Rob", "Sanne", "Tom", "Ursula", "Wim", "Yvonne"]  # fmt: skip


def _ring(lon: float, lat: float) -> dict[str, Any]:
    points = [(-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1)]
    ring = [[round(lon + dx * HALF_W, 6), round(lat + dy * HALF_H, 6)] for dx, dy in points]
    return {"type": "Polygon", "coordinates": [ring]}


def _centre(geometry: dict[str, Any]) -> tuple[float, float]:
    ring = geometry["coordinates"][0][:-1]
    return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)


def _positions(taken: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Rows of lots parallel to the (diagonal) lake shore, skipping the places of the existing lots."""
    free = []
    for row in range(5):
        for column in range(20):
            lon = 6.0272 + column * 0.00032 + row * 0.00005
            lat = 51.9788 + column * 0.00014 + row * 0.00022
            if all(
                abs(lon - x) > 2 * HALF_W + 0.00003 or abs(lat - y) > 2 * HALF_H + 0.00003 for x, y in taken
            ):
                free.append((lon, lat))
    return free


def _grid(column: float, row: float) -> list[float]:
    """A point in the park's lot grid (see `_positions`): columns run along the shore, rows away from it."""
    return [
        round(6.0272 + column * 0.00032 + row * 0.00005, 6),
        round(51.9788 + column * 0.00014 + row * 0.00022, 6),
    ]


def _area(c0: float, c1: float, r0: float, r1: float) -> dict[str, Any]:
    ring = [_grid(c0, r0), _grid(c1, r0), _grid(c1, r1), _grid(c0, r1), _grid(c0, r0)]
    return {"type": "Polygon", "coordinates": [ring]}


def base_map_features() -> list[dict[str, Any]]:
    """The demo park's own background (fictional, in WGS84): its outline, the lake along the shore with a small
    harbour, the lanes between the rows of lots and the entrance road."""

    def feature(kind: str, name: str, geometry: dict[str, Any]) -> dict[str, Any]:
        return {"type": "Feature", "geometry": geometry, "properties": {"kind": kind, "name": name}}

    lanes = [
        feature(
            "path", f"Laan {n}", {"type": "LineString", "coordinates": [_grid(-1.2, row), _grid(20.2, row)]}
        )
        for n, row in enumerate((0.5, 1.5, 2.5, 3.5), start=1)
    ]
    return [
        feature("outline", "Recreatiepark Rhederlaagse Meren", _area(-1.8, 20.8, -0.8, 4.9)),
        feature("water", "Rhederlaagse Meren", _area(-5, 25, -6, -1.0)),
        feature("water", "Jachthaven", _area(8, 11.5, -1.2, -0.55)),
        *lanes,
        feature(
            "path", "Strandpad", {"type": "LineString", "coordinates": [_grid(-1.2, -0.6), _grid(20.2, -0.6)]}
        ),
        feature(
            "path",
            "Marsweg (ingang)",
            {"type": "LineString", "coordinates": [_grid(-1.2, 0.5), _grid(-1.2, 4.9), _grid(-4, 8)]},
        ),
    ]


def _months_back(today: date, months: int) -> date:
    index = today.year * 12 + (today.month - 1) - months
    return date(index // 12, index % 12 + 1, min(today.day, 28))


def _history(rng: random.Random, start: date, today: date) -> list[tuple[int, str]]:
    """A lot's path as (months after start, status): permanent residence declines over three years."""
    roll = rng.random()
    if roll < 0.32:  # permanent at the start; most end within the three years
        path = [(0, ResidenceStatus.PERMANENT.value)]
        if rng.random() < 0.72:
            path.append(
                (rng.randint(6, 33), rng.choice([ResidenceStatus.RECREATIONAL, ResidenceStatus.VACANT]))
            )
        return path
    if roll < 0.47:  # suspected: some established, some cleared
        path = [(0, ResidenceStatus.SUSPECTED.value)]
        moment = rng.randint(3, 18)
        if rng.random() < 0.5:
            path.append((moment, ResidenceStatus.PERMANENT.value))
            if rng.random() < 0.6:
                path.append((rng.randint(moment + 4, 35), ResidenceStatus.VACANT.value))
        elif rng.random() < 0.8:
            path.append((moment, ResidenceStatus.RECREATIONAL.value))
        return path
    if roll < 0.52:
        return [(0, ResidenceStatus.VACANT.value), (rng.randint(10, 30), ResidenceStatus.RECREATIONAL.value)]
    if roll < 0.56:
        return [(0, ResidenceStatus.UNKNOWN.value)]
    path = [(0, ResidenceStatus.RECREATIONAL.value)]
    if rng.random() < 0.12:
        path.append((rng.randint(20, 34), ResidenceStatus.SUSPECTED.value))
    return path


def _users() -> dict[str, User]:
    return {
        u.username: u for u in User.objects.filter(username__in=["projectleider", "handhaver", "provincie"])
    }


def _province_user() -> User | None:
    existing = User.objects.filter(username="provincie").first()
    if existing is not None:
        return existing
    organisation = Organisation.objects.filter(name=PROVINCE_ORG).first()
    if organisation is None:
        return None
    return user_create(
        actor=None,
        username="provincie",
        first_name="Eva",
        last_name="Brouwer",
        email="provincie@gelderland.example",
        role=Role.PARTNER,
        organisation=organisation,
        password=DEMO_PASSWORD,
        phone="06 1234 5611",
        job_title="Toezichthouder VTH provincie",
    )


def seed_park() -> list[str]:
    """Create the demo park once: lots, occupants, permits, history, past joint inspection rounds."""
    municipality = Municipality.objects.filter(code="1705").first()
    leader = User.objects.filter(username="projectleider").first()
    inspector = User.objects.filter(username="handhaver").first()
    if municipality is None or leader is None or inspector is None:
        return ["Demopark overgeslagen: de demogemeente of demogebruikers ontbreken."]
    existing = Park.objects.filter(municipality=municipality, name=PARK_NAME).first()
    if existing is not None:
        if not existing.base_map:  # a demo from before the park had its own background
            park_base_map_set(actor=None, park=existing, features=base_map_features())
            return ["Demopark bestaat al; achtergrondkaart toegevoegd."]
        return ["Demopark bestaat al."]
    with transaction.atomic():
        province = _province_user()
        report = _seed(municipality, leader, inspector, province)
    return report


def _seed(municipality: Municipality, leader: User, inspector: User, province: User | None) -> list[str]:
    rng = random.Random(1705)
    today = timezone.localdate()
    start = _months_back(today, 36)
    area = Location.objects.filter(kind=LocationKind.AREA, name=PARK_NAME).first()
    park = park_create(
        actor=leader,
        municipality=municipality,
        name=PARK_NAME,
        planning_status=PlanningStatus.RECREATIONAL,
        management=Business.objects.filter(kvk_number="90417326").first(),
        contact="Parkbeheer, Marsweg 1, 026 000 1234",
        project_leader=leader,
        area=area,
    )
    park_base_map_set(actor=None, park=park, features=base_map_features())
    existing = {
        n: Location.objects.filter(kind=LocationKind.PARK_LOT, name=name).first()
        for n, name in EXISTING.items()
    }
    taken = [_centre(loc.geometry) for loc in existing.values() if loc is not None and loc.geometry]
    positions = iter(_positions(taken))
    lots: dict[int, ParkLot] = {}
    persons = 0
    for number in range(1, LOTS + 1):
        location = existing.get(number)
        if location is not None:
            lot = park_lot_create(
                actor=leader, park=park, number=number, location=location, dwelling=location.description
            )
        else:
            lon, lat = next(positions)
            address = address_get_or_create(
                actor=None, postcode="6988BX" if number < 50 else "6988BZ", house_number=number, street="Marsweg",
                city="Lathum",
            )  # fmt: skip
            lot = park_lot_create(
                actor=leader,
                park=park,
                number=number,
                geometry=_ring(lon, lat),
                address=address,
                dwelling=rng.choice(["Chalet", "Stacaravan", "Recreatiewoning", "Chalet met veranda"]),
            )
        lots[number] = lot
    # History: the four case lots follow their cases; the others a plausible path.
    fixed = {
        14: [(0, ResidenceStatus.SUSPECTED.value), (20, ResidenceStatus.PERMANENT.value)],
        27: [(0, ResidenceStatus.TOLERATED.value)],
        52: [(0, ResidenceStatus.PERMANENT.value)],
        63: [(0, ResidenceStatus.RECREATIONAL.value), (30, ResidenceStatus.SUSPECTED.value)],
    }
    paths: dict[int, list[tuple[int, str]]] = {}
    tolerated = set(rng.sample([n for n in lots if n not in fixed], 3))
    for number, lot in lots.items():
        path = fixed.get(number) or (
            [(0, ResidenceStatus.TOLERATED.value)] if number in tolerated else _history(rng, start, today)
        )
        paths[number] = path
        for months, status in path:
            on = _months_back(today, 36 - months)
            residence_status_set(
                actor=leader if months else None,
                lot=lot,
                status=status,
                on_date=on,
                evidence_kind=EvidenceKind.OTHER
                if months == 0
                else rng.choice([EvidenceKind.INSPECTION, EvidenceKind.BRP, EvidenceKind.LETTER]),
                evidence="Nulmeting bij de start van de aanpak" if months == 0 else _evidence(status),
            )
        # Occupants (with a BRP registration on the park address) where people live permanently now.
        current = path[-1][1]
        lot_address = lot.location.address
        if (
            number not in fixed
            and lot_address is not None
            and current
            in (
                ResidenceStatus.PERMANENT,
                ResidenceStatus.SUSPECTED,
                ResidenceStatus.TOLERATED,
            )
        ):
            for _ in range(rng.choice([1, 1, 2, 3])):
                person = person_create(
                    actor=None,
                    surname=rng.choice(SURNAMES),
                    given_names=rng.choice(GIVEN),
                    birth_date=date(rng.randint(1945, 2005), rng.randint(1, 12), rng.randint(1, 28)),
                    address=lot_address if rng.random() < 0.8 else None,
                )
                occupancy_add(
                    actor=None, lot=lot, person=person, from_date=_months_back(today, rng.randint(37, 120))
                )
                persons += 1
            if current == ResidenceStatus.TOLERATED:
                holder = Person.objects.filter(address=lot_address).first()
                if holder is not None:
                    personal_permit_add(
                        actor=None,
                        lot=lot,
                        holder=holder,
                        granted_on=date(2004, rng.randint(1, 12), rng.randint(1, 28)),
                        basis="Hoofdverblijf op het park sinds vóór 31 oktober 2003 (persoonsgebonden beschikking)",
                    )
    for number in (14, 52):
        case_address = lots[number].location.address
        for person in Person.objects.filter(address=case_address) if case_address else []:
            occupancy_add(actor=None, lot=lots[number], person=person, from_date=date(2021, 5, 1))
    bouwman = Person.objects.filter(surname="Bouwman", address=lots[27].location.address).first()
    if bouwman is not None:
        occupancy_add(actor=None, lot=lots[27], person=bouwman, from_date=date(1999, 3, 1))
        personal_permit_add(
            actor=None,
            lot=lots[27],
            holder=bouwman,
            granted_on=date(2004, 6, 15),
            basis="Hoofdverblijf op het park sinds 1999, vóór 31 oktober 2003 (persoonsgebonden beschikking)",
        )
    tolerance_decision_add(
        actor=None,
        lot=lots[41],
        decided_on=_months_back(today, 14),
        ends_on=_months_back(today, -10),
        description="Tijdelijk gedoogd tot de nieuwe woning van de bewoners gereed is (uitsterfregeling)",
    )
    rounds = _seed_rounds(park, lots, paths, leader, inspector, province, rng, today)
    return [
        f"Demopark {park.name}: {len(lots)} kavels, {persons} bewoners, {rounds} inspectierondes, "
        "drie jaar bewoningsgeschiedenis."
    ]


def _evidence(status: str) -> str:
    return {
        ResidenceStatus.PERMANENT: "Rapport van bevindingen: hoofdverblijf vastgesteld",
        ResidenceStatus.SUSPECTED: "Signaal en BRP-inschrijving op het parkadres",
        ResidenceStatus.RECREATIONAL: "Hercontrole: alleen recreatief gebruik, bewoners verhuisd",
        ResidenceStatus.VACANT: "Bewoners vertrokken (woning gevonden); kavel leeg",
        ResidenceStatus.TOLERATED: "Persoonsgebonden beschikking",
    }.get(ResidenceStatus(status), "Bijgewerkt")


OUTCOME_FOR = {
    ResidenceStatus.RECREATIONAL.value: "recreatief",
    ResidenceStatus.SUSPECTED.value: "aanwijzingen",
    ResidenceStatus.PERMANENT.value: "vastgesteld",
    ResidenceStatus.VACANT.value: "leeg",
}


def _status_at(path: list[tuple[int, str]], months: int) -> str:
    status = ResidenceStatus.UNKNOWN.value
    for at, value in path:
        if at <= months:
            status = value
    return status


def _seed_rounds(
    park: Park,
    lots: dict[int, ParkLot],
    paths: dict[int, list[tuple[int, str]]],
    leader: User,
    inspector: User,
    province: User | None,
    rng: random.Random,
    today: date,
) -> int:
    inspectors = [inspector] + ([province] if province else [])
    count = 0
    referred = 0
    for months_ago, sample in ((10, 3), (4, 4)):
        on = _months_back(today, months_ago)
        planned = inspection_round_plan(
            actor=leader,
            park=park,
            planned_on=on,
            inspectors=inspectors,
            sample_size=sample,
            risk_since=_months_back(today, months_ago + 12),
            note="Gezamenlijke controle gemeente en provincie",
            rng=rng,
        )
        count += 1
        round_lots = list(planned.round_lots.select_related("lot"))[:5]
        for round_lot in round_lots:
            status = _status_at(paths[round_lot.lot.number], 36 - months_ago)
            outcome = OUTCOME_FOR.get(status, "geen-toegang")
            submitted = inspection_submit(
                actor=inspector,
                inspection_round=planned,
                lot=round_lot.lot,
                indicators=["post", "autos", "licht-verwarming"]
                if outcome in ("aanwijzingen", "vastgesteld")
                else [],
                entry_consent=outcome != "geen-toegang",
                findings=f"Gezamenlijke controle met de provincie. Uitkomst: {outcome}.",
                outcome=outcome,
                on_date=on,
            )
            if months_ago == 4 and outcome == "vastgesteld" and referred < 2:
                referred += 1
                follow_up_refer_brp(
                    actor=inspector,
                    inspection=submitted.inspection,
                    note="Bewoners wonen hier maar staan elders ingeschreven; adresonderzoek gewenst.",
                )
                follow_up_refer_care(
                    actor=inspector,
                    inspection=submitted.inspection,
                    note="Gezin met jonge kinderen, geen andere woning; zorgen over dreigende dakloosheid.",
                )
    return count
