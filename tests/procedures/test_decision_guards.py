"""Guards that protect the addressee before a decision (issue 12): a valid exemption or an open BRP investigation
needs a reasoned override, recorded on the transition and in the processing log; every view needs its answer,
which the decision letter states (Awb 3:46, 4:12)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from regie.procedures.extensions import exemption_sources
from regie.procedures.models import Letter, Procedure
from regie.processing_log.models import ProcessingLogEntry

from .conftest import PENALTY, addressee_ids
from .test_letters import text_of

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

PERMIT = "Kavel 14 heeft een persoonsgebonden beschikking voor P. Jansen van 15 juni 2004"


@pytest.fixture
def exemption():
    """A valid persoonsgebonden beschikking for every procedure (the park's register stands in)."""

    def source(procedure: Procedure, on_date) -> list[str]:
        return [PERMIT]

    exemption_sources.register(source)
    yield source
    exemption_sources._items.remove(source)


def _refused(call, field: str) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict[field][0]


def test_a_decision_over_a_valid_exemption_without_reasons_is_refused(pr_at, move, exemption):
    procedure = pr_at("intended-decision")
    message = _refused(
        lambda: move("jurist", procedure, "decision", "2026-02-03", PENALTY), "override_reason"
    )
    assert message.startswith("Reden om toch te besluiten: let op,") and PERMIT in message
    procedure.refresh_from_db()
    assert procedure.current_step == "intended-decision"  # nothing half-written


def test_a_reasoned_override_is_recorded_on_the_step_and_in_the_log(pr_at, move, exemption):
    procedure = pr_at("intended-decision")
    reason = "De beschikking geldt voor de vader; de zoon woont er zonder eigen beschikking."
    result = move("jurist", procedure, "decision", "2026-02-03", {**PENALTY, "override_reason": reason})
    assert result.transition.data["guard"] == {"warnings": [PERMIT], "override_reason": reason}
    entry = ProcessingLogEntry.objects.filter(action="procedure.guard_overridden").get()
    assert entry.details["reason"] == reason and entry.details["step"] == "decision"


def test_an_override_without_a_warning_or_on_another_step_is_refused(pr_at, move):
    procedure = pr_at("intended-decision")
    message = _refused(
        lambda: move("jurist", procedure, "decision", "2026-02-03", {**PENALTY, "override_reason": "Toch."}),
        "override_reason",
    )
    assert "geen waarschuwing" in message


def test_an_override_on_a_step_that_is_no_decision_is_refused(pr_at, move):
    done = pr_at("decision")
    ids = addressee_ids(done)
    message = _refused(
        lambda: move(
            "jurist",
            done,
            "notification",
            "2026-02-10",
            {
                "notifications": {ids["bewoner"]: "2026-02-05"},
                "method": "aangetekend",
                "override_reason": "x",
            },
        ),
        "override_reason",
    )
    assert message == "Dit veld hoort niet bij deze stap."


def test_every_view_needs_its_answer_and_the_letter_states_it(pr_at, move):
    procedure = pr_at("intended-decision")
    resident = addressee_ids(procedure)["bewoner"]
    view = move(
        "jurist",
        procedure,
        "view-received",
        "2026-01-26",
        {
            "addressee": resident,
            "form": "schriftelijk",
            "summary": "Ik heb een persoonsgebonden beschikking.",
        },
    ).transition
    message = _refused(lambda: move("jurist", procedure, "decision", "2026-02-03", PENALTY), "view_answers")
    assert "Antwoord op zienswijze" in message and "Peter Jansen van 26 januari 2026" in message
    bad = _refused(
        lambda: move("jurist", procedure, "decision", "2026-02-03", {**PENALTY, "view_answers": ["ja"]}),
        "view_answers",
    )
    assert bad.startswith("Antwoord op zienswijze:")
    answer = "Er is geen beschikking op uw naam; de beschikking van 2004 geldt voor de vorige bewoner."
    decided = move(
        "jurist", procedure, "decision", "2026-02-03", {**PENALTY, "view_answers": {str(view.seq): answer}}
    )
    assert decided.transition.data["view_answers"] == {str(view.seq): answer}
    ids = addressee_ids(procedure)
    move(
        "jurist",
        procedure,
        "notification",
        "2026-02-10",
        {
            "notifications": {ids["bewoner"]: "2026-02-05", ids["eigenaar"]: "2026-02-10"},
            "method": "aangetekend",
        },
    )
    text = text_of(Letter.objects.get(procedure=procedure, code="pr-decision", addressee__role="bewoner"))
    assert "Ik heb een persoonsgebonden beschikking." in text and f"Ons antwoord daarop: {answer}" in text


def test_the_step_page_warns_and_asks_for_the_reason_and_the_answers(pr_at, move, exemption, sign_in, users):
    procedure = pr_at("intended-decision")
    client = sign_in(users["jurist"])
    html = client.get(f"/procedures/{procedure.pk}/stap?stap=decision").content.decode()
    assert "Let op voordat u besluit" in html and PERMIT in html
    assert 'name="override_reason"' in html and "Reden om toch te besluiten" in html
    notification = client.get(f"/procedures/{procedure.pk}/stap?stap=view-received").content.decode()
    assert "Reden om toch te besluiten" not in notification
