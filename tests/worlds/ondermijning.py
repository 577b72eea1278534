"""The ondermijning world: an industrial estate with three business units and the rural area with two farm sheds
(Lingewaard), the police and the environment agency as inspection partners, a case about one unit, risk scores.

Everything is made through the real services on the real database.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from regie.accounts.models import Municipality, Organisation, OrganisationKind, User
from regie.accounts.services import organisation_create
from regie.cases.models import Case, SubjectRole
from regie.cases.services.case import SubjectRef
from regie.ondermijning.models import Area, AreaLocation, IntegralInspection
from regie.ondermijning.services.areas import area_create, area_location_add
from regie.ondermijning.services.inspections import finding_record, integral_inspection_plan
from regie.ondermijning.services.risks import location_risks_compute
from tests.worlds.cases import make_case, make_person, stored_case_type


def square(lon: float, lat: float, size: float) -> dict[str, Any]:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size / 2], [lon, lat + size / 2], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


@dataclass
class OndermijningWorld:
    """`projectleider`'s estate Nieuwgraaf-Test (units A, B, C) and rural area Buitengebied-Test (sheds 1, 2);
    an inspection day yesterday with police and environment agency; a case by `procesregisseur` about unit A
    with a person Henk Huurder; risk scores computed (unit A highest)."""

    users: dict[str, User]
    estate: Area
    rural: Area
    sites: dict[str, AreaLocation]
    police: Organisation
    environment: Organisation
    inspection: IntegralInspection
    case: Case
    person: Any


def environment_agency() -> Organisation:
    municipality = Municipality.objects.get(code="1705")
    found = Organisation.objects.filter(
        municipality=municipality, name="Omgevingsdienst Regio Arnhem"
    ).first()
    return found or organisation_create(
        actor=None,
        municipality=municipality,
        name="Omgevingsdienst Regio Arnhem",
        kind=OrganisationKind.PARTNER,
        partner_type="omgevingsdienst",
    )


def make_ondermijning_world(users: dict[str, User]) -> OndermijningWorld:
    leader = users["projectleider"]
    estate = area_create(
        actor=leader,
        name="Nieuwgraaf-Test",
        kind="bedrijventerrein",
        geometry=square(5.95, 51.93, 0.02),
        contacts="Parkmanagement Nieuwgraaf, 026 000 0000",
    )
    rural = area_create(
        actor=leader, name="Buitengebied-Test", kind="buitengebied", geometry=square(5.90, 51.90, 0.04)
    )
    sites = {
        "A": area_location_add(
            actor=leader,
            area=estate,
            name="Unit A",
            kind="business-unit",
            geometry=square(5.951, 51.931, 0.002),
        ),
        "B": area_location_add(
            actor=leader,
            area=estate,
            name="Unit B",
            kind="business-unit",
            geometry=square(5.955, 51.932, 0.002),
        ),
        "C": area_location_add(
            actor=leader,
            area=estate,
            name="Unit C",
            kind="business-unit",
            geometry=square(5.960, 51.933, 0.002),
        ),
        "1": area_location_add(
            actor=leader, area=rural, name="Schuur 1", kind="farm-shed", geometry=square(5.91, 51.905, 0.002)
        ),
        "2": area_location_add(
            actor=leader, area=rural, name="Schuur 2", kind="farm-shed", geometry=square(5.92, 51.91, 0.002)
        ),
    }
    police = Organisation.objects.get(name="Politie basisteam Rijk van Nijmegen-Noord")
    environment = environment_agency()
    case_type = stored_case_type("ondermijningsonderzoek", "Ondermijningsonderzoek", ["ondermijning"], 10)
    person = make_person(users["procesregisseur"], surname="Huurder", given_names="Henk")
    case = make_case(
        users["procesregisseur"],
        case_type,
        title="Unit A op Nieuwgraaf",
        person=person,
        subjects=[SubjectRef(role=SubjectRole.LOCATION, location=sites["A"].location)],
    )
    inspection = integral_inspection_plan(
        actor=leader,
        area=estate,
        planned_on=timezone.localdate() - timedelta(days=1),
        partners=[police, environment],
        size=3,
        random_share=0,
        rng=random.Random(1),
    )
    unit_a = inspection.sites.get(site=sites["A"])
    finding_record(
        actor=leader,
        inspection_site=unit_a,
        indicators=["ramen-afgeplakt", "licht-altijd-aan"],
        text="Ramen afgeplakt, licht brandt.",
        follow_up_needed=True,
    )
    location_risks_compute()
    return OndermijningWorld(users, estate, rural, sites, police, environment, inspection, case, person)


def today() -> date:
    return timezone.localdate()
