"""Shapes and shared constants of the fictional demo data (see case_data.py)."""

from __future__ import annotations

from datetime import date
from typing import NotRequired, TypedDict

MUNICIPALITY_CODE = "1705"  # Gemeente Lingewaard, as created by regie.demo.accounts
BSN_SEED = 1705  # generate_test_bsns(n, BSN_SEED): the same fictional BSNs on every machine
CASE_TYPE_ACTOR = "beheerder"  # the functional administrator keeps case types

POLITIE = "Politie basisteam Rijk van Nijmegen-Noord"
GGZ = "GGZ Rivierenland Oost"
OM = "Openbaar Ministerie Oost-Nederland"
RECLASSERING = "Reclassering regio Arnhem"
VEILIG_THUIS = "Veilig Thuis Gelderland-Midden"
WOONSTICHTING = "Woonstichting Lingestroom"
PROVINCIE = "Provincie Gelderland, team VTH"
WIJKTEAM = "Sociaal Wijkteam Lingewaard"
SLACHTOFFERHULP = "Slachtofferhulp Nederland"
JEUGDBESCHERMING = "Jeugdbescherming Gelderland"

GENERAL, CARE, JUSTICE = "general", "care", "justice"


class CaseTypeData(TypedDict):
    code: str
    label: str
    categories: list[str]
    retention_years: int


class AddressData(TypedDict):
    street: str
    number: int
    postcode: str
    city: str
    letter: NotRequired[str]
    addition: NotRequired[str]


class PersonData(TypedDict):
    given_names: str
    surname: str
    birth_date: date
    prefix: NotRequired[str]
    address: NotRequired[str]  # key in ADDRESSES
    bsn: NotRequired[bool]  # False: BSN not (yet) known; default True
    phone: NotRequired[str]


class LocationData(TypedDict):
    kind: str
    name: str
    description: str
    address: NotRequired[str]
    centre: NotRequired[tuple[float, float]]  # park lot: a small polygon around (lon, lat) is drawn
    point: NotRequired[tuple[float, float]]
    polygon: NotRequired[list[tuple[float, float]]]


class BusinessData(TypedDict):
    kvk: str
    name: str
    branch: str
    address: str


class MemberData(TypedDict):
    role: str
    categories: list[str]
    user: NotRequired[str]
    organisation: NotRequired[str]
    can_edit: NotRequired[bool]


class TaskData(TypedDict):
    title: str
    owner: str
    working_days: NotRequired[int]
    period: NotRequired[str]  # ISO 8601 duration after today
    done: NotRequired[bool]


class NoteData(TypedDict):
    author: str
    category: str
    text: str


class DocumentData(TypedDict):
    author: str
    category: str
    title: str
    document_type: str
    filename: str
    lines: list[str]  # the text printed in the generated PDF, or the caption of a generated PNG


class CaseData(TypedDict):
    type: str
    title: str
    coordinator: str
    priority: str
    status: str
    subjects: list[tuple[str, str, str]]  # (role, "person"|"address"|"location"|"business", key)
    members: list[MemberData]
    tasks: list[TaskData]
    notes: list[NoteData]
    documents: NotRequired[list[DocumentData]]
    closed_reason: NotRequired[str]


class LinkData(TypedDict):
    actor: str
    case: str
    other: str
    reason: str


class BreakTheGlassData(TypedDict):
    user: str
    case: str
    reason: str
