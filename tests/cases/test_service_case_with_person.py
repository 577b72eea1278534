"""Opening a case with a new first person is one change: a refused case leaves no person (and no log entry)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from regie.cases.models import Case, CaseSubject
from regie.cases.services.case import NewPerson, case_create_with_person
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Person
from tests.worlds.cases import make_case_type

pytestmark = pytest.mark.django_db


def _open(users, **overrides):
    actor = users["handhaver"]
    assert actor.organisation is not None
    arguments = {
        "actor": actor,
        "case_type": make_case_type(users["beheerder"]),
        "title": "Zorgen rond gezin Bakker",
        "coordinator": users["projectleider"],
        "municipality": actor.organisation.municipality,
        "person": NewPerson(role="betrokkene", surname="Bakker", given_names="Anna", bsn="111222333"),
    }
    arguments.update(overrides)
    return case_create_with_person(**arguments)


def test_it_creates_the_person_and_the_case_with_both_log_entries(users):
    case = _open(users)
    subject = CaseSubject.objects.get(case=case)
    assert subject.person is not None and subject.person.surname == "Bakker" and subject.role == "betrokkene"
    assert ProcessingLogEntry.objects.filter(action="case.created", object_id=str(case.pk)).exists()
    assert ProcessingLogEntry.objects.filter(
        action="person.created", object_id=str(subject.person.pk)
    ).exists()


def test_a_refused_case_leaves_no_person_behind(users):
    case_type = make_case_type(users["beheerder"])
    persons, entries = Person.objects.count(), ProcessingLogEntry.objects.count()
    with pytest.raises(ValidationError) as refused:
        _open(users, case_type=case_type, title="  ")
    assert "title" in refused.value.message_dict
    assert Case.objects.count() == 0
    assert Person.objects.count() == persons
    assert ProcessingLogEntry.objects.count() == entries


def test_without_a_person_it_opens_only_the_case(users):
    persons = Person.objects.count()
    case = _open(users, person=None)
    assert not case.subjects.exists() and Person.objects.count() == persons
