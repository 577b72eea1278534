"""Monitoring fixtures: a hand-counted set of signals and cases in January and February 2026, rolled up.

January 2026: 12 signals "Overlast" and 2 "Drugs" from residents; February 2026: 3 signals "Overlast" from staff.
Cases: 6 PGA cases opened in January, 1 of them closed in February.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from regie.accounts.models import Municipality, User
from regie.cases.services.case import SubjectRef, case_close
from regie.intake.models import Channel, SignalCategory, SignalSubject, Source
from regie.intake.services.receive import signal_receive
from regie.monitoring.services.rollups import rollup_rebuild
from tests.worlds.cases import add_member, make_address, make_case, make_case_type, make_person

TODAY = dt.date(2026, 3, 10)


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10, 0), tzinfo=timezone.get_default_timezone())


def _category(code: str, label: str) -> SignalCategory:
    category, _ = SignalCategory.objects.get_or_create(
        code=code, defaults={"label": label, "triage_days": 2, "first_action_days": 5, "urgent_hours": 4}
    )
    return category


@pytest.fixture
def figures(users: dict[str, User]) -> dict[str, Any]:
    municipality = Municipality.objects.get(code="1705")
    nuisance, drugs = _category("t-overlast", "Overlast (test)"), _category("t-drugs", "Drugs (test)")
    plan = [
        (dt.date(2026, 1, 5), nuisance, Source.RESIDENT, 12),
        (dt.date(2026, 1, 20), drugs, Source.RESIDENT, 2),
        (dt.date(2026, 2, 3), nuisance, Source.STAFF, 3),
    ]
    for day, category, source, n in plan:
        with time_machine.travel(_at(day), tick=False):
            for i in range(n):
                signal_receive(
                    actor=None,
                    municipality=municipality,
                    source=source,
                    channel=Channel.PUBLIC_FORM,
                    description=f"Testsignaal {category.label} {day} {i}",
                    category=category,
                )
    case_type = make_case_type(users["beheerder"], code="t-pga", label="PGA (test)")
    cases = []
    with time_machine.travel(_at(dt.date(2026, 1, 12)), tick=False):
        for i in range(6):
            cases.append(make_case(users["procesregisseur"], case_type, title=f"Testcasus {i}"))
    with time_machine.travel(_at(dt.date(2026, 2, 16)), tick=False):
        case_close(
            actor=users["procesregisseur"], case=cases[0], version=cases[0].version, reason="Doel bereikt"
        )
    run = rollup_rebuild(from_month=dt.date(2025, 12, 1), today=TODAY)
    return {"run": run, "nuisance": nuisance, "drugs": drugs, "case_type": case_type}


@pytest.fixture
def areas(users: dict[str, User], figures: dict[str, Any]) -> dict[str, Any]:
    """January 2026, on top of `figures`: 7 cases of type "Buurt (test)" — 5 naming an address in 6811, 2 naming a
    person living in 6851 — and 8 signals "Overlast (test)" from staff: 6 naming an address in 6811, 2 a person
    in 6851. The projectleider is on the team of 2 of the 6811 cases."""
    municipality = Municipality.objects.get(code="1705")
    director = users["procesregisseur"]
    near = make_address("6811AB", 3, "Stationsplein", "Arnhem", actor=director)
    person = make_person(director, surname="Bakker", prefix="", bsn=None)  # lives at 6851AB
    case_type = make_case_type(users["beheerder"], code="t-buurt", label="Buurt (test)")
    cases = []
    with time_machine.travel(_at(dt.date(2026, 1, 14)), tick=False):
        for i in range(5):
            cases.append(
                make_case(
                    director, case_type, title=f"Buurt {i}", subjects=[SubjectRef("locatie", address=near)]
                )
            )
        for i in range(2):
            cases.append(make_case(director, case_type, title=f"Buurt persoon {i}", person=person))
        nuisance = _category("t-overlast", "Overlast (test)")
        for i in range(8):
            signal = signal_receive(
                actor=None,
                municipality=municipality,
                source=Source.STAFF,
                channel=Channel.STAFF_FORM,
                description=f"Signaal in de buurt {i}",
                category=nuisance,
            )
            if i < 6:
                SignalSubject.objects.create(signal=signal, kind="adres", address=near)
            else:
                SignalSubject.objects.create(signal=signal, kind="persoon", person=person)
    for case in cases[:2]:
        add_member(case, director, user=users["projectleider"], case_role="projectleider")
    rollup_rebuild(from_month=dt.date(2026, 1, 1), today=TODAY)
    return {"cases": cases, "case_type": case_type}
