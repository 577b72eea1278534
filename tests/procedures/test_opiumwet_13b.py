"""Closure under art. 13b Opiumwet: the Damocles matrix as a versioned policy table, recidive on the address."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regie.cases.models import Task
from regie.procedures.models import DamoclesPolicy, DamoclesRule
from regie.procedures.services.damocles import RuleInput, damocles_policy_create

from .conftest import demo_matrix, report

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HARD = [{"substance": "cocaine", "amount": "12"}]
CONSUMER = [{"substance": "hennep", "amount": "3"}, {"substance": "cocaine", "amount": "0,3"}]


def _create(rules, valid_from=date(2024, 1, 1), recidive="P5Y"):
    return damocles_policy_create(actor=None, valid_from=valid_from, recidive_period=recidive, rules=rules)


def _refused(rules, text, **kwargs):
    with pytest.raises(ValidationError) as caught:
        _create(rules, **kwargs)
    messages = " ".join(m for ms in caught.value.message_dict.values() for m in ms)
    assert text in messages, messages
    assert not DamoclesPolicy.objects.exists() and not DamoclesRule.objects.exists()


def test_it_stores_a_complete_matrix_as_a_new_version(world):
    policy = _create(demo_matrix())
    assert policy.version == 1 and policy.rules.count() == 18
    second = _create(demo_matrix(), valid_from=date(2026, 1, 1))
    assert second.version == 2


def test_it_refuses_a_matrix_with_a_gap(world):
    rules = [
        r
        for r in demo_matrix()
        if not (r.premises_type == "woning" and r.drug_type == "hard" and r.offence_from == 2)
    ]
    _refused(rules, "Gat in de matrix: woning × harddrugs heeft geen regel voor de 2e overtreding.")


def test_it_refuses_a_matrix_with_an_overlap(world):
    rules = [*demo_matrix(), RuleInput("woning", "soft", 2, 3, "sluiting", "P6M")]
    _refused(rules, "Overlap in de matrix: woning × softdrugs, de 3e overtreding valt onder twee regels.")


def test_it_refuses_a_matrix_without_an_open_last_rule(world):
    rules = [
        RuleInput(
            r.premises_type, r.drug_type, r.offence_from, r.offence_to or 3, r.sanction, r.closure_period
        )
        for r in demo_matrix()
    ]
    _refused(rules, "geen regel vanaf de 4e overtreding")


def test_it_refuses_a_matrix_missing_a_combination(world):
    rules = [r for r in demo_matrix() if r.premises_type != "lokaal" or r.drug_type != "productie"]
    _refused(rules, "lokaal of erf × productie of voorbereiding heeft geen enkele regel")


@pytest.mark.parametrize(
    ("bad", "text"),
    [
        (RuleInput("woning", "soft", 1, 1, "sluiting", ""), "geef bij sluiting een duur"),
        (RuleInput("woning", "soft", 1, 1, "waarschuwing", "P3M"), "alleen een sluiting heeft een duur"),
        (RuleInput("woning", "soft", 1, 1, "boete", ""), "kies een bestaande maatregel"),
        (RuleInput("villa", "soft", 1, 1, "waarschuwing", ""), "kies een bestaande soort pand"),
        (RuleInput("woning", "soft", 2, 1, "waarschuwing", ""), "niet kleiner dan 'vanaf'"),
        (RuleInput("woning", "soft", 0, 1, "waarschuwing", ""), "ten minste 1"),
    ],
)
def test_it_refuses_a_bad_row(world, bad, text):
    rules = [
        r
        for r in demo_matrix()
        if not (r.premises_type == "woning" and r.drug_type == "soft" and r.offence_from == 1)
    ]
    _refused([bad, *rules], text)


def test_it_refuses_a_bad_recidive_period(world):
    _refused(demo_matrix(), "Vul een termijn in zoals '6 weken'", recidive="vijf jaar")


def test_it_takes_periods_as_a_person_types_them(world):
    rules = [
        RuleInput(r.premises_type, r.drug_type, r.offence_from, r.offence_to, r.sanction, "3 maanden")
        if r.closure_period
        else r
        for r in demo_matrix()
    ]
    policy = _create(rules, recidive="5 jaar")
    assert policy.recidive_period == "P5Y"
    assert set(policy.rules.exclude(closure_period="").values_list("closure_period", flat=True)) == {"P3M"}


def _report(move_or_start, **data):
    return {
        "search_date": "2026-01-06",
        "premises_type": "woning",
        "substances": HARD,
        "findings": "Cocaïne en een weegschaal aangetroffen.",
        **data,
    }


def test_it_assesses_a_first_hard_drugs_offence_as_a_three_month_closure(world, matrix, start, move):
    procedure = start(
        "jurist", world.o13b_case, "opiumwet-13b", "2026-01-08", data=_report(start), upload=report()
    ).procedure
    assert procedure.category == "justice" and procedure.address.street == "Karstraat"
    result = move("jurist", procedure, "assessment", "2026-01-12", {"sanction": "sluiting"})
    damocles = result.transition.data["damocles"]
    assert damocles["offence_number"] == 1 and damocles["sanction"] == "sluiting"
    assert damocles["closure_period"] == "P3M" and damocles["policy_version"] == 1
    assert "De matrix schrijft voor: sluiting voor 3 maanden" in damocles["explanation"]


def test_it_treats_consumer_amounts_as_no_reason_to_act(world, matrix, start, move):
    procedure = start(
        "jurist",
        world.o13b_case,
        "opiumwet-13b",
        "2026-01-08",
        data=_report(start, substances=CONSUMER),
        upload=report(),
    ).procedure
    result = move("jurist", procedure, "assessment", "2026-01-12", {"sanction": "geen"})
    assert result.transition.data["damocles"]["consumer_only"] is True
    assert "gebruikershoeveelheden" in result.transition.data["damocles"]["explanation"]


def test_it_requires_a_reason_to_deviate_from_the_matrix_and_to_weigh_proportionality(
    world, matrix, start, move
):
    procedure = start(
        "jurist", world.o13b_case, "opiumwet-13b", "2026-01-08", data=_report(start), upload=report()
    ).procedure
    with pytest.raises(ValidationError) as caught:
        move(
            "jurist",
            procedure,
            "assessment",
            "2026-01-12",
            {"sanction": "waarschuwing", "minor_children": True},
        )
    errors = caught.value.message_dict
    assert "schrijft 'sluiting' voor" in errors["deviation_reason"][0]
    assert "evenredigheidsfactoren" in errors["proportionality_note"][0]
    move(
        "jurist",
        procedure,
        "assessment",
        "2026-01-12",
        {
            "sanction": "waarschuwing",
            "minor_children": True,
            "proportionality_note": "Twee jonge kinderen; sluiting zou hen dakloos maken.",
            "deviation_reason": "Evenredigheid: eerst een waarschuwing met hulp van het wijkteam.",
        },
    )


def test_it_detects_recidive_on_the_same_address(world, matrix, start, move, time_machine):
    first = start(
        "jurist",
        world.o13b_case,
        "opiumwet-13b",
        "2024-03-05",
        data=_report(start, search_date="2024-03-04"),
        upload=report(),
    ).procedure
    move("jurist", first, "assessment", "2024-03-08", {"sanction": "sluiting"})
    move("jurist", first, "ended", "2024-09-01", {"reason": "Heropend; afgerond."})
    second = start(
        "jurist", world.o13b_case, "opiumwet-13b", "2026-01-08", data=_report(start), upload=report()
    ).procedure
    damocles = move("jurist", second, "assessment", "2026-01-12", {"sanction": "sluiting"}).transition.data[
        "damocles"
    ]
    assert damocles["offence_number"] == 2 and damocles["closure_period"] == "P6M"
    assert damocles["previous_offences"] == ["2024-03-04"]


def test_it_uses_the_matrix_version_valid_on_the_search_date(world, matrix, start, move):
    stricter = [
        RuleInput(r.premises_type, r.drug_type, r.offence_from, r.offence_to, "sluiting", "P6M")
        for r in demo_matrix()
    ]
    _create(stricter, valid_from=date(2026, 2, 1))
    procedure = start(
        "jurist", world.o13b_case, "opiumwet-13b", "2026-02-10", data=_report(start), upload=report()
    ).procedure
    damocles = move(
        "jurist", procedure, "assessment", "2026-02-11", {"sanction": "sluiting"}
    ).transition.data["damocles"]
    assert damocles["policy_version"] == 1 and damocles["closure_period"] == "P3M"  # searched 6 January


def test_it_refuses_an_assessment_without_a_policy(world, start, move):
    procedure = start(
        "jurist", world.o13b_case, "opiumwet-13b", "2026-01-08", data=_report(start), upload=report()
    ).procedure
    with pytest.raises(ValidationError) as caught:
        move("jurist", procedure, "assessment", "2026-01-12", {"sanction": "sluiting"})
    assert "geen Damoclesbeleid" in caught.value.message_dict["step"][0]


@pytest.mark.parametrize(
    ("data", "field", "text"),
    [
        ({"search_date": "2026-01-09"}, "search_date", "niet na de ontvangst"),
        ({"search_date": "gisteren"}, "search_date", "geldige datum"),
        ({"premises_type": "kasteel"}, "premises_type", "Kies een van"),
        ({"substances": [{"substance": "thee", "amount": "5"}]}, "substances", "bekend middel"),
        ({"substances": [{"substance": "hennep", "amount": "veel"}]}, "substances", "hoeveelheid"),
        ({"substances": [{"substance": "hennep", "amount": "-1"}]}, "substances", "groter dan nul"),
        ({"substances": []}, "substances", "vul dit in"),
        ({"substances": "hennep"}, "substances", "als lijst"),
    ],
)
def test_it_refuses_a_bad_police_report(world, matrix, start, data, field, text):
    with pytest.raises(ValidationError) as caught:
        start(
            "jurist",
            world.o13b_case,
            "opiumwet-13b",
            "2026-01-08",
            data=_report(start, **data),
            upload=report(),
        )
    assert text in caught.value.message_dict[field][0]


def test_it_runs_a_closure_to_reopening_with_follow_up_tasks(world, matrix, start, move):
    procedure = start(
        "jurist", world.o13b_case, "opiumwet-13b", "2026-01-08", data=_report(start), upload=report()
    ).procedure
    move("jurist", procedure, "assessment", "2026-01-12", {"sanction": "sluiting"})
    move(
        "jurist",
        procedure,
        "intended-decision",
        "2026-01-13",
        {"closure_period": "P3M", "view_period": "P2W"},
    )
    move(
        "jurist",
        procedure,
        "closure-order",
        "2026-01-28",
        {"closure_period": "P3M", "compliance_period": "P1W", "reasons": "Handel."},
    )
    resident = str(procedure.addressees.get().pk)
    move(
        "jurist",
        procedure,
        "notification",
        "2026-01-29",
        {"notifications": {resident: "2026-01-29"}, "method": "politie"},
    )
    assert procedure.deadlines.get(code="closure-due").due_date == date(2026, 2, 6)  # 29 Jan + 1 week + 1 day
    move(
        "handhaver",
        procedure,
        "closure",
        "2026-02-06",
        {"sealed": True, "notice_posted": True},
        upload=report("PV", "verslag"),
    )
    reopening = procedure.deadlines.get(code="reopening")
    assert reopening.due_date == date(2026, 5, 6) and not reopening.statutory
    titles = set(Task.objects.filter(case=world.o13b_case).values_list("title", flat=True))
    assert any(t.startswith("Huisvesting van de bewoners") for t in titles)
    assert any(t.startswith("Eigenaar of verhuurder informeren") for t in titles)


def test_it_requires_the_seals_to_be_confirmed(world, matrix, start, move):
    procedure = start(
        "jurist", world.o13b_case, "opiumwet-13b", "2026-01-08", data=_report(start), upload=report()
    ).procedure
    move("jurist", procedure, "assessment", "2026-01-12", {"sanction": "sluiting"})
    move(
        "jurist",
        procedure,
        "closure-order",
        "2026-01-13",
        {"closure_period": "P3M", "compliance_period": "P1W", "reasons": "x", "urgent_reason": "Gevaar."},
    )
    resident = str(procedure.addressees.get().pk)
    move(
        "jurist",
        procedure,
        "notification",
        "2026-01-14",
        {"notifications": {resident: "2026-01-14"}, "method": "politie"},
    )
    with pytest.raises(ValidationError) as caught:
        move(
            "handhaver",
            procedure,
            "closure",
            "2026-01-22",
            {"sealed": False, "notice_posted": "ja"},
            upload=report(),
        )
    assert caught.value.message_dict["sealed"] == ["Bevestig dit."]


def test_it_refuses_a_closure_when_the_assessment_chose_a_warning(world, matrix, start, move):
    procedure = start(
        "jurist", world.o13b_case, "opiumwet-13b", "2026-01-08", data=_report(start), upload=report()
    ).procedure
    move(
        "jurist",
        procedure,
        "assessment",
        "2026-01-12",
        {"sanction": "waarschuwing", "deviation_reason": "Eerste keer, kleine hoeveelheid."},
    )
    with pytest.raises(ValidationError) as caught:
        move(
            "jurist",
            procedure,
            "intended-decision",
            "2026-01-13",
            {"closure_period": "P3M", "view_period": "P2W"},
        )
    assert "past niet bij de gekozen maatregel" in caught.value.message_dict["step"][0]
