"""Who sees which signal, through the door: the process director all of their municipality, a team its queue,
a partner only what its organisation sent; everyone else nothing. Missing and hidden are the same 404."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from regie.intake.models import Signal
from regie.processing_log.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db

NO_SIGNALS = ["analist", "beheerder", "privacy"]
NOT_TRIAGE = ["politie", "ggz", *NO_SIGNALS]
OTHER_TEAMS = ["projectleider", "jurist", "brp"]  # the signal below is routed to Toezicht en Handhaving
ACTIONS = ["oppakken", "vrijgeven", "besluit", "categorie", "eerste-actie", "opnieuw-verwerken"]


@pytest.fixture
def routed(sign_in, users, policy, processed) -> Signal:
    """A processed police signal (with an attachment) routed to Toezicht en Handhaving (drugs)."""
    png = SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, content_type="image/png")
    sign_in(users["politie"]).post(
        "/signalen/nieuw",
        {
            "description": "In de woning wordt hennep gekweekt, we roken het op straat.",
            "urgency": "normaal",
            "attachments": [png],
        },
    )
    signal = processed(Signal.objects.get())
    assert signal.queue.name == "Toezicht en Handhaving"
    return signal


def test_anonymous_visitors_are_sent_to_login(routed):
    client = Client()
    for path in ("/signalen", "/signalen/nieuw", f"/signalen/{routed.pk}", "/beheer/routering"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/login"), path
    assert client.get("/api/v1/signals").status_code == 401


@pytest.mark.parametrize("role", NO_SIGNALS)
def test_roles_without_signal_access_get_403_on_the_queue_and_the_api(sign_in, api_as, users, routed, role):
    client = sign_in(users[role])
    assert client.get("/signalen").status_code == 403
    assert client.get(f"/signalen/{routed.pk}").status_code == 403
    assert api_as(role).get("/api/v1/signals").status_code == 403
    assert api_as(role).get(f"/api/v1/signals/{routed.pk}").status_code == 403


@pytest.mark.parametrize(
    "role",
    [
        "procesregisseur",
        "projectleider",
        "handhaver",
        "jurist",
        "brp",
        "politie",
        "ggz",
        "analist",
        "beheerder",
        "privacy",
    ],
)
def test_every_staff_role_may_report_a_signal(sign_in, users, policy, role):
    assert sign_in(users[role]).get("/signalen/nieuw").status_code == 200


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("procesregisseur", True),
        ("handhaver", True),
        ("politie", True),
        ("ggz", False),
        ("projectleider", False),
        ("jurist", False),
        ("brp", False),
    ],
)
def test_the_door_decides_who_sees_the_signal(sign_in, api_as, users, routed, role, sees):
    page = sign_in(users[role]).get(f"/signalen/{routed.pk}")
    api = api_as(role).get(f"/api/v1/signals/{routed.pk}")
    listed = api_as(role).get("/api/v1/signals?status=alle").json()["results"]
    attachment = routed.attachments.get()
    download = sign_in(users[role]).get(f"/signalen/{routed.pk}/bijlagen/{attachment.pk}")
    assert page.status_code == (200 if sees else 404)
    assert api.status_code == (200 if sees else 404)
    assert download.status_code == (200 if sees else 404)
    assert ([s["reference"] for s in listed] == [routed.reference]) is sees


def test_missing_and_hidden_signals_are_the_same_404(sign_in, api_as, users, routed):
    client = sign_in(users["jurist"])
    hidden = client.get(f"/signalen/{routed.pk}")
    missing = client.get("/signalen/00000000-0000-0000-0000-000000000000")
    garbage = client.get("/signalen/niet-een-id")
    assert hidden.status_code == missing.status_code == garbage.status_code == 404
    assert (
        api_as("jurist").get(f"/api/v1/signals/{routed.pk}").json()["detail"]
        == (api_as("jurist").get("/api/v1/signals/00000000-0000-0000-0000-000000000000").json()["detail"])
    )


@pytest.mark.parametrize("role", NOT_TRIAGE)
@pytest.mark.parametrize("action", ACTIONS)
def test_roles_that_do_not_triage_get_403_on_every_action(sign_in, users, routed, role, action):
    assert sign_in(users[role]).post(f"/signalen/{routed.pk}/{action}").status_code == 403


@pytest.mark.parametrize("role", OTHER_TEAMS)
@pytest.mark.parametrize("action", ACTIONS)
def test_other_teams_get_404_on_every_action(sign_in, users, routed, role, action):
    assert sign_in(users[role]).post(f"/signalen/{routed.pk}/{action}").status_code == 404
    assert Signal.objects.get(pk=routed.pk).claimed_by is None


@pytest.mark.parametrize("role", ["politie", "ggz", *NO_SIGNALS])
def test_the_api_refuses_claims_and_decisions_to_roles_that_do_not_triage(api_as, routed, role):
    patch = api_as(role).patch(
        f"/api/v1/signals/{routed.pk}", {"claimed": True}, content_type="application/json"
    )
    decide = api_as(role).post(
        f"/api/v1/signals/{routed.pk}/decisions",
        {"decision": "gesloten", "reason": "x"},
        content_type="application/json",
    )
    assert patch.status_code == 403 and decide.status_code == 403
    assert patch["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("role", OTHER_TEAMS)
def test_the_api_answers_other_teams_404_on_claims_and_decisions(api_as, routed, role):
    patch = api_as(role).patch(
        f"/api/v1/signals/{routed.pk}", {"claimed": True}, content_type="application/json"
    )
    decide = api_as(role).post(
        f"/api/v1/signals/{routed.pk}/decisions",
        {"decision": "gesloten", "reason": "x"},
        content_type="application/json",
    )
    assert patch.status_code == 404 and decide.status_code == 404


def test_a_partner_sees_its_signal_without_the_teams_considerations(api_as, sign_in, users, routed):
    from regie.intake.services.decisions import signal_close

    signal_close(actor=users["procesregisseur"], signal=routed, reason="Intern: wijkagent weet ervan")
    body = api_as("politie").get(f"/api/v1/signals/{routed.pk}").json()
    assert body["decision"] == "gesloten" and body["decisionReason"] is None and body["claimedBy"] is None
    assert all(e["actor"] is None for e in body["events"])
    assert {e["kind"] for e in body["events"]} <= {
        "signal.received",
        "signal.decided",
        "signal.duplicate_merged",
    }
    listed = api_as("politie").get("/api/v1/signals?status=alle").json()["results"][0]
    assert listed["claimedBy"] is None and listed["decision"] == "gesloten"
    html = sign_in(users["politie"]).get(f"/signalen/{routed.pk}").content.decode()
    assert "Intern: wijkagent" not in html and "Sanne de Wit" not in html


@pytest.mark.parametrize(
    "role",
    [
        r
        for r in [
            "procesregisseur",
            "projectleider",
            "handhaver",
            "jurist",
            "brp",
            "politie",
            "ggz",
            "analist",
            "privacy",
        ]
    ],
)
@pytest.mark.parametrize(
    "path",
    [
        "/beheer/routering",
        "/beheer/routering/nieuw",
        "/beheer/routering/testen",
        "/beheer/signaalcategorieen/drugs",
    ],
)
def test_only_the_functional_administrator_configures_intake(sign_in, users, policy, role, path):
    assert sign_in(users[role]).get(path).status_code == 403


def test_every_read_of_a_signal_is_logged(sign_in, users, routed):
    sign_in(users["procesregisseur"]).get(f"/signalen/{routed.pk}")
    entry = ProcessingLogEntry.objects.filter(action="signal.viewed").latest("seq")
    assert entry.actor_username == "procesregisseur" and entry.object_id == str(routed.pk)
    sign_in(users["procesregisseur"]).get("/signalen")
    listed = ProcessingLogEntry.objects.filter(action="signal.listed").latest("seq")
    assert routed.reference in listed.details["signals"]
