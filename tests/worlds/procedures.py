"""The procedures world, for the procedure tests: the three case types, cases with residents and an owner, teams.

Made through the case services with the shared factories of tests/worlds/cases.py; the case types are written as
is (`stored_case_type`). The tests pin "today" (Monday 2 March 2026) with time-machine before building it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from regie.accounts.models import User
from regie.cases.models import Case
from regie.cases.services.case import SubjectRef
from tests.worlds.cases import add_member, make_address, make_case, make_person, stored_case_type

TODAY = date(2026, 3, 2)  # a Monday


@dataclass
class World:
    """The procedures world: `projectleider` coordinates the permanent-residence case on Marsweg 14 (resident
    Peter Jansen, owner Marieke de Vos) with `handhaver` and `jurist` (general); `jurist` coordinates the 13b
    Opiumwet case on Karstraat 9 (Ronald Bakker) with `handhaver` (general, justice) and `projectleider`
    (general); `brp` coordinates the address investigation of Marsweg 14 about Peter Jansen, alone."""

    users: dict[str, User]
    pr_case: Case
    o13b_case: Case
    brp_case: Case
    resident: Any
    owner: Any
    park_address: Any


def make_procedures_world(users: dict[str, User]) -> World:
    leader, lawyer = users["projectleider"], users["jurist"]
    park = make_address("6988BX", 14, "Marsweg", "Lathum")
    home = make_address("6851AR", 9, "Karstraat", "Huissen")
    resident = make_person(None, surname="Jansen", prefix="", given_names="Peter", bsn=None, address=park)
    owner = make_person(None, surname="Vos", prefix="de", given_names="Marieke", bsn=None, address=home)
    pr_case = make_case(
        leader,
        stored_case_type(
            "handhaving-permanente-bewoning",
            "Handhaving permanente bewoning",
            ["general"],
            retention_years=10,
        ),
        title="Permanente bewoning Marsweg 14",
        subjects=[
            SubjectRef(role="locatie", address=park),
            SubjectRef(role="bewoner", person=resident),
            SubjectRef(role="eigenaar", person=owner),
        ],
    )
    for name in ("handhaver", "jurist"):
        add_member(pr_case, leader, user=users[name], categories=["general"], case_role=name)
    dealer = make_person(None, surname="Bakker", prefix="", given_names="Ronald", bsn=None, address=home)
    o13b_case = make_case(
        lawyer,
        stored_case_type("opiumwet-13b", "Sluiting 13b Opiumwet", ["general", "justice"], retention_years=10),
        title="Drugshandel Karstraat 9",
        subjects=[SubjectRef(role="locatie", address=home), SubjectRef(role="bewoner", person=dealer)],
    )
    add_member(
        o13b_case, lawyer, user=users["handhaver"], categories=["general", "justice"], case_role="handhaver"
    )
    add_member(o13b_case, lawyer, user=leader, categories=["general"], case_role="projectleider")
    brp_case = make_case(
        users["brp"],
        stored_case_type("brp-adresonderzoek", "Adresonderzoek BRP", ["general"], retention_years=10),
        title="Adresonderzoek Marsweg 14",
        subjects=[SubjectRef(role="betrokkene", person=resident), SubjectRef(role="locatie", address=park)],
    )
    return World(users, pr_case, o13b_case, brp_case, resident, owner, park)
