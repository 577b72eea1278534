"""Work lists that say what to do next: the queue's summary and age, where a decision lands, the case type
preselected from the category (issue 13)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from regie.cases.models import CaseType
from regie.cases.services.case_types import case_type_create
from regie.intake.models import Signal, SignalCategory, Status
from regie.processing_log.models import ProcessingLogEntry

pytestmark = [pytest.mark.django_db]

TEXT = (
    "Bij chalet 12 op het vakantiepark hangt elke avond een wietlucht en er stoppen busjes die dozen "
    "uitladen, al drie weken lang en ook in het weekend."
)


@pytest.fixture
def case_types(users) -> dict[str, CaseType]:
    made = {}
    for code, label in (
        ("zorg-en-veiligheidscasus", "Zorg- en veiligheidscasus"),
        ("opiumwet-13b", "Opiumwet 13b"),
    ):
        made[code] = CaseType.objects.filter(code=code).first() or case_type_create(
            actor=users["beheerder"], code=code, label=label, default_categories=["general"], retention_years=5
        )
    return made


@pytest.fixture
def director(sign_in, users):
    return sign_in(users["procesregisseur"])


@pytest.fixture
def two_signals(client, users, policy, processed) -> list[Signal]:
    signals = []
    for text in (TEXT, "Een tweede melding over geluidsoverlast bij de jachthaven."):
        client.post("/melden", {"reporter_type": "anoniem", "description": text})
        signals.append(processed(Signal.objects.order_by("-received_at").first()))
    return signals


def test_the_queue_shows_what_a_signal_is_about_and_how_old_it_is(director, two_signals):
    first = two_signals[0]
    Signal.objects.filter(pk=first.pk).update(
        received_at=timezone.now() - timedelta(days=3), triage_due_at=timezone.now() - timedelta(days=1)
    )
    html = director.get("/signalen").content.decode()
    assert "Waarover" in html
    assert "Bij chalet … op het vakantiepark hangt elke avond een wietlucht en …" in html
    assert "uitladen" not in html  # the first words only
    assert "3 dagen oud" in html and "vandaag binnen" in html
    assert "regie-row--overdue" in html and "Te laat" in html
    entry = ProcessingLogEntry.objects.filter(action="signal.listed").latest("seq")
    assert first.reference in entry.details["signals"]


def test_the_summary_leaves_out_names_numbers_and_addresses(director, client, policy, processed):
    client.post(
        "/melden",
        {"reporter_type": "anoniem", "description": "Buurman Gerrit Vermeulen (06-12345678, g@v.nl) is verward."},
    )
    processed(Signal.objects.get())
    html = director.get("/signalen").content.decode()
    assert "Buurman … is verward." in html
    assert "Vermeulen" not in html and "12345678" not in html and "g@v.nl" not in html


def test_a_partner_sees_no_queue_of_others(sign_in, users, two_signals):
    html = sign_in(users["politie"]).get("/signalen").content.decode()
    assert "wietlucht" not in html


def test_a_new_case_lands_on_the_case_page(director, users, two_signals, case_types):
    signal = two_signals[0]
    response = director.post(
        f"/signalen/{signal.pk}/besluit",
        {
            "decision": "nieuwe-casus",
            "case_type": case_types["opiumwet-13b"].pk,
            "coordinator": users["procesregisseur"].pk,
            "priority": "normaal",
        },
    )
    signal.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == f"/casussen/{signal.case_id}"


def test_closing_lands_on_the_next_signal_in_the_queue_and_then_on_the_queue(director, two_signals):
    first, second = two_signals
    response = director.post(f"/signalen/{first.pk}/besluit", {"decision": "gesloten", "reason": "Geen zorg."})
    assert response.status_code == 302 and response["Location"] == f"/signalen/{second.pk}"
    response = director.post(f"/signalen/{second.pk}/besluit", {"decision": "gesloten", "reason": "Geen zorg."})
    assert response["Location"] == "/signalen"
    assert Signal.objects.filter(status=Status.DONE).count() == 2


def test_the_case_type_is_preselected_from_the_category(director, two_signals, case_types):
    signal = two_signals[0]
    Signal.objects.filter(pk=signal.pk).update(category=SignalCategory.objects.get(code="drugs"))
    html = director.get(f"/signalen/{signal.pk}").content.decode()
    wanted = case_types["opiumwet-13b"].pk
    assert f'<option value="{wanted}" selected>' in html


def test_no_case_type_is_preselected_without_a_match(director, two_signals, case_types):
    signal = two_signals[1]
    Signal.objects.filter(pk=signal.pk).update(category=SignalCategory.objects.get(code="overig"))
    html = director.get(f"/signalen/{signal.pk}").content.decode()
    assert "selected>Opiumwet 13b" not in html and "selected>Zorg- en veiligheidscasus" not in html
