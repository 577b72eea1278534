"""The privacy world: the case world (Jan de Vries in a PGA case, tests/worlds/cases.py) read by three
organisations — the coordinator's department, the police partner and the GGZ — each with its purpose, and a
registered request of access by Jan, its identity checked by `privacy`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from regie.access.case_access import get_case_for
from regie.accounts.models import User
from regie.privacy.models import DataSubjectRequest
from regie.privacy.services import data_subject_request_create
from tests.worlds.cases import World, make_world

PURPOSES = {
    "procesregisseur": "Voorbereiden van het casusoverleg",
    "politie": "Afstemmen van de aanpak met de wijkagent",
    "ggz": "Behandelplan afstemmen",
}


@dataclass
class PrivacyWorld:
    cases: World
    request: DataSubjectRequest


def make_privacy_world(users: dict[str, User]) -> PrivacyWorld:
    world = make_world(users)
    for name, purpose in PURPOSES.items():
        get_case_for(users[name], world.case.pk, purpose=purpose)
    request = data_subject_request_create(
        actor=users["privacy"],
        person=world.person,
        received_on=date.today(),
        identity_check="Paspoort gezien aan de balie",
    )
    return PrivacyWorld(world, request)
