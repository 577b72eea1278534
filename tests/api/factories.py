"""Test data for the case and subject API, made through the real services (never bare model writes).

Only case types are written directly: they are policy data edited by the functional administrator and have
no service of their own yet.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from regie.access.case_access import CaseAccess, access_to
from regie.accounts.models import Organisation, User
from regie.cases.models import Case, CaseMember, CaseType, Document, Note, Task
from regie.cases.services.case import SubjectRef, case_create
from regie.cases.services.documents import document_upload
from regie.cases.services.emergency import break_the_glass_start
from regie.cases.services.notes import note_create
from regie.cases.services.tasks import task_create
from regie.cases.services.team import case_member_add
from regie.subjects.identity import generate_test_bsns
from regie.subjects.models import Address, Business, Location, Person
from regie.subjects.services import address_get_or_create, business_create, location_create, person_create

ALL = ["general", "care", "justice"]
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64

_bsns = iter(generate_test_bsns(500, seed=31))


def next_bsn() -> str:
    """A fresh BSN that passes the 11-test."""
    return next(_bsns)


def case_type(code: str = "pga", categories: Sequence[str] = ALL, label: str = "") -> CaseType:
    ct, _ = CaseType.objects.get_or_create(
        code=code,
        defaults={
            "label": label or code.upper(),
            "default_categories": list(categories),
            "retention_years": 5,
        },
    )
    return ct


def address(number: int = 1, postcode: str = "6851AB") -> Address:
    return address_get_or_create(
        actor=None, postcode=postcode, house_number=number, street="Dorpsstraat", city="Bemmel"
    )


def person(
    surname: str = "Jansen",
    *,
    given_names: str = "Piet",
    bsn: str | None = "",
    birth_date: date | None = date(1980, 5, 17),
    home: Address | None = None,
) -> Person:
    return person_create(
        actor=None,
        surname=surname,
        given_names=given_names,
        bsn=next_bsn() if bsn == "" else bsn,
        birth_date=birth_date,
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
    assert coordinator.organisation is not None
    return case_create(
        actor=actor or coordinator,
        case_type=ct or case_type(),
        title=title,
        coordinator=coordinator,
        municipality=coordinator.organisation.municipality,
        subjects=refs,
    )


def member(
    the_case: Case,
    *,
    by: User,
    user: User | None = None,
    organisation: Organisation | None = None,
    categories: Sequence[str] = ("general",),
    can_edit: bool = True,
) -> CaseMember:
    return case_member_add(
        actor=by,
        case=the_case,
        case_role="partner" if organisation else "casusregisseur",
        categories=categories,
        user=user,
        organisation=organisation,
        can_edit=can_edit,
    )


def access(user: User, the_case: Case) -> CaseAccess:
    return access_to(user, Case.objects.select_related("case_type").get(pk=the_case.pk))


def note(the_case: Case, *, by: User, category: str = "general", text: str = "Gesprek gevoerd.") -> Note:
    return note_create(actor=by, access=access(by, the_case), category=category, text=text)


def document(
    the_case: Case,
    *,
    by: User,
    category: str = "general",
    title: str = "Rapport",
    content: bytes = PDF,
    filename: str = "rapport.pdf",
) -> Document:
    return document_upload(
        actor=by,
        access=access(by, the_case),
        category=category,
        title=title,
        document_type="rapport van bevindingen",
        filename=filename,
        content=io.BytesIO(content),
    )


def task(the_case: Case, *, by: User, owner: User | None = None, **kwargs: Any) -> Task:
    return task_create(
        actor=by, case=the_case, title=kwargs.pop("title", "Huisbezoek"), owner=owner or by, **kwargs
    )


def break_the_glass(the_case: Case, *, user: User) -> None:
    break_the_glass_start(
        actor=user, case_id=the_case.pk, reason="Acute zorgen gemeld door de wijkagent, direct nodig."
    )
