"""Matching against the database: one indexed query finds the right person among hundreds of look-alikes."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from django.db import transaction

from regie.accounts.models import User
from regie.cases.models import CaseType, SubjectRole
from regie.cases.services.case import SubjectRef, case_create
from regie.subjects.identity import Identity, generate_test_bsns
from regie.subjects.matching import CANDIDATE_CAP, identity_from_person, match_persons
from regie.subjects.models import Person
from regie.subjects.services import address_get_or_create, person_create

pytestmark = pytest.mark.postgres

BSN_PIET, BSN_OTHER = generate_test_bsns(2, seed=77)

# The persons looked for, and near-misses of each of them.
TARGETS: dict[str, dict] = {
    "jan-jansen": {"given_names": "Jan", "surname": "Jansen", "birth_date": date(1970, 1, 15)},
    "anna-de-vries": {
        "given_names": "Anna",
        "prefix": "de",
        "surname": "Vries",
        "birth_date": date(1990, 5, 20),
    },
    "kees-bakker": {"given_names": "Kees", "surname": "Bakker", "birth_date": date(1962, 11, 2)},
    "jan-van-den-berg": {
        "given_names": "Jan",
        "prefix": "van den",
        "surname": "Berg",
        "birth_date": date(1955, 8, 30),
    },
    "sanne-visser": {"given_names": "Sanne", "surname": "Visser", "birth_date": date(1985, 7, 3)},
    "piet-smit": {
        "bsn": BSN_PIET,
        "given_names": "Pieter",
        "surname": "Smit",
        "birth_date": date(1978, 4, 9),
    },
    "fatima-el-amrani": {
        "given_names": "Fatima",
        "prefix": "el",
        "surname": "Amrani",
        "birth_date": date(1993, 2, 11),
        "address": ("3511AB", 8),
    },
}
NEAR_MISSES: list[dict] = [
    {"given_names": "Jan", "surname": "Jansma", "birth_date": date(1970, 1, 16)},
    {"given_names": "Jan", "surname": "Jansen", "birth_date": date(1941, 3, 3)},
    {"given_names": "Klaas", "surname": "Jansen", "birth_date": date(1972, 10, 1)},
    {"given_names": "Anna", "prefix": "de", "surname": "Vos", "birth_date": date(1990, 5, 21)},
    {"given_names": "Henk", "prefix": "de", "surname": "Boer", "birth_date": date(1990, 5, 20)},
    {"given_names": "Kees", "surname": "Bakkers", "birth_date": date(1966, 11, 2)},
    {"given_names": "Joop", "prefix": "van der", "surname": "Berg", "birth_date": date(1950, 8, 30)},
    {"given_names": "Tom", "surname": "Visser", "birth_date": date(1983, 7, 3)},
    {"given_names": "Ruud", "surname": "Klein", "birth_date": date(1985, 3, 7)},
    {"given_names": "Piet", "surname": "Smits", "birth_date": date(1978, 4, 19)},
    {"given_names": "Yusuf", "prefix": "el", "surname": "Amrani", "birth_date": date(1960, 7, 1)},
]
SURNAMES = [
    ("", "Jansen"), ("de", "Jong"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), ("", "Bakker"),
    ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"), ("", "Mulder"), ("de", "Groot"),
    ("", "Bos"), ("", "Vos"), ("", "Peters"), ("", "Hendriks"), ("van", "Leeuwen"), ("", "Dekker"),
    ("", "Brouwer"), ("de", "Wit"), ("", "Dijkstra"), ("", "Smits"), ("de", "Graaf"), ("van der", "Meer"),
    ("", "Janssen"), ("", "Berg"), ("", "Amrani"), ("", "Bakkers"), ("", "Vissers"), ("", "Smid"),
]  # fmt: skip
GIVEN = ["Jan", "Anna", "Kees", "Sanne", "Pieter", "Fatima", "Mohamed", "Eva", "Tom", "Lisa", "Henk", "Sara"]
DECOYS = 300


def _create(spec: dict) -> Person:
    spec = dict(spec)
    if address := spec.pop("address", None):
        postcode, number = address
        spec["address"] = address_get_or_create(
            actor=None, postcode=postcode, house_number=number, street="Oudegracht", city="Utrecht"
        )
    return person_create(actor=None, **spec)


def _decoy_specs() -> Iterator[dict]:
    """Random persons with the targets' surnames, given names and nearby birth dates; never a target itself."""
    rng = random.Random(2024)
    targets = {(t["given_names"], t["surname"], t["birth_date"]) for t in TARGETS.values()}
    made = 0
    while made < DECOYS:
        prefix, surname = rng.choice(SURNAMES)
        base = rng.choice(list(TARGETS.values()))["birth_date"]
        spec = {
            "given_names": rng.choice(GIVEN),
            "prefix": prefix,
            "surname": surname,
            "birth_date": base + timedelta(days=rng.randint(-400, 400)),
        }
        if (spec["given_names"], surname, spec["birth_date"]) in targets:
            continue
        made += 1
        yield spec


@pytest.fixture(scope="module")
def pool(django_db_setup: None, django_db_blocker) -> Iterator[dict[str, Person]]:
    """The targets among near-misses and 300 random decoys, made once per module and rolled back after."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            for spec in [*NEAR_MISSES, *_decoy_specs()]:
                _create(spec)
            yield {key: _create(spec) for key, spec in TARGETS.items()}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


MATCH_CASES = [
    pytest.param(
        Identity(given_names="Jan", surname="Janssen", birth_date=date(1970, 1, 15)),
        "jan-jansen",
        id="misspelled-jansen",
    ),
    pytest.param(
        Identity(given_names="Anna", prefix="de", surname="Vriess", birth_date=date(1990, 5, 20)),
        "anna-de-vries",
        id="misspelled-de-vries",
    ),
    pytest.param(
        Identity(given_names="Kees", surname="Backer", birth_date=date(1962, 11, 2)),
        "kees-bakker",
        id="misspelled-bakker",
    ),
    pytest.param(
        Identity(given_names="Jan", surname="Berg, van den", birth_date=date(1955, 8, 30)),
        "jan-van-den-berg",
        id="swapped-prefix-berg-van-den",
    ),
    pytest.param(
        Identity(given_names="Jan", surname="van den Berg", birth_date=date(1955, 8, 30)),
        "jan-van-den-berg",
        id="prefix-in-surname-field",
    ),
    pytest.param(
        Identity(given_names="Sanne", surname="Visser", birth_date=date(1985, 3, 7)),
        "sanne-visser",
        id="swapped-day-and-month",
    ),
    pytest.param(
        Identity(given_names="Kees", surname="Backer", birth_date=date(1962, 2, 11)),
        "kees-bakker",
        id="misspelled-and-swapped-date",
    ),
    pytest.param(
        Identity(bsn=BSN_PIET, given_names="P.", surname="Smidt"), "piet-smit", id="same-bsn-other-spelling"
    ),
    pytest.param(
        Identity(postcode="3511 ab", house_number=8, given_names="F.", surname="Amrani"),
        "fatima-el-amrani",
        id="address-and-initial",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "expected"), MATCH_CASES)
def test_it_ranks_the_right_person_first_in_one_query(
    pool: dict[str, Person], query: Identity, expected: str, django_assert_num_queries
) -> None:
    assert Person.objects.count() > DECOYS
    with django_assert_num_queries(1):
        matches = match_persons(identity=query)
    assert matches, "no candidate above the minimum"
    assert matches[0].person.pk == pool[expected].pk
    assert all(m.score < matches[0].score for m in matches[1:])
    assert matches[0].reasons  # explained in Dutch


@pytest.mark.django_db
def test_it_explains_the_match_in_dutch(pool: dict[str, Person]) -> None:
    best = match_persons(
        identity=Identity(given_names="Jan", surname="Berg, van den", birth_date=date(1955, 8, 30))
    )
    assert (best[0].score, best[0].reasons) == (100.0, ("zelfde naam", "zelfde geboortedatum"))
    swapped = match_persons(
        identity=Identity(given_names="Sanne", surname="Visser", birth_date=date(1985, 3, 7))
    )
    assert swapped[0].reasons == ("zelfde naam", "geboortedatum met dag en maand omgewisseld")


@pytest.mark.django_db
def test_it_does_not_match_a_look_alike_with_another_bsn(pool: dict[str, Person]) -> None:
    query = Identity(bsn=BSN_OTHER, given_names="Pieter", surname="Smit", birth_date=date(1978, 4, 9))
    assert pool["piet-smit"].pk not in [m.person.pk for m in match_persons(identity=query)]


@pytest.mark.django_db
def test_it_respects_limit_and_minimum(pool: dict[str, Person]) -> None:
    query = Identity(given_names="Jan", surname="Jansen")
    assert len(match_persons(identity=query, minimum=0, limit=3)) == 3
    assert match_persons(identity=query, minimum=101) == []
    assert match_persons(identity=query, limit=0) == []
    assert match_persons(identity=Identity()) == []


@pytest.mark.django_db
def test_it_reads_the_identity_of_a_stored_person(pool: dict[str, Person]) -> None:
    fatima = Person.objects.select_related("address").get(pk=pool["fatima-el-amrani"].pk)
    assert identity_from_person(fatima) == Identity(
        given_names="Fatima",
        prefix="el",
        surname="Amrani",
        birth_date=date(1993, 2, 11),
        postcode="3511AB",
        house_number=8,
    )


@pytest.mark.django_db
def test_it_never_returns_a_merged_person(pool: dict[str, Person]) -> None:
    twin = _create({"given_names": "Jan", "surname": "Jansen", "birth_date": date(1970, 1, 15)})
    Person.objects.filter(pk=twin.pk).update(merged_into=pool["jan-jansen"])
    query = Identity(given_names="Jan", surname="Jansen", birth_date=date(1970, 1, 15))
    assert twin.pk not in [m.person.pk for m in match_persons(identity=query)]


@pytest.mark.django_db
def test_it_finds_the_right_person_when_a_surname_fills_more_than_the_cap(django_assert_num_queries) -> None:
    # "Aad Jansen" sorts before "Jan Jansen": only the shared-key weighting keeps the right one under the cap.
    for n in range(CANDIDATE_CAP + 20):
        _create(
            {"given_names": "Aad", "surname": "Jansen", "birth_date": date(1930, 1, 1) + timedelta(days=n)}
        )
    wanted = _create({"given_names": "Jan", "surname": "Jansen", "birth_date": date(1999, 12, 31)})
    with django_assert_num_queries(1):
        matches = match_persons(
            identity=Identity(given_names="Jan", surname="Janssen", birth_date=date(1999, 12, 31))
        )
    assert matches[0].person.pk == wanted.pk


@pytest.mark.django_db
def test_it_searches_only_the_persons_behind_the_access_door(
    pool: dict[str, Person], users: dict[str, User], django_assert_num_queries
) -> None:
    from regie.access.subject_access import persons_visible_to

    director = users["procesregisseur"]
    query = Identity(given_names="Jan", surname="Janssen", birth_date=date(1970, 1, 15))
    assert match_persons(identity=query, candidates=persons_visible_to(director)) == []
    case_type = CaseType.objects.create(
        code="test", label="Test", default_categories=["general"], retention_years=5
    )
    case_create(
        actor=director,
        case_type=case_type,
        title="Overlast",
        coordinator=director,
        municipality=director.organisation.municipality,
        subjects=[SubjectRef(role=SubjectRole.INVOLVED, person=pool["jan-jansen"])],
    )
    with django_assert_num_queries(1):
        matches = match_persons(identity=query, candidates=persons_visible_to(director))
    assert [m.person.pk for m in matches] == [pool["jan-jansen"].pk]
    assert match_persons(identity=query, candidates=persons_visible_to(users["analist"])) == []
