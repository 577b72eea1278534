"""The BRP address investigation is a procedure of its own: enforcement never sets anything in it, or back."""

from __future__ import annotations

from datetime import date

import pytest

from regie.cases.models import TimelineEvent
from regie.procedures.models import Deadline, Procedure

from .conftest import addressee_ids, report

pytestmark = pytest.mark.django_db


def _state(procedure: Procedure):
    procedure.refresh_from_db()
    return (
        procedure.current_step,
        procedure.status,
        procedure.version,
        procedure.next_deadline_on,
        list(procedure.transitions.values_list("to_step", flat=True)),
        sorted(Deadline.objects.filter(procedure=procedure).values_list("code", "status", "due_date")),
    )


@pytest.fixture
def brp(world, start) -> Procedure:
    return start(
        "brp",
        world.brp_case,
        "brp-address-investigation",
        "2026-01-12",
        data={"reason": "Retourpost.", "in_research": "ja"},
    ).procedure


def test_it_runs_the_target_clock_of_eight_weeks_and_three_months(brp):
    target, maximum = (brp.deadlines.get(code=c) for c in ("target", "maximum"))
    assert target.due_date == date(2026, 3, 9) and maximum.due_date == date(2026, 4, 12)
    assert not target.statutory and not maximum.statutory
    assert brp.next_deadline_on == date(2026, 3, 9)


def test_it_requires_a_reason_when_the_data_are_not_marked_in_research(world, start):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        start(
            "brp",
            world.brp_case,
            "brp-address-investigation",
            "2026-01-12",
            data={"reason": "x", "in_research": "nee"},
        )
    assert caught.value.message_dict["in_research_reason"][0].endswith(": vul dit in.")


def test_enforcement_moves_leave_the_brp_investigation_untouched(pr_at, move, request):
    # The enforcement decision comes first: a decision while the investigation runs needs a reasoned override
    # (services.guards; tests/procedures/test_decision_guards.py).
    procedure = pr_at("notification")
    brp = request.getfixturevalue("brp")
    before = _state(brp)
    owner = addressee_ids(procedure)["eigenaar"]
    move(
        "jurist",
        procedure,
        "objection-received",
        "2026-02-20",
        {"addressee": owner},
        upload=report("Bezwaar", "brief"),
    )
    move("jurist", procedure, "withdrawn", "2026-02-25", {"reason": "Bewoning beëindigd."})
    assert _state(brp) == before


def test_brp_moves_leave_the_enforcement_procedure_untouched(pr_at, move, request):
    procedure = pr_at("notification")
    brp = request.getfixturevalue("brp")
    before = _state(procedure)
    move("brp", brp, "letter-sent", "2026-01-13", {})
    move("brp", brp, "home-visit", "2026-01-20", {"result": "woont-er-niet", "report": "Niet aangetroffen."})
    move("brp", brp, "intended-decision", "2026-01-21", {"outcome": "vertrek-onbekend", "view_period": "P2W"})
    move("brp", brp, "decision", "2026-02-05", {"outcome": "vertrek-onbekend", "reasoning": "Niet gevonden."})
    assert _state(procedure) == before
    assert brp.deadlines.get(code="target").status == "met"


def test_enforcement_steps_are_no_steps_of_the_brp_procedure(brp, move):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        move("brp", brp, "letter-sent", "2026-01-20", {"sanction": "penalty-order"})
    assert caught.value.message_dict["sanction"] == [
        "Dit veld hoort niet bij deze stap."
    ]  # refused, not copied
    with pytest.raises(ValidationError) as caught:
        move("brp", brp, "forfeiture", "2026-01-20", {})
    assert "Onbekende stap 'forfeiture'" in caught.value.message_dict["step"][0]


def test_the_brp_officer_alone_takes_brp_steps(brp, move, world):
    from django.core.exceptions import ValidationError

    from regie.cases.services.team import case_member_add

    case_member_add(
        actor=world.users["brp"],
        case=world.brp_case,
        case_role="jurist",
        categories=["general"],
        user=world.users["jurist"],
    )
    with pytest.raises(ValidationError) as caught:
        move("jurist", brp, "letter-sent", "2026-01-13", {})
    assert "medewerker burgerzaken" in caught.value.message_dict["step"][0]


def test_referring_social_problems_creates_a_signal_for_triage_without_moving(brp, move, world):
    from regie.intake.models import Signal

    result = move(
        "brp",
        brp,
        "refer-social",
        "2026-01-14",
        {"concern": "Gezin zonder vaste woonplek.", "refer_to": "wijkteam"},
    )
    brp.refresh_from_db()
    assert brp.current_step == "started" and result.transition.to_step == "refer-social"
    signal = Signal.objects.get(reference=result.transition.data["signal"])
    assert signal.source == "inspectie" and signal.submitted_by == world.users["brp"]
    assert "Gezin zonder vaste woonplek." in signal.description and "Sociaal wijkteam" in signal.description
    assert list(signal.subjects.values_list("data__surname", flat=True)) == ["Jansen"]
    assert TimelineEvent.objects.filter(
        case=world.brp_case, summary__contains="Sociale problematiek doorverwezen"
    ).exists()
    move("brp", brp, "letter-sent", "2026-01-15", {})  # the investigation goes on where it was


def test_the_decision_letter_carries_the_objection_clause(brp, move):
    from .test_letters import text_of

    move("brp", brp, "letter-sent", "2026-01-13", {})
    move(
        "brp",
        brp,
        "intended-decision",
        "2026-01-20",
        {"outcome": "ambtshalve", "new_address": "Dorpsstraat 23, Ressen", "view_period": "P2W"},
    )
    move(
        "brp",
        brp,
        "decision",
        "2026-02-04",
        {"outcome": "ambtshalve", "new_address": "Dorpsstraat 23, Ressen", "reasoning": "Woont daar."},
    )
    letter = brp.letters.get(code="brp-decision")
    text = text_of(letter)
    assert "Ambtshalve inschrijving op het werkelijke adres, op het adres Dorpsstraat 23, Ressen" in text
    assert "uiterlijk op woensdag 18 maart 2026" in text
