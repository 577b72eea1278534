"""The meetings world (fixture `meetings_world` in tests/meetings/conftest.py).

`procesregisseur` chairs the weekly triage, a series with the police and GGZ as covenant partners, and planned a
meeting for tomorrow. On its agenda: case A about Jan de Vries (GGZ on its team with general and care), case B about
Els Bakker (the police on its team with general and justice) and a free item. Attendees: `politie` and `ggz`
(partners) and `jurist` (a deelnemer from outside the partners, invited with a reason, not yet confirmed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from regie.accounts.models import Organisation, User
from regie.cases.models import Case
from regie.meetings.models import AgendaItem, Cadence, Meeting, MeetingSeries
from regie.meetings.services.meetings import attendee_add, item_add, meeting_plan
from regie.meetings.services.series import series_create
from tests.worlds.cases import add_member, make_case, make_person, stored_case_type


@dataclass
class MeetingsWorld:
    users: dict[str, User]
    series: MeetingSeries
    meeting: Meeting
    case_a: Case
    case_b: Case
    item_a: AgendaItem
    item_b: AgendaItem
    free: AgendaItem

    def url(self, suffix: str = "") -> str:
        return f"/overleggen/{self.meeting.pk}{suffix}"

    def item_url(self, item: AgendaItem, suffix: str = "") -> str:
        return f"/overleggen/{self.meeting.pk}/agendapunten/{item.pk}{suffix}"


def make_series(users: dict[str, User], name: str = "Wekelijkse triage PGA") -> MeetingSeries:
    admin = users["beheerder"]
    assert admin.organisation is not None
    municipality = admin.organisation.municipality
    return series_create(
        actor=admin,
        municipality=municipality,
        name=name,
        purpose="Aanmeldingen en lopende casussen bespreken",
        legal_basis="WGS; AVG art. 6 lid 1 sub e",
        covenant="Convenant ZVH 2025",
        cadence=Cadence.WEEKLY,
        chair=users["procesregisseur"],
        organisations=list(
            Organisation.objects.filter(
                pk__in=[users["politie"].organisation_id, users["ggz"].organisation_id]
            )
        ),
    )


def make_meetings_world(users: dict[str, User]) -> MeetingsWorld:
    case_type = stored_case_type(
        "zorg-en-veiligheidscasus", "Zorg- en veiligheidscasus", ("general", "care", "justice"), 5
    )
    chair = users["procesregisseur"]
    series = make_series(users)
    meeting = meeting_plan(
        actor=chair, series=series, starts_at=timezone.now() + timedelta(days=1), place="Gemeentehuis Bemmel"
    )
    jan = make_person(chair)
    els = make_person(
        chair, surname="Bakker", prefix="", given_names="Els", bsn="123456782", with_address=False
    )
    case_a = make_case(chair, case_type, title="Zorgen rond Jan de Vries", person=jan)
    case_b = make_case(chair, case_type, title="Overlast rond Els Bakker", person=els)
    add_member(case_a, chair, user=users["ggz"], categories=("general", "care"))
    add_member(case_b, chair, user=users["politie"], categories=("general", "justice"))
    attendee_add(actor=chair, meeting=meeting, user=users["politie"])
    attendee_add(actor=chair, meeting=meeting, user=users["ggz"])
    attendee_add(
        actor=chair, meeting=meeting, user=users["jurist"], reason="Juridisch advies over de 13b-zaak"
    )
    item_a = item_add(actor=chair, meeting=meeting, case_number=case_a.number, question="Wie neemt de regie?")
    item_b = item_add(actor=chair, meeting=meeting, case_number=case_b.number, question="Is opschalen nodig?")
    free = item_add(actor=chair, meeting=meeting, title="Evaluatie van het convenant")
    return MeetingsWorld(users, series, meeting, case_a, case_b, item_a, item_b, free)
