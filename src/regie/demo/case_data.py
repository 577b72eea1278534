"""The demo municipality's fictional cases, as plain data (read by `regie.demo.cases.seed_cases`).

Everything here is invented: persons, BSNs (generated test numbers that pass the 11-test), KvK numbers, events and
notes. Street names and postcodes look like Lingewaard's so the demo feels familiar; no real person is meant.
References between entries use the short keys of this module (address, person, location, business and case keys);
users are the demo usernames from `regie.demo.accounts`, organisations their names there.
"""

from __future__ import annotations

from datetime import date

from regie.demo.case_types import (
    CARE,
    GENERAL,
    JUSTICE,
    AddressData,
    BreakTheGlassData,
    BusinessData,
    CaseData,
    CaseTypeData,
    LinkData,
    LocationData,
    PersonData,
)
from regie.demo.cases_care import CARE_CASES
from regie.demo.cases_enforcement import ENFORCEMENT_CASES
from regie.demo.cases_other import OTHER_CASES

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

# --- Cases (one module per theme) --------------------------------------------------------------------------------
CASES: dict[str, CaseData] = {**CARE_CASES, **ENFORCEMENT_CASES, **OTHER_CASES}

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
