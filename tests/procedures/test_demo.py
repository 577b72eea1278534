"""The demo has procedures of all three types, in different steps, with live next deadlines."""

from __future__ import annotations

import pytest

from regie.cases.models import CaseType
from regie.demo.accounts import seed_accounts
from regie.demo.cases import seed_cases
from regie.demo.procedures import seed_procedures
from regie.procedures.models import Letter, Procedure, ProcedureStatus
from regie.processing_log.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def test_it_seeds_procedures_of_all_three_types_in_different_steps():
    seed_accounts()
    seed_cases()
    report = seed_procedures()
    types = set(Procedure.objects.values_list("type_code", flat=True))
    assert types == {"permanent-residence", "opiumwet-13b", "brp-address-investigation"}, report
    steps = set(Procedure.objects.values_list("type_code", "current_step"))
    assert len(steps) >= 5
    running = Procedure.objects.filter(status=ProcedureStatus.RUNNING)
    assert all(p.next_deadline_on is not None for p in running)
    assert Letter.objects.exists()


def test_it_seeds_idempotently():
    seed_accounts()
    seed_cases()
    seed_procedures()
    count = Procedure.objects.count()
    seed_procedures()
    assert Procedure.objects.count() == count


def test_without_the_demo_cases_it_opens_its_own_through_the_services():
    seed_accounts()
    report = seed_procedures()
    types = set(Procedure.objects.values_list("type_code", flat=True))
    assert types == {"permanent-residence", "opiumwet-13b", "brp-address-investigation"}, report
    assert set(CaseType.objects.values_list("code", flat=True)) >= {"opiumwet-13b", "brp-adresonderzoek"}
    assert ProcessingLogEntry.objects.filter(action="case_type.created").exists()
