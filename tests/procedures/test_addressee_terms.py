"""Residents and owner each have their own notification date, and therefore their own objection term (Awb 6:8)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regie.procedures.models import DeadlineStatus

from .conftest import addressee_ids, report

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _terms(procedure, code):
    return {
        d.addressee.role if d.addressee else None: d
        for d in procedure.deadlines.filter(code=code).exclude(status=DeadlineStatus.SUPERSEDED)
    }


def test_it_gives_each_addressee_their_own_objection_term(pr_at):
    procedure = pr_at("notification")
    objection = _terms(procedure, "objection")
    assert objection["bewoner"].due_date == date(2026, 3, 19)  # notified Thursday 5 February
    assert objection["eigenaar"].due_date == date(2026, 3, 24)  # notified Tuesday 10 February
    assert all(d.statutory and d.legal_basis == "Awb 6:7 en 6:8" for d in objection.values())


def test_it_does_not_extend_the_compliance_period_even_on_a_holiday_or_sunday(pr_at):
    procedure = pr_at("notification")
    compliance = _terms(procedure, "compliance")
    assert compliance["bewoner"].due_date == date(
        2026, 5, 5
    )  # Liberation Day, not extended: set in the decision
    assert compliance["eigenaar"].due_date == date(2026, 5, 10)  # a Sunday, not extended either
    assert not any(d.statutory for d in compliance.values())
    assert "niet verlengd" in compliance["bewoner"].explanation


def test_it_extends_an_objection_term_ending_on_liberation_day(pr_at, move, time_machine):
    procedure = pr_at("decision")
    time_machine.move_to("2026-03-30 10:00 +02:00", tick=False)
    ids = addressee_ids(procedure)
    move(
        "jurist",
        procedure,
        "notification",
        "2026-03-24",
        {"notifications": {ids["bewoner"]: "2026-03-24"}, "method": "post"},
    )
    term = _terms(procedure, "objection")["bewoner"]
    assert term.plain_due_date == date(2026, 5, 5) and term.due_date == date(2026, 5, 6)
    assert "5 mei (Bevrijdingsdag) is een algemeen erkende feestdag (Atw art. 3)" in term.explanation
    # the owner is notified later, in a step of their own, and gets a term of their own
    move(
        "jurist",
        procedure,
        "notification",
        "2026-03-27",
        {"notifications": {ids["eigenaar"]: "2026-03-27"}, "method": "post"},
    )
    assert _terms(procedure, "objection")["eigenaar"].due_date == date(2026, 5, 8)


def test_it_refuses_to_notify_an_addressee_twice(pr_at, move):
    from django.core.exceptions import ValidationError

    procedure = pr_at("notification")
    ids = addressee_ids(procedure)
    with pytest.raises(ValidationError) as caught:
        move(
            "jurist",
            procedure,
            "notification",
            "2026-02-12",
            {"notifications": {ids["bewoner"]: "2026-02-12"}, "method": "post"},
        )
    assert "al bekendgemaakt op 5 februari 2026" in caught.value.message_dict["notifications"][0]


def test_it_counts_the_decision_on_objection_from_that_addressees_objection_term(pr_at, move):
    procedure = pr_at("notification")
    owner = addressee_ids(procedure)["eigenaar"]
    result = move(
        "jurist",
        procedure,
        "objection-received",
        "2026-02-20",
        {"addressee": owner},
        upload=report("Bezwaar", "brief"),
    )
    decision = _terms(procedure, "decision-on-objection")["eigenaar"]
    # the owner's objection term ends Tuesday 24 March; + 6 weeks is 5 May (Liberation Day), so Wednesday 6 May
    assert decision.event_date == date(2026, 3, 24)
    assert decision.plain_due_date == date(2026, 5, 5) and decision.due_date == date(2026, 5, 6)
    assert result.transition.data["late"] is False and result.notes == []


def test_it_gives_twelve_weeks_with_an_advisory_committee(pr_at, move):
    procedure = pr_at("notification")
    owner = addressee_ids(procedure)["eigenaar"]
    move(
        "jurist",
        procedure,
        "objection-received",
        "2026-02-20",
        {"addressee": owner, "advisory_committee": True},
        upload=report("Bezwaar", "brief"),
    )
    assert _terms(procedure, "decision-on-objection")["eigenaar"].due_date == date(2026, 6, 16)


def test_it_extends_the_decision_on_objection_once_by_six_weeks(pr_at, move):
    procedure = pr_at("notification")
    owner = addressee_ids(procedure)["eigenaar"]
    move(
        "jurist",
        procedure,
        "objection-received",
        "2026-02-20",
        {"addressee": owner},
        upload=report("Bezwaar", "brief"),
    )
    move(
        "jurist",
        procedure,
        "objection-extended",
        "2026-02-27",
        {"reason": "Advies van de commissie volgt later."},
    )
    terms = procedure.deadlines.filter(code="decision-on-objection").order_by("event_date")
    assert [d.status for d in terms] == [DeadlineStatus.SUPERSEDED, DeadlineStatus.OPEN]
    # The running term ended on Bevrijdingsdag 5 May 2026, extended by the Atw to 6 May. The postponement
    # counts from 5 May, the earlier and safe reading (issue 12); it used to count from 6 May (17 June).
    assert terms[0].plain_due_date == date(2026, 5, 5) and terms[0].due_date == date(2026, 5, 6)
    assert terms[1].event_date == date(2026, 5, 5) and terms[1].due_date == date(2026, 6, 16)
    assert "zonder Atw-verlenging" in terms[1].explanation and "veilige" in terms[1].explanation


def _objection_by_owner(procedure, move):
    owner = addressee_ids(procedure)["eigenaar"]
    move(
        "jurist",
        procedure,
        "objection-received",
        "2026-02-20",
        {"addressee": owner},
        upload=report("Bezwaar", "brief"),
    )


def test_it_still_postpones_on_the_day_the_atw_added_to_the_term(pr_at, move, time_machine):
    procedure = pr_at("notification")
    _objection_by_owner(procedure, move)
    time_machine.move_to("2026-06-01 10:00 +02:00", tick=False)
    move("jurist", procedure, "objection-extended", "2026-05-06", {"reason": "Hoorzitting nodig."})
    assert _terms(procedure, "decision-on-objection")["eigenaar"].due_date == date(2026, 6, 16)


def test_it_refuses_a_postponement_after_the_decision_term_ran_out_and_says_the_municipality_is_in_default(
    pr_at, move, time_machine
):
    procedure = pr_at("notification")
    _objection_by_owner(procedure, move)
    time_machine.move_to("2026-06-01 10:00 +02:00", tick=False)
    before = procedure.deadlines.count()
    with pytest.raises(ValidationError) as caught:
        move("jurist", procedure, "objection-extended", "2026-05-07", {"reason": "Te laat bedacht."})
    message = " ".join(caught.value.message_dict["date"])
    assert "Verdagen kan niet meer voor" in message
    assert "woensdag 6 mei 2026 verstreken: de gemeente is in gebreke" in message
    assert "4:17" in message and "6:12" in message and "in gebreke stellen" in message
    assert procedure.deadlines.count() == before
    assert _terms(procedure, "decision-on-objection")["eigenaar"].due_date == date(2026, 5, 6)


def test_it_notes_an_objection_received_after_the_term(pr_at, move, time_machine):
    procedure = pr_at("notification")
    time_machine.move_to("2026-04-01 10:00 +02:00", tick=False)
    resident = addressee_ids(procedure)["bewoner"]
    result = move(
        "jurist",
        procedure,
        "objection-received",
        "2026-03-20",
        {"addressee": resident},
        upload=report("Bezwaar", "brief"),
    )
    assert result.transition.data["late"] is True
    assert "na het einde van de bezwaartermijn (donderdag 19 maart 2026)" in result.notes[0]


def test_it_settles_the_decision_term_and_starts_the_appeal_term_of_that_addressee(pr_at, move):
    procedure = pr_at("notification")
    owner = addressee_ids(procedure)["eigenaar"]
    move(
        "jurist",
        procedure,
        "objection-received",
        "2026-02-20",
        {"addressee": owner},
        upload=report("Bezwaar", "brief"),
    )
    move(
        "jurist",
        procedure,
        "objection-decision",
        "2026-02-27",
        {"addressee": owner, "outcome": "ongegrond", "reasoning": "De bewoning is vastgesteld."},
    )
    assert _terms(procedure, "decision-on-objection")["eigenaar"].status == DeadlineStatus.MET
    appeal = _terms(procedure, "appeal")["eigenaar"]
    assert appeal.due_date == date(2026, 4, 10)  # 27 Feb + 6 weeks; Good Friday 3 April is not in the way


def test_it_suspends_the_decision_term_while_a_defect_is_repaired_and_delays_it_with_consent_more_than_once(
    pr_at, move, time_machine
):
    procedure = pr_at("notification")
    _objection_by_owner(procedure, move)
    owner = addressee_ids(procedure)["eigenaar"]
    time_machine.move_to("2026-07-01 10:00 +02:00", tick=False)
    # Awb 7:10 lid 2: asked on 1 April, repaired on 10 April: 2 to 9 April suspended, eight days.
    move(
        "jurist",
        procedure,
        "objection-repaired",
        "2026-04-10",
        {"addressee": owner, "requested_on": "2026-04-01", "repaired": "hersteld"},
    )
    term = _terms(procedure, "decision-on-objection")["eigenaar"]
    assert term.event_date == date(2026, 5, 5) and term.due_date == date(2026, 5, 13)
    assert term.legal_basis == "Awb 7:10 lid 2"
    # Awb 7:10 lid 4: delayed with the objector's consent, twice, each time inside the running term.
    consent = {"addressee": owner, "ground": "b", "consent": "E-mail van de indiener van 12 mei."}
    move("jurist", procedure, "objection-delayed", "2026-05-13", {**consent, "period": "P4W"})
    assert _terms(procedure, "decision-on-objection")["eigenaar"].due_date == date(2026, 6, 10)
    move("jurist", procedure, "objection-delayed", "2026-06-01", {**consent, "period": "P2W"})
    assert _terms(procedure, "decision-on-objection")["eigenaar"].due_date == date(2026, 6, 24)
    with pytest.raises(ValidationError) as caught:
        move("jurist", procedure, "objection-delayed", "2026-06-25", {**consent, "period": "P2W"})
    assert "Uitstellen kan niet meer voor" in caught.value.message_dict["date"][0]
    assert "in gebreke" in caught.value.message_dict["date"][0]


def test_a_request_to_repair_after_the_decision_term_suspends_nothing(pr_at, move, time_machine):
    procedure = pr_at("notification")
    _objection_by_owner(procedure, move)
    owner = addressee_ids(procedure)["eigenaar"]
    time_machine.move_to("2026-07-01 10:00 +02:00", tick=False)
    with pytest.raises(ValidationError) as caught:
        move(
            "jurist",
            procedure,
            "objection-repaired",
            "2026-05-20",
            {"addressee": owner, "requested_on": "2026-05-07", "repaired": "hersteld"},
        )
    assert "schort niets meer op" in caught.value.message_dict["requested_on"][0]
    with pytest.raises(ValidationError) as caught:
        move(
            "jurist",
            procedure,
            "objection-repaired",
            "2026-04-02",
            {"addressee": owner, "requested_on": "2026-04-01", "repaired": "hersteld"},
        )
    assert "geen dag opgeschort" in caught.value.message_dict["date"][0]
