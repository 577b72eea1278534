"""Letters for the steps that had none (issue 12): the 13b penalty order and its intention, the collection decisions
that name the order they collect, the cost-recovery decisions (Awb 5:25), the decisions on a request for
enforcement (4:13), findings and proportionality in the decision letters, and the costs of an objection (7:15).

Each letter is opened as .docx and checked: no empty field, Dutch numbers, its legal basis, the objection clause
(Awb 6:9) and the signatory from the mandate register."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from regie.procedures.definitions import SHIPPED
from regie.procedures.models import Letter

from .conftest import addressee_ids, report
from .test_enforcement_steps import EXECUTED, _applicant, ordered  # noqa: F401 (fixture)
from .test_letters import text_of
from .test_letters_signed import _signed_and_filled
from .test_opiumwet_13b_v2 import PENALTY, assessed, penalty_matrix  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

OBJECTION_CLAUSE = (
    "niet later dan een week daarna is ontvangen (artikel 6:9 van de Algemene wet bestuursrecht)"
)
COLLEGE_SIGNS = "J. de Vries"
MAYOR_SIGNS = "M. Bakker"


def _letter(procedure, code: str) -> str:
    letters = list(Letter.objects.filter(procedure=procedure, code=code))
    assert letters, f"geen brief {code}"
    text = text_of(letters[-1])
    _signed_and_filled(text)
    return text


def test_every_shipped_letter_has_a_template_that_this_or_another_test_generates():
    # The codes generated in this module and in test_letters / test_letters_signed (issue 12: every template).
    generated_here = {
        "o13b-intended-penalty",
        "o13b-penalty-order",
        "o13b-collection-decision",
        "o13b-cost-recovery-decision",
        "o13b-request-decision",
        "pr-cost-recovery-decision",
        "pr-request-decision",
        "pr-decision",
        "pr-collection-decision",
        "objection-decision",
    }
    elsewhere = {
        # test_letters_collection
        "penalty-reminder",
        "penalty-writ",
        "cost-reminder",
        "cost-writ",
        "default-notice-received",
        "default-penalty-decision",
        "o13b-closure-lifted",
        "pr-intended-decision",
        "objection-extension",
        "o13b-closure-order",
        "o13b-warning",
        "o13b-intended-closure",
        "brp-letter",
        "brp-intended-decision",
        "brp-reporter-informed",
        "brp-decision",
    }
    shipped = {spec.code for d in SHIPPED.values() for spec in d.letters().values()}
    assert shipped == generated_here | elsewhere


def test_the_decision_letter_states_findings_inspection_date_and_proportionality(pr_at):
    procedure = pr_at("notification")
    text = _letter(procedure, "pr-decision")
    assert "Op 12 januari 2026 heeft een toezichthouder van de gemeente een controle uitgevoerd" in text
    assert "beginselplicht tot handhaving" in text and "geen concreet zicht op legalisatie" in text
    assert "Wij hebben geen zienswijze ontvangen." in text and OBJECTION_CLAUSE in text
    assert COLLEGE_SIGNS in text and "omgevingsplan van Lingewaard" in text


def test_the_collection_letter_names_the_order_it_collects(pr_at, move, time_machine):
    procedure = pr_at("notification")
    decision = procedure.transitions.get(to_step="decision")
    time_machine.move_to("2026-09-01 10:00 +02:00", tick=False)
    move(
        "handhaver",
        procedure,
        "reinspection",
        "2026-05-26",
        {"violation": "voortduring", "findings": "Nog bewoond."},
        upload=report(),
    )
    move("handhaver", procedure, "forfeiture", "2026-06-01", {"amount": "1500", "period_label": "week 1-2"})
    move("jurist", procedure, "collection-decision", "2026-06-15", {"amount": "1500"})
    text = _letter(procedure, "pr-collection-decision")
    kenmerk = f"{procedure.case.number}/{decision.seq}"
    assert f"Bij ons besluit van 3 februari 2026 (kenmerk {kenmerk})" in text
    assert "€ 1.500,00" in text and "artikel 5:37" in text and OBJECTION_CLAUSE in text


def test_the_cost_recovery_decision_letter(ordered, move):  # noqa: F811
    move("handhaver", ordered, "enforcement-executed", "2026-05-12", EXECUTED)
    owner = addressee_ids(ordered)["eigenaar"]
    move(
        "jurist",
        ordered,
        "cost-recovery-decision",
        "2026-06-01",
        {"addressee": owner, "amount": "2400", "reasoning": "Slotenmaker € 400, verhuizer € 2.000."},
    )
    letters = Letter.objects.filter(procedure=ordered, code="pr-cost-recovery-decision")
    assert [letter.addressee.role for letter in letters] == ["eigenaar"]  # the debtor only
    text = _letter(ordered, "pr-cost-recovery-decision")
    assert "€ 2.400,00" in text and "artikel 5:25" in text and "12 mei 2026" in text
    assert "termijn eindigt op 13 juli 2026" in text  # six weeks after 1 June (4:87)
    assert OBJECTION_CLAUSE in text and COLLEGE_SIGNS in text


def test_the_decision_on_a_request_for_enforcement_goes_to_the_applicant(world, ordered, move):  # noqa: F811
    applicant = str(_applicant(world, ordered).pk)
    move(
        "jurist",
        ordered,
        "enforcement-request",
        "2026-02-17",
        {"addressee": applicant, "request": "Handhaaf."},
    )
    move(
        "jurist",
        ordered,
        "enforcement-request-decision",
        "2026-04-10",
        {"addressee": applicant, "outcome": "toegewezen", "reasoning": "De overtreding staat vast."},
    )
    letters = Letter.objects.filter(procedure=ordered, code="pr-request-decision")
    assert [letter.addressee.name for letter in letters] == ["J. de Buurman"]
    text = _letter(ordered, "pr-request-decision")
    assert "Op 17 februari 2026 hebben wij uw verzoek om handhaving ontvangen. U vroeg: Handhaaf." in text
    assert "Verzoek toegewezen: de gemeente treedt op" in text and "De overtreding staat vast." in text
    assert "omgevingsplan van Lingewaard" in text and OBJECTION_CLAUSE in text and COLLEGE_SIGNS in text


def test_the_13b_penalty_path_has_its_letters_signed_for_the_mayor(world, assessed, move):  # noqa: F811
    procedure = assessed
    move("jurist", procedure, "penalty-intended", "2026-01-13", {**PENALTY, "view_period": "P2W"})
    text = _letter(procedure, "o13b-intended-penalty")
    assert "800 gram hennep" in text or "800" in text
    assert "€ 1.000,00 per week" in text and "€ 20.000,00" in text and "27 januari 2026" in text
    assert "Dit is nog geen besluit." in text and MAYOR_SIGNS in text
    occupant = str(procedure.addressees.get().pk)
    move("jurist", procedure, "view-received", "2026-01-20", {"summary": "Ik stop ermee."})
    view = procedure.transitions.get(to_step="view-received")
    move(
        "jurist",
        procedure,
        "penalty-order",
        "2026-01-28",
        {**PENALTY, "reasons": "Handel in softdrugs.", "view_answers": {str(view.seq): "Dat moet blijken."}},
    )
    order = procedure.transitions.get(to_step="penalty-order")
    move(
        "jurist",
        procedure,
        "penalty-notification",
        "2026-01-30",
        {"notifications": {occupant: "2026-01-30"}, "method": "aangetekend"},
    )
    text = _letter(procedure, "o13b-penalty-order")
    assert "Handel in softdrugs." in text and "Ons antwoord daarop: Dat moet blijken." in text
    assert "13 februari 2026" in text and "evenredig" in text and OBJECTION_CLAUSE in text
    assert "artikel 13b van de Opiumwet" in text and MAYOR_SIGNS in text
    move(
        "handhaver",
        procedure,
        "reinspection",
        "2026-02-16",
        {"violation": "voortduring", "findings": "Nog steeds verkoop."},
        upload=report(),
    )
    move("jurist", procedure, "forfeiture", "2026-02-16", {"amount": "1000", "period_label": "week 1"})
    move(
        "jurist", procedure, "collection-decision", "2026-04-01", {"amount": "1000", "sent_on": "2026-04-02"}
    )
    text = _letter(procedure, "o13b-collection-decision")
    assert f"Bij besluit van 28 januari 2026 (kenmerk {procedure.case.number}/{order.seq})" in text
    assert (
        "30 maart 2026" in text
        and "artikel 5:33" in text
        and OBJECTION_CLAUSE in text
        and MAYOR_SIGNS in text
    )


def test_the_13b_cost_recovery_and_request_letters(world, matrix, start, move, time_machine):
    procedure = start(
        "jurist",
        world.o13b_case,
        "opiumwet-13b",
        "2026-01-08",
        data={
            "search_date": "2026-01-06",
            "premises_type": "woning",
            "substances": [{"substance": "hennepplanten", "amount": "240"}],
            "findings": "Kwekerij op zolder.",
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
    notified = {"notifications": {resident: "2026-01-15"}, "method": "politie"}
    move("jurist", procedure, "notification", "2026-01-15", notified)
    move(
        "handhaver",
        procedure,
        "closure",
        "2026-01-23",
        {"sealed": True, "notice_posted": True, "costs": "850"},
        upload=report("Proces-verbaal"),
    )
    move(
        "jurist",
        procedure,
        "cost-recovery-decision",
        "2026-02-02",
        {"addressee": resident, "amount": "850", "reasoning": "Slotenmaker en verzegeling."},
    )
    text = _letter(procedure, "o13b-cost-recovery-decision")
    assert "€ 850,00" in text and "artikel 5:25" in text and OBJECTION_CLAUSE in text and MAYOR_SIGNS in text
    assert "de burgemeester van Lingewaard" in text
    closure = _letter(procedure, "o13b-closure-order")
    assert "noodzakelijk en evenredig" in closure  # the assessment recorded no factor, so the fixed reasoning
    applicant = str(_applicant(world, procedure).pk)
    move(
        "jurist",
        procedure,
        "enforcement-request",
        "2026-02-03",
        {"addressee": applicant, "request": "Sluit."},
    )
    decision = {"addressee": applicant, "outcome": "afgewezen", "reasoning": "Al gesloten."}
    move("jurist", procedure, "enforcement-request-decision", "2026-02-10", decision)
    text = _letter(procedure, "o13b-request-decision")
    assert "Verzoek afgewezen" in text and "Al gesloten." in text and OBJECTION_CLAUSE in text
    assert MAYOR_SIGNS in text


def _objection(pr_at, move):
    procedure = pr_at("notification")
    owner = addressee_ids(procedure)["eigenaar"]
    move(
        "jurist",
        procedure,
        "objection-received",
        "2026-02-20",
        {"addressee": owner},
        upload=report("Bezwaar"),
    )
    return procedure, owner


def test_the_decision_on_objection_reimburses_costs_under_7_15(pr_at, move):
    procedure, owner = _objection(pr_at, move)
    data = {
        "addressee": owner,
        "outcome": "gegrond",
        "reasoning": "Het besluit is herroepen.",
        "costs_awarded": "934",
    }
    move("jurist", procedure, "objection-decision", "2026-02-27", data)
    text = _letter(procedure, "objection-decision")
    assert "Wij vergoeden de kosten" in text and "€ 934,00" in text and "artikel 7:15" in text


def test_no_costs_without_a_revocation_and_no_bad_amount(pr_at, move):
    procedure, owner = _objection(pr_at, move)
    data = {"addressee": owner, "outcome": "ongegrond", "reasoning": "x", "costs_awarded": "934"}
    with pytest.raises(ValidationError) as caught:
        move("jurist", procedure, "objection-decision", "2026-02-27", data)
    assert "Vergoeding kosten bezwaar: alleen als het bezwaar (deels) gegrond is" in " ".join(
        caught.value.message_dict["costs_awarded"]
    )
    with pytest.raises(ValidationError) as caught:
        move("jurist", procedure, "objection-decision", "2026-02-27", {**data, "costs_awarded": "veel"})
    assert "Vul een bedrag in euro" in " ".join(caught.value.message_dict["costs_awarded"])
    assert not procedure.transitions.filter(to_step="objection-decision").exists()
    assert not Letter.objects.filter(procedure=procedure, code="objection-decision").exists()
