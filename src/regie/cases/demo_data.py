"""The demo municipality's fictional cases, as plain data (read by `regie.cases.demo.seed_cases`).

Everything here is invented: persons, BSNs (generated test numbers that pass the 11-test), KvK numbers, events and
notes. Street names and postcodes look like Lingewaard's so the demo feels familiar; no real person is meant.
References between entries use the short keys of this module (address, person, location, business and case keys);
users are the demo usernames from `regie.accounts.demo`, organisations their names there.
"""

from __future__ import annotations

from datetime import date
from typing import NotRequired, TypedDict

MUNICIPALITY_CODE = "1705"  # Gemeente Lingewaard, as created by regie.accounts.demo
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


# --- Case types (demo defaults; the functional administrator edits them) ---------------------------------------

CASE_TYPES: list[CaseTypeData] = [
    {
        "code": "zorg-en-veiligheidscasus",
        "label": "Zorg- en veiligheidscasus",
        "categories": [GENERAL, CARE],
        "retention_years": 5,
    },
    {
        "code": "pga-casus",
        "label": "Persoonsgerichte aanpak (PGA)",
        "categories": [GENERAL, CARE, JUSTICE],
        "retention_years": 5,
    },
    {
        "code": "handhaving-permanente-bewoning",
        "label": "Handhaving permanente bewoning recreatiewoning",
        "categories": [GENERAL],
        "retention_years": 10,
    },
    {
        "code": "opiumwet-13b",
        "label": "Sluiting artikel 13b Opiumwet",
        "categories": [GENERAL, JUSTICE],
        "retention_years": 10,
    },
    {
        "code": "brp-adresonderzoek",
        "label": "BRP-adresonderzoek",
        "categories": [GENERAL],
        "retention_years": 5,
    },
    {
        "code": "ondermijningsonderzoek",
        "label": "Ondermijningsonderzoek",
        "categories": [GENERAL, JUSTICE],
        "retention_years": 5,
    },
    {
        "code": "nazorg-digitaal-slachtoffer",
        "label": "Nazorg slachtoffer digitale criminaliteit",
        "categories": [GENERAL, CARE],
        "retention_years": 2,
    },
]

# --- Addresses --------------------------------------------------------------------------------------------------

PARK_CITY = "Lathum"  # Recreatiepark Rhederlaagse Meren, Marsweg

ADDRESSES: dict[str, AddressData] = {
    "kerkstraat-17-bemmel": {"street": "Kerkstraat", "number": 17, "postcode": "6681BV", "city": "Bemmel"},
    "kerkstraat-19-bemmel": {"street": "Kerkstraat", "number": 19, "postcode": "6681BV", "city": "Bemmel"},
    "zilverkamp-104-huissen": {
        "street": "Zilverkamp",
        "number": 104,
        "postcode": "6852ER",
        "city": "Huissen",
    },
    "julianastraat-6-gendt": {"street": "Julianastraat", "number": 6, "postcode": "6691BK", "city": "Gendt"},
    "dorpsstraat-23-ressen": {"street": "Dorpsstraat", "number": 23, "postcode": "6683AG", "city": "Ressen"},
    "dorpsstraat-25-ressen": {"street": "Dorpsstraat", "number": 25, "postcode": "6683AG", "city": "Ressen"},
    "karstraat-9-huissen": {"street": "Karstraat", "number": 9, "postcode": "6851AR", "city": "Huissen"},
    "julianastraat-31-bemmel": {
        "street": "Julianastraat",
        "number": 31,
        "postcode": "6681CE",
        "city": "Bemmel",
    },
    "kerkstraat-4-doornenburg": {
        "street": "Kerkstraat",
        "number": 4,
        "postcode": "6686AB",
        "city": "Doornenburg",
    },
    "langestraat-88-huissen": {
        "street": "Langestraat",
        "number": 88,
        "postcode": "6851AP",
        "city": "Huissen",
    },
    "langestraat-121-huissen": {
        "street": "Langestraat",
        "number": 121,
        "letter": "A",
        "postcode": "6851AS",
        "city": "Huissen",
    },
    "rijndijk-41-huissen": {"street": "Rijndijk", "number": 41, "postcode": "6851HM", "city": "Huissen"},
    "rijndijk-112-angeren": {"street": "Rijndijk", "number": 112, "postcode": "6687LD", "city": "Angeren"},
    "waaldijk-88-gendt": {"street": "Waaldijk", "number": 88, "postcode": "6691MC", "city": "Gendt"},
    "julianastraat-14-bemmel": {
        "street": "Julianastraat",
        "number": 14,
        "postcode": "6681CB",
        "city": "Bemmel",
    },
    "dorpsstraat-8-haalderen": {
        "street": "Dorpsstraat",
        "number": 8,
        "postcode": "6684AV",
        "city": "Haalderen",
    },
    "tuinbouwweg-14-bergerden": {
        "street": "Tuinbouwweg",
        "number": 14,
        "addition": "4",
        "postcode": "6687MT",
        "city": "Angeren",
    },
    "marsweg-1": {"street": "Marsweg", "number": 1, "postcode": "6988BX", "city": PARK_CITY},
    "marsweg-14": {"street": "Marsweg", "number": 14, "postcode": "6988BX", "city": PARK_CITY},
    "marsweg-27": {"street": "Marsweg", "number": 27, "postcode": "6988BX", "city": PARK_CITY},
    "marsweg-52": {"street": "Marsweg", "number": 52, "postcode": "6988BZ", "city": PARK_CITY},
    "marsweg-63": {"street": "Marsweg", "number": 63, "postcode": "6988BZ", "city": PARK_CITY},
}

# --- Persons (order matters: the n-th person with a BSN gets the n-th generated test BSN) ----------------------

PERSONS: dict[str, PersonData] = {
    "dennis-hermsen": {
        "given_names": "Dennis",
        "surname": "Hermsen",
        "birth_date": date(1987, 6, 2),
        "address": "kerkstraat-17-bemmel",
    },
    "joke-willems": {
        "given_names": "Johanna Maria",
        "surname": "Willems",
        "birth_date": date(1956, 11, 23),
        "address": "kerkstraat-19-bemmel",
        "phone": "06 9100 0001",
    },
    "wilhelmina-ter-horst": {
        "given_names": "Wilhelmina Geertruida",
        "prefix": "ter",
        "surname": "Horst",
        "birth_date": date(1947, 2, 9),
        "address": "zilverkamp-104-huissen",
    },
    "kevin-de-graaf": {
        "given_names": "Kevin",
        "prefix": "de",
        "surname": "Graaf",
        "birth_date": date(1991, 8, 30),
        "address": "julianastraat-6-gendt",
    },
    "melissa-janssen": {
        "given_names": "Melissa",
        "surname": "Janssen",
        "birth_date": date(1993, 1, 15),
        "address": "julianastraat-6-gendt",
    },
    "jayden-de-graaf": {
        "given_names": "Jayden",
        "prefix": "de",
        "surname": "Graaf",
        "birth_date": date(2015, 5, 4),
        "address": "julianastraat-6-gendt",
    },
    "arjan-gerritsen": {
        "given_names": "Arjan",
        "surname": "Gerritsen",
        "birth_date": date(1972, 4, 18),
        "address": "dorpsstraat-23-ressen",
    },
    "ingrid-van-aken": {
        "given_names": "Ingrid",
        "prefix": "van",
        "surname": "Aken",
        "birth_date": date(1968, 9, 7),
        "address": "dorpsstraat-25-ressen",
    },
    "naima-el-haddaoui": {
        "given_names": "Naima",
        "surname": "El Haddaoui",
        "birth_date": date(1974, 3, 22),
        "address": "karstraat-9-huissen",
    },
    "bilal-ouali": {
        "given_names": "Bilal",
        "surname": "Ouali",
        "birth_date": date(2007, 3, 11),
        "address": "karstraat-9-huissen",
    },
    "ilias-ouali": {
        "given_names": "Ilias",
        "surname": "Ouali",
        "birth_date": date(2014, 2, 19),
        "address": "karstraat-9-huissen",
    },
    "danny-verbeek": {
        "given_names": "Danny",
        "surname": "Verbeek",
        "birth_date": date(1985, 10, 3),
    },
    "rob-thijssen": {
        "given_names": "Robertus",
        "surname": "Thijssen",
        "birth_date": date(1979, 5, 27),
        "address": "kerkstraat-4-doornenburg",
    },
    "tomasz-nowak": {
        "given_names": "Tomasz",
        "surname": "Nowak",
        "birth_date": date(1986, 2, 17),
        "address": "langestraat-88-huissen",
    },
    "agnieszka-nowak": {
        "given_names": "Agnieszka",
        "surname": "Nowak",
        "birth_date": date(1988, 10, 5),
        "address": "langestraat-88-huissen",
    },
    "henk-bouwman": {
        "given_names": "Hendrik Jan",
        "surname": "Bouwman",
        "birth_date": date(1952, 7, 1),
        "address": "marsweg-27",
    },
    "ricardo-pinas": {
        "given_names": "Ricardo",
        "surname": "Pinas",
        "birth_date": date(1976, 12, 12),
        "address": "marsweg-52",
    },
    "sharon-wijngaarde": {
        "given_names": "Sharon",
        "surname": "Wijngaarde",
        "birth_date": date(1980, 4, 9),
        "address": "marsweg-52",
    },
    "gerrit-van-der-meer": {
        "given_names": "Gerrit",
        "prefix": "van der",
        "surname": "Meer",
        "birth_date": date(1960, 1, 28),
        "address": "rijndijk-41-huissen",
    },
    "piotr-kowalski": {
        "given_names": "Piotr",
        "surname": "Kowalski",
        "birth_date": date(1990, 6, 14),
        "address": "langestraat-88-huissen",
    },
    "marek-wisniewski": {
        "given_names": "Marek",
        "surname": "Wiśniewski",
        "birth_date": date(1994, 9, 21),
        "address": "langestraat-88-huissen",
    },
    "andrei-popescu": {
        "given_names": "Andrei",
        "surname": "Popescu",
        "birth_date": date(1992, 3, 3),
        "address": "langestraat-88-huissen",
    },
    "priscilla-kromodimedjo": {
        "given_names": "Priscilla",
        "surname": "Kromodimedjo",
        "birth_date": date(1983, 8, 8),
        "address": "rijndijk-112-angeren",
    },
    "ramon-de-bruijn": {
        "given_names": "Ramon",
        "prefix": "de",
        "surname": "Bruijn",
        "birth_date": date(1982, 11, 30),
        "address": "dorpsstraat-8-haalderen",
    },
    "emre-yildiz": {
        "given_names": "Emre",
        "surname": "Yıldız",
        "birth_date": date(1995, 5, 19),
        "bsn": False,
    },
    "theo-arts": {
        "given_names": "Theodorus Wilhelmus",
        "surname": "Arts",
        "birth_date": date(1955, 3, 3),
        "address": "waaldijk-88-gendt",
    },
    "marco-van-den-heuvel": {
        "given_names": "Marco",
        "prefix": "van den",
        "surname": "Heuvel",
        "birth_date": date(1981, 2, 2),
        "bsn": False,
    },
    "corrie-van-den-broek": {
        "given_names": "Cornelia",
        "prefix": "van den",
        "surname": "Broek",
        "birth_date": date(1941, 10, 10),
        "address": "julianastraat-14-bemmel",
    },
    "monique-van-den-broek": {
        "given_names": "Monique",
        "prefix": "van den",
        "surname": "Broek",
        "birth_date": date(1969, 6, 25),
        "phone": "06 9100 0002",
    },
    "erik-wolters": {
        "given_names": "Erik",
        "surname": "Wolters",
        "birth_date": date(1970, 7, 7),
        "address": "rijndijk-41-huissen",
    },
    "stefan-van-dijk": {
        "given_names": "Stefan",
        "prefix": "van",
        "surname": "Dijk",
        "birth_date": date(1984, 4, 4),
        "address": "rijndijk-112-angeren",
    },
}

# --- Locations ---------------------------------------------------------------------------------------------------

LOCATIONS: dict[str, LocationData] = {
    "park": {
        "kind": "area",
        "name": "Recreatiepark Rhederlaagse Meren",
        "description": "Recreatiepark aan de Marsweg met ongeveer 214 kavels; aanpak permanente bewoning met de "
        "provincie.",
        "address": "marsweg-1",
        "polygon": [
            (6.0270, 51.9785),
            (6.0340, 51.9785),
            (6.0345, 51.9825),
            (6.0275, 51.9830),
            (6.0270, 51.9785),
        ],
    },
    "kavel-14": {
        "kind": "park-lot",
        "name": "Rhederlaagse Meren, kavel 14",
        "description": "Chalet met aanbouw, twee parkeerplaatsen.",
        "address": "marsweg-14",
        "centre": (6.0288, 51.9797),
    },
    "kavel-27": {
        "kind": "park-lot",
        "name": "Rhederlaagse Meren, kavel 27",
        "description": "Recreatiewoning (1998), eigendom van de bewoner.",
        "address": "marsweg-27",
        "centre": (6.0299, 51.9803),
    },
    "kavel-52": {
        "kind": "park-lot",
        "name": "Rhederlaagse Meren, kavel 52",
        "description": "Stacaravan met houten veranda, verhuurd via de parkbeheerder.",
        "address": "marsweg-52",
        "centre": (6.0312, 51.9811),
    },
    "kavel-63": {
        "kind": "park-lot",
        "name": "Rhederlaagse Meren, kavel 63",
        "description": "Chalet aan het water.",
        "address": "marsweg-63",
        "centre": (6.0323, 51.9817),
    },
    "unit-bergerden": {
        "kind": "business-unit",
        "name": "Bedrijfsunit 4, Tuinbouwweg 14 (Bergerden)",
        "description": "Unit van 400 m² in een verzamelgebouw op het glastuinbouwgebied Bergerden.",
        "address": "tuinbouwweg-14-bergerden",
        "point": (5.9642, 51.9236),
    },
    "schuur-waaldijk": {
        "kind": "farm-shed",
        "name": "Schuur achter Waaldijk 88, Gendt",
        "description": "Voormalige varkensstal in het buitengebied, sinds kort verhuurd als opslag.",
        "address": "waaldijk-88-gendt",
        "point": (5.9781, 51.8712),
    },
}

# --- Businesses (fictional KvK numbers) --------------------------------------------------------------------------

BUSINESSES: dict[str, BusinessData] = {
    "rhederlaag-beheer": {
        "kvk": "90417326",
        "name": "Rhederlaag Recreatie Beheer B.V.",
        "branch": "Verhuur en exploitatie van recreatiewoningen",
        "address": "marsweg-1",
    },
    "groenkas": {
        "kvk": "93058214",
        "name": "Groenkas Bergerden B.V.",
        "branch": "Groothandel in tuinbouwbenodigdheden",
        "address": "tuinbouwweg-14-bergerden",
    },
    "wolters-installatie": {
        "kvk": "81736450",
        "name": "Installatiebedrijf Wolters",
        "branch": "Installatie van verwarming en sanitair",
        "address": "langestraat-121-huissen",
    },
}

# --- Cases -------------------------------------------------------------------------------------------------------

CASES: dict[str, CaseData] = {
    # Zorg en veiligheid -----------------------------------------------------------------------------------------
    "zv-kerkstraat": {
        "type": "zorg-en-veiligheidscasus",
        "title": "Verward gedrag en overlast, Kerkstraat Bemmel",
        "coordinator": "procesregisseur",
        "priority": "hoog",
        "status": "in-behandeling",
        "subjects": [
            ("betrokkene", "person", "dennis-hermsen"),
            ("melder", "person", "joke-willems"),
            ("locatie", "address", "kerkstraat-17-bemmel"),
        ],
        "members": [
            {"organisation": GGZ, "role": "behandelaar GGZ", "categories": [GENERAL, CARE]},
            {"user": "politie", "role": "wijkagent", "categories": [GENERAL, JUSTICE]},
            {"organisation": WIJKTEAM, "role": "wijkteam", "categories": [GENERAL, CARE]},
            {"organisation": WOONSTICHTING, "role": "verhuurder", "categories": [GENERAL], "can_edit": False},
        ],
        "tasks": [
            {
                "title": "Casusoverleg plannen met GGZ, wijkagent en wijkteam",
                "owner": "procesregisseur",
                "working_days": 3,
            },
            {
                "title": "Huisbezoek samen met de wijkagent en terugkoppeling in het casusoverleg",
                "owner": "ggz",
                "working_days": 5,
            },
            {
                "title": "Meldingen van de afgelopen zes maanden op een rij zetten",
                "owner": "politie",
                "working_days": 10,
                "done": True,
            },
        ],
        "notes": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Signaal van de buurvrouw (Kerkstraat 19) en van Woonstichting Lingestroom: sinds de "
                "zomer regelmatig 's nachts geschreeuw en gebonk op de muren, één keer een ingegooide ruit bij "
                "de buren. Dhr. Hermsen heeft volgens de verhuurder een huurachterstand van drie maanden. "
                "Afgesproken dat GGZ en wijkagent samen op huisbezoek gaan; daarna volgt een casusoverleg.",
            },
            {
                "author": "ggz",
                "category": CARE,
                "text": "Dhr. is sinds 2022 bekend bij GGZ Rivierenland Oost; de behandeling is in het voorjaar "
                "gestopt omdat hij niet meer op afspraken kwam. Vermoedelijk neemt hij zijn medicatie niet "
                "meer in. Bij het huisbezoek wantrouwend maar aanspreekbaar; geen acuut gevaar voor zichzelf of "
                "anderen. Hij staat open voor een vervolgafspraak met de SPV. Crisisdienst is op de hoogte.",
            },
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Sinds augustus vijf meldingen van overlast en verward gedrag (E33) op dit adres en één "
                "aangifte van vernieling door de buren. Geen lopend strafrechtelijk onderzoek. De politie "
                "steunt de zorgaanpak; bij een nieuwe vernieling wordt de aangifte doorgezet.",
            },
            {
                "author": "procesregisseur",
                "category": CARE,
                "text": "Afspraak uit het casusoverleg: SPV bezoekt dhr. wekelijks, wijkteam helpt met een "
                "betalingsregeling voor de huurachterstand, woningcorporatie schort de ontruimingsprocedure op "
                "zolang de afspraken worden nagekomen.",
            },
        ],
        "documents": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "title": "Verslag casusoverleg Kerkstraat Bemmel",
                "document_type": "verslag",
                "filename": "verslag-casusoverleg-kerkstraat.pdf",
                "lines": [
                    "Verslag casusoverleg - Verward gedrag en overlast, Kerkstraat Bemmel",
                    "Aanwezig: procesregisseur, GGZ (SPV), wijkagent, sociaal wijkteam.",
                    "Afspraken: wekelijks bezoek SPV; betalingsregeling huurachterstand via wijkteam;",
                    "woningcorporatie schort ontruiming op; evaluatie over zes weken.",
                ],
            }
        ],
    },
    "zv-zilverkamp": {
        "type": "zorg-en-veiligheidscasus",
        "title": "Zorgen om vervuilde woning, Zilverkamp Huissen",
        "coordinator": "procesregisseur",
        "priority": "normaal",
        "status": "open",
        "subjects": [
            ("betrokkene", "person", "wilhelmina-ter-horst"),
            ("locatie", "address", "zilverkamp-104-huissen"),
        ],
        "members": [
            {"organisation": WIJKTEAM, "role": "wijkteam", "categories": [GENERAL, CARE]},
            {"organisation": WOONSTICHTING, "role": "verhuurder", "categories": [GENERAL]},
        ],
        "tasks": [
            {
                "title": "Met toestemming van mevrouw contact opnemen met de huisarts",
                "owner": "procesregisseur",
                "working_days": 5,
            },
        ],
        "notes": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Signaal van Woonstichting Lingestroom na een reparatieverzoek: sterke geur in het "
                "portiek, de gang is niet meer begaanbaar en er lopen veel katten in huis. Mevrouw woont alleen; "
                "er is geen familie in beeld.",
            },
            {
                "author": "procesregisseur",
                "category": CARE,
                "text": "Het wijkteam kent mevrouw via de huishoudelijke hulp (Wmo), die in het voorjaar op haar "
                "verzoek is gestopt. Signalen van geheugenproblemen: zij vergeet maaltijden en post blijft "
                "ongeopend. Vraag aan de huisarts of casemanagement dementie passend is.",
            },
        ],
    },
    "zv-julianastraat": {
        "type": "zorg-en-veiligheidscasus",
        "title": "Huiselijk geweld en zorg om kind, Julianastraat Gendt",
        "coordinator": "procesregisseur",
        "priority": "hoog",
        "status": "afgeschaald",
        "subjects": [
            ("betrokkene", "person", "kevin-de-graaf"),
            ("betrokkene", "person", "melissa-janssen"),
            ("betrokkene", "person", "jayden-de-graaf"),
            ("locatie", "address", "julianastraat-6-gendt"),
        ],
        "members": [
            {"organisation": VEILIG_THUIS, "role": "Veilig Thuis", "categories": [GENERAL, CARE]},
            {"organisation": JEUGDBESCHERMING, "role": "jeugdbeschermer", "categories": [GENERAL, CARE]},
            {"organisation": WIJKTEAM, "role": "regie na afschaling", "categories": [GENERAL, CARE]},
            {"user": "politie", "role": "wijkagent", "categories": [GENERAL, JUSTICE]},
        ],
        "tasks": [
            {
                "title": "Evaluatie met het wijkteam na drie maanden",
                "owner": "procesregisseur",
                "period": "P3M",
            },
        ],
        "notes": [
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Twee keer ter plaatse geweest voor een ruzie met geweld; na het tweede incident is aan "
                "dhr. De Graaf een tijdelijk huisverbod van tien dagen opgelegd. Sindsdien geen nieuwe "
                "incidenten op dit adres.",
            },
            {
                "author": "procesregisseur",
                "category": CARE,
                "text": "Dhr. volgt een agressieregulatietraining, mevrouw heeft gesprekken bij het "
                "maatschappelijk werk. Jayden gaat weer elke dag naar school; de intern begeleider houdt "
                "contact met Veilig Thuis.",
            },
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Afgeschaald naar het sociaal wijkteam: de veiligheid is hersteld en beide ouders werken "
                "mee. Veilig Thuis blijft monitoren tot de evaluatie over drie maanden.",
            },
        ],
    },
    "zv-ressen": {
        "type": "zorg-en-veiligheidscasus",
        "title": "Escalerende burenruzie, Dorpsstraat Ressen",
        "coordinator": "procesregisseur",
        "priority": "normaal",
        "status": "gesloten",
        "closed_reason": "Afspraken via buurtbemiddeling werken; drie maanden geen nieuwe meldingen. In overleg "
        "met de wijkagent gesloten.",
        "subjects": [
            ("betrokkene", "person", "arjan-gerritsen"),
            ("betrokkene", "person", "ingrid-van-aken"),
        ],
        "members": [
            {"user": "politie", "role": "wijkagent", "categories": [GENERAL, JUSTICE]},
            {"organisation": WIJKTEAM, "role": "buurtbemiddeling", "categories": [GENERAL, CARE]},
        ],
        "tasks": [
            {
                "title": "Buurtbemiddeling inschakelen",
                "owner": "procesregisseur",
                "working_days": 2,
                "done": True,
            },
        ],
        "notes": [
            {
                "author": "politie",
                "category": GENERAL,
                "text": "Derde melding over de erfgrens en de blaffende hond. Beide partijen zijn bereid tot "
                "buurtbemiddeling; geen strafbare feiten vastgesteld.",
            },
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Buurtbemiddeling heeft twee gesprekken gevoerd. Afspraken over de erfgrens, de hond en "
                "geluid op zondag zijn op papier gezet en door beide buren ondertekend.",
            },
        ],
    },
    # Persoonsgerichte aanpak ------------------------------------------------------------------------------------
    "pga-huissen": {
        "type": "pga-casus",
        "title": "PGA: jongvolwassene met meerdere delicten, Huissen",
        "coordinator": "procesregisseur",
        "priority": "urgent",
        "status": "in-behandeling",
        "subjects": [("betrokkene", "person", "bilal-ouali")],
        "members": [
            {
                "organisation": POLITIE,
                "role": "regisseur veiligheid politie",
                "categories": [GENERAL, JUSTICE],
            },
            {"organisation": RECLASSERING, "role": "reclasseringswerker", "categories": [GENERAL, JUSTICE]},
            {"user": "ggz", "role": "verslavingszorg", "categories": [GENERAL, CARE]},
            {"organisation": OM, "role": "officier van justitie", "categories": [JUSTICE], "can_edit": False},
        ],
        "tasks": [
            {
                "title": "Actuele antecedenten en lopende zaken aanleveren voor het casusoverleg",
                "owner": "politie",
                "working_days": 3,
            },
            {"title": "Intake verslavingszorg plannen", "owner": "ggz", "working_days": 10},
            {
                "title": "Plan van aanpak per leefgebied opstellen",
                "owner": "procesregisseur",
                "period": "P2W",
            },
        ],
        "notes": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Aangemeld voor de persoonsgerichte aanpak na bespreking in de weektriage: problemen op "
                "meerdere leefgebieden (geen werk of opleiding, schulden, dagelijks blowen) en betrokkenheid bij "
                "straatroven in het centrum van Huissen. Betrokkene is over de aanmelding geïnformeerd.",
            },
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Verdachte in twee zaken (straatroof, bedreiging); één zaak is via ZSM afgedaan met een "
                "taakstraf. Wordt regelmatig gezien met jongeren die in beeld zijn bij drugsrunnen.",
            },
            {
                "author": "ggz",
                "category": CARE,
                "text": "Kennismakingsgesprek: dagelijks cannabisgebruik sinds zijn vijftiende, geen eerdere "
                "behandeling. Gemotiveerd voor ambulante begeleiding als er ook iets aan zijn schulden gebeurt.",
            },
        ],
    },
    "pga-bemmel": {
        "type": "pga-casus",
        "title": "PGA: terugkeer na detentie, Bemmel",
        "coordinator": "procesregisseur",
        "priority": "normaal",
        "status": "open",
        "subjects": [("betrokkene", "person", "danny-verbeek")],
        "members": [
            {"organisation": RECLASSERING, "role": "reclasseringswerker", "categories": [GENERAL, JUSTICE]},
            {"organisation": WOONSTICHTING, "role": "woningcorporatie", "categories": [GENERAL]},
            {"organisation": WIJKTEAM, "role": "wijkteam", "categories": [GENERAL, CARE]},
            {"user": "politie", "role": "wijkagent", "categories": [GENERAL, JUSTICE]},
        ],
        "tasks": [
            {
                "title": "Huisvesting, ID-bewijs en uitkering regelen vóór de invrijheidstelling",
                "owner": "procesregisseur",
                "working_days": 15,
            },
        ],
        "notes": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Melding van de reclassering (nazorg ex-gedetineerden): dhr. Verbeek komt over zes weken "
                "vrij en wil terug naar Bemmel. Hij heeft geen woning, geen geldig ID-bewijs en schulden.",
            },
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Veroordeeld voor een reeks woninginbraken in de regio. Bijzondere voorwaarden: "
                "meldplicht bij de reclassering en een contactverbod met de medeverdachte.",
            },
        ],
    },
    "pga-doornenburg": {
        "type": "pga-casus",
        "title": "PGA: verslaving en schulden, Doornenburg",
        "coordinator": "procesregisseur",
        "priority": "normaal",
        "status": "gesloten",
        "closed_reason": "Betrokkene is verhuisd naar Nijmegen; warme overdracht aan het Zorg- en "
        "Veiligheidshuis Gelderland-Zuid, met zijn toestemming.",
        "subjects": [("betrokkene", "person", "rob-thijssen")],
        "members": [
            {"user": "ggz", "role": "verslavingszorg", "categories": [GENERAL, CARE]},
            {"organisation": WIJKTEAM, "role": "schuldhulpverlening", "categories": [GENERAL, CARE]},
        ],
        "tasks": [
            {
                "title": "Overdracht aan het Zorg- en Veiligheidshuis voorbereiden",
                "owner": "procesregisseur",
                "working_days": 5,
                "done": True,
            },
        ],
        "notes": [
            {
                "author": "ggz",
                "category": CARE,
                "text": "Klinische opname afgerond; de nazorg loopt via het ambulante team. Terugval-"
                "preventieplan besproken met betrokkene en zijn zus.",
            },
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Betrokkene verhuist naar Nijmegen. Hij stemt in met een warme overdracht aan het Zorg- "
                "en Veiligheidshuis Gelderland-Zuid.",
            },
        ],
    },
    # Handhaving permanente bewoning (Recreatiepark Rhederlaagse Meren) -----------------------------------------
    "hh-kavel-14": {
        "type": "handhaving-permanente-bewoning",
        "title": "Permanente bewoning Marsweg 14 (kavel 14)",
        "coordinator": "handhaver",
        "priority": "hoog",
        "status": "in-behandeling",
        "subjects": [
            ("bewoner", "person", "tomasz-nowak"),
            ("bewoner", "person", "agnieszka-nowak"),
            ("eigenaar", "business", "rhederlaag-beheer"),
            ("locatie", "location", "kavel-14"),
        ],
        "members": [
            {"user": "projectleider", "role": "projectleider vakantiepark", "categories": [GENERAL]},
            {"user": "jurist", "role": "jurist handhaving", "categories": [GENERAL]},
            {"organisation": PROVINCIE, "role": "toezichthouder provincie", "categories": [GENERAL]},
        ],
        "tasks": [
            {
                "title": "Uitzonderingen nagaan (persoonsgebonden beschikking, gedoogbeschikking)",
                "owner": "handhaver",
                "working_days": 5,
                "done": True,
            },
            {"title": "Voornemen last onder dwangsom opstellen", "owner": "jurist", "working_days": 10},
        ],
        "notes": [
            {
                "author": "handhaver",
                "category": GENERAL,
                "text": "Gezamenlijke controle met de provincie. Met toestemming van de bewoners binnengegaan: "
                "volledig ingerichte woning met twee slaapkamers, kinderkleding en werkschoenen. Twee auto's op "
                "de kavel; buren verklaren dat het gezin er ook 's winters woont. Energieverbruik opgevraagd "
                "bij de parkbeheerder.",
            },
            {
                "author": "projectleider",
                "category": GENERAL,
                "text": "Gezin gewezen op het wijkteam en op het uitzendbureau voor andere huisvesting. Het "
                "BRP-adresonderzoek loopt apart via burgerzaken; de uitkomst daarvan bepaalt niets in deze "
                "handhavingszaak.",
            },
        ],
        "documents": [
            {
                "author": "handhaver",
                "category": GENERAL,
                "title": "Rapport van bevindingen controle kavel 14",
                "document_type": "rapport van bevindingen",
                "filename": "rapport-van-bevindingen-kavel-14.pdf",
                "lines": [
                    "Rapport van bevindingen - Recreatiepark Rhederlaagse Meren, kavel 14",
                    "Controle samen met de provincie; binnengetreden met toestemming van de bewoners.",
                    "Bevindingen: woning volledig ingericht, twee slaapkamers in gebruik,",
                    "post op naam van de bewoners, twee auto's op de kavel.",
                    "Conclusie: vermoeden van permanente bewoning.",
                ],
            }
        ],
    },
    "hh-kavel-27": {
        "type": "handhaving-permanente-bewoning",
        "title": "Permanente bewoning Marsweg 27 (kavel 27)",
        "coordinator": "handhaver",
        "priority": "normaal",
        "status": "open",
        "subjects": [
            ("bewoner", "person", "henk-bouwman"),
            ("locatie", "location", "kavel-27"),
        ],
        "members": [
            {"user": "projectleider", "role": "projectleider vakantiepark", "categories": [GENERAL]},
            {"user": "jurist", "role": "jurist handhaving", "categories": [GENERAL]},
        ],
        "tasks": [
            {
                "title": "Archief nakijken op een persoonsgebonden beschikking van vóór 31 oktober 2003",
                "owner": "handhaver",
                "working_days": 10,
            },
        ],
        "notes": [
            {
                "author": "handhaver",
                "category": GENERAL,
                "text": "Dhr. Bouwman staat sinds 1999 op het park ingeschreven en zegt een persoonsgebonden "
                "beschikking te hebben; hij kon die bij de controle niet laten zien. Eerst het archief "
                "nakijken. Zonder geldige beschikking volgt een voornemen.",
            },
        ],
    },
    "hh-kavel-52": {
        "type": "handhaving-permanente-bewoning",
        "title": "Permanente bewoning Marsweg 52 (kavel 52): last onder dwangsom",
        "coordinator": "jurist",
        "priority": "normaal",
        "status": "in-behandeling",
        "subjects": [
            ("bewoner", "person", "ricardo-pinas"),
            ("bewoner", "person", "sharon-wijngaarde"),
            ("eigenaar", "business", "rhederlaag-beheer"),
            ("locatie", "location", "kavel-52"),
        ],
        "members": [
            {"user": "handhaver", "role": "toezichthouder", "categories": [GENERAL]},
            {"user": "projectleider", "role": "projectleider vakantiepark", "categories": [GENERAL]},
            {"organisation": PROVINCIE, "role": "toezichthouder provincie", "categories": [GENERAL]},
        ],
        "tasks": [
            {
                "title": "Zienswijze van de bewoners beoordelen en het besluit voorbereiden",
                "owner": "jurist",
                "working_days": 10,
            },
            {
                "title": "Hercontrole na afloop van de begunstigingstermijn inplannen",
                "owner": "handhaver",
                "period": "P3M",
            },
        ],
        "notes": [
            {
                "author": "jurist",
                "category": GENERAL,
                "text": "Voornemen last onder dwangsom verzonden aan beide bewoners en aan de eigenaar. Zienswijze "
                "van de bewoners ontvangen: zij vragen om een langere begunstigingstermijn. Ik weeg dit mee in "
                "het besluit.",
            },
            {
                "author": "jurist",
                "category": CARE,
                "text": "Volgens de zienswijze is mevrouw Wijngaarde na een operatie tijdelijk slecht ter been; "
                "een verklaring van de huisarts is meegestuurd. Alleen voor de afweging van de termijn, niet "
                "verder delen.",
            },
        ],
        "documents": [
            {
                "author": "jurist",
                "category": GENERAL,
                "title": "Voornemen last onder dwangsom kavel 52",
                "document_type": "brief",
                "filename": "voornemen-last-onder-dwangsom-kavel-52.pdf",
                "lines": [
                    "Voornemen tot het opleggen van een last onder dwangsom",
                    "Recreatiepark Rhederlaagse Meren, Marsweg 52 (kavel 52)",
                    "U gebruikt de recreatiewoning als hoofdverblijf. Dat is in strijd met het",
                    "omgevingsplan. Wij zijn van plan u een last onder dwangsom op te leggen.",
                    "U kunt binnen twee weken uw zienswijze geven.",
                ],
            }
        ],
    },
    "hh-kavel-63": {
        "type": "handhaving-permanente-bewoning",
        "title": "Permanente bewoning Marsweg 63 (kavel 63)",
        "coordinator": "handhaver",
        "priority": "laag",
        "status": "gesloten",
        "closed_reason": "Overtreding beëindigd: de bewoner is verhuisd naar een reguliere woning en de "
        "hercontrole bevestigt dat de recreatiewoning niet meer permanent wordt bewoond.",
        "subjects": [
            ("bewoner", "person", "gerrit-van-der-meer"),
            ("eigenaar", "business", "rhederlaag-beheer"),
            ("locatie", "location", "kavel-63"),
        ],
        "members": [
            {"user": "projectleider", "role": "projectleider vakantiepark", "categories": [GENERAL]},
            {"user": "jurist", "role": "jurist handhaving", "categories": [GENERAL]},
        ],
        "tasks": [
            {"title": "Hercontrole kavel 63", "owner": "handhaver", "working_days": 3, "done": True},
        ],
        "notes": [
            {
                "author": "handhaver",
                "category": GENERAL,
                "text": "Hercontrole: kavel leeg, geen inboedel meer aanwezig. Dhr. Van der Meer woont nu aan de "
                "Rijndijk in Huissen. Overtreding beëindigd; geen dwangsom verbeurd.",
            },
        ],
    },
    # Artikel 13b Opiumwet ----------------------------------------------------------------------------------------
    "13b-karstraat": {
        "type": "opiumwet-13b",
        "title": "13b Opiumwet: hennepkwekerij in woning Karstraat Huissen",
        "coordinator": "jurist",
        "priority": "urgent",
        "status": "in-behandeling",
        "subjects": [
            ("bewoner", "person", "naima-el-haddaoui"),
            ("bewoner", "person", "bilal-ouali"),
            ("bewoner", "person", "ilias-ouali"),
            ("locatie", "address", "karstraat-9-huissen"),
        ],
        "members": [
            {"organisation": POLITIE, "role": "bestuurlijke rapportage", "categories": [GENERAL, JUSTICE]},
            {"user": "handhaver", "role": "toezichthouder", "categories": [GENERAL]},
            {"organisation": WOONSTICHTING, "role": "eigenaar en verhuurder", "categories": [GENERAL]},
        ],
        "tasks": [
            {
                "title": "Aanvullende bestuurlijke rapportage over eerdere meldingen",
                "owner": "politie",
                "working_days": 5,
            },
            {
                "title": "Proportionaliteit toetsen: minderjarig kind in de woning",
                "owner": "jurist",
                "working_days": 5,
            },
            {"title": "Voornemen tot sluiting opstellen", "owner": "jurist", "working_days": 10},
        ],
        "notes": [
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Bij doorzoeking op zolder een hennepkwekerij aangetroffen: 96 planten in de bloei, vier "
                "assimilatielampen en een illegale aansluiting op het elektriciteitsnet (netbeheerder "
                "ingeschakeld). De hoofdbewoner verklaart van niets te weten; de zoon (19) is aangehouden. "
                "Bestuurlijke rapportage is bijgevoegd.",
            },
            {
                "author": "jurist",
                "category": GENERAL,
                "text": "Eerste overtreding, woning, productiemiddelen: volgens de beleidsmatrix een sluiting "
                "van drie maanden. In het gezin woont een kind van 12 en mevrouw huurt hier al twintig jaar "
                "zonder eerdere meldingen. Proportionaliteit bespreken met de woningcorporatie en de "
                "procesregisseur voordat het voornemen uitgaat.",
            },
        ],
        "documents": [
            {
                "author": "politie",
                "category": JUSTICE,
                "title": "Bestuurlijke rapportage politie Karstraat 9",
                "document_type": "bestuurlijke rapportage",
                "filename": "bestuurlijke-rapportage-karstraat-9.pdf",
                "lines": [
                    "Bestuurlijke rapportage - Karstraat 9, Huissen",
                    "Aangetroffen: 96 hennepplanten, 4 assimilatielampen, illegale stroomaansluiting.",
                    "Bewoners: hoofdhuurder, zoon (19), zoon (12).",
                    "Antecedenten op het adres: geen.",
                ],
            }
        ],
    },
    "13b-gendt": {
        "type": "opiumwet-13b",
        "title": "13b Opiumwet: handel vanuit woning Julianastraat Gendt",
        "coordinator": "jurist",
        "priority": "normaal",
        "status": "gesloten",
        "closed_reason": "Waarschuwing verzonden (eerste overtreding, softdrugs); bij herhaling binnen de "
        "recidivetermijn volgt een sluiting.",
        "subjects": [
            ("bewoner", "person", "kevin-de-graaf"),
            ("locatie", "address", "julianastraat-6-gendt"),
        ],
        "members": [
            {"organisation": POLITIE, "role": "bestuurlijke rapportage", "categories": [GENERAL, JUSTICE]},
        ],
        "tasks": [
            {"title": "Waarschuwingsbrief versturen", "owner": "jurist", "working_days": 5, "done": True},
        ],
        "notes": [
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Bij doorzoeking 38 gram hennep, verdeeld over zakjes, en € 1.250 contant aangetroffen. "
                "Eerste keer dat op dit adres drugs zijn aangetroffen.",
            },
            {
                "author": "jurist",
                "category": GENERAL,
                "text": "Eerste overtreding met softdrugs en een lopende zorgaanpak in het gezin: volgens de "
                "beleidsmatrix een waarschuwing in plaats van een sluiting.",
            },
        ],
    },
    # BRP-adresonderzoek ---------------------------------------------------------------------------------------
    "brp-nowak": {
        "type": "brp-adresonderzoek",
        "title": "Adresonderzoek gezin Nowak (Langestraat 88 / Marsweg 14)",
        "coordinator": "brp",
        "priority": "normaal",
        "status": "in-behandeling",
        "subjects": [
            ("betrokkene", "person", "tomasz-nowak"),
            ("betrokkene", "person", "agnieszka-nowak"),
            ("locatie", "address", "langestraat-88-huissen"),
            ("locatie", "location", "kavel-14"),
        ],
        "members": [
            {"user": "projectleider", "role": "contactpersoon vakantiepark", "categories": [GENERAL]},
        ],
        "tasks": [
            {"title": "Huisbezoek door de BRP-controleur op Marsweg 14", "owner": "brp", "working_days": 10},
            {
                "title": "Betrokkenen informeren over de voorgenomen ambtshalve inschrijving",
                "owner": "brp",
                "working_days": 20,
            },
        ],
        "notes": [
            {
                "author": "brp",
                "category": GENERAL,
                "text": "Adresonderzoek gestart na een signaal uit de parkcontrole. Betrokkenen staan ingeschreven "
                "op Langestraat 88; volgens de verhuurder verblijft niemand van het gezin daar. Gegevens "
                "gemarkeerd als 'in onderzoek' en brief verstuurd. Let op: de uitkomst staat los van de "
                "handhaving op kavel 14; inschrijving op het park legaliseert de bewoning niet.",
            },
        ],
    },
    "brp-langestraat": {
        "type": "brp-adresonderzoek",
        "title": "Adresonderzoek Langestraat 88 Huissen: elf inschrijvingen",
        "coordinator": "brp",
        "priority": "normaal",
        "status": "open",
        "subjects": [
            ("locatie", "address", "langestraat-88-huissen"),
            ("betrokkene", "person", "piotr-kowalski"),
            ("betrokkene", "person", "marek-wisniewski"),
            ("betrokkene", "person", "andrei-popescu"),
        ],
        "members": [],
        "tasks": [
            {
                "title": "Huurcontracten en bewonerslijst opvragen bij de verhuurder",
                "owner": "brp",
                "working_days": 5,
            },
        ],
        "notes": [
            {
                "author": "brp",
                "category": GENERAL,
                "text": "Signaal uit de BRP-kwaliteitscontrole: elf personen ingeschreven op een tussenwoning met "
                "drie slaapkamers. Navraag bij de verhuurder en het uitzendbureau loopt.",
            },
        ],
    },
    "brp-angeren": {
        "type": "brp-adresonderzoek",
        "title": "Adresonderzoek Rijndijk 112 Angeren",
        "coordinator": "brp",
        "priority": "laag",
        "status": "gesloten",
        "closed_reason": "Betrokkene heeft haar verhuizing naar Arnhem zelf doorgegeven; onderzoeksmarkering "
        "verwijderd en melder geïnformeerd.",
        "subjects": [
            ("betrokkene", "person", "priscilla-kromodimedjo"),
            ("melder", "person", "stefan-van-dijk"),
            ("locatie", "address", "rijndijk-112-angeren"),
        ],
        "members": [],
        "tasks": [
            {
                "title": "Brief aan betrokkene over het adresonderzoek",
                "owner": "brp",
                "working_days": 3,
                "done": True,
            },
        ],
        "notes": [
            {
                "author": "brp",
                "category": GENERAL,
                "text": "De huidige bewoner meldt dat mevrouw Kromodimedjo al maanden niet meer op dit adres "
                "woont en dat er post voor haar blijft komen. Brief verstuurd; mevrouw heeft binnen de termijn "
                "haar verhuizing naar Arnhem doorgegeven.",
            },
        ],
    },
    # Ondermijning --------------------------------------------------------------------------------------------
    "om-bergerden": {
        "type": "ondermijningsonderzoek",
        "title": "Signalen bedrijfsunit Tuinbouwweg 14 (Bergerden)",
        "coordinator": "projectleider",
        "priority": "hoog",
        "status": "in-behandeling",
        "subjects": [
            ("gebruiker", "business", "groenkas"),
            ("locatie", "location", "unit-bergerden"),
            ("betrokkene", "person", "ramon-de-bruijn"),
            ("gebruiker", "person", "emre-yildiz"),
        ],
        "members": [
            {
                "organisation": POLITIE,
                "role": "politie (RIEC-casusoverleg)",
                "categories": [GENERAL, JUSTICE],
            },
            {"user": "handhaver", "role": "toezichthouder", "categories": [GENERAL]},
            {"organisation": OM, "role": "officier van justitie", "categories": [JUSTICE], "can_edit": False},
        ],
        "tasks": [
            {
                "title": "Gegevens huurder en verhuurder opvragen (KvK, Kadaster)",
                "owner": "projectleider",
                "working_days": 5,
            },
            {
                "title": "Integrale controle voorbereiden met brandweer en omgevingsdienst",
                "owner": "handhaver",
                "working_days": 10,
            },
        ],
        "notes": [
            {
                "author": "projectleider",
                "category": GENERAL,
                "text": "Meerdere signalen via de ondernemersvereniging: ramen afgeplakt, 's nachts licht en "
                "laden en lossen tussen twee en vier uur, unit in januari voor een jaar contant vooruit gehuurd. "
                "De huurder staat pas acht maanden in het Handelsregister; geen zichtbare bedrijfsactiviteit.",
            },
            {
                "author": "handhaver",
                "category": GENERAL,
                "text": "Buitencontrole: camera's aan alle gevels, sterke anijsgeur bij de achterdeur. Door een "
                "kier zijn een matras en een kookplaat zichtbaar; mogelijk wordt in de unit gewoond.",
            },
            {
                "author": "politie",
                "category": JUSTICE,
                "text": "Het kenteken van een bestelbus die hier 's nachts laadt, komt voor in een lopend "
                "onderzoek naar synthetische drugs. Inhoud alleen bespreken in het RIEC-casusoverleg.",
            },
        ],
        "documents": [
            {
                "author": "handhaver",
                "category": GENERAL,
                "title": "Foto gevel bedrijfsunit 4 (afgeplakte ramen)",
                "document_type": "foto",
                "filename": "gevel-unit-4-bergerden.png",
                "lines": ["Gevel bedrijfsunit 4, Bergerden"],
            }
        ],
    },
    "om-schuur-gendt": {
        "type": "ondermijningsonderzoek",
        "title": "Schuur buitengebied Waaldijk Gendt: contante huur en vaten",
        "coordinator": "projectleider",
        "priority": "normaal",
        "status": "open",
        "subjects": [
            ("locatie", "location", "schuur-waaldijk"),
            ("eigenaar", "person", "theo-arts"),
            ("gebruiker", "person", "marco-van-den-heuvel"),
        ],
        "members": [
            {"user": "politie", "role": "wijkagent buitengebied", "categories": [GENERAL, JUSTICE]},
            {"user": "handhaver", "role": "toezichthouder", "categories": [GENERAL]},
        ],
        "tasks": [
            {
                "title": "Extra surveillance rond de schuur in de avonduren",
                "owner": "politie",
                "working_days": 10,
            },
            {
                "title": "Gesprek met de eigenaar over de huurovereenkomst",
                "owner": "projectleider",
                "working_days": 5,
            },
        ],
        "notes": [
            {
                "author": "projectleider",
                "category": GENERAL,
                "text": "Anonieme melding doorgezet: in de schuur achter Waaldijk 88 zouden vaten en jerrycans "
                "staan. De eigenaar verhuurt de schuur sinds kort contant aan een voor hem onbekende man. Dhr. "
                "Arts zegt niet te weten wat er wordt opgeslagen en werkt mee.",
            },
        ],
    },
    "om-park": {
        "type": "ondermijningsonderzoek",
        "title": "Integrale aanpak Recreatiepark Rhederlaagse Meren",
        "coordinator": "projectleider",
        "priority": "hoog",
        "status": "in-behandeling",
        "subjects": [
            ("locatie", "location", "park"),
            ("eigenaar", "business", "rhederlaag-beheer"),
        ],
        "members": [
            {"user": "handhaver", "role": "toezichthouder", "categories": [GENERAL]},
            {"user": "jurist", "role": "jurist handhaving", "categories": [GENERAL]},
            {"user": "brp", "role": "burgerzaken (BRP)", "categories": [GENERAL]},
            {"user": "procesregisseur", "role": "sociale doorverwijzing", "categories": [GENERAL, CARE]},
            {
                "organisation": PROVINCIE,
                "role": "provincie (gezamenlijke controles)",
                "categories": [GENERAL],
            },
            {"organisation": POLITIE, "role": "politie", "categories": [GENERAL, JUSTICE]},
        ],
        "tasks": [
            {
                "title": "Voortgangsrapportage aanpak vakantiepark voor het college",
                "owner": "projectleider",
                "period": "P1M",
            },
            {
                "title": "Volgende gezamenlijke controleronde met de provincie plannen",
                "owner": "handhaver",
                "working_days": 15,
            },
        ],
        "notes": [
            {
                "author": "projectleider",
                "category": GENERAL,
                "text": "Stand van zaken: 38 van de 214 kavels verdacht van permanente bewoning, twaalf dossiers "
                "in handhaving, vier BRP-adresonderzoeken. De parkbeheerder deelt het energieverbruik per kavel "
                "voor de controles.",
            },
            {
                "author": "procesregisseur",
                "category": CARE,
                "text": "Uit de controles zijn drie huishoudens met zorgen (schulden, psychische klachten, "
                "eenzaamheid) doorverwezen naar het sociaal wijkteam. Terugkoppeling volgt in het "
                "parkoverleg.",
            },
        ],
    },
    # Digitale veiligheid ---------------------------------------------------------------------------------------
    "dv-whatsapp": {
        "type": "nazorg-digitaal-slachtoffer",
        "title": "Nazorg na WhatsApp-fraude, Julianastraat Bemmel",
        "coordinator": "procesregisseur",
        "priority": "normaal",
        "status": "in-behandeling",
        "subjects": [
            ("betrokkene", "person", "corrie-van-den-broek"),
            ("melder", "person", "monique-van-den-broek"),
        ],
        "members": [
            {"organisation": SLACHTOFFERHULP, "role": "slachtofferhulp", "categories": [GENERAL, CARE]},
            {"user": "politie", "role": "aangifte", "categories": [GENERAL]},
        ],
        "tasks": [
            {"title": "Nabellen: hoe gaat het met mevrouw?", "owner": "procesregisseur", "period": "P2W"},
        ],
        "notes": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Dochter meldt dat haar moeder via WhatsApp een bericht kreeg van 'haar zoon met een "
                "nieuw nummer' en € 2.400 heeft overgemaakt. De bank is direct gebeld en de rekening "
                "geblokkeerd; online aangifte gedaan.",
            },
            {
                "author": "procesregisseur",
                "category": CARE,
                "text": "Mevrouw schaamt zich, slaapt slecht en neemt de telefoon niet meer op als ze het nummer "
                "niet kent. Slachtofferhulp neemt contact op. Benadrukt: het is niet haar schuld.",
            },
        ],
    },
    "dv-ransomware": {
        "type": "nazorg-digitaal-slachtoffer",
        "title": "Nazorg na ransomware bij Installatiebedrijf Wolters",
        "coordinator": "procesregisseur",
        "priority": "normaal",
        "status": "afgeschaald",
        "subjects": [
            ("betrokkene", "business", "wolters-installatie"),
            ("betrokkene", "person", "erik-wolters"),
        ],
        "members": [
            {"organisation": POLITIE, "role": "team digitale criminaliteit", "categories": [GENERAL]},
        ],
        "tasks": [
            {"title": "Nabellen over drie maanden", "owner": "procesregisseur", "period": "P3M"},
        ],
        "notes": [
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Op maandagochtend waren alle bestanden versleuteld. Niet betaald, systemen losgekoppeld, "
                "logbestanden bewaard. Aangifte gedaan; doorverwezen naar het Digital Trust Center.",
            },
            {
                "author": "procesregisseur",
                "category": GENERAL,
                "text": "Afgeschaald: back-ups teruggezet, de ondernemer doet de basisscan van het Digital Trust "
                "Center. Alleen nog nabellen over drie maanden.",
            },
        ],
    },
}

# --- Links between related cases (the actor is on both) --------------------------------------------------------

LINKS: list[LinkData] = [
    {
        "actor": "projectleider",
        "case": "hh-kavel-14",
        "other": "brp-nowak",
        "reason": "Zelfde huishouden op kavel 14; BRP-onderzoek en handhaving blijven gescheiden procedures",
    },
    {
        "actor": "projectleider",
        "case": "om-park",
        "other": "hh-kavel-14",
        "reason": "Onderdeel van de integrale aanpak vakantiepark",
    },
    {
        "actor": "projectleider",
        "case": "om-park",
        "other": "hh-kavel-27",
        "reason": "Onderdeel van de integrale aanpak vakantiepark",
    },
    {
        "actor": "projectleider",
        "case": "om-park",
        "other": "hh-kavel-52",
        "reason": "Onderdeel van de integrale aanpak vakantiepark",
    },
    {
        "actor": "projectleider",
        "case": "om-park",
        "other": "hh-kavel-63",
        "reason": "Onderdeel van de integrale aanpak vakantiepark",
    },
    {
        "actor": "projectleider",
        "case": "om-park",
        "other": "brp-nowak",
        "reason": "BRP-signaal uit de parkcontrole",
    },
    {
        "actor": "politie",
        "case": "pga-huissen",
        "other": "13b-karstraat",
        "reason": "Betrokkene uit de PGA woont op het adres van de 13b-zaak",
    },
    {
        "actor": "politie",
        "case": "zv-julianastraat",
        "other": "13b-gendt",
        "reason": "Zelfde gezin; zorgaanpak en 13b-besluit op elkaar afstemmen",
    },
]

# --- Break-the-glass awaiting the privacy officer's review -----------------------------------------------------

BREAK_THE_GLASS: list[BreakTheGlassData] = [
    {
        "user": "procesregisseur",
        "case": "13b-karstraat",
        "reason": "Bilal Ouali uit mijn PGA-casus woont op dit adres. Voor het casusoverleg van vanmiddag moet ik "
        "weten of een sluiting dreigt, gezien het minderjarige kind in het gezin.",
    },
]
