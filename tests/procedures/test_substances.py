"""Amounts count per class before the consumer test (issue 12): weed and hash together, hard drugs together."""

from __future__ import annotations

import pytest

from regie.procedures.services.damocles import count_substances
from regie.procedures.services.fields import dutch_number

from .conftest import report

WEED_AND_HASH = [{"substance": "hennep", "amount": "5"}, {"substance": "hasj", "amount": "5"}]


def _above(items):
    return {c.substance_class: c.above for c in count_substances(items)}


def test_five_grams_of_weed_and_five_of_hash_are_more_than_one_consumer_amount():
    counts = count_substances(WEED_AND_HASH)
    assert len(counts) == 1 and counts[0].above
    assert (
        "samen 10 gram" in counts[0].text and "meer dan de gebruikershoeveelheid van 5 gram" in counts[0].text
    )


def test_three_grams_of_weed_and_two_of_hash_are_one_consumer_amount():
    assert _above([{"substance": "hennep", "amount": "3"}, {"substance": "hasj", "amount": "2"}]) == {
        "cannabis": False
    }


def test_hard_drugs_count_together_across_substances_and_units():
    assert _above([{"substance": "cocaine", "amount": "0.3"}, {"substance": "heroine", "amount": "0.3"}]) == {
        "harddrugs": True
    }
    mixed = count_substances([{"substance": "cocaine", "amount": "0.3"}, {"substance": "xtc", "amount": "1"}])
    assert mixed[0].above and "0,5 gram of 1 pil" in mixed[0].text
    assert _above([{"substance": "cocaine", "amount": "0.5"}]) == {"harddrugs": False}


def test_classes_are_counted_apart():
    assert _above(
        [
            {"substance": "hennep", "amount": "4"},
            {"substance": "cocaine", "amount": "0.4"},
            {"substance": "hennepplanten", "amount": "5"},
        ]
    ) == {"cannabis": False, "harddrugs": False, "planten": False}
    assert _above([{"substance": "productiemiddelen", "amount": "1"}]) == {"productiemiddelen": True}


@pytest.mark.parametrize(
    ("value", "text"),
    [("240", "240"), ("2.4E+2", "240"), ("0.5", "0,5"), ("1250.75", "1.250,75"), ("1000000", "1.000.000")],
)
def test_numbers_are_written_the_dutch_way(value, text):
    assert dutch_number(value) == text


@pytest.mark.django_db
@pytest.mark.postgres
def test_the_assessment_sums_weed_and_hash_and_says_which_amounts_counted(world, matrix, start, move):
    procedure = start(
        "jurist",
        world.o13b_case,
        "opiumwet-13b",
        "2026-01-08",
        data={
            "search_date": "2026-01-06",
            "premises_type": "woning",
            "substances": WEED_AND_HASH,
            "findings": "Wiet en hasj in de keuken.",
        },
        upload=report(),
    ).procedure
    result = move("jurist", procedure, "assessment", "2026-01-12", {"sanction": "waarschuwing"})
    damocles = result.transition.data["damocles"]
    assert damocles["consumer_only"] is False and damocles["drug_types"] == ["soft"]
    assert (
        "Meegeteld per soort: cannabisproducten (hennep en hasj samen): 5 gram hennep (wiet), 5 gram hasj"
        in (damocles["explanation"])
    )


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("6 weken", "P6W"),
        ("3 maanden", "P3M"),
        ("14 dagen", "P14D"),
        ("1 week", "P1W"),
        ("1 jaar en 2 maanden", "P1Y2M"),
        ("P6W", "P6W"),
    ],
)
def test_periods_are_read_as_a_person_types_them(text, iso):
    from regie.core.periods import parse_dutch_period

    assert parse_dutch_period(text).iso() == iso


@pytest.mark.parametrize("text", ["zes weken", "6 weekjes", "0 dagen", "", "P0D"])
def test_a_period_that_cannot_be_read_is_refused_with_a_dutch_example(text):
    from regie.core.periods import PeriodError, parse_dutch_period

    with pytest.raises(PeriodError) as caught:
        parse_dutch_period(text)
    assert "Vul een termijn in zoals '6 weken'" in str(caught.value)
