"""The start page per role: what that role works on, with empty states that say how work arrives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from regie.access.case_access import may_see_cases
from regie.access.case_list import CaseListFilter, CasesByDeadline
from regie.access.subject_access import log_read
from regie.accounts.models import Organisation, Role, User
from regie.core.terms import format_date
from regie.privacy.selectors import officer_work
from regie.processing_log.selectors import latest_checkpoint


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

# What each role works on besides its cases: a short description and the page where that work is.
ROLE_PANELS: dict[str, list[Panel]] = {
    Role.PROCESS_DIRECTOR: [
        Panel(
            "Triagewachtrij",
            "Nieuwe signalen van medewerkers, partners en inwoners om te beoordelen.",
            link=("/signalen", "Naar de triagewachtrij"),
        ),
    ],
    Role.PROJECT_LEADER: [
        Panel(
            "Vakantiepark",
            "Kavels, bewoningsstatus, controlerondes en voortgang van de aanpak.",
            link=("/vakantiepark", "Naar het vakantiepark"),
        ),
        Panel(
            "Termijnen",
            "Wat binnen 30 dagen verloopt en wat over tijd is, per procedure en stap.",
            link=("/termijnen", "Naar de termijnen"),
        ),
    ],
    Role.INSPECTOR: [
        Panel(
            "Controles",
            "Controlerondes op het vakantiepark waarin u bent ingedeeld.",
            link=("/vakantiepark", "Naar het vakantiepark"),
        ),
        Panel(
            "Termijnen",
            "Handhavingstermijnen die binnen 30 dagen verlopen of over tijd zijn.",
            link=("/termijnen", "Naar de termijnen"),
        ),
    ],
    Role.LAWYER: [
        Panel(
            "Termijnen",
            "Besluiten, bezwaar- en beroepstermijnen die binnen 30 dagen verlopen of over tijd zijn.",
            link=("/termijnen", "Naar de termijnen"),
        ),
    ],
    Role.BRP: [
        Panel(
            "Adresonderzoeken",
            "Lopende BRP-adresonderzoeken en verwijzingen vanuit controles.",
            link=("/procedures", "Naar de procedures"),
        ),
    ],
    Role.PARTNER: [
        Panel(
            "Signaal melden",
            "Meld een zorg- of veiligheidssignaal met het formulier of via de API "
            "(POST /api/v1/signals met uw API-token).",
            link=("/signalen/nieuw", "Signaal melden"),
        ),
    ],
    Role.ANALYST: [
        Panel(
            "Monitoring",
            "De cijfers per thema van de veiligheidsagenda, per maand, met kleine aantallen verborgen; en de "
            "voortgangsrapportages voor de raad. U ziet alleen totalen, nooit personen.",
            link=("/monitoring", "Naar de monitoring"),
        ),
    ],
}


def _my_cases_panel(user: Any, request: HttpRequest | None) -> Panel:
    first = list(CasesByDeadline(user, CaseListFilter(open_only=True)).cases(0, 5, total=False))
    if not first:
        return Panel(
            "Mijn casussen",
            "U bent nog niet opgenomen in een casus. De coördinator van een casus voegt "
            "u of uw organisatie toe aan het team.",
        )
    log_read(  # numbers and titles of cases: a read of each, logged like the case list
        user,
        action="case.listed",
        request=request,
        object_type="case",
        case_ids=[c.pk for c in first],
        details={"cases": [c.number for c in first], "via": "start"},
    )
    today = timezone.localdate()

    def deadline(c: Any) -> str:
        if not c.next_deadline:
            return "Geen termijn"
        when = format_date(c.next_deadline, weekday=False)
        return f"Termijn verlopen op {when}" if c.next_deadline < today else f"Termijn: {when}"

    items = [
        {
            "label": f"{c.number} {c.title}",
            "url": f"/casussen/{c.pk}",
            "value": deadline(c),
            "overdue": bool(c.next_deadline and c.next_deadline < today),
        }
        for c in first
    ]
    return Panel("Mijn casussen", "", items=items, link=("/casussen", "Alle casussen"))


def panels_for(user: Any, request: HttpRequest | None = None) -> list[Panel]:
    """The panels on this user's start page; the administrator and privacy officer see live figures."""
    role = getattr(user, "role", "")
    if role == Role.ADMINISTRATOR:
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
        checkpoint = latest_checkpoint()
        if checkpoint is None:
            status = "Nog niet gecontroleerd; de nachtelijke controle legt een controlepunt vast."
        elif checkpoint.intact:
            status = f"Laatste controle: intact, {checkpoint.seq} regels in de keten."
        else:
            status = f"Laatste controle: GEBROKEN bij regel {checkpoint.first_broken_seq}."
        work = officer_work()
        requests = f"{work.open_requests} in behandeling" + (
            f", {work.overdue_requests} te laat" if work.overdue_requests else ""
        )
        return [
            Panel("Verwerkingslog", status, link=("/privacy/verwerkingslog", "Verwerkingslog bekijken")),
            Panel(
                "Verzoeken en bewaartermijnen",
                "",
                items=[
                    {
                        "label": "Verzoeken van betrokkenen",
                        "value": requests,
                        "url": "/privacy/verzoeken",
                        "overdue": bool(work.overdue_requests),
                    },
                    {
                        "label": "Vernietigingslijsten",
                        "value": f"{work.lists_to_handle} nog af te handelen",
                        "url": "/privacy/vernietigingslijsten",
                    },
                    {
                        "label": "Register van verwerkingsactiviteiten",
                        "value": "AVG art. 30",
                        "url": "/privacy/verwerkingsregister",
                    },
                ],
            ),
        ]

    panels = [_my_cases_panel(user, request)] if may_see_cases(user) else []
    return panels + ROLE_PANELS.get(role, [])
