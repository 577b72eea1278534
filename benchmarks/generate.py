"""Fill a separate benchmark database with a region-sized Regie: 1,000,000 cases and 2,000,000 persons.

    .venv/bin/python benchmarks/generate.py            # full size (see README for timings)
    .venv/bin/python benchmarks/generate.py --small    # 20,000 cases, 40,000 persons: a quick check
    .venv/bin/python benchmarks/generate.py --reset    # throw the benchmark database away and start over

The schema comes from `regie migrate`; the data goes in with PostgreSQL COPY. To load fast, the secondary
indexes and foreign keys of the six big tables are dropped first and re-created afterwards from the exact
definitions PostgreSQL reported (`pg_get_indexdef` / `pg_get_constraintdef`); the script checks that the
schema afterwards is identical to what the migrations made. Search vectors, sort names and blocking keys are
the ones the services write: a sample is re-computed with the real code (`person_keys`, `PersonName`,
`SearchVector`) at the end and the run fails if one differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
from common import (
    DATA_DIR,
    EMBEDDED_DB_NAME,
    PROJECT_DIR,
    Stopwatch,
    add_database_argument,
    configure_environment,
    connection_kwargs,
    setup_django,
)

CHUNK = 50_000
SEED = 20261128
LOADED_TABLES = (
    "subjects_address",
    "subjects_person",
    "cases_case",
    "cases_casesubject",
    "cases_casemember",
    "cases_note",
)

# --- Names, places and words (fictional people; frequencies roughly those of the Netherlands) -------------

# (prefix, surname, people per 17.9 million): the most common Dutch surnames.
COMMON_SURNAMES = [
    ("de", "Jong", 86534), ("", "Jansen", 73569), ("de", "Vries", 71100), ("van den", "Berg", 58716),
    ("van", "Dijk", 56625), ("", "Bakker", 54852), ("", "Janssen", 54166), ("", "Visser", 49881),
    ("", "Smit", 45722), ("", "Meijer", 42631), ("de", "Boer", 40112), ("", "Mulder", 37999),
    ("de", "Groot", 37764), ("", "Bos", 36843), ("", "Vos", 32965), ("", "Peters", 32394),
    ("", "Hendriks", 32195), ("van", "Leeuwen", 30484), ("", "Dekker", 29575), ("", "Brouwer", 28041),
    ("de", "Wit", 27544), ("", "Dijkstra", 27401), ("", "Smits", 26546), ("de", "Graaf", 26204),
    ("van der", "Meer", 25598), ("van der", "Linden", 24328), ("", "Kok", 24141), ("", "Jacobs", 23427),
    ("de", "Haan", 23176), ("", "Vermeulen", 23086), ("van den", "Heuvel", 22632), ("van der", "Veen", 22474),
    ("van den", "Broek", 22085), ("de", "Bruijn", 21722), ("de", "Bruin", 21577), ("van der", "Heijden", 21497),
    ("", "Schouten", 21221), ("van", "Beek", 20749), ("", "Willems", 20532), ("van", "Vliet", 20375),
    ("van de", "Ven", 20269), ("", "Hoekstra", 19680), ("", "Maas", 19573), ("", "Verhoeven", 19507),
    ("", "Koster", 19262), ("van", "Dam", 18983), ("van der", "Wal", 18897), ("", "Prins", 18747),
    ("", "Blom", 18568), ("", "Huisman", 18475), ("", "Peeters", 17862), ("de", "Jonge", 17682),
    ("", "Kuipers", 17599), ("van", "Veen", 17343), ("", "Post", 17140), ("", "Kuiper", 16780),
    ("", "Veenstra", 16713), ("", "Kramer", 16620), ("van den", "Brink", 16492), ("", "Scholten", 16470),
    ("van", "Wijk", 16458), ("", "Postma", 16228), ("", "Martens", 16136), ("", "Vink", 15939),
    ("de", "Ruiter", 15856), ("", "Timmermans", 15779), ("", "Groen", 15612), ("", "Gerritsen", 15467),
    ("", "Jonker", 15435), ("van", "Loon", 15267), ("", "Boer", 15246), ("van der", "Velde", 15095),
    ("", "Willemsen", 14862), ("", "Smeets", 14828), ("de", "Lange", 14821), ("de", "Vos", 14696),
    ("", "Bosch", 14661), ("van", "Dongen", 14587), ("", "Schipper", 14560), ("de", "Koning", 14500),
    ("van der", "Laan", 14450), ("", "Koning", 14421), ("van der", "Velden", 14356), ("", "Driessen", 14313),
    ("van", "Doorn", 14272), ("", "Hermans", 14208), ("", "Evers", 14130), ("van den", "Bosch", 14004),
    ("van der", "Meulen", 13964), ("", "Hofman", 13800), ("", "Bosman", 13743), ("", "Wolters", 13691),
    ("", "Sanders", 13606), ("van der", "Horst", 13580), ("", "Mol", 13466), ("", "Kuijpers", 13447),
    ("", "Molenaar", 13430), ("van de", "Pol", 13261), ("de", "Leeuw", 13209), ("", "Verbeek", 13192),
]  # fmt: skip
# Surnames of Turkish, Moroccan, Surinamese, Polish, Asian and other origin (weights ×5 below).
OTHER_SURNAMES = [
    ("Yılmaz", 9000), ("Kaya", 7000), ("Demir", 6000), ("Şahin", 4000), ("Öztürk", 3500), ("Çelik", 3500),
    ("Aydın", 4000), ("Yıldız", 4000), ("Doğan", 3000), ("Arslan", 3000), ("Koç", 2500), ("El Amrani", 1500),
    ("El Idrissi", 1200), ("Bouzid", 1000), ("Benali", 1200), ("Ouali", 1000), ("Haddou", 900),
    ("Ahmadi", 1500), ("Nguyen", 5000), ("Tran", 2000), ("Chen", 2500), ("Wang", 2000), ("Singh", 4000),
    ("Ramdin", 1500), ("Mohan", 1000), ("Sewnath", 800), ("Kowalski", 2000), ("Nowak", 3000),
    ("Wiśniewski", 1500), ("Silva", 2000), ("Rodrigues", 1500), ("Martínez", 1000), ("García", 1000),
    ("Müller", 3000), ("Schmidt", 2000), ("Ali", 3000), ("Hussein", 1500), ("Mohamed", 3500),
    ("Ahmed", 3000), ("Abdi", 1200), ("Osman", 1000), ("Tesfay", 800), ("Haile", 700), ("Popescu", 900),
]  # fmt: skip
TAIL_HEADS = [
    "Groot", "Klein", "Oost", "West", "Noord", "Zuid", "Hoog", "Laag", "Nieuw", "Oud", "Rode", "Wit",
    "Zwart", "Lange", "Korte", "Brede", "Hooge", "Blauw", "Groen", "Hage", "Mid", "Over", "Onder",
    "Achter", "Voor", "Zee", "Rijn", "Berg", "Bosch", "Dijk", "Veld", "Kamp", "Hof", "Brink", "Meer",
    "Steen", "Molen", "Kerk", "Ter", "Stein",
]  # fmt: skip
TAIL_TAILS = [
    "veld", "kamp", "hof", "bosch", "brink", "dijk", "horst", "hoek", "beek", "meer", "wal", "broek",
    "haar", "sluis", "laan", "heuvel", "water", "akker", "stok", "hout", "wijk", "zand", "steen", "molen",
    "kerk", "huis", "land", "weg", "burg", "dam", "man", "mans", "ink", "ing", "er", "ers", "sma", "stra",
    "inga", "rink",
]  # fmt: skip
TAIL_PREFIXES = [
    ("", 0.64), ("van", 0.08), ("de", 0.08), ("van der", 0.04), ("van den", 0.04), ("van de", 0.03),
    ("ter", 0.02), ("ten", 0.02), ("te", 0.01), ("in 't", 0.01), ("op de", 0.01), ("den", 0.01),
    ("van 't", 0.01),
]  # fmt: skip
MALE_NAMES = [
    "Jan", "Pieter", "Kees", "Henk", "Johan", "Willem", "Gerrit", "Hendrik", "Cornelis", "Dirk", "Bas",
    "Tim", "Daan", "Sem", "Lucas", "Levi", "Finn", "Milan", "Jesse", "Thomas", "Ruben", "Stijn", "Thijs",
    "Bram", "Lars", "Niels", "Joost", "Mark", "Erik", "Martijn", "Rob", "Sander", "Wouter", "Koen",
    "Jeroen", "Mohammed", "Ahmed", "Youssef", "Mehmet", "Ali", "Johannes", "Petrus", "Adrianus",
    "Theodorus", "Jacobus", "Gijs", "Noah", "Luuk", "Jens", "René",
]  # fmt: skip
FEMALE_NAMES = [
    "Maria", "Anna", "Johanna", "Cornelia", "Elisabeth", "Wilhelmina", "Emma", "Julia", "Sophie", "Tess",
    "Lotte", "Sanne", "Fleur", "Eva", "Lisa", "Anouk", "Femke", "Iris", "Noa", "Mila", "Saar", "Linda",
    "Monique", "Ingrid", "Marloes", "Petra", "Esther", "Inge", "Fatima", "Aisha", "Yasmina", "Zeynep",
    "Renée", "Chloë", "José", "Ilse", "Hendrika", "Geertruida", "Jacoba", "Adriana", "Nora", "Zoë", "Yara",
    "Lieke", "Marieke", "Anke", "Karin", "Sandra", "Naima", "Elif",
]  # fmt: skip
STREETS = [
    "Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Stationsstraat", "Julianastraat",
    "Beatrixstraat", "Wilhelminastraat", "Nieuwstraat", "Hoofdstraat", "Marktstraat", "Kastanjelaan",
    "Eikenlaan", "Beukenlaan", "Lindelaan", "Parkweg", "Dijkstraat", "Kanaalweg", "Rijksweg", "Sportlaan",
    "Tulpstraat", "Rozenstraat", "Irisstraat", "Lelystraat", "Zonnebloemstraat", "Vogelzang",
    "Merelstraat", "Lijsterstraat", "Meeuwenlaan", "Zwanenweg", "Industrieweg", "Havenstraat",
    "Brugstraat", "Veerweg", "Polderweg", "Bongerd", "Boomgaard", "Appelgaard", "Kersenlaan",
    "Bernhardstraat", "Prins Hendrikstraat", "Oranjestraat", "Willem de Zwijgerlaan", "Van Goghstraat",
    "Rembrandtlaan", "Vondelstraat", "Bilderdijkstraat", "Thorbeckestraat", "Burgemeester Visserstraat",
    "Pastoor van Thielstraat", "Zandweg", "Bosweg", "Weidesteeg", "Rietlanden", "Ganzenakker",
    "Huissensedijk", "Bemmelsedijk", "Gendtsestraat", "Pannerdenseweg", "Angerensedijk",
]  # fmt: skip
CITIES = [
    ("Huissen", 6), ("Bemmel", 5), ("Gendt", 2), ("Haalderen", 1), ("Doornenburg", 1), ("Angeren", 1),
    ("Ressen", 1), ("Arnhem", 12), ("Nijmegen", 14), ("Elst", 3), ("Zevenaar", 3), ("Duiven", 2),
    ("Westervoort", 2), ("Lent", 2), ("Oosterhout", 1), ("Heteren", 1), ("Driel", 1), ("Tiel", 3),
    ("Culemborg", 2), ("Ede", 5), ("Wageningen", 3), ("Doetinchem", 4), ("Apeldoorn", 8), ("Deventer", 5),
]  # fmt: skip
# code, label, default categories, retention years, share of cases
CASE_TYPES = [
    ("zorg-en-veiligheid", "Zorg en veiligheid", ["general", "care"], 15, 0.30),
    ("woonoverlast", "Woonoverlast", ["general"], 5, 0.20),
    ("ondermijning", "Ondermijning", ["general", "justice"], 20, 0.12),
    ("vakantiepark", "Vakantiepark", ["general"], 10, 0.05),
    ("huiselijk-geweld", "Huiselijk geweld", ["general", "care", "justice"], 15, 0.13),
    ("radicalisering", "Radicalisering", ["general", "justice"], 20, 0.05),
    ("persoonsgerichte-aanpak", "Persoonsgerichte aanpak", ["general", "care", "justice"], 15, 0.15),
]
PARTNER_KINDS = [
    ("politie", "Politie basisteam"), ("ggz", "GGZ"), ("reclassering", "Reclassering"),
    ("veilig-thuis", "Veilig Thuis"), ("woningcorporatie", "Woonstichting"), ("wijkteam", "Sociaal Wijkteam"),
    ("jeugdbescherming", "Jeugdbescherming"), ("openbaar-ministerie", "Openbaar Ministerie"),
    ("brandweer", "Brandweer"), ("omgevingsdienst", "Omgevingsdienst"),
]  # fmt: skip
REGIONS = ["Arnhem-Noord", "Arnhem-Zuid", "Nijmegen-Oost", "Nijmegen-West", "Betuwe", "Liemers"]
NOTE_OPENERS = [
    "Casusoverleg gehouden met de betrokken ketenpartners.",
    "Huisbezoek afgelegd samen met de wijkagent.",
    "Melding ontvangen van buren over aanhoudende geluidsoverlast.",
    "Telefonisch contact gehad met de woningcorporatie.",
    "Signaal ontvangen van het sociaal wijkteam.",
    "Overleg gevoerd met de huisarts over de situatie.",
    "Controle uitgevoerd door toezichthouders van de gemeente.",
    "Zorgmelding binnengekomen via Veilig Thuis.",
]
NOTE_PERSON = [
    "Gesprek gevoerd met {who}.",
    "{who} was niet thuis; kaart achtergelaten.",
    "{who} geeft aan hulp te willen accepteren.",
    "Afspraak met {who} verzet naar volgende week.",
]
NOTE_MIDDLES = [
    "Betrokkene geeft aan hulp te willen accepteren.",
    "Er is sprake van oplopende schulden en een dreigende huisuitzetting.",
    "De woning verkeert in slechte staat; vervuiling en brandgevaar.",
    "Politie heeft een proces-verbaal opgemaakt na een incident in het portiek.",
    "GGZ heeft een crisisbeoordeling gedaan; opname is niet nodig.",
    "Afspraak gemaakt voor een vervolggesprek over twee weken.",
    "Woningcorporatie overweegt een gedragsaanwijzing.",
    "Er zijn zorgen over de veiligheid van de kinderen in het gezin.",
    "Veilig Thuis is ingeschakeld en doet onderzoek.",
    "Burgemeester overweegt een last onder bestuursdwang.",
    "Hennepkwekerij aangetroffen op zolder; stroom was illegaal afgetapt.",
    "Bewoner weigert medewerking aan het onderzoek naar de bewoning.",
    "Buurtbewoners voelen zich onveilig door intimiderend gedrag.",
    "De reclassering houdt toezicht op de bijzondere voorwaarden.",
    "Op het vakantiepark verblijven mogelijk arbeidsmigranten in slechte omstandigheden.",
    "Er is een verward persoon gesignaleerd die hulp weigert.",
    "Schuldhulpverlening is gestart met een stabilisatietraject.",
    "Bij de adrescontrole bleek de inschrijving in de BRP niet te kloppen.",
]
NOTE_CLOSERS = [
    "Actie: procesregisseur stemt af met de ketenpartners.",
    "Volgende stap: evaluatie in het casusoverleg.",
    "Termijn bewaken en terugkoppelen aan de melder.",
    "Besproken in het driehoeksoverleg; geen verdere acties.",
    "Nieuwe controle gepland binnen zes weken.",
]
CLOSED_REASONS = [
    "Doelen bereikt; zorg is overgedragen aan het wijkteam.",
    "Overlast gestopt na gesprek en afspraken.",
    "Betrokkene verhuisd naar een andere gemeente.",
    "Geen grond voor verdere aanpak.",
    "Opgeschaald naar het Zorg- en Veiligheidshuis en daar afgesloten.",
]
MEMBER_ROLES = {
    "procesregisseur": "procesregisseur",
    "projectleider": "projectleider",
    "handhaver": "toezichthouder",
    "jurist": "jurist",
    "brp": "adresonderzoeker",
    "partner": "contactpersoon",
}
LETTER_PAIRS = [a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
LETTER_PAIRS = [p for p in LETTER_PAIRS if p not in {"SA", "SD", "SS"}]

EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
DAY = 86_400


def day_number(d: date) -> int:
    return d.toordinal() - EPOCH_ORDINAL


# --- Small helpers ------------------------------------------------------------------------------------


def uuids(rng: np.random.Generator, n: int) -> list[str]:
    """`n` random version-4 UUIDs as 32 hex digits (PostgreSQL reads them without dashes)."""
    raw = rng.integers(0, 256, size=(n, 16), dtype=np.uint8)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    text = raw.tobytes().hex()
    return [text[i : i + 32] for i in range(0, 32 * n, 32)]


def make_bsns(rng: np.random.Generator, n: int) -> list[str]:
    """`n` distinct BSNs passing the 11-test, by the rule of `identity.generate_test_bsns`, vectorised."""
    weights = np.array([9, 8, 7, 6, 5, 4, 3, 2], dtype=np.int64)
    powers = 10 ** np.arange(7, -1, -1, dtype=np.int64)
    found = np.empty(0, dtype=np.int64)
    while len(found) < n:
        bodies = rng.integers(10_000_000, 100_000_000, size=int((n - len(found)) * 1.15) + 1000)
        check = ((bodies[:, None] // powers) % 10 @ weights) % 11
        found = np.concatenate([found, bodies[check < 10] * 10 + check[check < 10]])
        _, first = np.unique(found, return_index=True)
        found = found[np.sort(first)]
    return [str(b) for b in found[:n].tolist()]


class Timestamps:
    """Fast `timestamptz` text for epoch seconds (the date part is cached per day)."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}

    def day(self, d: int) -> str:
        text = self._days.get(d)
        if text is None:
            text = self._days[d] = date.fromordinal(EPOCH_ORDINAL + d).isoformat()
        return text

    def __call__(self, seconds: int) -> str:
        d, rest = divmod(seconds, DAY)
        hours, rest = divmod(rest, 3600)
        return f"{self.day(d)} {hours:02d}:{rest // 60:02d}:{rest % 60:02d}+00"


def chunks(n: int, size: int = CHUNK) -> Iterator[tuple[int, int]]:
    for start in range(0, n, size):
        yield start, min(n, start + size)


def weighted(rng: np.random.Generator, weights: Sequence[float], size: int) -> np.ndarray:
    p = np.asarray(weights, dtype=np.float64)
    return rng.choice(len(p), size=size, p=p / p.sum())


@dataclass
class Plan:
    cases: int
    persons: int
    addresses: int
    extra_users: int
    partner_orgs: int
    busy_coordinated: int
    busy_member: int
    seed: int
    first_year: int = 2019


@dataclass
class World:
    """What later tables need of earlier ones (ids and a few attributes), kept as lists and arrays."""

    municipality_id: str = ""
    case_type_ids: list[str] = field(default_factory=list)
    busy_user_id: int = 0
    coordinator_ids: list[int] = field(default_factory=list)
    coordinator_weights: list[float] = field(default_factory=list)
    member_user_ids: list[int] = field(default_factory=list)
    member_user_roles: list[str] = field(default_factory=list)
    partner_org_ids: list[str] = field(default_factory=list)
    partner_org_weights: list[float] = field(default_factory=list)
    address_ids: list[str] = field(default_factory=list)
    address_postcode: list[str] = field(default_factory=list)
    address_number: list[int] = field(default_factory=list)
    address_street: list[int] = field(default_factory=list)
    person_ids: list[str] = field(default_factory=list)
    person_surname: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int32))
    person_survivor: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    case_ids: list[str] = field(default_factory=list)
    case_created: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    case_coordinator: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    case_first_person: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    numbers_per_year: dict[int, int] = field(default_factory=dict)


# --- Surname table ------------------------------------------------------------------------------------


def surname_table(rng: np.random.Generator) -> tuple[list[tuple[str, str]], np.ndarray]:
    """(prefix, surname) entries and their probabilities: common Dutch names, other origins, a long tail."""
    entries: list[tuple[str, str]] = [(p, s) for p, s, _ in COMMON_SURNAMES]
    weights: list[float] = [float(c) for _, _, c in COMMON_SURNAMES]
    entries += [("", s) for s, _ in OTHER_SURNAMES]
    weights += [5.0 * c for _, c in OTHER_SURNAMES]
    known = sum(weights)
    tail_mass = 17_900_000 - known
    bases = [h + t for h in TAIL_HEADS for t in TAIL_TAILS if h.lower() != t]
    bases += [n + suffix for n in MALE_NAMES[:30] for suffix in ("s", "sen", "se")]
    base_weights = rng.pareto(1.2, size=len(bases)) + 0.05
    tail_entries: list[tuple[str, str]] = []
    tail_weights: list[float] = []
    for base, bw in zip(bases, base_weights.tolist(), strict=True):
        for prefix, pw in TAIL_PREFIXES:
            tail_entries.append((prefix, base))
            tail_weights.append(bw * pw)
    scale = tail_mass / sum(tail_weights)
    entries += tail_entries
    weights += [w * scale for w in tail_weights]
    p = np.asarray(weights)
    return entries, p / p.sum()


# --- Steps --------------------------------------------------------------------------------------------


def prepare_database(args: argparse.Namespace) -> None:
    """Start the embedded server (when used), throw the database away on --reset, and migrate."""
    configure_environment(args.database_url)
    import psycopg
    from psycopg import sql

    if args.database_url:
        conninfo = psycopg.conninfo.conninfo_to_dict(args.database_url)
        admin = {**conninfo, "dbname": "postgres"}
        name = str(conninfo.get("dbname", ""))
        if args.reset and "bench" not in name:
            sys.exit(f"--reset weigert database {name!r}: de naam moet 'bench' bevatten.")
    else:
        from regie.core.embedded_db import start_embedded

        with Stopwatch("ingebouwde PostgreSQL-server starten (benchmarks/.data)"):
            host, port = start_embedded(DATA_DIR)
        admin = {"host": host, "port": port, "user": "postgres", "dbname": "postgres"}
        name = EMBEDDED_DB_NAME
    if args.reset:
        with (
            Stopwatch(f"database {name} opnieuw aanmaken"),
            psycopg.connect(**admin, autocommit=True) as conn,
        ):
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    with Stopwatch("regie migrate"):
        regie = PROJECT_DIR / ".venv" / "bin" / "regie"
        command = [str(regie)] if regie.exists() else [sys.executable, "-m", "regie.cli"]
        subprocess.run([*command, "migrate", "--no-input", "-v", "0"], check=True, env=os.environ.copy())


def seed_people(plan: Plan, world: World, rng: np.random.Generator) -> None:
    """Demo municipality and named users (the real seed), extra partner organisations, staff and case types."""
    from django.contrib.auth.hashers import make_password

    from regie.accounts.models import Municipality, Organisation, OrganisationKind, Role, User
    from regie.cases.models import CaseType
    from regie.demo.accounts import seed_accounts

    for line in seed_accounts():
        print("  " + line)
    municipality = Municipality.objects.get(code="1705")
    world.municipality_id = municipality.pk.hex
    existing = set(Organisation.objects.values_list("name", flat=True))
    new_orgs = []
    for i in range(plan.partner_orgs):
        partner_type, label = PARTNER_KINDS[i % len(PARTNER_KINDS)]
        name = f"{label} {REGIONS[(i // len(PARTNER_KINDS)) % len(REGIONS)]} {i // 60 + 1}"
        if name not in existing:
            new_orgs.append(
                Organisation(
                    municipality=municipality,
                    name=name,
                    kind=OrganisationKind.PARTNER,
                    partner_type=partner_type,
                    email=f"partner{i}@partner.example",
                )
            )
    Organisation.objects.bulk_create(new_orgs)
    departments = {o.name: o for o in Organisation.objects.filter(kind=OrganisationKind.DEPARTMENT)}
    partners = list(Organisation.objects.filter(kind=OrganisationKind.PARTNER).order_by("name"))
    # Police and mental health are on more teams than a fire brigade; the demo police team is busy.
    weight = {"politie": 3.0, "ggz": 2.5, "veilig-thuis": 2.0, "wijkteam": 2.0, "woningcorporatie": 1.5}
    world.partner_org_ids = [o.pk.hex for o in partners]
    world.partner_org_weights = [
        weight.get(o.partner_type, 1.0) * (3.0 if o.name.startswith("Politie basisteam Rijk") else 1.0)
        for o in partners
    ]
    staff_plan = [
        (Role.PROCESS_DIRECTOR, "Team Zorg en Veiligheid", 0.125),
        (Role.PROJECT_LEADER, "Team Openbare Orde en Veiligheid", 0.075),
        (Role.INSPECTOR, "Toezicht en Handhaving", 0.225),
        (Role.LAWYER, "Juridische Zaken", 0.10),
        (Role.BRP, "Burgerzaken", 0.05),
    ]
    unusable = make_password(None)
    users = []
    if not User.objects.filter(username__startswith="bench-").exists():
        given = MALE_NAMES + FEMALE_NAMES
        surnames = [f"{p} {s}".strip() for p, s, _ in COMMON_SURNAMES]
        counter = 0
        for role, org_name, share in staff_plan:
            for _ in range(round(plan.extra_users * share)):
                counter += 1
                users.append((f"bench-{role}-{counter:04d}", role, departments[org_name]))
        for _ in range(plan.extra_users - len(users)):
            counter += 1
            users.append((f"bench-partner-{counter:04d}", Role.PARTNER, partners[counter % len(partners)]))
        User.objects.bulk_create(
            [
                User(
                    username=username,
                    password=unusable,
                    first_name=given[i % len(given)],
                    last_name=surnames[(i * 7) % len(surnames)],
                    email=f"{username}@regie.example",
                    role=role,
                    organisation=org,
                    job_title=MEMBER_ROLES[role],
                )
                for i, (username, role, org) in enumerate(users)
            ],
            batch_size=1000,
        )
    coordinator_weight = {
        Role.PROCESS_DIRECTOR: 3.0,
        Role.PROJECT_LEADER: 2.0,
        Role.INSPECTOR: 1.0,
        Role.LAWYER: 0.5,
    }
    busy = User.objects.get(username="procesregisseur")
    world.busy_user_id = busy.pk
    for pk, role in User.objects.exclude(pk=busy.pk).values_list("pk", "role").order_by("pk"):
        if role in coordinator_weight:
            world.coordinator_ids.append(pk)
            world.coordinator_weights.append(coordinator_weight[role])
        if role in MEMBER_ROLES:
            world.member_user_ids.append(pk)
            world.member_user_roles.append(MEMBER_ROLES[role])
    for code, label, categories, years, _ in CASE_TYPES:
        case_type, _ = CaseType.objects.get_or_create(
            code=code, defaults={"label": label, "default_categories": categories, "retention_years": years}
        )
        world.case_type_ids.append(case_type.pk.hex)
    print(
        f"  {len(partners)} partnerorganisaties, {User.objects.count()} gebruikers, "
        f"{len(world.case_type_ids)} casustypen"
    )


def schema_snapshot(cur: Any, tables: Sequence[str] = LOADED_TABLES) -> dict[str, list[list[str]]]:
    """Indexes and constraints of the loaded tables, as PostgreSQL itself writes their definitions."""
    tables = list(tables)
    cur.execute(
        """
        SELECT t.relname, i.relname, pg_get_indexdef(x.indexrelid),
               EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid
                       AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u', 'x'))
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema() AND t.relname = ANY(%s)
        ORDER BY 1, 2
        """,
        [tables],
    )
    indexes = [[t, i, d, "constraint" if c else "index"] for t, i, d, c in cur.fetchall()]
    cur.execute(
        """
        SELECT t.relname, c.conname, pg_get_constraintdef(c.oid), c.contype::text
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema() AND t.relname = ANY(%s)
        ORDER BY 1, 2
        """,
        [tables],
    )
    constraints = [list(row) for row in cur.fetchall()]
    return {"indexes": indexes, "constraints": constraints}


def drop_for_load(
    conn: Any, snapshot_path: os.PathLike[str], tables: Sequence[str] = LOADED_TABLES
) -> dict[str, list[list[str]]]:
    """Drop secondary indexes and foreign keys of the loaded tables; keep primary keys and UNIQUE constraints."""
    with conn.cursor() as cur:
        snapshot = schema_snapshot(cur, tables)
        with open(snapshot_path, "w", encoding="utf-8") as fh:
            json.dump(snapshot, fh, indent=1, ensure_ascii=False)
        for _table, name, _, kind in snapshot["indexes"]:
            if kind == "index":
                cur.execute(f'DROP INDEX "{name}"')
        for table, name, _, contype in snapshot["constraints"]:
            if contype == "f":
                cur.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
    conn.commit()
    dropped_i = sum(1 for row in snapshot["indexes"] if row[3] == "index")
    dropped_f = sum(1 for row in snapshot["constraints"] if row[3] == "f")
    print(
        f"  {dropped_i} indexen en {dropped_f} foreign keys tijdelijk verwijderd (definities in {snapshot_path})"
    )
    return snapshot


def restore_after_load(
    conn: Any, snapshot: dict[str, list[list[str]]], tables: Sequence[str] = LOADED_TABLES
) -> None:
    """Re-create the dropped indexes and foreign keys from their saved definitions; verify nothing differs."""
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SET maintenance_work_mem = '1GB'")
        cur.execute("SET max_parallel_maintenance_workers = 1")
        for _table, name, definition, kind in snapshot["indexes"]:
            if kind == "index":
                started = time.perf_counter()
                cur.execute(definition)
                print(f"  index {name}: {time.perf_counter() - started:.1f} s", flush=True)
        for table, name, definition, contype in snapshot["constraints"]:
            if contype == "f":
                started = time.perf_counter()
                cur.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
                print(f"  foreign key {name}: {time.perf_counter() - started:.1f} s", flush=True)
        after = schema_snapshot(cur, tables)
    if after != snapshot:
        raise SystemExit("Het schema na het laden wijkt af van het schema van de migraties!")
    print("  schema na het laden is gelijk aan het schema van de migraties")
    conn.autocommit = False


def copy_rows(conn: Any, table: str, columns: Sequence[str], total: int, rows: Iterator[str]) -> None:
    """COPY the text chunks from `rows` into `table`, printing progress; one transaction."""
    from psycopg.copy import QueuedLibpqWriter

    started = time.perf_counter()
    done = 0
    next_report = 0.2
    with conn.cursor() as cur:
        statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with cur.copy(statement, writer=QueuedLibpqWriter(cur)) as copy:
            for chunk, count in rows:
                copy.write(chunk)
                done += count
                if total and done / total >= next_report:
                    rate = done / (time.perf_counter() - started)
                    print(f"    {table}: {done:,} rijen ({rate:,.0f}/s)", flush=True)
                    next_report += 0.2
    conn.commit()
    seconds = time.perf_counter() - started
    print(f"  {table}: {done:,} rijen in {seconds:.1f} s ({done / max(seconds, 1e-9):,.0f}/s)", flush=True)


def address_rows(plan: Plan, world: World, rng: np.random.Generator, stamp: Timestamps) -> Iterator[Any]:
    n = plan.addresses
    per_postcode = 20
    n_postcodes = -(-n // per_postcode)
    codes = rng.choice(9000 * len(LETTER_PAIRS), size=n_postcodes, replace=False)
    postcodes = [
        f"{1000 + c // len(LETTER_PAIRS)}{LETTER_PAIRS[c % len(LETTER_PAIRS)]}" for c in codes.tolist()
    ]
    pc_street = rng.integers(0, len(STREETS), n_postcodes).tolist()
    pc_city = weighted(rng, [w for _, w in CITIES], n_postcodes).tolist()
    pc_start = rng.integers(1, 120, n_postcodes).tolist()
    ids = uuids(rng, n)
    letters = rng.random(n)
    additions = rng.random(n)
    has_bag = (rng.random(n) < 0.9).tolist()
    created = rng.integers(day_number(date(2019, 1, 1)) * DAY, int(time.time()), n).tolist()
    world.address_ids = ids
    for start, end in chunks(n):
        lines = []
        for k in range(start, end):
            pc = k // per_postcode
            number = pc_start[pc] + 2 * (k % per_postcode)
            letter = "A" if letters[k] < 0.03 else ""
            addition = ("1", "2", "bis", "hs")[int(additions[k] * 100) % 4] if additions[k] < 0.04 else ""
            bag = f"1705200{k:09d}" if has_bag[k] else ""
            ts = stamp(created[k])
            street = pc_street[pc]
            world.address_postcode.append(postcodes[pc])
            world.address_number.append(number)
            world.address_street.append(street)
            lines.append(
                f"{ids[k]}\t{ts}\t{ts}\t{postcodes[pc]}\t{number}\t{letter}\t{addition}\t"
                f"{STREETS[street]}\t{CITIES[pc_city[pc]][0]}\t{bag}\t\n"  # no BAG object: never checked
            )
        yield "".join(lines), end - start


def person_rows(plan: Plan, world: World, rng: np.random.Generator, stamp: Timestamps) -> Iterator[Any]:
    from regie.subjects.identity import fold, phonetic_key, surname_key

    n = plan.persons
    entries, probabilities = surname_table(rng)
    surname_idx = rng.choice(len(entries), size=n, p=probabilities).astype(np.int32)
    world.person_surname = surname_idx
    sx_cache = [""] * len(entries)
    fold_prefix = [fold(p) for p, _ in entries]
    fold_surname = [fold(s) for _, s in entries]
    for i, (prefix, surname) in enumerate(entries):
        sx_cache[i] = phonetic_key(surname_key(surname, prefix))
    female = rng.random(n) < 0.5
    given_count = weighted(rng, [0.5, 0.35, 0.15], n) + 1
    male_pick = rng.integers(0, len(MALE_NAMES), (n, 3))
    female_pick = rng.integers(0, len(FEMALE_NAMES), (n, 3))
    birth = rng.integers(day_number(date(1930, 1, 1)), day_number(date(2024, 12, 31)), n)
    has_birth = rng.random(n) >= 0.03
    merged = rng.random(n) < 0.003
    merged[: min(n, 1000)] = False
    has_bsn = (rng.random(n) < 0.6) & ~merged
    bsns = make_bsns(rng, int(has_bsn.sum()))
    has_address = rng.random(n) < 0.75
    address_pick = rng.integers(0, max(1, plan.addresses), n)
    phone = rng.random(n) < 0.2
    email = rng.random(n) < 0.08
    created = rng.integers(day_number(date(2019, 1, 1)) * DAY, int(time.time()), n)
    ids = uuids(rng, n)
    world.person_ids = ids
    # A merged duplicate points to a survivor that is itself not merged (merges do not chain here).
    survivor = np.arange(n, dtype=np.int64)
    merged_idx = np.flatnonzero(merged)
    candidates = rng.integers(0, n, len(merged_idx))
    candidates[merged[candidates]] = 0
    survivor[merged_idx] = candidates
    world.person_survivor = survivor
    bsn_iter = iter(bsns)
    fold_given: dict[str, str] = {}
    lists = [x.tolist() for x in (female, given_count, male_pick, female_pick, birth, has_birth)]
    female_l, count_l, male_l, female_pick_l, birth_l, has_birth_l = lists
    has_bsn_l, has_address_l, address_l = has_bsn.tolist(), has_address.tolist(), address_pick.tolist()
    merged_l, survivor_l, phone_l, email_l = (
        merged.tolist(),
        survivor.tolist(),
        phone.tolist(),
        email.tolist(),
    )
    created_l, surname_l = created.tolist(), surname_idx.tolist()
    day_cache: dict[int, tuple[str, str | None]] = {}
    for start, end in chunks(n):
        lines = []
        for i in range(start, end):
            names = MALE_NAMES if not female_l[i] else FEMALE_NAMES
            picks = female_pick_l[i] if female_l[i] else male_l[i]
            given = " ".join(dict.fromkeys(names[p] for p in picks[: count_l[i]]))
            e = surname_l[i]
            prefix, surname = entries[e]
            fg = fold_given.get(given)
            if fg is None:
                fg = fold_given[given] = fold(given)
            sort_name = " ".join(p for p in (fold_surname[e], fold_prefix[e], fg) if p)
            keys = []
            bsn = "\\N"
            if has_bsn_l[i]:
                bsn = next(bsn_iter)
                keys.append(f'"bsn:{bsn}"')
            birth_text = "\\N"
            if has_birth_l[i]:
                cached = day_cache.get(birth_l[i])
                if cached is None:
                    d = date.fromordinal(EPOCH_ORDINAL + birth_l[i])
                    swap = None
                    if d.day != d.month and d.day <= 12:
                        low, high = sorted((d.day, d.month))
                        swap = f'"dobswap:{d.year:04d}-{low:02d}-{high:02d}"'
                    cached = day_cache[birth_l[i]] = (d.isoformat(), swap)
                birth_text = cached[0]
                keys.append(f'"dob:{birth_text}"')
                if cached[1]:
                    keys.append(cached[1])
            if sx_cache[e]:
                keys.append(f'"sx:{sx_cache[e]}"')
            address = "\\N"
            if has_address_l[i] and plan.addresses:
                a = address_l[i]
                address = world.address_ids[a]
                keys.append(f'"pc:{world.address_postcode[a]}-{world.address_number[a]}"')
            ts = stamp(created_l[i])
            merged_into = ids[survivor_l[i]] if merged_l[i] else "\\N"
            phone_text = f"06 {10_000_000 + i % 89_999_999:08d}" if phone_l[i] else ""
            email_text = f"persoon{i}@voorbeeld.nl" if email_l[i] else ""
            lines.append(
                f"{ids[i]}\t{ts}\t{ts}\t{bsn}\t{given}\t{prefix}\t{surname}\t{sort_name}\t{birth_text}\t"
                f"{email_text}\t{phone_text}\t{address}\t{{{','.join(keys)}}}\t{merged_into}\t1\n"
            )
        yield "".join(lines), end - start


PERSON_COLUMNS = (
    "id", "created_at", "updated_at", "bsn", "given_names", "prefix", "surname", "sort_name", "birth_date",
    "email", "phone", "address_id", "blocking_keys", "merged_into_id", "version",
)  # fmt: skip


def load_persons(conn: Any, plan: Plan, world: World, rng: np.random.Generator, stamp: Timestamps) -> None:
    """COPY into a temporary table, then one INSERT … SELECT computes search_vector as the service does."""
    with conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE stage_person (LIKE subjects_person) ON COMMIT PRESERVE ROWS")
    conn.commit()
    copy_rows(conn, "stage_person", PERSON_COLUMNS, plan.persons, person_rows(plan, world, rng, stamp))
    with Stopwatch("personen: search_vector (to_tsvector 'simple') en INSERT"), conn.cursor() as cur:
        cols = ", ".join(PERSON_COLUMNS)
        cur.execute(
            f"INSERT INTO subjects_person ({cols}, search_vector) SELECT {cols}, "
            "to_tsvector('simple'::regconfig, COALESCE(given_names, '') || ' ' || COALESCE(prefix, '') "
            "|| ' ' || COALESCE(surname, '')) FROM stage_person"
        )
        cur.execute("DROP TABLE stage_person")
    conn.commit()


def generate_cases(plan: Plan, world: World, rng: np.random.Generator) -> dict[str, Any]:
    """Vectorised case attributes: creation time, number per year, status by age, deadline, coordinator."""
    n = plan.cases
    now = int(time.time())
    today = now // DAY
    this_year = datetime.now(tz=UTC).year
    years = list(range(plan.first_year, this_year + 1))
    starts = [day_number(date(y, 1, 1)) * DAY for y in years]
    ends = [min(day_number(date(y + 1, 1, 1)) * DAY, now) for y in years]
    year_weight = [(1 + 0.12 * k) * (e - s) for k, (s, e) in enumerate(zip(starts, ends, strict=True))]
    year_idx = weighted(rng, year_weight, n)
    s, e = np.asarray(starts)[year_idx], np.asarray(ends)[year_idx]
    created = np.sort(s + (rng.random(n) * (e - s)).astype(np.int64))
    year = (np.searchsorted(np.asarray(starts), created, side="right") - 1).astype(np.int64)
    first_of_year = np.searchsorted(year, np.arange(len(years)))
    number = np.arange(n) - first_of_year[year] + 1
    world.numbers_per_year = {
        years[y]: int(c) for y, c in enumerate(np.bincount(year, minlength=len(years)).tolist()) if c
    }
    age_days = (now - created) // DAY
    u = rng.random(n)
    # status thresholds per age band: open, in behandeling, afgeschaald, (rest) gesloten
    bands = np.select([age_days < 120, age_days < 365], [0, 1], default=2)
    cumulative = np.array([[0.50, 0.93, 0.96], [0.15, 0.55, 0.70], [0.01, 0.05, 0.15]])
    status = (u[:, None] >= cumulative[bands]).sum(axis=1)  # 0 open, 1 in behandeling, 2 afgeschaald, 3 dicht
    closed_at = created + (rng.uniform(14, 500, n) * DAY).astype(np.int64)
    closed_at = np.minimum(closed_at, now - rng.integers(0, DAY, n))
    closed_at = np.maximum(closed_at, created)
    deadline = today + rng.integers(-45, 150, n)
    has_deadline = np.where(
        status <= 1, rng.random(n) < 0.9, np.where(status == 2, rng.random(n) < 0.4, False)
    )
    coordinator = np.asarray(world.coordinator_ids)[weighted(rng, world.coordinator_weights, n)]
    busy = rng.choice(n, size=plan.busy_coordinated + plan.busy_member, replace=False)
    busy_coord, busy_member = busy[: plan.busy_coordinated], busy[plan.busy_coordinated :]
    coordinator[busy_coord] = world.busy_user_id
    is_busy_member = np.zeros(n, dtype=bool)
    is_busy_member[busy_member] = True
    world.case_created = created
    world.case_coordinator = coordinator
    return {
        "created": created,
        "year": np.asarray(years)[year],
        "number": number,
        "status": status,
        "closed_at": closed_at,
        "deadline": deadline,
        "has_deadline": has_deadline,
        "priority": weighted(rng, [0.15, 0.60, 0.20, 0.05], n),
        "case_type": weighted(rng, [t[4] for t in CASE_TYPES], n),
        "title_address": rng.integers(0, max(1, plan.addresses), n),
        "updated_offset": rng.random(n),
        "reason": rng.integers(0, len(CLOSED_REASONS), n),
        "is_busy_member": is_busy_member,
    }


STATUSES = ("open", "in-behandeling", "afgeschaald", "gesloten")
PRIORITIES = ("laag", "normaal", "hoog", "urgent")
CASE_COLUMNS = (
    "id", "created_at", "updated_at", "number", "municipality_id", "case_type_id", "title", "status",
    "priority", "coordinator_id", "closed_reason", "closed_at", "next_deadline", "version",
)  # fmt: skip


def case_rows(
    plan: Plan, world: World, rng: np.random.Generator, stamp: Timestamps, attrs: dict[str, Any]
) -> Iterator[Any]:
    n = plan.cases
    ids = uuids(rng, n)
    world.case_ids = ids
    now = int(time.time())
    cols = {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in attrs.items()}
    created, year, number, status = cols["created"], cols["year"], cols["number"], cols["status"]
    closed_at, deadline, has_deadline = cols["closed_at"], cols["deadline"], cols["has_deadline"]
    priority, case_type, title_address = cols["priority"], cols["case_type"], cols["title_address"]
    updated_offset, reason = cols["updated_offset"], cols["reason"]
    coordinator = world.case_coordinator.tolist()
    for start, end in chunks(n):
        lines = []
        for c in range(start, end):
            st = status[c]
            created_text = stamp(created[c])
            if st == 3:
                closed_text, updated = stamp(closed_at[c]), stamp(closed_at[c])
                reason_text = CLOSED_REASONS[reason[c]]
            else:
                closed_text, reason_text = "\\N", ""
                updated = stamp(created[c] + int(updated_offset[c] * (now - created[c])))
            if plan.addresses:
                a = title_address[c]
                where = f"{STREETS[world.address_street[a]]} {world.address_number[a]}"
            else:
                where = "onbekend adres"
            title = f"{CASE_TYPES[case_type[c]][1]} {where}"
            deadline_text = stamp.day(deadline[c]) if has_deadline[c] else "\\N"
            lines.append(
                f"{ids[c]}\t{created_text}\t{updated}\t{year[c]}-{number[c]:05d}\t{world.municipality_id}\t"
                f"{world.case_type_ids[case_type[c]]}\t{title}\t{STATUSES[st]}\t{PRIORITIES[priority[c]]}\t"
                f"{coordinator[c]}\t{reason_text}\t{closed_text}\t{deadline_text}\t1\n"
            )
        yield "".join(lines), end - start


SUBJECT_COLUMNS = ("id", "created_at", "updated_at", "case_id", "role", "person_id", "address_id")
PERSON_ROLES = (
    ("betrokkene", 0.60),
    ("bewoner", 0.20),
    ("melder", 0.12),
    ("gebruiker", 0.05),
    ("eigenaar", 0.03),
)
ADDRESS_ROLES = (("locatie", 0.6), ("eigenaar", 0.2), ("gebruiker", 0.2))


def subject_rows(plan: Plan, world: World, rng: np.random.Generator, stamp: Timestamps) -> Iterator[Any]:
    n = plan.cases
    per_case = weighted(rng, [0.6, 0.3, 0.1], n) + 1
    total = int(per_case.sum())
    is_person = (rng.random(total) < 0.82) | (plan.addresses == 0)
    frequent_pool = max(1, plan.persons // 30)
    frequent = rng.random(total) < 0.35
    person = np.where(frequent, rng.integers(0, frequent_pool, total), rng.integers(0, plan.persons, total))
    person = world.person_survivor[person]  # links of merged duplicates were moved to the survivor
    address = rng.integers(0, max(1, plan.addresses), total)
    person_role = weighted(rng, [w for _, w in PERSON_ROLES], total).tolist()
    address_role = weighted(rng, [w for _, w in ADDRESS_ROLES], total).tolist()
    ids = uuids(rng, total)
    first_person = np.full(n, -1, dtype=np.int64)
    per_case_l, is_person_l, person_l, address_l = (
        per_case.tolist(), is_person.tolist(), person.tolist(), address.tolist()
    )  # fmt: skip
    created = world.case_created.tolist()
    k = 0
    lines: list[str] = []
    for c in range(n):
        seen: set[int] = set()
        ts = stamp(created[c])
        for _ in range(per_case_l[c]):
            if is_person_l[k]:
                p = person_l[k]
                if p not in seen:
                    seen.add(p)
                    if first_person[c] < 0:
                        first_person[c] = p
                    lines.append(
                        f"{ids[k]}\t{ts}\t{ts}\t{world.case_ids[c]}\t{PERSON_ROLES[person_role[k]][0]}\t"
                        f"{world.person_ids[p]}\t\\N\n"
                    )
            else:
                lines.append(
                    f"{ids[k]}\t{ts}\t{ts}\t{world.case_ids[c]}\t{ADDRESS_ROLES[address_role[k]][0]}\t\\N\t"
                    f"{world.address_ids[address_l[k]]}\n"
                )
            k += 1
        if len(lines) >= CHUNK:
            yield "".join(lines), len(lines)
            lines = []
    world.case_first_person = first_person
    if lines:
        yield "".join(lines), len(lines)


MEMBER_COLUMNS = (
    "id", "created_at", "updated_at", "case_id", "user_id", "organisation_id", "case_role", "categories",
    "can_edit",
)  # fmt: skip


def member_rows(
    plan: Plan, world: World, rng: np.random.Generator, stamp: Timestamps, busy_member: np.ndarray
) -> Iterator[Any]:
    n = plan.cases
    per_case = weighted(rng, [0.05, 0.20, 0.30, 0.25, 0.12, 0.08], n)
    total = int(per_case.sum()) + int(busy_member.sum())
    is_org = (rng.random(total) < 0.15).tolist()
    org = weighted(rng, world.partner_org_weights, total).tolist()
    user = rng.integers(0, len(world.member_user_ids), total).tolist()
    care = (rng.random(total) < 0.30).tolist()
    justice = (rng.random(total) < 0.20).tolist()
    can_edit = (rng.random(total) < 0.8).tolist()
    joined = rng.integers(0, 30 * DAY, total).tolist()
    ids = uuids(rng, total)
    per_case_l, busy_l = per_case.tolist(), busy_member.tolist()
    created, coordinator = world.case_created.tolist(), world.case_coordinator.tolist()
    user_ids, user_roles, org_ids = world.member_user_ids, world.member_user_roles, world.partner_org_ids
    now = int(time.time())
    k = 0
    lines: list[str] = []
    for c in range(n):
        seen_users = {coordinator[c]}
        seen_orgs: set[int] = set()
        case_id = world.case_ids[c]
        for j in range(per_case_l[c] + (1 if busy_l[c] else 0)):
            busy_row = busy_l[c] and j == per_case_l[c]
            categories = "general" + (",care" if care[k] else "") + (",justice" if justice[k] else "")
            ts = stamp(min(now, created[c] + joined[k]))
            edit = "t" if can_edit[k] else "f"
            if busy_row:
                lines.append(
                    f"{ids[k]}\t{ts}\t{ts}\t{case_id}\t{world.busy_user_id}\t\\N\tprocesregisseur\t"
                    f"{{{categories}}}\t{edit}\n"
                )
            elif is_org[k]:
                if org[k] not in seen_orgs:
                    seen_orgs.add(org[k])
                    lines.append(
                        f"{ids[k]}\t{ts}\t{ts}\t{case_id}\t\\N\t{org_ids[org[k]]}\tketenpartner\t"
                        f"{{{categories}}}\t{edit}\n"
                    )
            else:
                u = user_ids[user[k]]
                if u not in seen_users and u != world.busy_user_id:
                    seen_users.add(u)
                    lines.append(
                        f"{ids[k]}\t{ts}\t{ts}\t{case_id}\t{u}\t\\N\t{user_roles[user[k]]}\t"
                        f"{{{categories}}}\t{edit}\n"
                    )
            k += 1
        if len(lines) >= CHUNK:
            yield "".join(lines), len(lines)
            lines = []
    if lines:
        yield "".join(lines), len(lines)


NOTE_COLUMNS = ("id", "created_at", "updated_at", "case_id", "author_id", "category", "text")


def note_rows(
    plan: Plan, world: World, rng: np.random.Generator, stamp: Timestamps, entries: list[tuple[str, str]]
) -> Iterator[Any]:
    n = plan.cases
    per_case = np.minimum(rng.poisson(1.0, n), 4)
    total = int(per_case.sum())
    ids = uuids(rng, total)
    by_coordinator = (rng.random(total) < 0.7).tolist()
    other_author = np.asarray(world.coordinator_ids)[
        rng.integers(0, len(world.coordinator_ids), total)
    ].tolist()
    category = weighted(rng, [0.65, 0.25, 0.10], total).tolist()
    opener = rng.integers(0, len(NOTE_OPENERS), total).tolist()
    mention = (rng.random(total) < 0.3).tolist()
    mention_form = rng.integers(0, len(NOTE_PERSON), total).tolist()
    middle = rng.integers(0, len(NOTE_MIDDLES), (total, 3)).tolist()
    middle_count = rng.integers(1, 4, total).tolist()
    closer = rng.integers(0, len(NOTE_CLOSERS), total).tolist()
    offset = rng.integers(0, 200 * DAY, total).tolist()
    female = (rng.random(total) < 0.5).tolist()
    per_case_l = per_case.tolist()
    created, coordinator = world.case_created.tolist(), world.case_coordinator.tolist()
    first_person = world.case_first_person.tolist()
    surname_of = world.person_surname
    categories = ("general", "care", "justice")
    now = int(time.time())
    k = 0
    lines: list[str] = []
    for c in range(n):
        for _ in range(per_case_l[c]):
            parts = [NOTE_OPENERS[opener[k]]]
            if mention[k] and first_person[c] >= 0:
                prefix, surname = entries[surname_of[first_person[c]]]
                name = f"{prefix} {surname}".strip()
                who = f"{'mevrouw' if female[k] else 'de heer'} {name[:1].upper()}{name[1:]}"
                form = NOTE_PERSON[mention_form[k]]
                if form.startswith("{"):
                    who = who[:1].upper() + who[1:]
                parts.append(form.format(who=who))
            parts += [NOTE_MIDDLES[m] for m in middle[k][: middle_count[k]]]
            parts.append(NOTE_CLOSERS[closer[k]])
            text = " ".join(parts)
            if text[:1].islower():
                text = text[:1].upper() + text[1:]
            ts = stamp(min(now, created[c] + offset[k]))
            author = coordinator[c] if by_coordinator[k] else other_author[k]
            lines.append(
                f"{ids[k]}\t{ts}\t{ts}\t{world.case_ids[c]}\t{author}\t{categories[category[k]]}\t{text}\n"
            )
            k += 1
        if len(lines) >= CHUNK:
            yield "".join(lines), len(lines)
            lines = []
    if lines:
        yield "".join(lines), len(lines)


def load_notes(conn: Any, plan: Plan, world: World, rng: np.random.Generator, stamp: Timestamps) -> None:
    entries, _ = surname_table(np.random.default_rng(plan.seed))
    with conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE stage_note (LIKE cases_note) ON COMMIT PRESERVE ROWS")
    conn.commit()
    expected = plan.cases  # about one note per case
    copy_rows(conn, "stage_note", NOTE_COLUMNS, expected, note_rows(plan, world, rng, stamp, entries))
    with Stopwatch("notities: search_vector (to_tsvector 'dutch') en INSERT"), conn.cursor() as cur:
        cols = ", ".join(NOTE_COLUMNS)
        cur.execute(
            f"INSERT INTO cases_note ({cols}, search_vector) SELECT {cols}, "
            "to_tsvector('dutch'::regconfig, COALESCE(text, '')) FROM stage_note"
        )
        cur.execute("DROP TABLE stage_note")
    conn.commit()


def verify_sample() -> None:
    """Re-compute a sample with the real service code; any difference stops the run."""
    from django.contrib.postgres.search import SearchVector
    from django.db import connection

    from regie.cases.models import Note
    from regie.subjects.identity import PersonName, is_valid_bsn
    from regie.subjects.models import Person
    from regie.subjects.services import person_keys

    with connection.cursor() as cur:
        cur.execute("SELECT id FROM subjects_person TABLESAMPLE SYSTEM (1) LIMIT 2000")
        person_ids = [r[0] for r in cur.fetchall()]
        cur.execute("SELECT id FROM cases_note TABLESAMPLE SYSTEM (1) LIMIT 1000")
        note_ids = [r[0] for r in cur.fetchall()]
    persons = Person.objects.filter(pk__in=person_ids).select_related("address")
    persons = persons.annotate(expected=SearchVector("given_names", "prefix", "surname", config="simple"))
    problems = []
    for p in persons:
        if p.sort_name != PersonName(p.given_names, p.prefix, p.surname).sort_key():
            problems.append(f"sort_name {p.pk}: {p.sort_name!r}")
        if list(p.blocking_keys) != person_keys(p):
            problems.append(f"blocking_keys {p.pk}: {p.blocking_keys} != {person_keys(p)}")
        if p.search_vector != p.expected:
            problems.append(f"search_vector {p.pk}: {p.search_vector!r} != {p.expected!r}")
        if p.bsn is not None and not is_valid_bsn(p.bsn):
            problems.append(f"bsn {p.pk}: {p.bsn}")
    notes = Note.objects.filter(pk__in=note_ids).annotate(expected=SearchVector("text", config="dutch"))
    for note in notes:
        if note.search_vector != note.expected:
            problems.append(f"note search_vector {note.pk}")
    if problems:
        raise SystemExit("Steekproef wijkt af van de services:\n" + "\n".join(problems[:20]))
    print(f"  steekproef: {len(person_ids)} personen en {len(note_ids)} notities gelijk aan de services")


def vacuum_analyze(conn: Any) -> None:
    conn.autocommit = True
    with conn.cursor() as cur:
        for table in LOADED_TABLES:
            started = time.perf_counter()
            cur.execute(f"VACUUM (ANALYZE) {table}")
            print(f"  VACUUM (ANALYZE) {table}: {time.perf_counter() - started:.1f} s", flush=True)
        cur.execute("ANALYZE")
    conn.autocommit = False


def report_sizes(conn: Any) -> None:
    with conn.cursor() as cur:
        cur.execute(
            """
            SELECT c.relname, c.reltuples::bigint, pg_size_pretty(pg_total_relation_size(c.oid))
            FROM pg_class c WHERE c.relname = ANY(%s) ORDER BY pg_total_relation_size(c.oid) DESC
            """,
            [[*LOADED_TABLES, "accounts_user", "accounts_organisation"]],
        )
        for name, rows, size in cur.fetchall():
            print(f"  {name:<24} {rows:>12,} rijen  {size:>10}")
        cur.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        print(f"  database totaal: {cur.fetchone()[0]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_database_argument(parser)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--persons", type=int, default=2_000_000)
    parser.add_argument("--addresses", type=int, default=None, help="standaard 40%% van --persons")
    parser.add_argument("--extra-users", type=int, default=2000)
    parser.add_argument("--partner-orgs", type=int, default=50)
    parser.add_argument(
        "--busy-coordinated", type=int, default=2000, help="casussen die 'procesregisseur' regisseert"
    )
    parser.add_argument(
        "--busy-member", type=int, default=3000, help="casussen waarin 'procesregisseur' teamlid is"
    )
    parser.add_argument("--first-year", type=int, default=2019)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--small", action="store_true", help="20.000 casussen en 40.000 personen")
    parser.add_argument("--reset", action="store_true", help="benchmarkdatabase eerst weggooien")
    args = parser.parse_args(argv)
    if args.small:
        args.cases, args.persons, args.extra_users, args.partner_orgs = 20_000, 40_000, 200, 20
        args.busy_coordinated, args.busy_member = 400, 600
    plan = Plan(
        cases=args.cases,
        persons=args.persons,
        addresses=args.addresses if args.addresses is not None else int(args.persons * 0.4),
        extra_users=args.extra_users,
        partner_orgs=args.partner_orgs,
        busy_coordinated=min(args.busy_coordinated, args.cases // 2),
        busy_member=min(args.busy_member, args.cases // 2),
        seed=args.seed,
        first_year=args.first_year,
    )
    started = time.perf_counter()
    print(f"Benchmarkdata: {plan}")
    prepare_database(args)
    setup_django(args.database_url)
    import psycopg

    conn = psycopg.connect(**connection_kwargs())  # type: ignore[arg-type]
    with conn.cursor() as cur:
        for table in LOADED_TABLES:
            cur.execute(f"SELECT EXISTS (SELECT 1 FROM {table})")
            if cur.fetchone()[0]:
                sys.exit(
                    f"{table} is niet leeg: draai opnieuw met --reset om de benchmarkdatabase te vervangen."
                )
        cur.execute("SET synchronous_commit = off")
        cur.execute("SET temp_buffers = '256MB'")
    conn.commit()
    rng = np.random.default_rng(plan.seed)
    world = World()
    stamp = Timestamps()
    timings: dict[str, float] = {}

    def step(label: str, fn: Callable[[], None]) -> None:
        with Stopwatch(label) as watch:
            fn()
        timings[label] = watch.seconds

    step("organisaties, gebruikers en casustypen", lambda: seed_people(plan, world, rng))
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    snapshot: dict[str, list[list[str]]] = {}

    def drop() -> None:
        snapshot.update(drop_for_load(conn, DATA_DIR / "schema-before-load.json"))

    step("indexen en foreign keys tijdelijk weg", drop)
    step(
        "adressen",
        lambda: copy_rows(
            conn,
            "subjects_address",
            ("id", "created_at", "updated_at", "postcode", "house_number", "house_letter", "addition",
             "street", "city", "bag_id", "bag_object_id"),
            plan.addresses,
            address_rows(plan, world, rng, stamp),
        ),
    )  # fmt: skip
    step("personen", lambda: load_persons(conn, plan, world, rng, stamp))
    attrs: dict[str, Any] = {}

    def cases() -> None:
        attrs.update(generate_cases(plan, world, rng))
        copy_rows(conn, "cases_case", CASE_COLUMNS, plan.cases, case_rows(plan, world, rng, stamp, attrs))

    step("casussen", cases)
    step(
        "betrokkenen in casussen",
        lambda: copy_rows(
            conn,
            "cases_casesubject",
            SUBJECT_COLUMNS,
            int(plan.cases * 1.5),
            subject_rows(plan, world, rng, stamp),
        ),
    )
    step(
        "teamleden",
        lambda: copy_rows(
            conn,
            "cases_casemember",
            MEMBER_COLUMNS,
            int(plan.cases * 2.4),
            member_rows(plan, world, rng, stamp, attrs["is_busy_member"]),
        ),
    )
    step("notities", lambda: load_notes(conn, plan, world, rng, stamp))

    def counters() -> None:
        with conn.cursor() as cur:
            for year, last in world.numbers_per_year.items():
                cur.execute(
                    "INSERT INTO cases_casenumbercounter (year, last) VALUES (%s, %s) "
                    "ON CONFLICT (year) DO UPDATE SET last = EXCLUDED.last",
                    [year, last],
                )
        conn.commit()
        print(f"  casusnummers per jaar: {world.numbers_per_year}")

    step("casusnummertellers", counters)
    step("indexen en foreign keys terugzetten", lambda: restore_after_load(conn, snapshot))
    step("VACUUM (ANALYZE)", lambda: vacuum_analyze(conn))
    step("steekproef tegen de services", verify_sample)
    report_sizes(conn)
    conn.close()
    total = time.perf_counter() - started
    print(
        f"Klaar in {total / 60:.1f} min. Stappen: " + ", ".join(f"{k} {v:.0f}s" for k, v in timings.items())
    )


if __name__ == "__main__":
    main()
