"""Legal scenarios worked out by hand from the law, each computed through the term engine (core/terms.py).

Every row names the scenario, the event it runs from, the term, the date the law gives and the reason with its
article; the reason is the test id. The same rows make the table in docs/jurists/terms-scenarios.md, which a
test below keeps in step; after changing a row, write the table again with

    .venv/bin/python -m tests.core.test_legal_scenarios

2026 holidays used below (Atw art. 3): Good Friday 3 April, Easter Monday 6 April, King's Day Monday 27 April,
Bevrijdingsdag Tuesday 5 May, Ascension Thursday 14 May, Whit Monday 25 May, Christmas Friday 25 and
Saturday 26 December.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from regie.core.awb import (
    DecisionTerm,
    Remedy,
    TermRuleError,
    application_decision_end,
    check_reminder,
    check_writ,
    collection_lapse,
    default_penalty,
    delay_with_consent,
    earliest_reminder,
    objection_decision_term,
    penalty_payment_end,
    postpone_decision,
    remedy_term_end,
    remedy_timely,
    reminder_payment_end,
    suspend_for_repair,
)
from regie.core.terms import AtwCalendar, term_end

CAL = AtwCalendar()
D = date.fromisoformat
DOC = Path(__file__).resolve().parents[2] / "docs" / "jurists" / "terms-scenarios.md"


@dataclass(frozen=True)
class Scenario:
    scenario: str
    start: str  # the event the term runs from, as a jurist writes it
    term: str
    expected: date | None  # None: refused, or not yet known
    reason: str
    compute: Callable[[], date | None]
    none_means: str = "geweigerd"  # what no date means: refused, too late, not yet known

    @property
    def outcome(self) -> str:
        return self.expected.isoformat() if self.expected else self.none_means


def refused(action: Callable[[], object], *must_say: str) -> Callable[[], None]:
    """A computation the law forbids: the engine must refuse it with a Dutch message saying `must_say`."""

    def run() -> None:
        with pytest.raises(TermRuleError) as caught:
            action()
        for text in must_say:
            assert text in str(caught.value)

    return run


def decision_term(objection_end: str, *, advisory_committee: bool = False) -> DecisionTerm:
    return objection_decision_term(D(objection_end), advisory_committee=advisory_committee, calendar=CAL)


def _timely(end: str, received: str, posted: str | None = None) -> date | None:
    ok, _ = remedy_timely(D(end), D(received), posted_on=D(posted) if posted else None)
    return D(received) if ok else None


SCENARIOS = (
    # --- Atw art. 1-4
    Scenario(
        "Wettelijke termijn van een jaar eindigt op zondag",
        "zaterdag 28 juni 2025",
        "1 jaar",
        D("2026-06-28"),
        "Atw art. 4: een termijn in jaren wordt niet verlengd, ook niet tot na het weekend",
        lambda: term_end(D("2025-06-28"), "P1Y", statutory=True, calendar=CAL).end_date,
    ),
    Scenario(
        "Precies drie maanden eindigt op zondag",
        "zaterdag 7 maart 2026",
        "3 maanden",
        D("2026-06-08"),
        "Atw art. 1: niet langer dan drie maanden (art. 4), dus verlengd van zondag 7 juni naar maandag",
        lambda: term_end(D("2026-03-07"), "P3M", statutory=True, calendar=CAL).end_date,
    ),
    Scenario(
        "Drie maanden en een dag eindigt op zondag",
        "vrijdag 6 maart 2026",
        "3 maanden en 1 dag",
        D("2026-06-07"),
        "Atw art. 4: langer dan drie maanden, dus niet verlengd",
        lambda: term_end(D("2026-03-06"), "P3M1D", statutory=True, calendar=CAL).end_date,
    ),
    Scenario(
        "Precies twaalf weken eindigt op zaterdag",
        "zaterdag 14 maart 2026",
        "12 weken",
        D("2026-06-08"),
        "Atw art. 1: twaalf weken is niet langer dan twaalf weken (art. 4), dus verlengd tot maandag",
        lambda: term_end(D("2026-03-14"), "P12W", statutory=True, calendar=CAL).end_date,
    ),
    Scenario(
        "Dertien weken eindigt op zaterdag",
        "zaterdag 7 maart 2026",
        "13 weken",
        D("2026-06-06"),
        "Atw art. 4: langer dan twaalf weken, dus niet verlengd",
        lambda: term_end(D("2026-03-07"), "P13W", statutory=True, calendar=CAL).end_date,
    ),
    Scenario(
        "Precies negentig dagen eindigt op zondag",
        "maandag 9 maart 2026",
        "90 dagen",
        D("2026-06-08"),
        "Atw art. 1: niet langer dan negentig dagen (art. 4), dus verlengd tot maandag",
        lambda: term_end(D("2026-03-09"), "P90D", statutory=True, calendar=CAL).end_date,
    ),
    Scenario(
        "Eenennegentig dagen eindigt op zondag",
        "zondag 8 maart 2026",
        "91 dagen",
        D("2026-06-07"),
        "Atw art. 4: langer dan negentig dagen, dus niet verlengd",
        lambda: term_end(D("2026-03-08"), "P91D", statutory=True, calendar=CAL).end_date,
    ),
    Scenario(
        "Termijn van drie dagen over het weekend",
        "vrijdag 6 maart 2026",
        "3 dagen",
        D("2026-03-10"),
        "Atw art. 2: zaterdag, zondag, maandag bevat maar één werkdag, dus tot en met dinsdag",
        lambda: term_end(D("2026-03-06"), "P3D", statutory=True, calendar=CAL).end_date,
    ),
    # --- Awb 3:41, 6:7-6:9
    Scenario(
        "Bezwaartermijn na toezending eindigt op Bevrijdingsdag",
        "verzonden dinsdag 24 maart 2026",
        "6 weken",
        D("2026-05-06"),
        "Awb 6:7 en 6:8 vanaf de dag na verzending (3:41 lid 1); Atw art. 1 en 3: 5 mei elk jaar een feestdag",
        lambda: remedy_term_end(D("2026-03-24"), calendar=CAL).end_date,
    ),
    Scenario(
        "Onbereikbare geadresseerde: bezwaartermijn vanaf publicatie",
        "gepubliceerd vrijdag 13 november 2026",
        "6 weken",
        D("2026-12-28"),
        "Awb 3:41 lid 2 en 6:8: vanaf de dag na publicatie; Atw art. 1: 25 en 26 december en zondag, dus maandag",
        lambda: remedy_term_end(D("2026-11-13"), by_publication=True, calendar=CAL).end_date,
    ),
    Scenario(
        "Bezwaar per post, een week na afloop ontvangen",
        "termijn eindigt woensdag 6 mei 2026; gepost 6 mei",
        "ontvangst uiterlijk 1 week na afloop",
        D("2026-05-13"),
        "Awb 6:9 lid 2: vóór het einde ter post bezorgd en uiterlijk een week na afloop ontvangen is tijdig",
        lambda: _timely("2026-05-06", "2026-05-13", posted="2026-05-06"),
    ),
    Scenario(
        "Bezwaar per post, acht dagen na afloop ontvangen",
        "termijn eindigt woensdag 6 mei 2026; gepost 6 mei",
        "ontvangst uiterlijk 1 week na afloop",
        None,
        "Awb 6:9 lid 2: later dan een week na afloop ontvangen is te laat, ook als het op tijd is gepost",
        lambda: _timely("2026-05-06", "2026-05-14", posted="2026-05-06"),
        "te laat",
    ),
    Scenario(
        "Bezwaar afgegeven op de laatste dag",
        "termijn eindigt woensdag 6 mei 2026",
        "ontvangst vóór het einde van de termijn",
        D("2026-05-06"),
        "Awb 6:9 lid 1: ontvangen voor het einde van de termijn, dat is uiterlijk die laatste dag",
        lambda: _timely("2026-05-06", "2026-05-06"),
    ),
    # --- Awb 7:10 and 4:17
    Scenario(
        "Beslistermijn op bezwaar zonder commissie",
        "bezwaartermijn eindigt woensdag 6 mei 2026",
        "6 weken",
        D("2026-06-17"),
        "Awb 7:10 lid 1: zes weken vanaf de dag na het einde van de bezwaartermijn",
        lambda: decision_term("2026-05-06").end_date,
    ),
    Scenario(
        "Beslistermijn op bezwaar met adviescommissie",
        "bezwaartermijn eindigt woensdag 6 mei 2026",
        "12 weken",
        D("2026-07-29"),
        "Awb 7:10 lid 1 en 7:13: twaalf weken met een adviescommissie; Atw geldt (niet langer dan twaalf weken)",
        lambda: decision_term("2026-05-06", advisory_committee=True).end_date,
    ),
    Scenario(
        "Verdaging binnen de lopende termijn",
        "verdaagd woensdag 10 juni 2026; termijn eindigt 17 juni",
        "6 weken",
        D("2026-07-29"),
        "Awb 7:10 lid 3: één keer ten hoogste zes weken, gerekend vanaf het einde van de lopende termijn",
        lambda: postpone_decision(decision_term("2026-05-06"), D("2026-06-10")).end_date,
    ),
    Scenario(
        "Verdaging na afloop van de termijn",
        "verdaagd donderdag 18 juni 2026; termijn eindigde 17 juni",
        "6 weken",
        None,
        "Awb 7:10 lid 3: na afloop niet meer mogelijk; gemeente in gebreke (4:17 via 7:14, beroep 6:12)",
        refused(
            lambda: postpone_decision(decision_term("2026-05-06"), D("2026-06-18")),
            "in gebreke",
            "4:17",
            "6:12",
        ),
    ),
    Scenario(
        "Verdaging na een door de Atw verlengd einde",
        "bezwaartermijn eindigt maandag 13 april 2026; verdaagd 20 mei",
        "6 weken + 6 weken",
        D("2026-07-06"),
        "Awb 7:10 lid 3: termijn eindigt 25 mei (Pinksteren), Atw tot 26 mei; verdaging telt veilig vanaf 25 mei",
        lambda: postpone_decision(decision_term("2026-04-13"), D("2026-05-20")).end_date,
    ),
    Scenario(
        "Verdaging op de Atw-verlengingsdag zelf",
        "bezwaartermijn eindigt maandag 13 april 2026; verdaagd 26 mei",
        "6 weken + 6 weken",
        D("2026-07-06"),
        "Awb 7:10 lid 3 en Atw art. 1: de termijn loopt nog op dinsdag 26 mei, dus verdagen kan nog",
        lambda: postpone_decision(decision_term("2026-04-13"), D("2026-05-26")).end_date,
    ),
    Scenario(
        "Tweede verdaging",
        "verdaagd 10 juni en opnieuw 20 juli 2026",
        "6 weken",
        None,
        "Awb 7:10 lid 3: verdagen kan één keer; verder uitstel alleen met instemming (lid 4)",
        refused(
            lambda: postpone_decision(
                postpone_decision(decision_term("2026-05-06"), D("2026-06-10")), D("2026-07-20")
            ),
            "één keer",
        ),
    ),
    Scenario(
        "Opschorting voor herstel van een verzuim",
        "verzoek om herstel 20 mei 2026, hersteld 28 mei; termijn eindigt 17 juni",
        "6 weken + opschorting",
        D("2026-06-24"),
        "Awb 7:10 lid 2 en 6:6: opgeschort van 21 tot 28 mei, zeven dagen, dus 24 juni",
        lambda: suspend_for_repair(decision_term("2026-05-06"), D("2026-05-20"), D("2026-05-28")).end_date,
    ),
    Scenario(
        "Uitstel met instemming, twee keer",
        "verdaagd tot 29 juli 2026; uitstel 20 juli (4 weken) en 20 augustus (2 weken)",
        "4 weken + 2 weken",
        D("2026-09-09"),
        "Awb 7:10 lid 4 onder b: verder uitstel met instemming van de indiener kan vaker, telkens binnen de termijn",
        lambda: (
            delay_with_consent(
                delay_with_consent(
                    postpone_decision(decision_term("2026-05-06"), D("2026-06-10")), D("2026-07-20"), "P4W"
                ),
                D("2026-08-20"),
                "P2W",
            ).end_date
        ),
    ),
    Scenario(
        "Uitstel met instemming na afloop",
        "termijn eindigde 17 juni 2026; instemming 1 juli",
        "4 weken",
        None,
        "Awb 7:10 lid 4: uitstel moet binnen de lopende termijn; daarna is de gemeente in gebreke",
        refused(
            lambda: delay_with_consent(decision_term("2026-05-06"), D("2026-07-01"), "P4W"),
            "in gebreke",
        ),
    ),
    Scenario(
        "Dwangsom bij niet tijdig beslissen",
        "termijn eindigde 17 juni 2026; ingebrekestelling ontvangen 22 juni",
        "2 weken, dan ten hoogste 42 dagen",
        D("2026-07-06"),
        "Awb 4:17 lid 3 (via 7:14): eerste dag twee weken na ontvangst van de ingebrekestelling; ten hoogste € 1.442",
        lambda: default_penalty(D("2026-06-17"), D("2026-06-22")).first_day,
    ),
    Scenario(
        "Beslistermijn op een verzoek om handhaving",
        "verzoek ontvangen dinsdag 10 maart 2026",
        "8 weken",
        D("2026-05-06"),
        "Awb 4:13 lid 2: redelijke termijn uiterlijk acht weken na ontvangst; Atw art. 1: 5 mei",
        lambda: application_decision_end(D("2026-03-10"), calendar=CAL).end_date,
    ),
    # --- Awb 5:25 (bestuursdwang)
    Scenario(
        "Begunstigingstermijn bij bestuursdwang",
        "bekendgemaakt dinsdag 10 maart 2026",
        "8 weken (in het besluit)",
        D("2026-05-05"),
        "Geen wettelijke termijn maar een termijn uit het besluit (Awb 5:24): niet verlengd; "
        "uitvoering en kostenverhaal (5:25) pas daarna",
        lambda: term_end(D("2026-03-10"), "P8W", statutory=False, calendar=CAL).end_date,
    ),
    Scenario(
        "Betaling van de kosten van bestuursdwang",
        "kostenverhaalbeschikking bekendgemaakt vrijdag 13 november 2026",
        "6 weken",
        D("2026-12-28"),
        "Awb 5:25 met 4:87 lid 1: betalen binnen zes weken na bekendmaking; Atw art. 1: Kerstmis en zondag",
        lambda: term_end(D("2026-11-13"), "P6W", statutory=True, calendar=CAL).end_date,
    ),
    # --- Awb 5:33, 4:112, 4:114
    Scenario(
        "Betalingstermijn verbeurde dwangsom",
        "verbeurd maandag 1 juni 2026",
        "6 weken",
        D("2026-07-13"),
        "Awb 5:33: betalen binnen zes weken na verbeurte van rechtswege",
        lambda: penalty_payment_end(D("2026-06-01"), CAL).end_date,
    ),
    Scenario(
        "Betalingstermijn loopt niet vanaf de invorderingsbeschikking",
        "verbeurd 1 juni 2026; invorderingsbeschikking 1 september",
        "6 weken",
        D("2026-07-13"),
        "Awb 5:33 en 5:37: de invorderingsbeschikking doet geen betalingsplicht ontstaan",
        lambda: penalty_payment_end(D("2026-06-01"), CAL).end_date,
    ),
    Scenario(
        "Aanmaning na de invorderingsbeschikking",
        "aanmaning verzonden woensdag 2 september 2026",
        "2 weken",
        D("2026-09-16"),
        "Awb 4:112 lid 1: betalen binnen twee weken na verzending; dwangbevel pas daarna (4:114)",
        lambda: reminder_payment_end(D("2026-09-02"), CAL).end_date,
    ),
    Scenario(
        "Eerste dag voor een aanmaning",
        "verbeurd 1 juni 2026; invorderingsbeschikking 15 juni",
        "na de 6 weken van 5:33",
        D("2026-07-14"),
        "Awb 4:112 met 4:97: aanmanen pas als de schuldenaar in verzuim is, de dag na de 5:33-termijn",
        lambda: earliest_reminder(D("2026-06-01"), D("2026-06-15"), CAL),
    ),
    Scenario(
        "Aanmaning binnen de betalingstermijn",
        "verbeurd 1 juni 2026; aanmaning 10 juli",
        "6 weken",
        None,
        "Awb 4:112 en 5:33: binnen de betalingstermijn is de schuldenaar niet in verzuim; geweigerd",
        refused(
            lambda: check_reminder(D("2026-07-10"), D("2026-06-01"), D("2026-06-15"), CAL), "14 juli 2026"
        ),
    ),
    Scenario(
        "Dwangbevel binnen de termijn van de aanmaning",
        "aanmaning 2 september 2026; dwangbevel 16 september",
        "2 weken",
        None,
        "Awb 4:114: een dwangbevel pas na de twee weken van de aanmaning (tot en met 16 september)",
        refused(lambda: check_writ(D("2026-09-16"), D("2026-09-02"), CAL), "16 september 2026"),
    ),
    # --- Awb 5:35, 5:37a
    Scenario(
        "Verjaring eindigt op zondag",
        "verbeurd zaterdag 6 juni 2026",
        "1 jaar",
        D("2027-06-06"),
        "Awb 5:35 lid 1: een jaar na verbeurte; Atw art. 4: termijn in jaren, niet verlengd",
        lambda: collection_lapse(D("2026-06-06")).lapse_date,
    ),
    Scenario(
        "Verjaring terwijl bezwaar tegen de last aanhangig is",
        "verbeurd 1 juni 2026; bezwaar en beroep onherroepelijk beslist 3 augustus 2027",
        "1 jaar, verlengd",
        D("2027-08-03"),
        "Awb 5:35 lid 2: op de verjaringsdag stond een rechtsmiddel open; verlengd tot onherroepelijk beslist",
        lambda: (
            collection_lapse(D("2026-06-01"), remedies=(Remedy(D("2026-05-10"), D("2027-08-03")),)).lapse_date
        ),
    ),
    Scenario(
        "Verjaring terwijl het beroep nog loopt",
        "verbeurd 1 juni 2026; beroep aanhangig sinds 1 maart 2027",
        "1 jaar, verlengd",
        None,
        "Awb 5:35 lid 2: de verjaring loopt door tot onherroepelijk is beslist; de datum is nog niet bekend",
        lambda: collection_lapse(D("2026-06-01"), remedies=(Remedy(D("2027-03-01")),)).lapse_date,
        "nog niet bekend",
    ),
    Scenario(
        "Invorderingsbeschikking stuit de verjaring",
        "verbeurd 1 juni 2026; invorderingsbeschikking 20 mei 2027",
        "1 jaar, gestuit",
        D("2028-05-20"),
        "Awb 5:37a lid 1: de invorderingsbeschikking stuit; nieuwe termijn van een jaar (veilige lezing)",
        lambda: collection_lapse(D("2026-06-01"), interruptions=(D("2027-05-20"),)).lapse_date,
    ),
    Scenario(
        "Invorderingsbeschikking na de verjaring",
        "verbeurd 1 juni 2026; invorderingsbeschikking 2 juni 2027",
        "1 jaar",
        D("2027-06-01"),
        "Awb 5:35 lid 1 en 5:37a: na de verjaring stuit een beschikking niets meer",
        lambda: collection_lapse(D("2026-06-01"), interruptions=(D("2027-06-02"),)).lapse_date,
    ),
)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[f"{s.outcome} — {s.reason}" for s in SCENARIOS])
def test_the_engine_gives_the_date_the_law_gives(scenario: Scenario) -> None:
    assert scenario.compute() == scenario.expected


def test_there_are_at_least_25_scenarios_over_every_article_the_issue_names() -> None:
    assert len(SCENARIOS) >= 25
    reasons = " ".join(s.reason for s in SCENARIOS)
    for article in ("Atw art. 1", "Atw art. 2", "Atw art. 4", "3:41", "4:13", "4:17", "5:25", "5:33"):
        assert article in reasons, article
    for article in ("5:35", "5:37a", "6:6", "6:7", "6:8", "6:9", "7:10", "4:112"):
        assert article in reasons, article


def test_the_explanations_name_the_rule_they_apply() -> None:
    assert "(Atw art. 4)" in term_end(D("2025-06-28"), "P1Y", statutory=True).explanation()
    assert "Awb 5:33" in penalty_payment_end(D("2026-06-01")).explanation()
    lapse = collection_lapse(D("2026-06-01"), remedies=(Remedy(D("2027-03-01")),))
    assert "Awb 5:35 lid 2" in lapse.explanation() and lapse.lapse_date is None
    postponed = postpone_decision(decision_term("2026-04-13"), D("2026-05-20"))
    assert "zonder Atw-verlenging" in postponed.explanation() and "veilige" in postponed.explanation()
    assert "1.442" in default_penalty(D("2026-06-17"), D("2026-06-22")).explanation


def test_bad_input_is_refused_in_dutch() -> None:
    term = decision_term("2026-05-06")
    with pytest.raises(TermRuleError, match="ten hoogste zes weken"):
        postpone_decision(term, D("2026-06-01"), "P7W")
    with pytest.raises(TermRuleError, match="Onbekende grond"):
        delay_with_consent(term, D("2026-06-01"), "P2W", ground="x")
    with pytest.raises(TermRuleError, match="vóór het verzoek"):
        suspend_for_repair(term, D("2026-05-20"), D("2026-05-19"))
    with pytest.raises(TermRuleError, match="pas na het verstrijken"):
        default_penalty(D("2026-06-17"), D("2026-06-10"))
    with pytest.raises(TermRuleError, match="invorderingsbeschikking"):
        earliest_reminder(D("2026-06-01"), None)
    with pytest.raises(TermRuleError, match="aanmaning"):
        check_writ(D("2026-09-20"), None)
    with pytest.raises(TypeError, match="datum"):
        collection_lapse("2026-06-01")  # type: ignore[arg-type]


def table() -> str:
    lines = [
        "# Termijnscenario's",
        "",
        "Met de hand uitgewerkt uit de wet en elk als test door de termijnberekening van Regie gehaald",
        "(`tests/core/test_legal_scenarios.py`; deze tabel wordt daaruit geschreven). 'Geweigerd' betekent dat",
        "Regie de handeling weigert met een Nederlandse melding, 'te laat' dat het stuk niet tijdig is, en 'nog",
        "niet bekend' dat de datum pas volgt als een rechtsmiddel onherroepelijk is beslist. Zie",
        "[terms.md](terms.md) voor de regels.",
        "",
        "| # | scenario | vanaf | termijn | uitkomst | reden (artikel) |",
        "|---|---|---|---|---|---|",
    ]
    for number, s in enumerate(SCENARIOS, 1):
        lines.append(f"| {number} | {s.scenario} | {s.start} | {s.term} | {s.outcome} | {s.reason} |")
    return "\n".join(lines) + "\n"


def test_the_jurists_table_lists_every_scenario() -> None:
    assert DOC.read_text(encoding="utf-8") == table(), "schrijf de tabel opnieuw (zie de docstring)"


if __name__ == "__main__":
    DOC.write_text(table(), encoding="utf-8")
    print(f"written: {DOC}")
