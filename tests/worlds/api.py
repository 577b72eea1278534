"""The API world, for the REST API tests (tests/api/, tests/access/): its factories and `build_world`.

Made through the real services (never bare model writes), with the shared factories of tests/worlds/cases.py;
only the case type is written directly (`stored_case_type`), without the administrator's log entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from regie.accounts import services as account_services
from regie.accounts.models import Organisation, User
from regie.cases.models import Case, CaseMember, CaseType, Document, Note, Task
from regie.cases.services.case import SubjectRef
from regie.cases.services.emergency import break_the_glass_start
from regie.cases.services.tasks import task_create
from regie.demo.accounts import seed_accounts
from regie.subjects.identity import generate_test_bsns
from regie.subjects.models import Address, Business, Location, Person
from regie.subjects.services import business_create, location_create
from tests.worlds.cases import (
    CASE_ROLES,
    NO_CASE_ROLES,
    PDF,
    add_document,
    add_member,
    add_note,
    make_address,
    make_case,
    make_person,
    stored_case_type,
)

__all__ = ["CASE_ROLES", "NO_CASE_ROLES", "PDF", "World", "build_world"]

ALL = ["general", "care", "justice"]
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64

_bsns = iter(generate_test_bsns(500, seed=31))


def next_bsn() -> str:
    """A fresh BSN that passes the 11-test."""
    return next(_bsns)


def case_type(code: str = "pga", categories: Sequence[str] = ALL, label: str = "") -> CaseType:
    return stored_case_type(code, label or code.upper(), categories, retention_years=5)


def address(number: int = 1, postcode: str = "6851AB") -> Address:
    return make_address(postcode, number, "Dorpsstraat", "Bemmel")


def person(
    surname: str = "Jansen",
    *,
    given_names: str = "Piet",
    bsn: str | None = "",
    birth_date: date | None = date(1980, 5, 17),
    home: Address | None = None,
) -> Person:
    return make_person(
        None,
        surname=surname,
        prefix="",
        given_names=given_names,
        bsn=next_bsn() if bsn == "" else bsn,
        birth_date=birth_date,
        with_address=False,
        address=home,
    )


def location(name: str = "Kavel 12", kind: str = "park-lot") -> Location:
    geometry = {"type": "Point", "coordinates": [6.0312, 51.9021]}
    return location_create(actor=None, kind=kind, name=name, geometry=geometry)


def business(name: str = "Loods BV", kvk: str = "12345678") -> Business:
    return business_create(actor=None, kvk_number=kvk, name=name)


def case(
    *,
    coordinator: User,
    actor: User | None = None,
    title: str = "Zorgen om bewoner",
    ct: CaseType | None = None,
    persons: Sequence[Person] = (),
    others: Sequence[Address | Location | Business] = (),
) -> Case:
    refs = [SubjectRef(role="betrokkene", person=p) for p in persons]
    for other in others:
        if isinstance(other, Address):
            refs.append(SubjectRef(role="locatie", address=other))
        elif isinstance(other, Location):
            refs.append(SubjectRef(role="locatie", location=other))
        else:
            refs.append(SubjectRef(role="eigenaar", business=other))
    return make_case(
        actor or coordinator, ct or case_type(), coordinator=coordinator, title=title, subjects=refs
    )


def member(
    the_case: Case, *, by: User, organisation: Organisation | None = None, **kwargs: Any
) -> CaseMember:
    """A member added by `by` as in `add_member`: an organisation as partner, a user as casusregisseur."""
    role = "partner" if organisation else "casusregisseur"
    return add_member(the_case, by, organisation=organisation, case_role=role, **kwargs)


def note(the_case: Case, *, by: User, category: str = "general", text: str = "Gesprek gevoerd.") -> Note:
    return add_note(the_case, by, category=category, text=text)


def document(the_case: Case, *, by: User, **kwargs: Any) -> Document:
    """A document uploaded by `by` (category, title, content, filename as in `add_document`)."""
    return add_document(the_case, by, **kwargs)


def task(the_case: Case, *, by: User, owner: User | None = None, **kwargs: Any) -> Task:
    return task_create(
        actor=by, case=the_case, title=kwargs.pop("title", "Huisbezoek"), owner=owner or by, **kwargs
    )


def break_the_glass(the_case: Case, *, user: User) -> None:
    break_the_glass_start(
        actor=user, case_id=the_case.pk, reason="Acute zorgen gemeld door de wijkagent, direct nodig."
    )


@dataclass
class World:
    """The API world: a second process director `regisseur2` coordinates case M ("member") and case H ("hidden");
    every case role is on M as a user (general), the no-case roles' organisations as partner (all categories)."""

    users: dict[str, User]
    coordinator: User
    member_case: Case
    hidden_case: Case
    member_person: Person
    hidden_person: Person
    member_location: Location
    hidden_location: Location
    member_business: Business
    hidden_business: Business
    notes: dict[tuple[str, str], Note]
    documents: dict[tuple[str, str], Document]
    tasks: dict[str, Task]

    def case(self, which: str) -> Case:
        return self.member_case if which == "member" else self.hidden_case


def build_world() -> World:
    """Case M has every case role on its team (general only) and the no-case roles' organisations; case H nobody.

    Both are coordinated by a second process director, so the named users are only ever members.
    """
    seed_accounts()
    users = {u.username: u for u in User.objects.select_related("organisation")}
    coordinator = account_services.user_create(
        actor=None,
        username="regisseur2",
        first_name="Noor",
        last_name="Visser",
        email="regisseur2@lingewaard.example",
        role="procesregisseur",
        organisation=users["procesregisseur"].organisation,
        phone="06 1234 5699",
    )
    member_person = person("Jansen", given_names="Piet", home=address(3))
    hidden_person = person("Bakker", given_names="Els", home=address(9, "6852CD"))
    locations = [location("Kavel 12"), location("Kavel 40")]
    businesses = [business("Loods Jansen BV", "12345678"), business("Schuur Bakker VOF", "87654321")]
    member_case = case(
        coordinator=coordinator,
        title="Zorgen om Piet",
        persons=[member_person],
        others=[locations[0], businesses[0]],
    )
    hidden_case = case(
        coordinator=coordinator,
        title="Zorgen om Els",
        persons=[hidden_person],
        others=[locations[1], businesses[1]],
    )
    for username in CASE_ROLES:
        member(member_case, by=coordinator, user=users[username], categories=["general"])
    for username in NO_CASE_ROLES:
        organisation = users[username].organisation
        assert isinstance(organisation, Organisation)
        # Memberships from before the participation rule (the service now refuses these organisations):
        # stored directly, so the matrix shows that such a membership still gives nobody a case.
        CaseMember.objects.create(
            case=member_case, organisation=organisation, case_role="partner", categories=list(ALL)
        )
    notes: dict[tuple[str, str], Note] = {}
    documents: dict[tuple[str, str], Document] = {}
    tasks: dict[str, Task] = {}
    for which, the_case in (("member", member_case), ("hidden", hidden_case)):
        notes[which, "general"] = note(the_case, by=coordinator, text="Overleg gepland met de buurt.")
        notes[which, "care"] = note(
            the_case, by=coordinator, category="care", text="Psychose, medicatie gestopt."
        )
        notes[which, "justice"] = note(
            the_case, by=coordinator, category="justice", text="Verdachte van inbraak, proces-verbaal."
        )
        documents[which, "general"] = document(the_case, by=coordinator, title="Rapport algemeen")
        documents[which, "care"] = document(
            the_case, by=coordinator, category="care", title="Medisch verslag", content=PNG
        )
        tasks[which] = task(the_case, by=coordinator, title="Huisbezoek plannen")
    return World(
        users=users,
        coordinator=coordinator,
        member_case=member_case,
        hidden_case=hidden_case,
        member_person=member_person,
        hidden_person=hidden_person,
        member_location=locations[0],
        hidden_location=locations[1],
        member_business=businesses[0],
        hidden_business=businesses[1],
        notes=notes,
        documents=documents,
        tasks=tasks,
    )
