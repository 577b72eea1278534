"""The privacy world: the case world (Jan de Vries in a PGA case, tests/worlds/cases.py) read by three
organisations — the coordinator's department, the police partner and the GGZ — each with its purpose, and a
registered request of access by Jan, its identity checked by `privacy`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from regie.access.case_access import get_case_for
from regie.accounts.models import Role, User
from regie.accounts.services import user_create
from regie.cases.models import Case, CaseType, Document
from regie.cases.services.case import case_close
from regie.privacy.models import DataSubjectRequest
from regie.privacy.retention import retention_rule_set
from regie.privacy.services import data_subject_request_create
from regie.subjects.models import Person
from tests.worlds.cases import World, add_document, make_case, make_case_type, make_person, make_world

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


@dataclass
class DestructionWorld:
    """A handhaving case type with its retention rule (1.1.2, V, 10 years); case `old` about Kees Smit (no one
    else refers to him) closed eleven years ago with a document, case `recent` closed two years ago; `archivist`
    a second privacy officer (Iris Jacobs) who approves what `privacy` reviewed."""

    case_type: CaseType
    old: Case
    recent: Case
    person: Person
    document: Document
    archivist: User


def close_at(actor: User, case: Case, moment: datetime) -> Case:
    """Close the case through the service, then move its closure back to `moment` (time passing)."""
    case_close(actor=actor, case=case, version=None, reason="Afgerond")
    Case.objects.filter(pk=case.pk).update(closed_at=moment)
    case.refresh_from_db()
    return case


def make_destruction_world(users: dict[str, User]) -> DestructionWorld:
    director = users["procesregisseur"]
    case_type = make_case_type(users["beheerder"], code="handhaving-test", label="Handhaving (test)")
    retention_rule_set(
        actor=users["privacy"],
        case_type=case_type,
        category_code="1.1.2",
        category_label="Handhaving",
        valuation="V",
        term_years=10,
    )
    person = make_person(director, surname="Smit", prefix="", given_names="Kees", bsn="123456782")
    now = timezone.now()
    old = make_case(director, case_type, person=person, title="Handhaving Smit")
    document = add_document(old, director, title="Rapport Smit")
    close_at(director, old, now - timedelta(days=365 * 11))
    recent = make_case(director, case_type, title="Handhaving recent")
    close_at(director, recent, now - timedelta(days=365 * 2))
    archivist = User.objects.filter(username="archivaris-test").first() or user_create(
        actor=None,
        username="archivaris-test",
        first_name="Iris",
        last_name="Jacobs",
        email="archivaris-test@lingewaard.example",
        role=Role.ARCHIVIST,
        organisation=users["privacy"].organisation,
        password="Zomer-Kastanje-8317",
    )
    return DestructionWorld(case_type, old, recent, person, document, archivist)
