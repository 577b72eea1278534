"""BRP address investigation version 2 (issue 12): the "in onderzoek" marking with its start, end and maximum
duration, and a decision made known by publication (Awb 3:41 lid 2) whose objection term runs from that day."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regie.procedures.models import DeadlineStatus

pytestmark = pytest.mark.django_db


def _refused(call, field: str) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return " ".join(caught.value.message_dict[field])


@pytest.fixture
def brp(world, start):
    return start(
        "brp",
        world.brp_case,
        "brp-address-investigation",
        "2026-01-12",
        data={"reason": "Retourpost.", "in_research": "ja"},
    ).procedure


def test_the_marking_is_placed_once_runs_at_most_three_months_and_ends(brp, move):
    assert "staan niet in onderzoek" in _refused(
        lambda: move("brp", brp, "research-ended", "2026-01-13", {"reason": "juist"}), "step"
    )
    move("brp", brp, "research-marked", "2026-01-13", {"what": "adres"})
    brp.refresh_from_db()
    assert brp.current_step == "started"  # an action: the investigation stays where it is
    maximum = brp.deadlines.get(code="research-maximum")
    # Placed Tuesday 13 January: three months end Monday 13 April 2026 (the Circulaire's limit, no Atw).
    assert maximum.due_date == date(2026, 4, 13) and not maximum.statutory
    assert "staan al in onderzoek" in _refused(
        lambda: move("brp", brp, "research-marked", "2026-01-14", {"what": "adres"}), "step"
    )
    assert _refused(
        lambda: move("brp", brp, "research-ended", "2026-01-20", {"reason": "anders"}), "note"
    ) == ("Toelichting: vul dit in.")
    move("brp", brp, "research-ended", "2026-02-20", {"reason": "juist"})
    assert brp.deadlines.get(code="research-maximum").status == DeadlineStatus.MET


def test_a_published_decision_runs_its_objection_term_from_publication(brp, move):
    move("brp", brp, "information-gathered", "2026-01-15", {"sources": "Geen post, geen verbruik."})
    move("brp", brp, "intended-decision", "2026-01-20", {"outcome": "vertrek-onbekend", "view_period": "P2W"})
    decision = {
        "outcome": "vertrek-onbekend",
        "reasoning": "Niet aangetroffen; adres onbekend.",
        "made_known_by": "publicatie",
        "made_known_on": "2026-02-24",
    }
    assert "niet vóór de datum van de stap" in _refused(
        lambda: move("brp", brp, "decision", "2026-02-20", {**decision, "made_known_on": "2026-02-19"}),
        "made_known_on",
    )
    assert _refused(
        lambda: move("brp", brp, "decision", "2026-02-20", {**decision, "made_known_by": "post"}),
        "made_known_by",
    ).startswith("Kies een van de mogelijkheden")
    move("brp", brp, "decision", "2026-02-20", decision)
    objection = brp.deadlines.get(code="objection")
    # Published Tuesday 24 February 2026: six weeks end Tuesday 7 April (not 3 April, six weeks after the step).
    assert objection.event_date == date(2026, 2, 24) and objection.due_date == date(2026, 4, 7)
