"""The agenda as PDF (only what its reader may see, read back with pypdf), the meeting as iCalendar and the personal
feed behind a revocable secret (stored hashed), neither holding personal data."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.test import Client
from icalendar import Calendar
from pypdf import PdfReader

from regie.accounts.models import User
from regie.meetings.models import CalendarFeed
from regie.meetings.services.calendar import feed_create
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.meetings import MeetingsWorld

pytestmark = pytest.mark.django_db
SignIn = Callable[[User], Client]


def _pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _persons(case: object) -> list[object]:
    return list(case.subjects.filter(person__isnull=False).values_list("person_id", flat=True))  # type: ignore[attr-defined]


def test_the_pdf_agenda_of_a_partner_holds_only_their_case(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    response = sign_in(w.users["ggz"]).get(w.url("/agenda.pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert w.case_a.number in text and "Wie neemt de regie?" in text
    assert "Evaluatie van het convenant" in text
    assert w.case_b.number not in text and "Els Bakker" not in text and "opschalen" not in text
    entry = ProcessingLogEntry.objects.get(action="meeting.agenda_downloaded", actor_id=w.users["ggz"].pk)
    assert set(_persons(w.case_a)) <= set(entry.person_ids)
    assert not set(_persons(w.case_b)) & set(entry.person_ids)


def test_the_chair_s_pdf_holds_every_item(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    text = _pdf_text(sign_in(w.users["procesregisseur"]).get(w.url("/agenda.pdf")).content)
    assert w.case_a.number in text and w.case_b.number in text


def test_the_pdf_is_refused_to_who_is_not_invited(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    assert sign_in(w.users["brp"]).get(w.url("/agenda.pdf")).status_code == 404
    assert sign_in(w.users["analist"]).get(w.url("/agenda.pdf")).status_code == 403
    assert not ProcessingLogEntry.objects.filter(action="meeting.agenda_downloaded").exists()


def test_an_unconfirmed_deelnemer_gets_the_statement_not_the_pdf(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    response = sign_in(w.users["jurist"]).get(w.url("/agenda.pdf"))
    assert response.status_code == 302 and response["Location"].endswith("/geheimhouding")


def test_the_meeting_as_icalendar_has_no_personal_data(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    response = sign_in(w.users["politie"]).get(w.url("/agenda.ics"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == "Wekelijkse triage PGA"
    assert str(events[0]["LOCATION"]) == "Gemeentehuis Bemmel"
    assert events[0].decoded("DTSTART") == w.meeting.starts_at.replace(microsecond=0) or events[0].decoded(
        "DTSTART"
    ).replace(microsecond=0) == w.meeting.starts_at.replace(microsecond=0)
    raw = response.content.decode()
    for secret in (w.case_a.number, w.case_b.number, "Vries", "Bakker", "regie?", "Evaluatie"):
        assert secret not in raw


def test_the_icalendar_of_a_meeting_not_attended_is_404(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    assert sign_in(w.users["brp"]).get(w.url("/agenda.ics")).status_code == 404
    assert sign_in(w.users["analist"]).get(w.url("/agenda.ics")).status_code == 403


def test_the_feed_works_with_its_secret_and_stops_when_revoked(
    client: Client, sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    ggz = w.users["ggz"]
    secret = feed_create(actor=ggz)
    stored = CalendarFeed.objects.get(user=ggz)
    assert secret not in stored.secret_hash and len(stored.secret_hash) == 64
    anonymous = Client()
    response = anonymous.get(f"/overleggen/agenda/{secret}.ics")
    assert response.status_code == 200
    raw = response.content.decode()
    assert "Wekelijkse triage PGA" in raw and "Gemeentehuis Bemmel" in raw
    for secret_word in (w.case_a.number, "Vries", "Bakker", "Evaluatie", "ggz", str(ggz)):
        assert secret_word not in raw
    assert anonymous.get("/overleggen/agenda/verkeerd-geheim.ics").status_code == 404
    page = sign_in(ggz)
    response = page.post("/overleggen/agendafeed", {"actie": "intrekken"})
    assert response.status_code == 302
    assert anonymous.get(f"/overleggen/agenda/{secret}.ics").status_code == 404
    assert ProcessingLogEntry.objects.filter(action="meeting.calendar_feed_revoked", actor_id=ggz.pk).exists()


def test_the_feed_holds_only_meetings_of_its_owner(meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    secret = feed_create(actor=w.users["brp"])
    raw = Client().get(f"/overleggen/agenda/{secret}.ics").content.decode()
    assert "BEGIN:VCALENDAR" in raw and "VEVENT" not in raw


def test_the_feed_page_makes_a_new_address_once(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    client = sign_in(w.users["politie"])
    assert "geen actief adres" in client.get("/overleggen/agendafeed").content.decode()
    text = client.post("/overleggen/agendafeed", {"actie": "nieuw"}).content.decode()
    assert "/overleggen/agenda/" in text and ".ics" in text
    old = CalendarFeed.objects.get(user=w.users["politie"], revoked_at__isnull=True)
    client.post("/overleggen/agendafeed", {"actie": "nieuw"})
    old.refresh_from_db()
    assert old.revoked_at is not None
    assert CalendarFeed.objects.filter(user=w.users["politie"], revoked_at__isnull=True).count() == 1


def test_the_feed_page_refuses_bad_input_and_outsiders(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    response = sign_in(w.users["politie"]).post("/overleggen/agendafeed", {"actie": "alles"})
    assert response.status_code == 400 and "Kies of u een nieuw adres" in response.content.decode()
    assert not CalendarFeed.objects.exists()
    assert sign_in(w.users["analist"]).get("/overleggen/agendafeed").status_code == 403
    assert Client().get("/overleggen/agendafeed").status_code == 302


def test_a_feed_of_a_deactivated_user_stops(meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    ggz = w.users["ggz"]
    secret = feed_create(actor=ggz)
    User.objects.filter(pk=ggz.pk).update(is_active=False)
    assert Client().get(f"/overleggen/agenda/{secret}.ics").status_code == 404
