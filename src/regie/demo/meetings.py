"""The demo's case meetings (issue 15): the weekly PGA triage, the individual case meeting (on demand), the park's
partner meeting with the Province (monthly) and the ondermijning meeting with the police (monthly), each with a
next meeting whose agenda holds the demo's own cases. Idempotent: a series is looked up by its name, a meeting by
its series and day, an item by its meeting and case."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.utils import timezone

from regie.access.case_access import access_to
from regie.access.meetings_access import cases_for_agenda, items_visible_to
from regie.accounts.models import Organisation, User
from regie.meetings.models import (
    AgendaItem,
    Cadence,
    DiscussionRequest,
    Meeting,
    MeetingAttendee,
    MeetingSeries,
)
from regie.meetings.services.meetings import attendee_add, item_add, meeting_plan
from regie.meetings.services.planning import discussion_request
from regie.meetings.services.series import series_create

WGS = "Wet gegevensverwerking door samenwerkingsverbanden (WGS); AVG art. 6 lid 1 sub e (publieke taak)"
SERIES: list[dict[str, Any]] = [
    {
        "name": "Wekelijkse triage PGA",
        "purpose": "Nieuwe aanmeldingen en lopende PGA-casussen bespreken: opnemen, opschalen naar het Zorg- en "
        "Veiligheidshuis of afschalen naar het wijkteam.",
        "basis": WGS,
        "covenant": "Convenant Zorg- en Veiligheidshuis Gelderland-Zuid 2025",
        "cadence": Cadence.WEEKLY,
        "chair": "procesregisseur",
        "partners": ("politie", "ggz", "wijkteam", "reclassering"),
        "types": ("pga-casus", "zorg-en-veiligheidscasus"),
        "sources": ["pga-triage"],
        "attendees": ("politie", "ggz"),
        "weekday": 1,
        "hour": 10,
    },
    {
        "name": "Individueel casusoverleg",
        "purpose": "Eén casus met de betrokken partners: één plan, één regisseur, afspraken met een datum.",
        "basis": WGS,
        "covenant": "Convenant Zorg- en Veiligheidshuis Gelderland-Zuid 2025",
        "cadence": Cadence.ON_DEMAND,
        "chair": "procesregisseur",
        "partners": ("politie", "ggz"),
        "types": ("zorg-en-veiligheidscasus",),
        "attendees": ("ggz",),
        "weekday": 3,
        "hour": 14,
        "limit": 1,
    },
    {
        "name": "Partneroverleg vakantiepark met de Provincie",
        "purpose": "Voortgang van de aanpak permanente bewoning en de handhaving op het park, met de Provincie.",
        "basis": "AVG art. 6 lid 1 sub e (publieke taak); Wet ruimtelijke ordening en Omgevingswet (handhaving)",
        "covenant": "Samenwerkingsafspraken vakantieparken Gelderland",
        "cadence": Cadence.MONTHLY,
        "chair": "projectleider",
        "partners": ("provincie",),
        "types": ("handhaving-permanente-bewoning",),
        "attendees": ("handhaver",),
        "weekday": 2,
        "hour": 13,
    },
    {
        "name": "Overleg ondermijning met de politie",
        "purpose": "Signalen en lopende onderzoeken naar ondermijning bespreken en de interventies afstemmen.",
        "basis": "AVG art. 6 lid 1 sub e en art. 10; Opiumwet art. 13b; RIEC-convenant",
        "covenant": "RIEC Oost-Nederland, convenant 2024",
        "cadence": Cadence.MONTHLY,
        "chair": "projectleider",
        "partners": ("politie", "openbaar-ministerie"),
        "types": ("ondermijningsonderzoek", "opiumwet-13b"),
        "attendees": ("politie", "jurist"),
        "weekday": 4,
        "hour": 9,
    },
]


def _next(weekday: int, hour: int) -> datetime:
    today = timezone.localdate()
    day = today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def seed_meetings() -> list[str]:
    users = {u.username: u for u in User.objects.select_related("organisation")}
    admin = users.get("beheerder")
    if admin is None or admin.organisation is None:
        return []
    municipality = admin.organisation.municipality
    created = 0
    for spec in SERIES:
        chair = users[spec["chair"]]
        series = MeetingSeries.objects.filter(municipality=municipality, name=spec["name"]).first()
        if series is None:
            series = series_create(
                actor=admin,
                municipality=municipality,
                name=str(spec["name"]),
                purpose=str(spec["purpose"]),
                legal_basis=str(spec["basis"]),
                covenant=str(spec["covenant"]),
                cadence=str(spec["cadence"]),
                chair=chair,
                organisations=list(
                    Organisation.objects.filter(municipality=municipality, partner_type__in=spec["partners"])
                ),
                agenda_sources=list(spec.get("sources", [])),
            )
            created += 1
        starts = _next(int(spec["weekday"]), int(spec["hour"]))
        meeting = Meeting.objects.filter(series=series, starts_at__date=starts.date()).first()
        if meeting is None:
            meeting = meeting_plan(
                actor=chair, series=series, starts_at=starts, place="Gemeentehuis Bemmel, kamer 2.14"
            )
            created += 1
        for username in spec["attendees"]:
            person = users[username]
            if not MeetingAttendee.objects.filter(meeting=meeting, user=person).exists():
                partner = series.organisations.filter(pk__in=[person.organisation_id]).exists()
                attendee_add(
                    actor=chair,
                    meeting=meeting,
                    user=person,
                    reason="" if partner else "Betrokken bij een casus op de agenda",
                )
        on_agenda = set(items_visible_to(chair, meeting).values_list("case_id", flat=True))
        from_door = cases_for_agenda(chair, spec["types"])
        for case in from_door[: int(spec.get("limit", 3))]:
            if case.pk in on_agenda:
                continue
            item_add(
                actor=chair,
                meeting=meeting,
                case_number=case.number,
                question="Stand van zaken en afspraken voor de komende periode.",
            )
            created += 1
        if not items_visible_to(chair, meeting).filter(case__isnull=True).exists():
            item_add(actor=chair, meeting=meeting, title="Mededelingen en rondvraag")
    created += _seed_request(users["procesregisseur"], municipality)
    return [f"casusoverleggen: {created} nieuw"] if created else []


def _seed_request(coordinator: User, municipality: Any) -> int:
    """The coordinator asks the individual case meeting to discuss one of their open cases not yet on an agenda."""
    series = MeetingSeries.objects.filter(municipality=municipality, name="Individueel casusoverleg").first()
    if series is None or DiscussionRequest.objects.filter(series=series).exists():
        return 0
    on_agenda = set(AgendaItem.objects.filter(meeting__series=series).values_list("case_id", flat=True))
    for case in cases_for_agenda(coordinator, ("zorg-en-veiligheidscasus", "pga-casus")):
        if case.coordinator_id == coordinator.pk and case.pk not in on_agenda:
            discussion_request(
                actor=coordinator,
                access=access_to(coordinator, case),
                series=series,
                question="De hulp loopt vast op de woonsituatie: wie neemt de regie en wat is er nodig van de "
                "woningcorporatie?",
            )
            return 1
    return 0
