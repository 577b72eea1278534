"""Scoring a check and checking the shape of content before it is published."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from regie.digital.content import answer_errors, bundled, score, validate_check, validate_guide
from tests.digital.conftest import BUSINESSES, RESIDENTS, answers_for


def test_it_ships_15_resident_questions_and_25_plus_11_business_questions():
    assert len(bundled(RESIDENTS)["questions"]) == 15
    assert len(bundled(BUSINESSES)["questions"]) == 25
    assert len(bundled(BUSINESSES)["risk"]["questions"]) == 11


def test_it_scores_all_best_answers_100_without_actions():
    outcome = score(bundled(RESIDENTS), answers_for(RESIDENTS, "best"))
    assert outcome.score == 100
    assert outcome.top_actions == [] and outcome.advice == []
    assert set(outcome.topic_scores.values()) == {100}


def test_it_puts_the_heaviest_missed_advice_first_three_at_most():
    outcome = score(bundled(RESIDENTS), answers_for(RESIDENTS, "worst"))
    assert outcome.score == 0
    assert len(outcome.top_actions) == 3
    assert all(q["weight"] == 3 for q in outcome.top_actions)
    assert len(outcome.top_actions) + len(outcome.advice) == 15
    assert outcome.band["label"] == "Let op"


def test_it_gives_a_business_its_risk_class():
    low = score(bundled(BUSINESSES), answers_for(BUSINESSES, "worst"))  # worst = fewest risk points
    high = score(bundled(BUSINESSES), answers_for(BUSINESSES, "best"))  # best = most risk points
    assert low.risk_class is not None and low.risk_class["class"] == 1
    assert high.risk_class is not None and high.risk_class["class"] == 4


def test_it_names_missing_and_tampered_answers():
    answers = answers_for(RESIDENTS)
    del answers["updates-telefoon"]
    answers["wachtwoord-uniek"] = "misschien"
    errors = answer_errors(bundled(RESIDENTS), answers)
    assert errors == {
        "updates-telefoon": "Kies een antwoord op deze vraag.",
        "wachtwoord-uniek": "Dit antwoord hoort niet bij deze vraag. Kies een van de antwoorden.",
    }


@pytest.mark.parametrize(
    "broken",
    [
        {},
        {"title": "x", "topics": [], "questions": [], "bands": []},
        {"title": "x", "topics": [{"code": "a", "label": "A"}], "scales": {},
         "questions": [{"code": "q", "topic": "b", "text": "?", "advice": "!", "scale": "s"}],
         "bands": [{"min": 0, "label": "-"}]},
    ],
)  # fmt: skip
def test_it_refuses_a_check_that_cannot_be_done(broken):
    with pytest.raises(ValidationError):
        validate_check(broken)


def test_the_bundled_content_is_valid():
    validate_check(bundled(RESIDENTS))
    validate_check(bundled(BUSINESSES))
    validate_guide(bundled("slachtofferwijzer"))


def test_the_guide_follows_the_referral_table():
    guide = {s["code"]: s for s in bundled("slachtofferwijzer")["situations"]}
    assert len(guide) == 8
    assert "bank" in guide["vriend-in-nood"]["steps"][0].lower()  # bank first where money left
    assert guide["bankhelpdesk"]["steps"][0] == "Hang op."
    assert guide["sextortion"]["steps"][0].startswith("Betaal niet")
    assert guide["ransomware"]["steps"][0].startswith("Betaal niet")
    names = {s: [r["name"] for r in guide[s]["referrals"]] for s in guide}
    assert "Helpwanted" in names["sextortion"]
    assert names["identiteitsfraude"] == ["Centraal Meldpunt Identiteitsfraude (RvIG)"]
    assert "Digital Trust Center" in names["ransomware"]
    assert names["nasleep"] == ["Slachtofferhulp Nederland"]
    assert "Fraudehelpdesk" in names["phishing"] and "Fraudehelpdesk" in names["aankoopfraude"]
