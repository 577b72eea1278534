"""Demo intake (fictional): categories with their promises, the threshold, routing rules, queue leads and signals.

Everything goes through the services, as a user would. Idempotent: categories by code, rules by name, signals by
their description; running it twice changes nothing.
"""

from __future__ import annotations

from decimal import Decimal

from regie.accounts.models import Municipality, Organisation, User
from regie.intake.models import (
    Channel,
    ClassifierSetting,
    LocationKind,
    RoutingRule,
    Signal,
    SignalCategory,
    Source,
    SubjectKind,
    Urgency,
)
from regie.intake.services import policy
from regie.intake.services.inputs import Reporter, SubjectInput
from regie.intake.services.process import signal_process
from regie.intake.services.receive import signal_receive

# code, label, triage (working days), first action (working days), urgent (hours)
CATEGORIES = [
    ("ondermijning", "Ondermijning", 2, 5, 4),
    ("drugs", "Drugs", 2, 5, 4),
    ("permanente-bewoning", "Permanente bewoning", 5, 10, 24),
    ("adreskwaliteit", "Adreskwaliteit (BRP)", 5, 10, 24),
    ("zorg-en-veiligheid", "Zorg en veiligheid", 1, 3, 2),
    ("overlast", "Overlast", 3, 5, 8),
    ("digitale-criminaliteit", "Digitale criminaliteit", 2, 5, 4),
    ("overig", "Overig", 3, 10, 8),
]

# position, name, category code, source, location kind, urgency, team
RULES = [
    (
        10,
        "Zorg en veiligheid naar de procesregisseur",
        "zorg-en-veiligheid",
        "",
        "",
        "",
        "Team Zorg en Veiligheid",
    ),
    (
        20,
        "Alles op het vakantiepark naar de projectleider",
        "",
        "",
        LocationKind.PARK_LOT,
        "",
        "Team Openbare Orde en Veiligheid",
    ),
    (
        30,
        "Permanente bewoning naar OOV",
        "permanente-bewoning",
        "",
        "",
        "",
        "Team Openbare Orde en Veiligheid",
    ),
    (40, "Ondermijning naar OOV", "ondermijning", "", "", "", "Team Openbare Orde en Veiligheid"),
    (50, "Drugs naar toezicht en handhaving", "drugs", "", "", "", "Toezicht en Handhaving"),
    (60, "Adreskwaliteit naar burgerzaken", "adreskwaliteit", "", "", "", "Burgerzaken"),
    (70, "Overlast naar toezicht en handhaving", "overlast", "", "", "", "Toezicht en Handhaving"),
]

LEADS = [("Team Openbare Orde en Veiligheid", "projectleider"), ("Toezicht en Handhaving", "handhaver")]

# source, description, location kind, location text, urgency, reporter e-mail, subjects
SIGNALS = [
    (
        Source.RESIDENT,
        "Bij de loods achter de boerderij aan de Kerkweg rijden 's nachts busjes af en aan en de ramen zijn "
        "afgeplakt. Het ruikt er soms naar anijs.",
        LocationKind.FARM_SHED,
        "Kerkweg, Loo",
        Urgency.NORMAL,
        "melder.kerkweg@voorbeeld.example",
        [],
    ),
    (
        Source.ANONYMOUS,
        "In chalet 14 op het recreatiepark woont al drie jaar een gezin met kinderen die daar ook naar school "
        "gaan. Ze staan ingeschreven op het park.",
        LocationKind.PARK_LOT,
        "Recreatiepark Rhederlaagse Meren, kavel 14",
        Urgency.NORMAL,
        "",
        [],
    ),
    (
        Source.RESIDENT,
        "Mijn buurman is erg verward, roept 's nachts op straat dat hij achtervolgd wordt en heeft gisteren "
        "met een mes gezwaaid naar kinderen. Ik maak me grote zorgen.",
        LocationKind.DWELLING,
        "Dorpsstraat, Bemmel",
        Urgency.URGENT,
        "",
        [SubjectInput(kind=SubjectKind.PERSON, data={"surname": "Vermeulen", "given_names": "Gerrit"})],
    ),
    (
        Source.ENTREPRENEUR,
        "Ik kreeg een mail van 'mijn bank' met een link om mijn bedrijfsrekening te verifiëren en heb mijn "
        "inloggegevens ingevuld. Daarna is er 4.800 euro van de rekening gehaald.",
        LocationKind.ONLINE,
        "",
        Urgency.NORMAL,
        "kapsalon.demo@voorbeeld.example",
        [],
    ),
    (
        Source.RESIDENT,
        "Op mijn adres staan vier mensen ingeschreven die ik niet ken. Ik krijg steeds post voor ze, ook van "
        "het CJIB.",
        LocationKind.DWELLING,
        "Rijksweg, Huissen",
        Urgency.NORMAL,
        "",
        [],
    ),
]


def _categories() -> int:
    created = 0
    for position, (code, label, triage, first, hours) in enumerate(CATEGORIES, start=1):
        if not SignalCategory.objects.filter(code=code).exists():
            policy.category_create(
                actor=None,
                code=code,
                label=label,
                triage_days=triage,
                first_action_days=first,
                urgent_hours=hours,
                position=position,
            )
            created += 1
    if not ClassifierSetting.objects.filter(pk=1).exists():
        policy.threshold_set(actor=None, threshold=Decimal("0.50"))
    return created


def _rules(municipality: Municipality) -> int:
    created = 0
    for position, name, code, source, kind, urgency, team in RULES:
        if RoutingRule.objects.filter(municipality=municipality, name=name).exists():
            continue
        target = Organisation.objects.filter(municipality=municipality, name=team).first()
        if target is None:
            continue
        policy.routing_rule_create(
            actor=None,
            municipality=municipality,
            name=name,
            position=position,
            category=SignalCategory.objects.filter(code=code).first() if code else None,
            source=source,
            location_kind=kind,
            urgency=urgency,
            target=target,
        )
        created += 1
    for team, username in LEADS:
        organisation = Organisation.objects.filter(municipality=municipality, name=team).first()
        lead = User.objects.filter(username=username).first()
        if organisation is not None and lead is not None and lead.organisation_id == organisation.pk:
            policy.queue_lead_set(actor=None, organisation=organisation, lead=lead)
    return created


def seed_intake_policy(municipality: Municipality) -> tuple[int, int]:
    """The demo categories, threshold, routing rules and queue leads: (categories, rules) created."""
    return _categories(), _rules(municipality)


def seed_signals() -> list[str]:
    """Create what is missing of the demo intake; running it twice changes nothing."""
    municipality = Municipality.objects.filter(code="1705").first()
    if municipality is None:
        return ["Signalen: geen demogemeente gevonden; eerst de accounts laden."]
    categories, rules = seed_intake_policy(municipality)
    created = 0
    for source, description, kind, where, urgency, email, subjects in SIGNALS:
        if Signal.objects.filter(description=description).exists():
            continue
        signal = signal_receive(
            actor=None,
            municipality=municipality,
            source=source,
            channel=Channel.PUBLIC_FORM,
            description=description,
            urgency=urgency,
            location_kind=kind,
            location_text=where,
            reporter=Reporter(email=email),
            subjects=subjects,
        )
        signal_process(
            signal_id=signal.pk
        )  # the demo shows them processed at once; the worker would do the same
        created += 1
    return [f"Signalen: {categories} categorieën, {rules} routeringsregels en {created} signalen aangemaakt."]
