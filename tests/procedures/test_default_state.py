"""A decision term that ran out: 'termijn overschreden' on the procedure page and /termijnen, and the penalty clock
of Awb 4:17 once a notice of default is recorded (€ 23, € 35, € 45 a day per fourteen days, at most € 1.442)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regie.core.awb import default_penalty
from regie.procedures.services.addressees import procedure_addressee_add

from .conftest import access

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.mark.parametrize(
    ("on", "days", "euros"),
    [
        ("2026-05-04", 0, 0),  # the day before the first day: nothing yet
        ("2026-05-05", 1, 23),
        ("2026-05-18", 14, 322),  # fourteen days at € 23
        ("2026-05-19", 15, 357),  # then € 35
        ("2026-06-01", 28, 812),
        ("2026-06-02", 29, 857),  # then € 45
        ("2026-06-15", 42, 1442),  # the maximum, 42 days (lid 1)
        ("2026-09-01", 42, 1442),  # and not a day more
    ],
)
def test_the_penalty_accrues_per_fourteen_days_up_to_the_maximum(on, days, euros):
    # Term ended Monday 13 April 2026; notice received Tuesday 21 April; first day 5 May (4:17 lid 3).
    penalty = default_penalty(date(2026, 4, 13), date(2026, 4, 21))
    assert penalty.first_day == date(2026, 5, 5) and penalty.maximum_euros == 1442
    assert penalty.accrued(date.fromisoformat(on)) == (days, euros)


@pytest.fixture
def requested(world, pr_at, move, time_machine):
    """A request for enforcement received Monday 16 February 2026 (decision due 13 April, Awb 4:13)."""
    procedure = pr_at("notification")
    user = world.users["jurist"]
    applicant = procedure_addressee_add(
        actor=user,
        access=access(user, procedure.case),
        procedure=procedure,
        role="melder",
        name="J. de Buurman",
        address_line="Parkweg 2",
        postal_line="1234 AB Dorp",
    )
    move(
        "jurist",
        procedure,
        "enforcement-request",
        "2026-02-16",
        {"addressee": str(applicant.pk), "request": "x"},
    )
    procedure.applicant = applicant
    return procedure


def _html(sign_in, users, username, path):
    response = sign_in(users[username]).get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_running_term_shows_no_default(sign_in, users, requested, time_machine):
    time_machine.move_to("2026-04-13 10:00 +02:00", tick=False)  # the last day: still in time
    html = _html(sign_in, users, "jurist", f"/procedures/{requested.pk}")
    assert "in gebreke" not in html


def test_a_lapsed_term_is_shown_as_in_default_with_what_the_applicant_can_do(
    sign_in, users, requested, time_machine
):
    time_machine.move_to("2026-04-15 10:00 +02:00", tick=False)
    html = _html(sign_in, users, "jurist", f"/procedures/{requested.pk}")
    assert "Termijn overschreden: de gemeente is in gebreke" in html
    assert "is verstreken op 13 april 2026 zonder besluit" in html
    assert "Awb 4:17" in html and "Awb 6:2 en 6:12" in html
    overview = _html(sign_in, users, "jurist", "/termijnen")
    assert "1 beslistermijn overschreden: de gemeente is in gebreke." in overview
    assert "Termijn overschreden — in gebreke" in overview


def test_the_penalty_clock_runs_from_the_notice_of_default(sign_in, users, requested, move, time_machine):
    time_machine.move_to("2026-04-21 10:00 +02:00", tick=False)
    notice = {"addressee": str(requested.applicant.pk), "term": "request-decision"}
    move("jurist", requested, "default-notice", "2026-04-21", notice)
    html = _html(sign_in, users, "jurist", f"/procedures/{requested.pk}")
    assert "In gebreke gesteld — dwangsom vanaf 5 mei 2026" in html
    time_machine.move_to("2026-05-19 10:00 +02:00", tick=False)  # 15 days: 14 × € 23 + € 35
    html = _html(sign_in, users, "jurist", f"/procedures/{requested.pk}")
    assert "Dwangsom loopt — 15 dagen, € 357" in html
    assert "tot en met vandaag 15 dagen, samen € 357" in html and "ten hoogste € 1.442" in html
    overview = _html(sign_in, users, "jurist", "/termijnen")
    assert "Dwangsom loopt — 15 dagen, € 357" in overview
    time_machine.move_to("2026-07-01 10:00 +02:00", tick=False)
    html = _html(sign_in, users, "jurist", f"/procedures/{requested.pk}")
    assert "Dwangsom volledig verbeurd — € 1.442" in html


def test_the_decision_ends_the_default(sign_in, users, requested, move, time_machine):
    time_machine.move_to("2026-04-30 10:00 +02:00", tick=False)
    decision = {
        "addressee": str(requested.applicant.pk),
        "outcome": "afgewezen",
        "reasoning": "Geen overtreding.",
    }
    move("jurist", requested, "enforcement-request-decision", "2026-04-30", decision)
    html = _html(sign_in, users, "jurist", f"/procedures/{requested.pk}")
    assert "in gebreke" not in html


def test_outsiders_do_not_see_the_default(sign_in, users, requested, time_machine):
    time_machine.move_to("2026-04-15 10:00 +02:00", tick=False)
    assert sign_in(users["brp"]).get(f"/procedures/{requested.pk}").status_code == 404
    assert sign_in(users["politie"]).get("/termijnen").status_code == 403


def test_a_notice_before_the_term_ends_is_refused_and_starts_no_clock(requested, move, time_machine):
    time_machine.move_to("2026-04-14 10:00 +02:00", tick=False)
    notice = {"addressee": str(requested.applicant.pk), "term": "request-decision"}
    with pytest.raises(ValidationError) as caught:
        move("jurist", requested, "default-notice", "2026-04-13", notice)
    assert "pas na het verstrijken van de beslistermijn" in " ".join(caught.value.message_dict["date"])
    assert not requested.transitions.filter(to_step="default-notice").exists()
