"""Merging duplicate persons: one transaction, history kept, cases follow the survivor, refusals in Dutch."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regie.accounts.models import User
from regie.cases.models import Case, CaseType, SubjectRole, TimelineEvent
from regie.cases.services.case import SubjectRef, case_create
from regie.cases.services.person_merge import person_merge
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.identity import Identity, generate_test_bsns
from regie.subjects.matching import match_persons
from regie.subjects.models import Person, PersonMerge
from regie.subjects.services import address_get_or_create, person_create

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

BSN_ONE, BSN_TWO = generate_test_bsns(2, seed=5)


@pytest.fixture
def director(users: dict[str, User]) -> User:
    return users["procesregisseur"]


def _case(actor: User, *subjects: SubjectRef) -> Case:
    case_type, _ = CaseType.objects.get_or_create(
        code="test", defaults={"label": "Test", "default_categories": ["general"], "retention_years": 5}
    )
    return case_create(
        actor=actor,
        case_type=case_type,
        title="Woonoverlast",
        coordinator=actor,
        municipality=actor.organisation.municipality,
        subjects=list(subjects),
    )


def _pair() -> tuple[Person, Person]:
    """A sparse record made at intake and the full register record of the same man."""
    survivor = person_create(actor=None, given_names="Jan", surname="Jansen", phone="06-11111111")
    address = address_get_or_create(
        actor=None, postcode="6851AB", house_number=12, street="Dorpsstraat", city="Huissen"
    )
    duplicate = person_create(
        actor=None,
        given_names="Johannes",
        surname="Janssen",
        bsn=BSN_ONE,
        birth_date=date(1970, 1, 15),
        email="jan@example.nl",
        phone="06-22222222",
        address=address,
    )
    return survivor, duplicate


def test_it_moves_the_case_to_the_survivor_and_keeps_the_duplicate_as_history(director: User) -> None:
    survivor, duplicate = _pair()
    case = _case(director, SubjectRef(role=SubjectRole.RESIDENT, person=duplicate))

    merged = person_merge(
        actor=director, survivor=survivor, duplicate=duplicate, reason="Zelfde persoon (BRP)"
    )

    assert [s.person_id for s in case.subjects.all()] == [survivor.pk]
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == survivor.pk
    assert duplicate.bsn is None and duplicate.blocking_keys == []
    record = PersonMerge.objects.get()
    assert (record.survivor_id, record.merged_id, record.merged_by_id) == (
        survivor.pk,
        duplicate.pk,
        director.pk,
    )
    assert record.reason == "Zelfde persoon (BRP)"
    assert record.snapshot["bsn"] == BSN_ONE
    assert record.snapshot["given_names"] == "Johannes"
    assert record.snapshot["birth_date"] == "1970-01-15"
    assert record.snapshot["case_links"][0]["case_id"] == str(case.pk)
    assert merged.pk == survivor.pk
    assert TimelineEvent.objects.filter(case=case, kind="subject.merged").count() == 1


def test_it_fills_only_the_survivors_empty_fields(director: User) -> None:
    survivor, duplicate = _pair()
    person_merge(actor=director, survivor=survivor, duplicate=duplicate, reason="dubbel")
    survivor.refresh_from_db()
    assert survivor.bsn == BSN_ONE
    assert survivor.birth_date == date(1970, 1, 15)
    assert survivor.email == "jan@example.nl"
    assert survivor.address_id == duplicate.address_id
    assert (survivor.given_names, survivor.surname, survivor.phone) == ("Jan", "Jansen", "06-11111111")
    assert survivor.version == 2


def test_it_refreshes_keys_and_search_so_the_survivor_is_found_under_the_duplicates_data(
    director: User,
) -> None:
    survivor, duplicate = _pair()
    person_merge(actor=director, survivor=survivor, duplicate=duplicate, reason="dubbel")
    survivor.refresh_from_db()
    assert f"bsn:{BSN_ONE}" in survivor.blocking_keys and "pc:6851AB-12" in survivor.blocking_keys
    assert survivor.search_vector is not None
    found = match_persons(identity=Identity(bsn=BSN_ONE))
    assert [m.person.pk for m in found] == [survivor.pk]


def test_it_keeps_one_link_when_both_were_in_the_same_case_in_the_same_role(director: User) -> None:
    survivor, duplicate = _pair()
    case = _case(
        director,
        SubjectRef(role=SubjectRole.INVOLVED, person=survivor),
        SubjectRef(role=SubjectRole.INVOLVED, person=duplicate),
        SubjectRef(role=SubjectRole.OWNER, person=duplicate),
    )
    person_merge(actor=director, survivor=survivor, duplicate=duplicate, reason="dubbel")
    links = sorted(case.subjects.values_list("person_id", "role"), key=lambda link: link[1])
    assert links == [(survivor.pk, SubjectRole.INVOLVED), (survivor.pk, SubjectRole.OWNER)]


def test_it_logs_the_merge_with_both_persons(director: User) -> None:
    survivor, duplicate = _pair()
    person_merge(actor=director, survivor=survivor, duplicate=duplicate, reason="dubbel")
    entry = ProcessingLogEntry.objects.get(action="person.merged")
    assert set(entry.person_ids) == {survivor.pk, duplicate.pk}
    assert entry.actor_username == director.username
    assert entry.details["survivor"] == str(survivor.pk) and entry.details["merged"] == str(duplicate.pk)
    assert entry.details["filled"] == ["bsn", "birth_date", "email", "address"]


def test_it_locks_both_rows(director: User) -> None:
    survivor, duplicate = _pair()
    with CaptureQueriesContext(connection) as queries:
        person_merge(actor=director, survivor=survivor, duplicate=duplicate, reason="dubbel")
    locks = [q["sql"] for q in queries if "FOR UPDATE" in q["sql"] and '"subjects_person"' in q["sql"]]
    assert locks and survivor.pk.hex in locks[0] and duplicate.pk.hex in locks[0]


def test_it_points_earlier_merges_on_to_the_new_survivor(director: User) -> None:
    first = person_create(actor=None, given_names="J.", surname="Jansen")
    survivor, duplicate = _pair()
    person_merge(actor=director, survivor=duplicate, duplicate=first, reason="dubbel")
    person_merge(actor=director, survivor=survivor, duplicate=duplicate, reason="dubbel")
    first.refresh_from_db()
    assert first.merged_into_id == survivor.pk


def _refused(director: User, survivor: Person, duplicate: Person, reason: str = "dubbel") -> str:
    merges, entries = PersonMerge.objects.count(), ProcessingLogEntry.objects.count()
    with pytest.raises(ValidationError) as caught:
        person_merge(actor=director, survivor=survivor, duplicate=duplicate, reason=reason)
    assert (PersonMerge.objects.count(), ProcessingLogEntry.objects.count()) == (merges, entries)
    return " ".join(caught.value.messages)


def test_it_refuses_to_merge_a_person_into_itself(director: User) -> None:
    survivor, _ = _pair()
    assert _refused(director, survivor, survivor) == "Een persoon kan niet met zichzelf worden samengevoegd."


def test_it_refuses_an_already_merged_person(director: User) -> None:
    survivor, duplicate = _pair()
    third = person_create(actor=None, given_names="Jan", surname="Jansen")
    person_merge(actor=director, survivor=survivor, duplicate=duplicate, reason="dubbel")
    assert _refused(director, third, duplicate) == "Deze persoon is al samengevoegd met een andere persoon."
    assert "zelf al samengevoegd" in _refused(director, duplicate, third)


def test_it_refuses_two_persons_with_different_bsns(director: User) -> None:
    one = person_create(actor=None, given_names="Anna", surname="Mulder", bsn=BSN_ONE)
    other = person_create(actor=None, given_names="Anna", surname="Mulder", bsn=BSN_TWO)
    assert "verschillende BSN's" in _refused(director, one, other)
    other.refresh_from_db()
    assert other.merged_into_id is None and other.bsn == BSN_TWO


def test_it_asks_for_a_reason(director: User) -> None:
    survivor, duplicate = _pair()
    assert _refused(director, survivor, duplicate, reason="  ") == "Vul de reden van de samenvoeging in."
    assert "te lang" in _refused(director, survivor, duplicate, reason="x" * 301)
