"""The case overview and timeline; changing, closing and linking a case; 404 alike for missing and not-yours."""

from __future__ import annotations

import uuid

import pytest

from regie.cases.models import CaseLink
from regie.processing_log.models import ProcessingLogEntry
from tests.cases.conftest import without_tokens
from tests.worlds.cases import add_member, make_case

pytestmark = pytest.mark.django_db

TABS = ["", "/team", "/taken", "/notities", "/documenten", "/tijdlijn"]


def test_it_shows_the_overview_with_coordinator_contact_and_subjects(sign_in, users, world):
    response = sign_in(users["politie"]).get(f"/casussen/{world.case.pk}")
    html = response.content.decode()
    assert response.status_code == 200
    assert world.case.number in html and "Persoonsgerichte aanpak" in html
    assert "Sanne de Wit" in html and "06 1234 5601" in html and "procesregisseur@lingewaard.example" in html
    assert f'href="/personen/{world.person.pk}"' in html and "Jan de Vries" in html
    entry = ProcessingLogEntry.objects.filter(action="case.viewed", object_id=str(world.case.pk)).last()
    assert entry is not None and entry.actor_username == "politie"
    assert [str(p) for p in entry.person_ids] == [str(world.person.pk)]


def test_it_shows_every_tab_to_a_team_member(sign_in, users, world):
    client = sign_in(users["ggz"])
    for tab in TABS:
        assert client.get(f"/casussen/{world.case.pk}{tab}").status_code == 200, tab


def test_it_answers_a_non_member_with_the_same_404_as_a_missing_case(sign_in, users, world):
    client = sign_in(users["handhaver"])
    missing_id = uuid.uuid4()
    for tab in TABS:
        hidden = client.get(f"/casussen/{world.case.pk}{tab}")
        missing = client.get(f"/casussen/{missing_id}{tab}")
        assert hidden.status_code == missing.status_code == 404, tab
        assert without_tokens(hidden.content.decode(), world.case.pk) == without_tokens(
            missing.content.decode(), missing_id
        )
        assert world.case.number not in hidden.content.decode()


def test_it_answers_roles_without_case_access_with_404(sign_in, users, world):
    for role in ("analist", "beheerder", "privacy"):
        for tab in TABS:
            assert sign_in(users[role]).get(f"/casussen/{world.case.pk}{tab}").status_code == 404, (role, tab)


def test_it_shows_only_linked_cases_the_viewer_can_see(sign_in, users, world):
    director = users["procesregisseur"]
    shared = make_case(director, world.case_type, title="Gedeelde buurtcasus")
    add_member(shared, director, organisation=users["politie"].organisation)
    secret = make_case(director, world.case_type, title="Casus alleen voor de regisseur")
    client = sign_in(director)
    for other in (shared, secret):
        assert client.post(f"/casussen/{world.case.pk}/koppelen", {"other": other.number}).status_code == 302
    client.get(f"/casussen/{world.case.pk}")  # shows (and so clears) the director's confirmations
    html = sign_in(users["politie"]).get(f"/casussen/{world.case.pk}").content.decode()
    assert shared.number in html
    assert secret.number not in html and "Casus alleen voor de regisseur" not in html


def test_it_links_a_case_by_a_short_number(sign_in, users, world):
    other = make_case(users["procesregisseur"], world.case_type, title="Tweede")
    short = other.number.split("-")[0] + "-" + str(int(other.number.split("-")[1]))
    response = sign_in(users["procesregisseur"]).post(
        f"/casussen/{world.case.pk}/koppelen", {"other": short, "reason": "Zelfde adres"}
    )
    assert response.status_code == 302
    assert CaseLink.objects.filter(from_case=world.case, to_case=other, reason="Zelfde adres").exists()


def test_it_refuses_to_link_a_case_the_user_cannot_see_with_the_same_not_found(sign_in, users, world):
    invisible = make_case(users["handhaver"], world.case_type, title="Handhavingszaak")
    client = sign_in(users["ggz"])
    hidden = client.post(f"/casussen/{world.case.pk}/koppelen", {"other": invisible.number})
    missing = client.post(f"/casussen/{world.case.pk}/koppelen", {"other": "2001-00001"})
    assert hidden.status_code == missing.status_code == 400
    assert "Geen casus gevonden met dit nummer." in hidden.content.decode()
    assert "Geen casus gevonden met dit nummer." in missing.content.decode()
    assert "Handhavingszaak" not in hidden.content.decode()
    assert CaseLink.objects.count() == 0


@pytest.mark.parametrize(
    ("other", "message"),
    [
        ("", "Dit veld is verplicht."),
        ("42", "Vul een casusnummer in zoals 2026-00042."),
        ("self", "aan zichzelf"),
    ],
)
def test_it_refuses_bad_link_input_in_dutch(sign_in, users, world, other, message):
    value = world.case.number if other == "self" else other
    response = sign_in(users["procesregisseur"]).post(f"/casussen/{world.case.pk}/koppelen", {"other": value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert CaseLink.objects.count() == 0


def _edit(case, **overrides):
    data = {"title": case.title, "status": case.status, "priority": case.priority, "version": case.version}
    data.update(overrides)
    return data


def test_it_changes_title_status_and_priority(sign_in, users, world):
    form = _edit(world.case, title="Zorgen rond Jan (wijk Noord)", status="in-behandeling", priority="urgent")
    response = sign_in(users["ggz"]).post(f"/casussen/{world.case.pk}/wijzigen", form)
    assert response.status_code == 302
    world.case.refresh_from_db()
    assert (world.case.title, world.case.status, world.case.priority) == (
        "Zorgen rond Jan (wijk Noord)",
        "in-behandeling",
        "urgent",
    )


def test_it_refuses_a_stale_edit_with_409_and_keeps_what_was_typed(sign_in, users, world):
    stale_version = world.case.version
    client = sign_in(users["procesregisseur"])
    first = _edit(world.case, title="Eerste wijziging", version=stale_version)
    assert client.post(f"/casussen/{world.case.pk}/wijzigen", first).status_code == 302
    second = _edit(world.case, title="Tweede wijziging", priority="hoog", version=stale_version)
    response = client.post(f"/casussen/{world.case.pk}/wijzigen", second)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Iemand anders heeft deze casus intussen gewijzigd" in html
    assert 'value="Tweede wijziging"' in html
    world.case.refresh_from_db()
    assert world.case.title == "Eerste wijziging" and world.case.priority == "normaal"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Dit veld is verplicht."),
        ("status", "gesloten", "Kies een bestaande status (sluiten gaat apart)."),
        ("priority", "ooit", "Kies een bestaande prioriteit."),
        ("version", "", "Dit veld is verplicht."),
    ],
)
def test_it_refuses_bad_edit_input_in_dutch_and_changes_nothing(sign_in, users, world, field, value, message):
    response = sign_in(users["procesregisseur"]).post(
        f"/casussen/{world.case.pk}/wijzigen", _edit(world.case, **{"title": "Nieuw", field: value})
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    world.case.refresh_from_db()
    assert world.case.title == "Zorgen rond Jan"


def test_it_refuses_changes_by_a_read_only_member(sign_in, users, world):
    add_member(world.case, users["procesregisseur"], user=users["jurist"], can_edit=False)
    client = sign_in(users["jurist"])
    assert "Casus wijzigen" not in client.get(f"/casussen/{world.case.pk}").content.decode()
    response = client.post(f"/casussen/{world.case.pk}/wijzigen", _edit(world.case, title="Mag niet"))
    assert response.status_code == 403


def test_it_lets_only_the_coordinator_close_the_case_with_a_reason(sign_in, users, world):
    member = sign_in(users["ggz"])
    close = {"reason": "Doelen bereikt", "version": world.case.version}
    assert member.post(f"/casussen/{world.case.pk}/sluiten", close).status_code == 403
    coordinator = sign_in(users["procesregisseur"])
    refused = coordinator.post(
        f"/casussen/{world.case.pk}/sluiten", {"reason": "", "version": world.case.version}
    )
    assert refused.status_code == 400
    assert "Geef een reden voor het sluiten van de casus." in refused.content.decode()
    assert coordinator.post(f"/casussen/{world.case.pk}/sluiten", close).status_code == 302
    world.case.refresh_from_db()
    assert world.case.status == "gesloten" and world.case.closed_reason == "Doelen bereikt"
    html = coordinator.get(f"/casussen/{world.case.pk}").content.decode()
    assert "Casus wijzigen" not in html and "Doelen bereikt" in html


def test_it_hides_care_and_justice_events_from_the_police_timeline(sign_in, users, world):
    police = sign_in(users["politie"]).get(f"/casussen/{world.case.pk}/tijdlijn").content.decode()
    assert "Notitie (Algemeen)" in police
    assert "Notitie (Zorg" not in police and "Notitie (Justitie" not in police
    ggz = sign_in(users["ggz"]).get(f"/casussen/{world.case.pk}/tijdlijn").content.decode()
    assert "Notitie (Zorg" in ggz and "Notitie (Justitie" not in ggz
