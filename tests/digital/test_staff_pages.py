"""Staff pages: figures for the theme's staff and analysts, campaigns, follow-ups behind the door, content."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.utils import timezone

from regie.digital.content import bundled
from regie.digital.models import Campaign, ContentVersion, FollowUpStatus, SelfCheckResult
from regie.intake.services.receive import default_municipality
from regie.processing_log.models import ProcessingLogEntry

pytestmark = pytest.mark.postgres  # its services lock rows: CI runs it on PostgreSQL 15 too

CAMPAIGN = {
    "name": "Veilig bankieren 65+",
    "code": "bieb-65-plus",
    "description": "Bijeenkomst in de bibliotheek.",
    "target_group": "65-plus",
    "channel": "bijeenkomst",
    "starts_on": "2026-10-01",
    "ends_on": "2026-10-31",
    "attendees": "40",
    "leaflets": "300",
    "views": "0",
    "checks": ["check-inwoners"],
}


def _results(count: int, kind: str = "check-inwoners", day: date | None = None) -> None:
    municipality = default_municipality()
    SelfCheckResult.objects.bulk_create(
        SelfCheckResult(
            municipality=municipality,
            kind=kind,
            content_version=1,
            submitted_on=day or timezone.localdate(),
            score=60,
            topic_scores={"updates": 50, "wachtwoorden": 70},
        )
        for _ in range(count)
    )


def test_the_figures_hide_small_numbers(sign_in, users):
    _results(12)
    _results(3, kind="check-ondernemers")
    page = sign_in(users["analist"]).get("/digitale-veiligheid").content.decode()
    assert "&lt; 5" in page and ">15<" in page  # the total shows, both checks of that month are hidden
    assert ">12<" not in page  # secondary suppression: 15 - 12 would give the 3 away
    assert "Updates: 50 van 100" in page
    assert "Minder dan 5 keer gedaan" in page


@pytest.mark.parametrize("role", ["handhaver", "politie", "beheerder", "privacy"])
def test_the_figures_are_not_for_other_roles(sign_in, users, role):
    assert sign_in(users[role]).get("/digitale-veiligheid").status_code == 403


def test_anonymous_staff_pages_go_to_login(client, users):
    for url in ("/digitale-veiligheid", "/nazorg-online", "/beheer/digitale-veiligheid"):
        assert client.get(url)["Location"].startswith("/login")


def test_a_project_leader_creates_and_changes_a_campaign(sign_in, users):
    client = sign_in(users["projectleider"])
    response = client.post("/digitale-veiligheid/campagnes/nieuw", CAMPAIGN)
    assert response.status_code == 302
    campaign = Campaign.objects.get(code="bieb-65-plus")
    assert (campaign.attendees, campaign.checks) == (40, ["check-inwoners"])
    page = client.get(f"/digitale-veiligheid/campagnes/{campaign.pk}").content.decode()
    assert "/veilig-online?campagne=bieb-65-plus" in page
    assert 'value="2026-10-01"' in page  # a date field shows its date (ISO, as <input type=date> needs)
    response = client.post(
        f"/digitale-veiligheid/campagnes/{campaign.pk}", {**CAMPAIGN, "attendees": "52", "version": "1"}
    )
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert (campaign.attendees, campaign.version) == (52, 2)
    stale = client.post(
        f"/digitale-veiligheid/campagnes/{campaign.pk}", {**CAMPAIGN, "attendees": "1", "version": "1"}
    )
    assert stale.status_code == 409
    assert ProcessingLogEntry.objects.filter(action__startswith="digital_campaign.").count() == 2


def test_bad_campaign_input_gets_dutch_messages(sign_in, users, campaign):
    client = sign_in(users["projectleider"])
    response = client.post(
        "/digitale-veiligheid/campagnes/nieuw",
        {**CAMPAIGN, "code": campaign.code, "ends_on": "2026-09-01", "attendees": "-3"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Zorg ervoor dat deze waarde minstens 0 is." in page
    response = client.post("/digitale-veiligheid/campagnes/nieuw", {**CAMPAIGN, "code": campaign.code})
    assert "Deze campagnecode is al in gebruik" in response.content.decode()
    response = client.post("/digitale-veiligheid/campagnes/nieuw", {**CAMPAIGN, "ends_on": "2026-09-01"})
    assert "De einddatum ligt voor de begindatum." in response.content.decode()
    response = client.post("/digitale-veiligheid/campagnes/nieuw", {**CAMPAIGN, "code": "Geen Slug!"})
    assert "Gebruik alleen kleine letters" in response.content.decode()
    assert Campaign.objects.count() == 1


def test_campaigns_are_not_for_analysts_and_unknown_ids_are_404(sign_in, users, campaign):
    assert sign_in(users["analist"]).get("/digitale-veiligheid/campagnes/nieuw").status_code == 403
    client = sign_in(users["projectleider"])
    assert client.get("/digitale-veiligheid/campagnes/onzin").status_code == 404
    assert (
        client.get("/digitale-veiligheid/campagnes/8c7ee8f4-2a5b-4b47-9a36-1b2a3c4d5e6f").status_code == 404
    )


def test_the_follow_up_list_is_logged_naming_the_persons(sign_in, users, follow_up):
    item, _ = follow_up
    page = sign_in(users["procesregisseur"]).get("/nazorg-online").content.decode()
    assert item.reference in page and "Oosterhuis" in page
    entry = ProcessingLogEntry.objects.filter(action="digital_follow_up.listed").latest("seq")
    assert entry.person_ids == [item.person_id] and entry.actor_username == "procesregisseur"
    assert sign_in(users["procesregisseur"]).get("/nazorg-online?stand=afgerond").status_code == 200


@pytest.mark.parametrize("role", ["handhaver", "jurist", "politie", "ggz", "analist", "beheerder", "privacy"])
def test_follow_ups_are_only_for_the_team_that_calls_back(sign_in, users, follow_up, role):
    item, _ = follow_up
    client = sign_in(users[role])
    assert client.get("/nazorg-online").status_code == 403
    assert client.get(f"/nazorg-online/{item.pk}").status_code == 403


def test_a_follow_up_is_read_logged_and_its_checklist_kept(sign_in, users, follow_up):
    item, _ = follow_up
    client = sign_in(users["projectleider"])
    page = client.get(f"/nazorg-online/{item.pk}").content.decode()
    assert "fenna@example.nl" in page and "Een &#x27;dochter&#x27;" in page
    assert ProcessingLogEntry.objects.filter(
        action="digital_follow_up.viewed", person_ids=[item.person_id]
    ).exists()
    today = timezone.localdate()
    response = client.post(
        f"/nazorg-online/{item.pk}",
        {"version": "1", "first_contact_on": today.isoformat(), "referral": "Slachtofferhulp Nederland"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == FollowUpStatus.REFERRED
    assert item.second_contact_due == today + timedelta(weeks=4)
    assert f'value="{today.isoformat()}"' in client.get(f"/nazorg-online/{item.pk}").content.decode()
    assert ProcessingLogEntry.objects.filter(action="digital_follow_up.changed").count() == 1


def test_bad_checklist_input_is_refused(sign_in, users, follow_up):
    item, _ = follow_up
    client = sign_in(users["projectleider"])
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(f"/nazorg-online/{item.pk}", {"version": "1", "first_contact_on": tomorrow})
    assert response.status_code == 400 and "ligt in de toekomst" in response.content.decode()
    response = client.post(f"/nazorg-online/{item.pk}", {"version": "1", "first_contact_on": "gisteren"})
    assert response.status_code == 400
    response = client.post(f"/nazorg-online/{item.pk}", {"version": "1", "referral": "Politie"})
    assert "Vul eerst de datum van het eerste contact in." in response.content.decode()
    assert client.post(f"/nazorg-online/{item.pk}", {"version": "7"}).status_code == 409
    assert client.get("/nazorg-online/onzin").status_code == 404


def test_a_withdrawn_follow_up_shows_nothing_personal_and_takes_no_changes(sign_in, users, follow_up, client):
    item, key = follow_up
    client.post(f"/veilig-online/intrekken/{key}")
    staff = sign_in(users["projectleider"])
    page = staff.get(f"/nazorg-online/{item.pk}").content.decode()
    assert "Oosterhuis" not in page and "fenna@example.nl" not in page and "Neem geen contact meer op" in page
    assert staff.post(f"/nazorg-online/{item.pk}", {"version": "2"}).status_code == 409


def test_the_administrator_publishes_a_new_version_of_a_check(sign_in, users):
    client = sign_in(users["beheerder"])
    assert "Check voor inwoners" in client.get("/beheer/digitale-veiligheid").content.decode()
    definition = bundled("check-inwoners")
    definition["title"] = "Check: bent u veilig online?"
    response = client.post(
        "/beheer/digitale-veiligheid/check-inwoners",
        {"definition": json.dumps(definition), "note": "Nieuwe titel"},
    )
    assert response.status_code == 302
    assert ContentVersion.objects.filter(kind="check-inwoners").latest("version").version == 2
    assert "Check: bent u veilig online?" in client.get("/veilig-online/check/inwoners").content.decode()
    assert ProcessingLogEntry.objects.filter(action="digital_content.published").count() == 1


def test_broken_content_is_refused_in_dutch(sign_in, users):
    client = sign_in(users["beheerder"])
    response = client.post("/beheer/digitale-veiligheid/slachtofferwijzer", {"definition": "{", "note": "x"})
    assert response.status_code == 400 and "Dit is geen geldige JSON" in response.content.decode()
    response = client.post(
        "/beheer/digitale-veiligheid/slachtofferwijzer", {"definition": '{"situations": []}', "note": "x"}
    )
    assert response.status_code == 400 and "Geef minstens één situatie." in response.content.decode()
    assert client.get("/beheer/digitale-veiligheid/bestaat-niet").status_code == 404
    assert ContentVersion.objects.filter(kind="slachtofferwijzer").count() <= 1


@pytest.mark.parametrize("role", ["projectleider", "analist", "privacy"])
def test_content_is_for_the_administrator(sign_in, users, role):
    assert sign_in(users[role]).get("/beheer/digitale-veiligheid").status_code == 403
    assert sign_in(users[role]).get("/beheer/digitale-veiligheid/check-inwoners").status_code == 403
