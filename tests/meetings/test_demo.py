"""The demo's case meetings: the weekly PGA triage, the individual case meeting, the park's partner meeting with the
Province and the ondermijning meeting with the police, each with a next meeting whose agenda holds demo cases;
seeding twice changes nothing, and each attendee sees only their own cases on the agenda."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from regie.access.meetings_access import get_meeting_for
from regie.accounts.models import User
from regie.demo.seed import seed_demo
from regie.meetings.models import AgendaItem, Cadence, DiscussionRequest, Meeting, MeetingSeries

pytestmark = pytest.mark.django_db


def test_demo_meetings(users: dict[str, User], sign_in: Callable[[User], Client]) -> None:
    report = seed_demo()
    series = {s.name: s for s in MeetingSeries.objects.all()}
    assert len(series) == 4, report
    assert series["Wekelijkse triage PGA"].cadence == Cadence.WEEKLY
    assert series["Individueel casusoverleg"].cadence == Cadence.ON_DEMAND
    assert series["Partneroverleg vakantiepark met de Provincie"].cadence == Cadence.MONTHLY
    assert series["Overleg ondermijning met de politie"].chair.username == "projectleider"
    assert AgendaItem.objects.filter(case__isnull=False).count() >= 4
    counts = (MeetingSeries.objects.count(), Meeting.objects.count(), AgendaItem.objects.count())
    seed_demo()
    assert (MeetingSeries.objects.count(), Meeting.objects.count(), AgendaItem.objects.count()) == counts
    triage = Meeting.objects.get(series=series["Wekelijkse triage PGA"])
    chair_view = get_meeting_for(users["procesregisseur"], triage.pk, log=False)
    police_view = get_meeting_for(users["politie"], triage.pk, log=False)
    assert len(chair_view.items) >= len(police_view.items)
    page = sign_in(users["procesregisseur"]).get(f"/overleggen/{triage.pk}")
    assert page.status_code == 200 and "Wekelijkse triage PGA" in page.content.decode()
    # the triage draws on the PGA referrals awaiting triage; the coordinator asked to discuss one case
    assert series["Wekelijkse triage PGA"].agenda_sources == ["pga-triage"]
    assert "PGA-aanmeldingen die wachten op triage" in page.content.decode()
    assert DiscussionRequest.objects.filter(series=series["Individueel casusoverleg"]).count() == 1
