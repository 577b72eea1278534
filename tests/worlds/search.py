"""The search world, for the search and hit/no-hit pages: the case world (tests/worlds/cases.py) and more.

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
from tests.worlds.cases import (
    CASE_ROLES,
    NO_CASE_ROLES,
    World,
    add_member,
    add_note,
    make_address,
    make_case,
    make_case_type,
    make_person,
    make_world,
)

MUNICIPAL_ROLES = ["procesregisseur", "projectleider", "handhaver", "jurist", "brp"]
PARTNER_ROLES = ["politie", "ggz"]

ELS_BSN = "123456782"
ELS_BORN = dt.date(1980, 5, 17)
HIDDEN_TYPE_LABEL = "Woonfraude en ondermijning"
HIDDEN_TITLE = "Verhuur van de woning aan de Karstraat"


__all__ = ["CASE_ROLES", "NO_CASE_ROLES", "SearchWorld", "make_search_world", "put_in_case"]


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
    home = make_address("6851AR", 9, "Karstraat", "Huissen")
    els = make_person(
        None, surname="Bakker", prefix="", given_names="Els", bsn=ELS_BSN, birth_date=ELS_BORN, address=home
    )
    hidden_type = make_case_type(
        users["beheerder"], code="woonfraude", label=HIDDEN_TYPE_LABEL, categories=["general"]
    )
    hidden = make_case(leader, hidden_type, title=HIDDEN_TITLE, person=els)
    add_note(hidden, leader, text="Inbraaksporen en hennepgeur bij de achterdeur")
    return SearchWorld(users=users, world=world, jan=world.person, els=els, hidden=hidden)


def put_in_case(case: Case, person: Person, by: User) -> None:
    case_subject_add(actor=by, case=case, ref=SubjectRef(role="betrokkene", person=person))
