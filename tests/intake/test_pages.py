"""The queue, the signal page and a partner's own list render what each role needs, in Dutch."""

from __future__ import annotations

import pytest

from regie.intake.services.claim import signal_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def routed(api_as, users, policy, processed):
    from regie.intake.models import Signal

    api_as("politie").post(
        "/api/v1/signals",
        {"description": "In de woning wordt hennep gekweekt, we roken het op straat.", "urgency": "urgent"},
        content_type="application/json",
    )
    return processed(Signal.objects.get())


def test_the_queue_shows_counts_deadlines_and_a_claim_button(sign_in, users, routed):
    html = sign_in(users["handhaver"]).get("/signalen").content.decode()
    assert routed.reference in html and "Urgent" in html and "Oppakken" in html
    assert "1</strong> open" in html and "Toezicht en Handhaving" in html


def test_the_queue_filters_refuse_bad_values_in_dutch(sign_in, users, routed):
    response = sign_in(users["procesregisseur"]).get("/signalen?referentie=123&status=weg")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een referentie in zoals M-2026-000123." in html and "Kies een van de mogelijkheden" in html


def test_the_queue_finds_a_signal_by_reference(sign_in, users, routed):
    html = (
        sign_in(users["procesregisseur"])
        .get(f"/signalen?referentie={routed.reference.lower()}")
        .content.decode()
    )
    assert routed.reference in html


def test_the_signal_page_offers_the_five_decisions_to_the_triager(sign_in, users, routed):
    html = sign_in(users["procesregisseur"]).get(f"/signalen/{routed.pk}").content.decode()
    for label in (
        "Nieuwe casus gestart",
        "Toegevoegd aan een bestaande casus",
        "Doorverwezen naar een partner",
        "Samengevoegd met een ander signaal",
        "Gesloten zonder actie",
    ):
        assert label in html
    assert "Categorie vastleggen" in html and "Oppakken" in html


def test_the_signal_page_offers_no_decisions_while_someone_else_has_it(sign_in, users, routed):
    signal_claim(actor=users["handhaver"], signal=routed)
    html = sign_in(users["procesregisseur"]).get(f"/signalen/{routed.pk}").content.decode()
    assert "Opgepakt door Ilse Hendriks" in html and "Gesloten zonder actie" not in html


def test_a_partner_sees_its_own_signals_read_only(sign_in, users, routed):
    client = sign_in(users["politie"])
    listing = client.get("/signalen").content.decode()
    assert "Mijn gemelde signalen" in listing and routed.reference in listing and "Oppakken" not in listing
    page = client.get(f"/signalen/{routed.pk}").content.decode()
    assert "In de woning wordt hennep gekweekt" in page
    assert "Gesloten zonder actie" not in page and "Categorie vastleggen" not in page


def test_the_triage_menu_item_shows_for_triage_roles_only(sign_in, users, policy):
    assert 'href="/signalen"' in sign_in(users["procesregisseur"]).get("/").content.decode()
    assert 'href="/signalen"' not in sign_in(users["analist"]).get("/").content.decode()
    assert 'href="/beheer/routering"' in sign_in(users["beheerder"]).get("/").content.decode()
