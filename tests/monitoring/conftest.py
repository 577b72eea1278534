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
from regie.cases.services.case import case_close
from regie.intake.models import Channel, SignalCategory, Source
from regie.intake.services.receive import signal_receive
from regie.monitoring.services.rollups import rollup_rebuild
from tests.worlds.cases import make_case, make_case_type

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
