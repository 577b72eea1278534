"""The demo municipality's organisations and one user per role (fictional people)."""

from __future__ import annotations

from regie.accounts import services
from regie.accounts.models import Municipality, Organisation, OrganisationKind, Role, User

DEMO_PASSWORD = "regie-demo"  # noqa: S105 — demo mode only; documented in the README

DEPARTMENTS = [
    ("Team Zorg en Veiligheid", "zorgenveiligheid@lingewaard.example", "026 326 0101"),
    ("Team Openbare Orde en Veiligheid", "oov@lingewaard.example", "026 326 0102"),
    ("Toezicht en Handhaving", "handhaving@lingewaard.example", "026 326 0103"),
    ("Juridische Zaken", "juridisch@lingewaard.example", "026 326 0104"),
    ("Burgerzaken", "burgerzaken@lingewaard.example", "026 326 0105"),
    ("Informatie en Monitoring", "monitoring@lingewaard.example", "026 326 0106"),
    ("Functioneel Beheer", "beheer@lingewaard.example", "026 326 0107"),
    ("Functionaris Gegevensbescherming", "fg@lingewaard.example", "026 326 0108"),
]

PARTNERS = [
    ("Politie basisteam Rijk van Nijmegen-Noord", "politie", "basisteam.noord@politie.example", "0900 8844"),
    ("GGZ Rivierenland Oost", "ggz", "aanmelding@ggz-rivierenland.example", "026 351 2000"),
    ("Openbaar Ministerie Oost-Nederland", "openbaar-ministerie", "parket.on@om.example", "088 699 1000"),
    ("Reclassering regio Arnhem", "reclassering", "arnhem@reclassering.example", "088 804 1400"),
    ("Veilig Thuis Gelderland-Midden", "veilig-thuis", "info@veiligthuis-gm.example", "0800 2000"),
    ("Woonstichting Lingestroom", "woningcorporatie", "wonen@lingestroom.example", "026 319 4400"),
    ("Provincie Gelderland, team VTH", "provincie", "vth@gelderland.example", "026 359 9999"),
    ("Sociaal Wijkteam Lingewaard", "wijkteam", "wijkteam@lingewaard.example", "026 326 0200"),
    ("Slachtofferhulp Nederland", "slachtofferhulp", "oost@slachtofferhulp.example", "0900 0101"),
    ("Jeugdbescherming Gelderland", "jeugdbescherming", "info@jbgelderland.example", "026 312 0000"),
]

# username, first name, last name, role, organisation, job title, phone
USERS = [
    (
        "procesregisseur",
        "Sanne",
        "de Wit",
        Role.PROCESS_DIRECTOR,
        "Team Zorg en Veiligheid",
        "Procesregisseur zorg en veiligheid",
        "06 1234 5601",
    ),
    (
        "projectleider",
        "Mark",
        "van der Linden",
        Role.PROJECT_LEADER,
        "Team Openbare Orde en Veiligheid",
        "Projectleider vakantiepark en ondermijning",
        "06 1234 5602",
    ),
    (
        "handhaver",
        "Ilse",
        "Hendriks",
        Role.INSPECTOR,
        "Toezicht en Handhaving",
        "Toezichthouder",
        "06 1234 5603",
    ),
    ("jurist", "Pieter", "Kuipers", Role.LAWYER, "Juridische Zaken", "Jurist handhaving", "06 1234 5604"),
    ("brp", "Fatima", "El Idrissi", Role.BRP, "Burgerzaken", "Adresonderzoeker BRP", "06 1234 5605"),
    (
        "politie",
        "Johan",
        "Bosman",
        Role.PARTNER,
        "Politie basisteam Rijk van Nijmegen-Noord",
        "Wijkagent Lingewaard",
        "06 1234 5606",
    ),
    (
        "ggz",
        "Marloes",
        "Verhoeven",
        Role.PARTNER,
        "GGZ Rivierenland Oost",
        "Sociaal psychiatrisch verpleegkundige",
        "06 1234 5607",
    ),
    ("analist", "Koen", "Smits", Role.ANALYST, "Informatie en Monitoring", "Data-analist", "06 1234 5608"),
    (
        "beheerder",
        "Anouk",
        "Jansen",
        Role.ADMINISTRATOR,
        "Functioneel Beheer",
        "Functioneel beheerder",
        "06 1234 5609",
    ),
    (
        # A second administrator: a change of role or organisation that gives case access takes two (four eyes).
        "beheerder2",
        "Yusuf",
        "Demir",
        Role.ADMINISTRATOR,
        "Functioneel Beheer",
        "Functioneel beheerder",
        "06 1234 5611",
    ),
    (
        "privacy",
        "Ruud",
        "Mulder",
        Role.PRIVACY,
        "Functionaris Gegevensbescherming",
        "Privacyfunctionaris (FG)",
        "06 1234 5610",
    ),
    (
        # The records manager: approves destruction lists, sees their metadata, never a record's contents.
        "archivaris",
        "Anouk",
        "Brink",
        Role.ARCHIVIST,
        "Functionaris Gegevensbescherming",
        "Archivaris",
        "06 1234 5612",
    ),
]


def seed_accounts() -> list[str]:
    """Create what is missing of the demo municipality; running it twice changes nothing."""
    municipality, _ = Municipality.objects.get_or_create(
        code="1705", defaults={"name": "Gemeente Lingewaard"}
    )
    created_orgs = 0
    for name, email, phone in DEPARTMENTS:
        if not Organisation.objects.filter(municipality=municipality, name=name).exists():
            services.organisation_create(
                actor=None,
                municipality=municipality,
                name=name,
                kind=OrganisationKind.DEPARTMENT,
                email=email,
                phone=phone,
            )
            created_orgs += 1
    for name, partner_type, email, phone in PARTNERS:
        if not Organisation.objects.filter(municipality=municipality, name=name).exists():
            services.organisation_create(
                actor=None,
                municipality=municipality,
                name=name,
                kind=OrganisationKind.PARTNER,
                partner_type=partner_type,
                email=email,
                phone=phone,
            )
            created_orgs += 1
    created_users = 0
    for username, first, last, role, org_name, title, phone in USERS:
        if User.objects.filter(username=username).exists():
            continue
        org = Organisation.objects.get(municipality=municipality, name=org_name)
        services.user_create(
            actor=None,
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@lingewaard.example",
            role=role,
            organisation=org,
            password=DEMO_PASSWORD,
            phone=phone,
            job_title=title,
        )
        created_users += 1
    return [
        f"Demogemeente {municipality.name}: {created_orgs} organisaties en {created_users} gebruikers aangemaakt."
    ]
