"""The shared factories of every world, and the case world (see tests/worlds/__init__.py for the index).

Everything is made through the real services (no hand-built rows), except `stored_case_type`: case types are
policy data, and the worlds that only need one to exist write it without the administrator's log entry.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from regie.access.case_access import access_to
from regie.accounts.models import Organisation, User
from regie.cases.models import Case, CaseMember, CaseType, Document, Note
from regie.cases.services.case import SubjectRef, case_create
from regie.cases.services.case_types import case_type_create
from regie.cases.services.documents import document_upload
from regie.cases.services.notes import note_create
from regie.cases.services.team import case_member_add
from regie.subjects.models import Address, Person
from regie.subjects.services import address_get_or_create, person_create

# The demo accounts (tests/conftest.py `users`) that can be on a case's team, and those that cannot.
CASE_ROLES = ["procesregisseur", "projectleider", "handhaver", "jurist", "brp", "politie", "ggz"]
NO_CASE_ROLES = ["analist", "beheerder", "privacy"]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200


def make_case_type(
    admin: User,
    *,
    code: str = "pga",
    label: str = "Persoonsgerichte aanpak",
    categories: Sequence[str] = ("general", "care"),
    retention_years: int = 5,
) -> CaseType:
    existing = CaseType.objects.filter(code=code).first()
    if existing:
        return existing
    return case_type_create(
        actor=admin, code=code, label=label, default_categories=categories, retention_years=retention_years
    )


def stored_case_type(code: str, label: str, categories: Sequence[str], retention_years: int) -> CaseType:
    """The case type with this code, written as is when missing (no administrator, no log entry)."""
    case_type, _ = CaseType.objects.get_or_create(
        code=code,
        defaults={"label": label, "default_categories": list(categories), "retention_years": retention_years},
    )
    return case_type


def make_address(
    postcode: str, house_number: int, street: str, city: str, actor: User | None = None
) -> Address:
    return address_get_or_create(
        actor=actor, postcode=postcode, house_number=house_number, street=street, city=city
    )


def make_person(
    actor: User | None,
    *,
    surname: str = "Vries",
    prefix: str = "de",
    given_names: str = "Jan",
    bsn: str | None = "111222333",
    birth_date: date | None = None,
    with_address: bool = True,
    address: Address | None = None,
) -> Person:
    """Jan de Vries of Dorpsstraat 12 unless told otherwise; `address` replaces that home."""
    if address is None and with_address:
        address = make_address("6851AB", 12, "Dorpsstraat", "Huissen", actor=actor)
    return person_create(
        actor=actor,
        surname=surname,
        prefix=prefix,
        given_names=given_names,
        bsn=bsn,
        birth_date=birth_date,
        address=address,
    )


def make_case(
    actor: User,
    case_type: CaseType,
    *,
    coordinator: User | None = None,
    title: str = "Zorgen rond een inwoner",
    priority: str = "normaal",
    person: Person | None = None,
    role: str = "betrokkene",
    subjects: Sequence[SubjectRef] = (),
) -> Case:
    """A case in the actor's municipality about `person` (as `role`) and then `subjects`."""
    assert actor.organisation is not None
    return case_create(
        actor=actor,
        case_type=case_type,
        title=title,
        coordinator=coordinator or actor,
        municipality=actor.organisation.municipality,
        priority=priority,
        subjects=[*([SubjectRef(role=role, person=person)] if person else []), *subjects],
    )


def add_member(
    case: Case,
    actor: User,
    *,
    user: User | None = None,
    organisation: Organisation | None = None,
    categories: Sequence[str] = ("general",),
    can_edit: bool = True,
    case_role: str = "ketenpartner",
) -> CaseMember:
    return case_member_add(
        actor=actor,
        case=case,
        case_role=case_role,
        categories=categories,
        user=user,
        organisation=organisation,
        can_edit=can_edit,
    )


def add_note(case: Case, author: User, *, category: str = "general", text: str = "Een notitie") -> Note:
    return note_create(actor=author, access=access_to(author, case), category=category, text=text)


def add_document(
    case: Case,
    author: User,
    *,
    category: str = "general",
    title: str = "Rapport",
    content: bytes = PDF,
    filename: str = "rapport.pdf",
) -> Document:
    return document_upload(
        actor=author,
        access=access_to(author, case),
        category=category,
        title=title,
        document_type="rapport van bevindingen",
        filename=filename,
        content=io.BytesIO(content),
    )


@dataclass
class World:
    """The case world: one PGA case about Jan de Vries, coordinated by `procesregisseur`; on its team the police
    (`politie`'s organisation, general) and `ggz` (as user, general and care); one note per category."""

    case_type: CaseType
    case: Case
    person: Person
    police: CaseMember
    ggz: CaseMember
    notes: dict[str, Note]


def make_world(users: dict[str, User]) -> World:
    director = users["procesregisseur"]
    case_type = make_case_type(users["beheerder"])
    person = make_person(director)
    case = make_case(director, case_type, person=person, title="Zorgen rond Jan")
    assert users["politie"].organisation is not None
    police = add_member(case, director, organisation=users["politie"].organisation, categories=["general"])
    ggz = add_member(
        case, director, user=users["ggz"], categories=["general", "care"], case_role="behandelaar"
    )
    notes = {
        "general": add_note(case, director, category="general", text="Algemene afspraak over huisbezoek"),
        "care": add_note(case, director, category="care", text="Zorgnotitie over de GGZ-behandeling"),
        "justice": add_note(case, director, category="justice", text="Justitienotitie over de strafzaak"),
    }
    case.refresh_from_db()
    return World(case_type=case_type, case=case, person=person, police=police, ggz=ggz, notes=notes)
