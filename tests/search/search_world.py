"""Test data for the search and hit/no-hit pages, made through the real services (tests/cases/factories.py).

The process director's PGA case about Jan de Vries has every case role on its team: the police as organisation
(general notes), GGZ as user (general and care), the other municipal roles as users (general). A second case, of
the project leader and of another type, is about Els Bakker; nobody else is on it — for everyone but the project
leader it is hidden.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from regie.accounts.models import User
from regie.cases.models import Case
from regie.cases.services.case import SubjectRef, case_subject_add
from regie.subjects.models import Person
from regie.subjects.services import address_get_or_create, person_create
from tests.cases.factories import World, add_member, add_note, make_case, make_case_type, make_world

CASE_ROLES = ["procesregisseur", "projectleider", "handhaver", "jurist", "brp", "politie", "ggz"]
MUNICIPAL_ROLES = ["procesregisseur", "projectleider", "handhaver", "jurist", "brp"]
PARTNER_ROLES = ["politie", "ggz"]
NO_CASE_ROLES = ["analist", "beheerder", "privacy"]

ELS_BSN = "123456782"
ELS_BORN = dt.date(1980, 5, 17)
HIDDEN_TYPE_LABEL = "Woonfraude en ondermijning"
HIDDEN_TITLE = "Verhuur van de woning aan de Karstraat"


@dataclass
class SearchWorld:
    users: dict[str, User]
    world: World
    jan: Person  # in the director's case, which every case role is on
    els: Person  # only in the hidden case
    hidden: Case  # the project leader's case

    @property
    def case(self) -> Case:
        return self.world.case


def make_search_world(users: dict[str, User]) -> SearchWorld:
    world = make_world(users)
    director, leader = users["procesregisseur"], users["projectleider"]
    for username in ("projectleider", "handhaver", "jurist", "brp"):
        add_member(world.case, director, user=users[username], categories=["general"])
    home = address_get_or_create(
        actor=None, postcode="6851AR", house_number=9, street="Karstraat", city="Huissen"
    )
    els = person_create(
        actor=None, surname="Bakker", given_names="Els", bsn=ELS_BSN, birth_date=ELS_BORN, address=home
    )
    hidden_type = make_case_type(
        users["beheerder"], code="woonfraude", label=HIDDEN_TYPE_LABEL, categories=["general"]
    )
    hidden = make_case(leader, hidden_type, title=HIDDEN_TITLE, person=els)
    add_note(hidden, leader, text="Inbraaksporen en hennepgeur bij de achterdeur")
    return SearchWorld(users=users, world=world, jan=world.person, els=els, hidden=hidden)


def put_in_case(case: Case, person: Person, by: User) -> None:
    case_subject_add(actor=by, case=case, ref=SubjectRef(role="betrokkene", person=person))
