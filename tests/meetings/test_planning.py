"""What comes onto the agenda besides typed items, and the chair's approval of the minutes: a case its coordinator
asks to discuss ("bespreken", with the question), the PGA referrals awaiting triage (through the agenda-proposal
extension point, without personal data), and minutes frozen by approval (later entries are addenda; a stale
approval is a 409, nothing approved)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from regie.accounts.models import User
from regie.meetings.models import AgendaItem, DiscussionRequest, MinutesEntry, RequestStatus
from regie.meetings.services.minutes import minutes_record
from regie.meetings.services.planning import request_to_agenda
from regie.meetings.services.series import series_update
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.meetings import MeetingsWorld
from tests.worlds.pga import refer

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]  # locks rows: CI runs it on PostgreSQL 15 too
SignIn = Callable[[User], Client]


def _request_url(w: MeetingsWorld) -> str:
    return f"/overleggen/casussen/{w.case_a.pk}/bespreken"


def test_the_coordinator_asks_to_discuss_and_the_chair_puts_it_on_the_agenda(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    AgendaItem.objects.filter(pk=w.item_a.pk).delete()
    chair = sign_in(w.users["procesregisseur"])  # coordinator of both cases and the series' chair
    assert "Bespreken in een overleg" in chair.get(f"/casussen/{w.case_a.pk}").content.decode()
    assert chair.get(_request_url(w)).status_code == 200
    response = chair.post(
        _request_url(w), {"series": str(w.series.pk), "question": "Wie gaat op huisbezoek?"}
    )
    assert response.status_code == 302
    found = DiscussionRequest.objects.get(case=w.case_a)
    assert found.status == RequestStatus.OPEN
    assert ProcessingLogEntry.objects.filter(action="meeting_request.created").exists()
    page = chair.get(w.url()).content.decode()
    assert "Wie gaat op huisbezoek?" in page and "Aangemeld door de coördinator" in page
    response = chair.post(w.url(f"/aanmeldingen/{found.pk}"))
    assert response.status_code == 302
    item = AgendaItem.objects.get(meeting=w.meeting, case=w.case_a)
    assert item.question == "Wie gaat op huisbezoek?"
    found.refresh_from_db()
    assert found.status == RequestStatus.ON_AGENDA and found.item == item
    # the same request twice: refused, nothing added
    response = chair.post(w.url(f"/aanmeldingen/{found.pk}"))
    assert response.status_code == 404
    assert AgendaItem.objects.filter(meeting=w.meeting, case=w.case_a).count() == 1


def test_a_discussion_request_with_bad_input_is_refused_in_dutch(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    chair = sign_in(w.users["procesregisseur"])
    for data, message in (
        ({"series": str(w.series.pk), "question": ""}, "Dit veld is verplicht"),
        ({"series": "geen-overleg", "question": "Vraag"}, "Kies een van de mogelijkheden"),
        ({"series": str(w.series.pk), "question": "x" * 2001}, "2000"),
    ):
        response = chair.post(_request_url(w), data)
        assert response.status_code == 400, data
        assert message in response.content.decode(), data
    chair.post(_request_url(w), {"series": str(w.series.pk), "question": "Eerste vraag"})
    response = chair.post(_request_url(w), {"series": str(w.series.pk), "question": "Nog eens"})
    assert response.status_code == 400 and "al aangemeld" in response.content.decode()
    assert DiscussionRequest.objects.count() == 1


def test_only_the_coordinator_asks_to_discuss(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    assert sign_in(w.users["ggz"]).get(_request_url(w)).status_code == 403  # on the team, not coordinator
    assert sign_in(w.users["politie"]).get(_request_url(w)).status_code == 404  # does not see case A
    response = sign_in(w.users["ggz"]).post(
        _request_url(w), {"series": str(w.series.pk), "question": "Vraag"}
    )
    assert response.status_code == 403
    assert not DiscussionRequest.objects.exists()
    assert (
        "Bespreken in een overleg"
        not in sign_in(w.users["ggz"]).get(f"/casussen/{w.case_a.pk}").content.decode()
    )


def test_the_coordinator_withdraws_a_request(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    chair = sign_in(w.users["procesregisseur"])
    chair.post(_request_url(w), {"series": str(w.series.pk), "question": "Graag bespreken"})
    found = DiscussionRequest.objects.get()
    assert "Graag bespreken" in chair.get(w.url()).content.decode()
    assert Client().post(f"{_request_url(w)}/{found.pk}/intrekken").status_code == 302  # to the login
    assert sign_in(w.users["ggz"]).post(f"{_request_url(w)}/{found.pk}/intrekken").status_code == 403
    chair = sign_in(w.users["procesregisseur"])
    assert chair.post(f"{_request_url(w)}/{found.pk}/intrekken").status_code == 302
    found.refresh_from_db()
    assert found.status == RequestStatus.WITHDRAWN
    assert "Graag bespreken" not in chair.get(w.url()).content.decode()


def test_only_who_runs_the_meeting_puts_a_request_on_the_agenda(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    sign_in(w.users["procesregisseur"]).post(
        _request_url(w), {"series": str(w.series.pk), "question": "Vraag"}
    )
    found = DiscussionRequest.objects.get()
    assert sign_in(w.users["ggz"]).post(w.url(f"/aanmeldingen/{found.pk}")).status_code == 403
    assert sign_in(w.users["brp"]).post(w.url(f"/aanmeldingen/{found.pk}")).status_code == 404
    found.refresh_from_db()
    assert found.status == RequestStatus.OPEN


def _with_pga_source(w: MeetingsWorld) -> None:
    chair = w.users["procesregisseur"]
    series_update(
        actor=chair,
        series=w.series,
        version=None,
        name=w.series.name,
        purpose=w.series.purpose,
        legal_basis=w.series.legal_basis,
        covenant=w.series.covenant,
        cadence=w.series.cadence,
        chair=chair,
        secretary=None,
        organisations=list(w.series.organisations.all()),
        agenda_sources=["pga-triage"],
    )


def test_pga_referrals_awaiting_triage_are_proposed_without_personal_data(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    referral = refer(w.users["ggz"], surname="Martens", given="Yvonne", bsn="")
    chair = sign_in(w.users["procesregisseur"])
    assert "PGA-aanmeldingen die wachten op triage" not in chair.get(w.url()).content.decode()
    _with_pga_source(w)
    page = chair.get(w.url()).content.decode()
    assert "PGA-aanmeldingen die wachten op triage" in page and "Aanmelding PGA van" in page
    response = chair.post(w.url(f"/voorstellen/pga-triage/{referral.pk}"))
    assert response.status_code == 302
    item = AgendaItem.objects.get(meeting=w.meeting, source="pga-triage")
    assert item.case_id is None and item.source_ref == str(referral.pk)
    assert "Martens" not in item.title + item.question
    # every attendee sees the item (no personal data), the referral itself stays behind the PGA's door
    police = sign_in(w.users["politie"])
    item_page = police.get(w.item_url(item))
    assert item_page.status_code == 200 and "Martens" not in item_page.content.decode()
    assert police.get(f"/pga/aanmeldingen/{referral.pk}").status_code == 404
    chair = sign_in(w.users["procesregisseur"])
    # twice, or an unknown proposal: refused, nothing added
    assert chair.post(w.url(f"/voorstellen/pga-triage/{referral.pk}")).status_code == 400
    assert chair.post(w.url("/voorstellen/pga-triage/onbekend")).status_code == 400
    assert AgendaItem.objects.filter(meeting=w.meeting, source="pga-triage").count() == 1
    assert sign_in(w.users["ggz"]).post(w.url(f"/voorstellen/pga-triage/{referral.pk}")).status_code == 403


def test_a_series_refuses_an_unknown_proposal_source(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    response = sign_in(w.users["procesregisseur"]).post(
        f"/overleggen/reeksen/{w.series.pk}",
        {
            "name": w.series.name,
            "purpose": w.series.purpose,
            "legal_basis": w.series.legal_basis,
            "cadence": w.series.cadence,
            "chair": str(w.users["procesregisseur"].pk),
            "agenda_sources": ["onbekend"],
            "version": str(w.series.version),
        },
    )
    assert response.status_code == 400 and "Kies een van de mogelijkheden" in response.content.decode()
    w.series.refresh_from_db()
    assert w.series.agenda_sources == []


def _minutes(w: MeetingsWorld, text: str = "GGZ gaat op huisbezoek.") -> None:
    item = AgendaItem.objects.get(pk=w.item_a.pk)
    minutes_record(
        actor=w.users["procesregisseur"], item=item, version=item.version, text=text, category="care"
    )


def test_the_chair_approves_the_minutes_and_later_entries_are_addenda(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    _minutes(w)
    chair = sign_in(w.users["procesregisseur"])
    assert "Verslag vaststellen" in chair.get(w.url()).content.decode()
    assert chair.post(w.url("/vaststellen"), {"seen": "1"}).status_code == 302
    w.meeting.refresh_from_db()
    assert (
        w.meeting.minutes_approved_at is not None
        and w.meeting.minutes_approved_by == w.users["procesregisseur"]
    )
    assert "Het verslag is vastgesteld op" in chair.get(w.url()).content.decode()
    _minutes(w, "Correctie: de wijkagent gaat mee.")
    first, later = MinutesEntry.objects.filter(item=w.item_a).order_by("created_at")
    assert not first.after_approval and first.text == "GGZ gaat op huisbezoek."
    assert later.addendum and later.after_approval
    assert later.note is not None and "vastgestelde verslag" in later.note.text
    assert "Aanvulling na vaststelling" in chair.get(w.item_url(w.item_a)).content.decode()
    # approving again: a conflict, nothing changes
    assert chair.post(w.url("/vaststellen"), {"seen": "2"}).status_code == 409


def test_a_stale_approval_is_a_conflict(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    _minutes(w)
    chair = sign_in(w.users["procesregisseur"])
    _minutes(w, "Aanvulling van de secretaris, na het laden van de pagina")
    response = chair.post(w.url("/vaststellen"), {"seen": "1"})
    assert response.status_code == 409 and "Intussen is er verslag bijgekomen" in response.content.decode()
    w.meeting.refresh_from_db()
    assert w.meeting.minutes_approved_at is None


def test_approval_refuses_bad_input_and_others(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    chair = sign_in(w.users["procesregisseur"])
    response = chair.post(w.url("/vaststellen"), {"seen": "0"})
    assert response.status_code == 400 and "nog geen verslag" in response.content.decode()
    response = chair.post(w.url("/vaststellen"), {"seen": "veel"})
    assert response.status_code == 400 and "onvolledig" in response.content.decode()
    _minutes(w)
    assert sign_in(w.users["ggz"]).post(w.url("/vaststellen"), {"seen": "1"}).status_code == 403
    assert sign_in(w.users["brp"]).post(w.url("/vaststellen"), {"seen": "1"}).status_code == 404
    w.meeting.refresh_from_db()
    assert w.meeting.minutes_approved_at is None


def test_a_request_goes_on_an_agenda_once(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    AgendaItem.objects.filter(pk=w.item_a.pk).delete()
    sign_in(w.users["procesregisseur"]).post(
        _request_url(w), {"series": str(w.series.pk), "question": "Wie gaat op huisbezoek?"}
    )
    found = DiscussionRequest.objects.get()
    chair = w.users["procesregisseur"]
    request_to_agenda(actor=chair, meeting=w.meeting, found=found)
    with pytest.raises(ValidationError) as refused:
        request_to_agenda(actor=chair, meeting=w.meeting, found=found)
    assert "al geagendeerd" in str(refused.value)
    assert AgendaItem.objects.filter(meeting=w.meeting, case=w.case_a).count() == 1
