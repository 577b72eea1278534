"""The last letters of issue 12: the reminder (Awb 4:112) and writ (4:114) for a forfeited penalty and for the costs
of administrative enforcement (5:25), the confirmation of a notice of default (4:17), the decision fixing its
penalty (4:18) and the early lifting of a 13b closure; and the 13b wording (premises, no 'namens' above the mayor).

Each letter is opened as .docx and checked: no empty field, Dutch numbers, its legal basis, the remedy clause the
law gives (6:9 for a decision; none for a reminder or writ, Awb 8:4 lid 1 onder b) and the signatory."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regie.procedures.models import Letter
from regie.procedures.services.letters import EmptyFieldError, render, template_fields, template_for
from regie.procedures.templatetags.procedure_labels import periods_in_words

from .conftest import addressee_ids, report
from .test_default_state import requested  # noqa: F401 (fixture)
from .test_enforcement_steps import EXECUTED, ordered  # noqa: F401 (fixture)
from .test_letters import text_of

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

OBJECTION_CLAUSE = (
    "niet later dan een week daarna is ontvangen (artikel 6:9 van de Algemene wet bestuursrecht)"
)
NO_REMEDY = "geen bezwaar maken en geen beroep instellen (artikel 8:4, eerste lid, onder b"


def _letters(procedure, code: str) -> list[Letter]:
    found = list(Letter.objects.filter(procedure=procedure, code=code))
    assert found, f"geen brief {code}"
    return found


def _text(procedure, code: str) -> str:
    text = text_of(_letters(procedure, code)[-1])
    assert "{{" not in text and "{%" not in text and "\u27e6leeg" not in text and "E+" not in text
    return text


def _refused(call, field: str) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return " ".join(caught.value.message_dict[field])


@pytest.fixture
def forfeited(pr_at, move, time_machine):
    procedure = pr_at("notification")
    time_machine.move_to("2026-09-01 10:00 +02:00", tick=False)
    findings = {"violation": "voortduring", "findings": "Nog bewoond."}
    move("handhaver", procedure, "reinspection", "2026-05-26", findings, upload=report())
    move("handhaver", procedure, "forfeiture", "2026-06-01", {"amount": "9750", "period_label": "week 1-2"})
    move("jurist", procedure, "collection-decision", "2026-06-15", {"amount": "9750"})
    return procedure


def test_the_penalty_reminder_and_writ_letters(forfeited, move):
    move("jurist", forfeited, "reminder", "2026-07-14", {"amount": "9750"})
    collection = forfeited.transitions.get(to_step="collection-decision")
    text = _text(forfeited, "penalty-reminder")
    assert "AANMANING" in text and "€ 9.750,00" in text and "uiterlijk op 28 juli 2026" in text
    assert f"Bij besluit van 15 juni 2026 (kenmerk {forfeited.case.number}/{collection.seq})" in text
    assert "artikel 4:112 en 5:37 van de Algemene wet bestuursrecht" in text  # the legal basis
    assert "op uw kosten" in text  # 4:112 lid 3
    assert NO_REMEDY in text and "artikel 6:9" not in text  # no objection against a reminder
    assert "J. de Vries" in text and "namens deze(n)" in text  # the college's mandate

    move("jurist", forfeited, "writ", "2026-07-29", {"amount": "9750", "writ_costs": "1234.5"})
    text = _text(forfeited, "penalty-writ")
    assert "DWANGBEVEL" in text and "Invorderbare hoofdsom: € 9.750,00" in text  # 4:122 lid 1 a, b
    assert "Kosten van dit dwangbevel: € 1.234,50" in text and "op kosten van de schuldenaar" in text  # d, e
    assert "aanmaning van 14 juli 2026" in text and "15 juni 2026" in text  # c: the decision it follows from
    assert NO_REMEDY in text and "binnen zes weken na de dag waarop het dwangbevel aan u is betekend" in text
    assert "artikel 4:114, 4:122 en 5:37" in text and "J. de Vries" in text


def test_a_writ_without_its_costs_is_refused_and_nothing_is_written(forfeited, move):
    move("jurist", forfeited, "reminder", "2026-07-14", {"amount": "9750"})
    message = _refused(
        lambda: move("jurist", forfeited, "writ", "2026-07-29", {"amount": "9750"}), "writ_costs"
    )
    assert "Kosten van het dwangbevel" in message
    assert not forfeited.transitions.filter(to_step="writ").exists()
    assert not Letter.objects.filter(procedure=forfeited, code="penalty-writ").exists()


def test_generation_refuses_an_empty_field_and_names_it():
    content = template_for("penalty-writ").content
    values = dict.fromkeys(template_fields(content), "x")
    with pytest.raises(EmptyFieldError) as caught:
        render(content, {**values, "kosten_dwangbevel": ""}, refuse_empty=True)
    assert "kosten_dwangbevel" in caught.value.fields


def test_the_costs_of_bestuursdwang_get_a_reminder_and_a_writ(ordered, move, time_machine):  # noqa: F811
    time_machine.move_to("2026-09-01 10:00 +02:00", tick=False)
    move("handhaver", ordered, "enforcement-executed", "2026-05-12", EXECUTED)
    owner = addressee_ids(ordered)["eigenaar"]
    decision = {"addressee": owner, "amount": "2400", "reasoning": "Slotenmaker € 400, verhuizer € 2.000."}
    move("jurist", ordered, "cost-recovery-decision", "2026-06-01", decision)  # payable until 13 July (4:87)
    reminder = {"addressee": owner, "amount": "2400"}
    message = _refused(lambda: move("jurist", ordered, "cost-reminder", "2026-07-13", reminder), "date")
    assert "Aanmanen kan pas vanaf dinsdag 14 juli 2026" in message and "Awb 4:87" in message
    move("jurist", ordered, "cost-reminder", "2026-07-14", reminder)
    assert ordered.deadlines.get(code="cost-reminder-payment").due_date == date(2026, 7, 28)
    letters = _letters(ordered, "cost-reminder")
    assert [letter.addressee.role for letter in letters] == ["eigenaar"]  # the debtor only
    text = _text(ordered, "cost-reminder")
    assert "de kosten van de bestuursdwang" in text and "€ 2.400,00" in text and NO_REMEDY in text
    assert "artikel 4:112 en 5:25" in text and "J. de Vries" in text

    writ = {"addressee": owner, "amount": "2400", "writ_costs": "95"}
    message = _refused(lambda: move("jurist", ordered, "cost-writ", "2026-07-28", writ), "date")
    assert "28 juli 2026" in message
    move("jurist", ordered, "cost-writ", "2026-07-29", writ)
    text = _text(ordered, "cost-writ")
    assert "DWANGBEVEL" in text and "€ 2.400,00" in text and "€ 95,00" in text and NO_REMEDY in text
    assert "artikel 4:114, 4:122 en 5:25" in text


def test_the_notice_of_default_is_confirmed_and_its_penalty_fixed_by_decision(requested, move, time_machine):  # noqa: F811
    applicant = str(requested.applicant.pk)
    time_machine.move_to("2026-06-20 10:00 +02:00", tick=False)
    move(
        "jurist",
        requested,
        "default-notice",
        "2026-04-21",
        {"addressee": applicant, "term": "request-decision"},
    )
    text = _text(requested, "default-notice-received")
    assert "Op 21 april 2026 hebben wij uw ingebrekestelling ontvangen" in text
    assert "vanaf 5 mei 2026" in text and "tot en met 15 juni 2026" in text and "€ 1.442" in text
    assert "artikel 6:12" in text and "Dit is geen besluit" in text

    decision = {"addressee": applicant, "outcome": "toegewezen", "reasoning": "De overtreding staat vast."}
    move("jurist", requested, "enforcement-request-decision", "2026-05-19", decision)
    # Decided on 19 May: the penalty ran from 5 up to and including 18 May, 14 days at € 23 (4:17 lid 2).
    fixed = {"addressee": applicant, "decided_on": "2026-05-19"}
    result = move("jurist", requested, "default-penalty-decision", "2026-05-26", fixed)
    assert result.transition.data["amount"] == "322" and result.transition.data["days"] == 14
    text = _text(requested, "default-penalty-decision")
    assert "over 14 dagen, van 5 mei 2026 tot en met 18 mei 2026" in text and "€ 322,00" in text
    assert "artikel 4:17 en 4:18 van de Algemene wet bestuursrecht" in text and OBJECTION_CLAUSE in text
    assert "J. de Vries" in text


def test_no_penalty_decision_while_the_clock_runs_or_when_decided_in_time(requested, move, time_machine):  # noqa: F811
    applicant = str(requested.applicant.pk)
    time_machine.move_to("2026-05-10 10:00 +02:00", tick=False)
    move(
        "jurist",
        requested,
        "default-notice",
        "2026-04-21",
        {"addressee": applicant, "term": "request-decision"},
    )
    step = {"addressee": applicant}
    message = _refused(
        lambda: move("jurist", requested, "default-penalty-decision", "2026-05-10", step), "decided_on"
    )
    assert "loopt de dwangsom nog tot en met maandag 15 juni 2026" in message
    in_time = {**step, "decided_on": "2026-05-04"}
    message = _refused(
        lambda: move("jurist", requested, "default-penalty-decision", "2026-05-10", in_time), "decided_on"
    )
    assert "geen dwangsom verschuldigd" in message
    assert not requested.transitions.filter(to_step="default-penalty-decision").exists()


@pytest.fixture
def closed_lokaal(world, matrix, start, move):
    procedure = start(
        "jurist",
        world.o13b_case,
        "opiumwet-13b",
        "2026-01-08",
        data={
            "search_date": "2026-01-06",
            "premises_type": "lokaal",
            "substances": [{"substance": "hennepplanten", "amount": "1240"}],
            "findings": "Kwekerij in de loods.",
        },
        upload=report(),
    ).procedure
    move("jurist", procedure, "assessment", "2026-01-12", {"sanction": "sluiting"})
    order = {
        "closure_period": "P3M",
        "compliance_period": "P1W",
        "reasons": "Kwekerij.",
        "urgent_reason": "Brand.",
    }
    move("jurist", procedure, "closure-order", "2026-01-13", order)
    resident = str(procedure.addressees.get().pk)
    move(
        "jurist",
        procedure,
        "notification",
        "2026-01-15",
        {"notifications": {resident: "2026-01-15"}, "method": "politie"},
    )
    closure = {"sealed": True, "notice_posted": True, "costs": "850"}
    move("handhaver", procedure, "closure", "2026-01-23", closure, upload=report("Proces-verbaal"))
    return procedure


def test_13b_letters_speak_of_het_lokaal_and_the_mayor_signs_without_namens(closed_lokaal):
    text = _text(closed_lokaal, "o13b-closure-order")
    assert "in het lokaal of op het daarbij behorende erf op het adres" in text
    assert (
        "besluit het lokaal te sluiten" in text and "de lokaal" not in text and "de lokaal of erf" not in text
    )
    assert "1.240 hennepplanten" in text  # Dutch numbers
    assert "M. Bakker" in text and "namens deze(n)" not in text  # art. 13b is the mayor's own power


def test_the_early_lifting_of_a_closure_is_a_decision_with_its_letter(closed_lokaal, move):
    lifted = {
        "ground": "evenredigheid",
        "reasons": "De huurder is vertrokken; de verhuurder heeft een nieuwe huurder.",
    }
    move("jurist", closed_lokaal, "closure-lifted", "2026-02-20", lifted)
    text = _text(closed_lokaal, "o13b-closure-lifted")
    order = closed_lokaal.transitions.get(to_step="closure-order")
    assert f"Bij besluit van 13 januari 2026 (kenmerk {closed_lokaal.case.number}/{order.seq})" in text
    assert "het lokaal op het adres" in text and "Het lokaal is op 23 januari 2026 gesloten" in text
    assert "voor 3 maanden" in text and "Evenredigheid of gewijzigde omstandigheden" in text
    assert "De huurder is vertrokken" in text and "artikel 13b van de Opiumwet" in text
    assert OBJECTION_CLAUSE in text and "bij de burgemeester van Lingewaard" in text
    assert "M. Bakker" in text and "namens deze(n)" not in text


@pytest.mark.parametrize(
    ("frozen", "shown"),
    [
        ("Bijvoorbeeld P4W.", "Bijvoorbeeld 4 weken."),
        ("Meestal twee weken (P2W).", "Meestal twee weken."),
        (
            "Bijvoorbeeld P3M voor drie maanden. Een begunstigingstermijn staat in het besluit.",
            "Bijvoorbeeld drie maanden. Een begunstigingstermijn staat in het besluit.",
        ),
        ("Recidive binnen P5Y", "Recidive binnen 5 jaar"),
        ("Geen termijn hier (Awb 4:17).", "Geen termijn hier (Awb 4:17)."),
    ],
)
def test_help_texts_of_frozen_versions_show_periods_in_words(frozen, shown):
    assert periods_in_words(frozen) == shown
