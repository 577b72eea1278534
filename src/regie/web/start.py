"""The start page per role: what that role works on, with empty states that say how work arrives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from regie.accounts.models import Role


@dataclass(frozen=True)
class Panel:
    title: str
    empty: str  # what will appear here and how it gets here
    items: list[dict[str, Any]] = field(default_factory=list)
    link: tuple[str, str] | None = None


INTRO = {
    Role.PROCESS_DIRECTOR: "U regisseert de zorg- en veiligheidscasussen: triage van signalen, casusoverleggen en "
    "de persoonsgerichte aanpak.",
    Role.PROJECT_LEADER: "U bent het vaste aanspreekpunt voor de aanpak van het vakantiepark en ondermijning.",
    Role.INSPECTOR: "U voert controles uit, schrijft rapporten van bevindingen en bewaakt handhavingstermijnen.",
    Role.LAWYER: "U neemt besluiten, schrijft brieven en behandelt bezwaar en beroep.",
    Role.BRP: "U voert adresonderzoeken in de BRP uit, gescheiden van de handhaving.",
    Role.PARTNER: "U werkt als ketenpartner mee aan de casussen waarin u bent opgenomen.",
    Role.ANALYST: "U ziet geaggregeerde cijfers over de veiligheidsagenda, nooit gegevens van personen.",
    Role.ADMINISTRATOR: "U beheert gebruikers, organisaties en beleidstabellen. Casusinhoud ziet u niet.",
    Role.PRIVACY: "U houdt toezicht op de verwerking van persoonsgegevens: het verwerkingslog, verzoeken van "
    "betrokkenen en bewaartermijnen.",
}

EMPTY_PANELS: dict[str, list[Panel]] = {
    Role.PROCESS_DIRECTOR: [
        Panel(
            "Triagewachtrij",
            "Nog geen signalen om te beoordelen. Signalen van medewerkers, partners en "
            "inwoners komen hier binnen zodra de signaalintake in gebruik is.",
        ),
        Panel(
            "Mijn casussen",
            "U heeft nog geen casussen. Een casus ontstaat als u een signaal oppakt of een "
            "nieuwe casus start.",
        ),
    ],
    Role.PROJECT_LEADER: [
        Panel(
            "Vakantiepark",
            "Nog geen kavels of controles. Het parkregister vult zich na de import van de "
            "kavels; controlerondes verschijnen hier zodra ze gepland zijn.",
        ),
        Panel(
            "Mijn casussen",
            "U bent nog niet opgenomen in een casus. Een procesregisseur of coördinator voegt "
            "u toe aan het team.",
        ),
    ],
    Role.INSPECTOR: [
        Panel(
            "Mijn controles",
            "Geen geplande controles. Geplande controlerondes waarin u bent ingedeeld verschijnen hier.",
        ),
        Panel(
            "Termijnen",
            "Geen lopende handhavingstermijnen. Zodra een procedure loopt, ziet u hier wat "
            "binnen 30 dagen verloopt.",
        ),
    ],
    Role.LAWYER: [
        Panel(
            "Termijnen",
            "Geen lopende termijnen. Besluiten, bezwaar- en beroepstermijnen verschijnen hier "
            "zodra een procedure loopt.",
        ),
        Panel("Brieven", "Nog geen brieven om te maken. Een stap die een brief vraagt, zet die hier klaar."),
    ],
    Role.BRP: [
        Panel(
            "Adresonderzoeken",
            "Geen lopende adresonderzoeken. Een onderzoek start na een melding of een "
            "verwijzing vanuit een controle.",
        ),
    ],
    Role.PARTNER: [
        Panel(
            "Mijn casussen",
            "U bent nog niet opgenomen in een casus. De coördinator van een casus voegt u of "
            "uw organisatie toe aan het team.",
        ),
        Panel(
            "Signaal melden",
            "Meld een zorg- of veiligheidssignaal met het formulier of via de API "
            "(POST /api/v1/signals met uw API-token).",
        ),
    ],
    Role.ANALYST: [
        Panel(
            "Monitoring",
            "Nog geen cijfers. Dashboards per thema verschijnen zodra er signalen, casussen "
            "en procedures zijn.",
        ),
    ],
}


def panels_for(user: Any) -> list[Panel]:
    """The panels on this user's start page; the administrator and privacy officer see live figures."""
    role = getattr(user, "role", "")
    if role == Role.ADMINISTRATOR:
        from regie.accounts.models import Organisation, User

        return [
            Panel(
                "Beheer",
                "",
                items=[
                    {"label": "Gebruikers", "value": User.objects.count(), "url": "/beheer/gebruikers"},
                    {
                        "label": "Organisaties",
                        "value": Organisation.objects.count(),
                        "url": "/beheer/organisaties",
                    },
                ],
                link=("/beheer", "Naar beheer"),
            )
        ]
    if role == Role.PRIVACY:
        from regie.access.selectors import latest_checkpoint

        checkpoint = latest_checkpoint()
        if checkpoint is None:
            status = "Nog niet gecontroleerd; de nachtelijke controle legt een controlepunt vast."
        elif checkpoint.intact:
            status = f"Laatste controle: intact tot en met regel {checkpoint.seq}."
        else:
            status = f"Laatste controle: GEBROKEN bij regel {checkpoint.first_broken_seq}."
        return [Panel("Verwerkingslog", status, link=("/privacy/verwerkingslog", "Verwerkingslog bekijken"))]
    return EMPTY_PANELS.get(role, [])
