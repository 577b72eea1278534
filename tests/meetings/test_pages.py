"""The case-meeting pages: happy path and access denied for each, bad input answered in Dutch with nothing written,
need-to-know per agenda item (the case's door or a grant), the confidentiality statement, minutes that become notes
and agreements that become tasks and reappear at the next meeting; every read logged with the persons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from regie.access.meetings_access import get_meeting_for
from regie.accounts.models import User
from regie.cases.models import Note, Task
from regie.meetings.models import (
    AgreedAction,
    ItemGrant,
    Meeting,
    MeetingAttendee,
    MeetingSeries,
    MinutesEntry,
)
from regie.meetings.services.meetings import confidentiality_confirm, item_add, meeting_plan
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.meetings import MeetingsWorld

pytestmark = pytest.mark.django_db
SignIn = Callable[[User], Client]


def _persons(case: object) -> list[object]:
    return list(case.subjects.filter(person__isnull=False).values_list("person_id", flat=True))  # type: ignore[attr-defined]


def _logged(action: str, person_id: object) -> bool:
    return ProcessingLogEntry.objects.filter(action=action, person_ids__contains=[person_id]).exists()


def _moment(days: int) -> str:
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def test_anonymous_is_sent_to_login(client: Client, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    for url in ("/overleggen", "/overleggen/reeksen/nieuw", w.url(), w.item_url(w.item_a)):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login")


def test_home_shows_series_and_meetings(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    text = sign_in(meetings_world.users["ggz"]).get("/overleggen").content.decode()
    assert "Wekelijkse triage PGA" in text and "Komende overleggen" in text
    assert "Nieuw overleg instellen" not in text


def test_home_of_someone_outside_every_series_is_empty(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    text = sign_in(meetings_world.users["brp"]).get("/overleggen").content.decode()
    assert "Wekelijkse triage PGA" not in text


@pytest.mark.parametrize("name", ["analist", "privacy"])
def test_roles_without_meetings_are_refused(
    sign_in: SignIn, meetings_world: MeetingsWorld, name: str
) -> None:
    client = sign_in(meetings_world.users[name])
    assert client.get("/overleggen").status_code == 403
    assert client.get(meetings_world.url()).status_code == 403


def test_administrator_creates_a_series(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    users = meetings_world.users
    client = sign_in(users["beheerder"])
    assert client.get("/overleggen/reeksen/nieuw").status_code == 200
    response = client.post(
        "/overleggen/reeksen/nieuw",
        {
            "name": "Overleg ondermijning met de politie",
            "purpose": "Signalen van ondermijning",
            "legal_basis": "RIEC-convenant",
            "cadence": "maandelijks",
            "chair": str(users["projectleider"].pk),
            "organisations": [str(users["politie"].organisation_id)],
        },
    )
    assert response.status_code == 302
    series = MeetingSeries.objects.get(name="Overleg ondermijning met de politie")
    assert series.chair == users["projectleider"]
    assert ProcessingLogEntry.objects.filter(
        action="meeting_series.created", object_id=str(series.pk)
    ).exists()
    # the administrator sees the series but no meeting's agenda
    assert client.get(f"/overleggen/reeksen/{series.pk}").status_code == 200
    assert client.get(meetings_world.url()).status_code == 403


def test_series_bad_input_is_answered_in_dutch(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    users = meetings_world.users
    client = sign_in(users["beheerder"])
    before = MeetingSeries.objects.count()
    response = client.post(
        "/overleggen/reeksen/nieuw",
        {
            "name": "Wekelijkse triage PGA",
            "purpose": "",
            "legal_basis": "x",
            "cadence": "soms",
            "chair": "zzz",
        },
    )
    text = response.content.decode()
    assert response.status_code == 400 and "Dit veld is verplicht." in text and "Kies een" in text
    response = client.post(
        "/overleggen/reeksen/nieuw",
        {
            "name": "Wekelijkse triage PGA",
            "purpose": "x",
            "legal_basis": "x",
            "cadence": "wekelijks",
            "chair": str(users["politie"].pk),
        },
    )
    assert response.status_code == 400 and "Er is al een overleg met deze naam." in response.content.decode()
    assert MeetingSeries.objects.count() == before


def test_only_the_administrator_creates_a_series(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    assert (
        sign_in(meetings_world.users["procesregisseur"]).get("/overleggen/reeksen/nieuw").status_code == 403
    )


def test_chair_changes_the_series_and_a_stale_version_conflicts(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    client = sign_in(w.users["procesregisseur"])
    url = f"/overleggen/reeksen/{w.series.pk}"
    data = {
        "name": w.series.name,
        "purpose": "Nieuw doel",
        "legal_basis": w.series.legal_basis,
        "cadence": "tweewekelijks",
        "chair": str(w.users["procesregisseur"].pk),
        "organisations": [str(w.users["ggz"].organisation_id)],
        "version": w.series.version,
    }
    assert client.post(url, data).status_code == 302
    w.series.refresh_from_db()
    assert w.series.purpose == "Nieuw doel" and w.series.cadence == "tweewekelijks"
    assert client.post(url, data).status_code == 409


def test_an_attendee_may_not_change_the_series(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    client = sign_in(w.users["ggz"])
    assert client.get(f"/overleggen/reeksen/{w.series.pk}").status_code == 200
    assert client.post(f"/overleggen/reeksen/{w.series.pk}", {"name": "x"}).status_code == 403
    assert client.post(f"/overleggen/reeksen/{w.series.pk}/plannen", {}).status_code == 403
    assert sign_in(w.users["brp"]).get(f"/overleggen/reeksen/{w.series.pk}").status_code == 404


def test_chair_plans_a_meeting_not_in_the_past(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    client = sign_in(w.users["procesregisseur"])
    url = f"/overleggen/reeksen/{w.series.pk}/plannen"
    response = client.post(url, {"starts_at": _moment(-1), "place": "Bemmel"})
    assert response.status_code == 400 and "in het verleden" in response.content.decode()
    response = client.post(url, {"starts_at": "morgen", "place": ""})
    assert response.status_code == 400 and "Geef een datum en tijd" in response.content.decode()
    response = client.post(url, {"starts_at": _moment(8), "online_link": "https://teams.example/overleg"})
    assert response.status_code == 302
    assert Meeting.objects.filter(series=w.series).count() == 2


def test_agenda_shows_each_attendee_only_their_cases(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    ggz = sign_in(w.users["ggz"]).get(w.url()).content.decode()
    assert w.case_a.number in ggz and w.case_b.number not in ggz and "Evaluatie van het convenant" in ggz
    assert "1 agendapunt over casussen waarbij u niet betrokken bent" in ggz
    assert _logged("meeting.viewed", _persons(w.case_a)[0])
    assert not _logged("meeting.viewed", _persons(w.case_b)[0])
    chair = sign_in(w.users["procesregisseur"]).get(w.url()).content.decode()
    assert w.case_a.number in chair and w.case_b.number in chair


def test_an_item_of_a_case_one_is_not_party_to_is_a_404(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    client = sign_in(w.users["ggz"])
    assert client.get(w.item_url(w.item_a)).status_code == 200
    assert _logged("meeting_item.viewed", _persons(w.case_a)[0])
    assert client.get(w.item_url(w.item_b)).status_code == 404
    assert client.get(w.item_url(w.item_a).replace(str(w.item_a.pk), "niet-een-id")).status_code == 404


def test_someone_not_invited_gets_a_404(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    client = sign_in(meetings_world.users["handhaver"])
    assert client.get(meetings_world.url()).status_code == 404
    assert client.get(meetings_world.item_url(meetings_world.free)).status_code == 404


def test_a_deelnemer_confirms_the_statement_before_seeing_anything(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    client = sign_in(w.users["jurist"])
    response = client.get(w.url())
    assert response.status_code == 302 and response["Location"].endswith("/geheimhouding")
    assert client.get(w.item_url(w.free)).status_code == 404
    page = client.get(w.url("/geheimhouding"))
    assert page.status_code == 200 and "geheim" in page.content.decode()
    refused = client.post(w.url("/geheimhouding"), {})
    assert refused.status_code == 400 and "Bevestig de verklaring" in refused.content.decode()
    assert client.post(w.url("/geheimhouding"), {"confirm": "on"}).status_code == 302
    attendee = MeetingAttendee.objects.get(meeting=w.meeting, user=w.users["jurist"])
    assert attendee.confirmed_at is not None and attendee.confirmed_version
    text = client.get(w.url()).content.decode()
    assert "Evaluatie van het convenant" in text and w.case_a.number not in text


def test_chair_invites_and_adds_items_with_dutch_errors(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    client = sign_in(w.users["procesregisseur"])
    response = client.post(w.url("/deelnemers"), {"user": str(w.users["handhaver"].pk)})
    assert response.status_code == 400 and "geef de reden van de uitnodiging" in response.content.decode()
    response = client.post(w.url("/deelnemers"), {"user": str(w.users["handhaver"].pk), "reason": "Toezicht"})
    assert response.status_code == 302
    response = client.post(w.url("/agendapunten"), {"case_number": "2099-99999", "question": "?"})
    assert response.status_code == 400 and "niet inzien" in response.content.decode()
    response = client.post(w.url("/agendapunten"), {"case_number": w.case_a.number, "question": "Nog eens"})
    assert response.status_code == 400 and "al op de agenda" in response.content.decode()
    response = client.post(w.url("/agendapunten"), {})
    assert response.status_code == 400 and "vrij agendapunt" in response.content.decode()
    assert client.post(w.url("/agendapunten"), {"title": "Rondvraag"}).status_code == 302
    assert client.post(w.url("/onzin"), {}).status_code == 404


def test_an_attendee_cannot_change_the_meeting(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    client = sign_in(w.users["ggz"])
    assert client.post(w.url("/agendapunten"), {"title": "x"}).status_code == 403
    assert (
        client.post(w.item_url(w.item_a, "/notulen"), {"text": "x", "category": "general"}).status_code == 403
    )


def test_the_chair_cannot_put_a_case_they_may_not_see_on_the_agenda(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    other = w.case_a.__class__.objects.exclude(pk__in=[w.case_a.pk, w.case_b.pk]).first()
    client = sign_in(w.users["procesregisseur"])
    if other is not None and other.coordinator_id != w.users["procesregisseur"].pk:
        response = client.post(w.url("/agendapunten"), {"case_number": other.number, "question": "?"})
        assert response.status_code == 400


def test_minutes_become_a_note_with_its_category_and_addenda_keep_history(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    client = sign_in(w.users["procesregisseur"])
    url = w.item_url(w.item_a, "/notulen")
    response = client.post(url, {"text": "GGZ neemt contact op.", "category": "care", "version": 1})
    assert response.status_code == 302
    note = Note.objects.get(case=w.case_a, text__contains="GGZ neemt contact op.")
    assert note.category == "care"
    # a stale version is a 409 and keeps the text
    stale = client.post(url, {"text": "Mijn aanvulling", "category": "general", "version": 1})
    assert stale.status_code == 409 and "Mijn aanvulling" in stale.content.decode()
    assert client.post(url, {"text": "Correctie", "category": "general", "version": 2}).status_code == 302
    entries = list(MinutesEntry.objects.filter(item=w.item_a).order_by("created_at"))
    assert [e.addendum for e in entries] == [False, True]
    bad = client.post(url, {"text": "", "category": "geheim", "version": 3})
    assert bad.status_code == 400
    # the police may not see care minutes: not on case A at all
    assert sign_in(w.users["politie"]).get(w.item_url(w.item_a)).status_code == 404


def test_agreements_become_tasks_and_reappear_at_the_next_meeting(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    client = sign_in(w.users["procesregisseur"])
    url = w.item_url(w.item_a, "/afspraken")
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    response = client.post(
        url, {"title": "Huisbezoek afleggen", "owner": str(w.users["ggz"].pk), "due_date": due}
    )
    assert response.status_code == 302
    task = Task.objects.get(case=w.case_a, title="Huisbezoek afleggen")
    assert task.owner == w.users["ggz"] and AgreedAction.objects.filter(task=task).exists()
    refused = client.post(url, {"title": "Iets", "owner": str(w.users["politie"].pk), "due_date": due})
    assert refused.status_code == 400 and "kan inzien" in refused.content.decode()
    past = client.post(url, {"title": "Iets", "owner": str(w.users["ggz"].pk), "due_date": "2020-01-01"})
    assert past.status_code == 400 and "verleden" in past.content.decode()
    assert client.post(w.item_url(w.free, "/afspraken"), {}).status_code == 403
    following = meeting_plan(
        actor=w.users["procesregisseur"],
        series=w.series,
        starts_at=w.meeting.starts_at + timedelta(days=7),
        place="Bemmel",
    )
    text = client.get(f"/overleggen/{following.pk}").content.decode()
    assert "Openstaande afspraken uit eerdere overleggen" in text and "Huisbezoek afleggen" in text
    assert _logged("meeting.actions_listed", _persons(w.case_a)[0])
    assert "Huisbezoek afleggen" in sign_in(w.users["ggz"]).get("/overleggen").content.decode()


def test_chair_shares_an_item_with_a_reason_and_it_is_logged(
    sign_in: SignIn, meetings_world: MeetingsWorld
) -> None:
    w = meetings_world
    client = sign_in(w.users["procesregisseur"])
    url = w.item_url(w.item_b, "/delen")
    ends = _moment(2)
    bad = client.post(url, {"user": str(w.users["ggz"].pk), "reason": "", "ends_at": ""})
    assert bad.status_code == 400 and "gegevenscategorie" in bad.content.decode()
    too_long = client.post(
        url,
        {"user": str(w.users["ggz"].pk), "reason": "x", "categories": ["general"], "ends_at": _moment(30)},
    )
    assert too_long.status_code == 400 and "hoogstens een week" in too_long.content.decode()
    member = client.post(
        url, {"user": str(w.users["politie"].pk), "reason": "x", "categories": ["general"], "ends_at": ends}
    )
    assert member.status_code == 400 and "casusteam" in member.content.decode()
    assert sign_in(w.users["ggz"]).get(w.item_url(w.item_b)).status_code == 404
    client = sign_in(w.users["procesregisseur"])
    ok = client.post(
        url,
        {
            "user": str(w.users["ggz"].pk),
            "reason": "GGZ kent betrokkene",
            "categories": ["general"],
            "ends_at": ends,
        },
    )
    assert ok.status_code == 302
    grant = ItemGrant.objects.get(item=w.item_b, user=w.users["ggz"])
    entry = ProcessingLogEntry.objects.get(action="meeting_item.granted", object_id=str(w.item_b.pk))
    assert entry.purpose == "GGZ kent betrokkene" and _persons(w.case_b)[0] in entry.person_ids
    ggz = sign_in(w.users["ggz"])
    assert ggz.get(w.item_url(w.item_b)).status_code == 200
    assert w.case_b.number in ggz.get(w.url()).content.decode()
    # the grant is for this meeting only: the case itself stays closed to them
    assert ggz.get(f"/casussen/{w.case_b.pk}").status_code == 404
    ItemGrant.objects.filter(pk=grant.pk).update(ends_at=timezone.now() - timedelta(minutes=1))
    assert ggz.get(w.item_url(w.item_b)).status_code == 404


def test_only_the_chair_shares(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    response = sign_in(w.users["politie"]).post(w.item_url(w.item_b, "/delen"), {})
    assert response.status_code == 403


def test_confirming_twice_or_for_someone_else_changes_nothing(meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    attendee = MeetingAttendee.objects.get(meeting=w.meeting, user=w.users["jurist"])
    with pytest.raises(Exception, match="deelnemer zelf"):
        confidentiality_confirm(actor=w.users["ggz"], attendee=attendee)


def test_the_agenda_costs_the_same_queries_however_long(
    meetings_world: MeetingsWorld,
) -> None:
    w = meetings_world
    ggz = w.users["ggz"]
    with CaptureQueriesContext(connection) as short:
        get_meeting_for(ggz, w.meeting.pk)
    for n in range(20):
        item_add(actor=w.users["procesregisseur"], meeting=w.meeting, title=f"Vrij punt {n}")
    with CaptureQueriesContext(connection) as long:
        view = get_meeting_for(ggz, w.meeting.pk)
    assert len(view.items) == 22
    assert len(long.captured_queries) == len(short.captured_queries)


def test_the_case_overview_names_the_coming_meeting(sign_in: SignIn, meetings_world: MeetingsWorld) -> None:
    w = meetings_world
    text = sign_in(w.users["ggz"]).get(f"/casussen/{w.case_a.pk}").content.decode()
    assert "Op de agenda van een overleg" in text and "Wie neemt de regie?" in text
    other = sign_in(w.users["projectleider"])
    assert other.get(f"/casussen/{w.case_a.pk}").status_code == 404
