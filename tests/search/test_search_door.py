"""The search selectors behind the search box and `GET /api/v1/search`: Dutch name prefixes, case numbers of any
length, note search within granted categories, BSNs never looked for in note text, and the search log marked when
a result is reached only through break-the-glass."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from django.utils import timezone

from regie.accounts.models import User
from regie.cases.models import Case, CaseNumberCounter
from regie.cases.services.case import SubjectRef, case_subject_add
from regie.cases.services.emergency import break_the_glass_start
from regie.cases.views.case_list import case_list_page
from regie.processing_log.models import ProcessingLogEntry
from regie.search.selectors import search_all, search_cases
from regie.subjects.selectors import search_persons
from tests.worlds.cases import add_member, add_note, make_case, make_case_type, make_person

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

REASON = "Acute dreiging bij de woning gemeld door de meldkamer, direct overleg nodig."


@pytest.fixture
def director(users: dict[str, User]) -> User:
    return users["procesregisseur"]


@pytest.fixture
def people(users: dict[str, User], director: User) -> dict[str, object]:
    case_type = make_case_type(users["beheerder"])
    found = {
        "berg": make_person(director, surname="Berg", prefix="van den", given_names="Anna", bsn=None),
        "berg_plain": make_person(director, surname="Berg", prefix="", given_names="Piet", bsn=None),
        "bergen": make_person(director, surname="Bergen", prefix="van", given_names="Kees", bsn=None),
        "hoek": make_person(director, surname="Hoek", prefix="van 't", given_names="Tim", bsn=None),
        "dijkstra": make_person(director, surname="Dijkstra", prefix="", given_names="Eefje", bsn=None),
    }
    case = make_case(director, case_type, title="Buurtzorgen")
    for person in found.values():
        case_subject_add(actor=director, case=case, ref=SubjectRef(role="betrokkene", person=person))
    return {**found, "case": case, "case_type": case_type}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("van den berg", ["berg"]),
        ("Berg, van den", ["berg"]),
        ("van berg", ["berg", "bergen"]),
        ("berg", ["berg", "berg_plain", "bergen"]),
        ("anna berg", ["berg"]),
        ("van 't hoek", ["hoek"]),
        ("de berg", []),
        ("van", ["berg", "bergen", "hoek"]),  # only prefix words: then they are searched as words
        ("Dijkstra", ["dijkstra"]),
        ("eefje dijk", ["dijkstra"]),
    ],
)
def test_name_search_treats_dutch_prefixes_as_a_filter_on_the_prefix(
    director: User, people: dict[str, object], query: str, expected: list[str]
) -> None:
    found = {p.pk for p in search_persons(director, query)}
    assert found == {people[name].pk for name in expected}  # type: ignore[attr-defined]


def test_a_case_number_beyond_99999_a_year_is_found_by_number(users: dict[str, User], director: User) -> None:
    case_type = make_case_type(users["beheerder"])
    year = timezone.localdate().year
    CaseNumberCounter.objects.update_or_create(year=year, defaults={"last": 99_999})
    case = make_case(director, case_type, title="Het honderdduizendste")
    assert case.number == f"{year}-100000"
    assert [c.pk for c in search_cases(director, case.number)] == [case.pk]
    assert [c.pk for c in search_cases(director, f"{year}-42")] == []


def test_note_search_finds_only_cases_with_a_matching_note_of_a_granted_category(
    users: dict[str, User],
) -> None:
    director, police = users["procesregisseur"], users["politie"]
    case_type = make_case_type(users["beheerder"], categories=("general", "care", "justice"))
    case = make_case(director, case_type, title="Overlast")
    add_member(case, director, user=police, categories=("general",))
    add_note(case, director, category="care", text="Gesprek met de wijkverpleging over de opname.")
    add_note(case, director, category="general", text="Buren melden geluidsoverlast in de nacht.")
    assert [c.pk for c in search_cases(police, "geluidsoverlast")] == [case.pk]
    assert [c.pk for c in search_cases(police, "wijkverpleging")] == []
    assert [c.pk for c in search_cases(director, "wijkverpleging")] == [case.pk]
    assert list(search_cases(users["analist"], "geluidsoverlast")) == []


def test_a_bsn_is_never_looked_for_in_note_text(users: dict[str, User], director: User) -> None:
    case_type = make_case_type(users["beheerder"])
    case = make_case(director, case_type, title="Adresvraag")
    add_note(case, director, text="Genoemd nummer 111222333 in een brief.")
    assert list(search_cases(director, "111222333")) == []
    assert [c.pk for c in search_cases(director, "brief")] == [case.pk]


def test_a_search_that_finds_a_case_only_through_break_the_glass_is_logged_as_such(
    users: dict[str, User], director: User
) -> None:
    leader = users["projectleider"]
    case_type = make_case_type(users["beheerder"])
    person = make_person(leader, surname="Smit", prefix="", given_names="Els", bsn=None, with_address=False)
    hidden = make_case(leader, case_type, title="Casus van de projectleider", person=person)
    add_note(hidden, leader, text="Melding over brandgevaar in de schuur.")
    assert search_all(director, "brandgevaar").cases == []
    assert not ProcessingLogEntry.objects.filter(action="search.performed").latest("seq").break_the_glass

    break_the_glass_start(actor=director, case_id=hidden.pk, reason=REASON)
    assert [c.pk for c in search_all(director, "brandgevaar").cases] == [hidden.pk]
    entry = ProcessingLogEntry.objects.filter(action="search.performed").latest("seq")
    assert entry.break_the_glass and entry.purpose == REASON
    assert [p.pk for p in search_all(director, "smit").persons] == [person.pk]
    entry = ProcessingLogEntry.objects.filter(action="search.performed").latest("seq")
    assert entry.break_the_glass and person.pk in entry.person_ids


def test_a_renamed_person_is_found_under_the_new_name_and_a_merged_one_not_at_all(
    director: User, people: dict[str, object]
) -> None:
    from regie.cases.services.person_merge import person_merge
    from regie.subjects.services import person_update

    berg = people["berg_plain"]
    person_update(actor=director, person=berg, surname="Bos", version=berg.version)  # type: ignore[arg-type,attr-defined]
    assert [p.pk for p in search_persons(director, "bos")] == [berg.pk]  # type: ignore[attr-defined]
    assert berg.pk not in {p.pk for p in search_persons(director, "berg")}  # type: ignore[attr-defined]
    bergen, hoek = people["bergen"], people["hoek"]
    person_merge(actor=director, survivor=hoek, duplicate=bergen, reason="Dubbel ingeschreven")  # type: ignore[arg-type]
    assert list(search_persons(director, "bergen")) == []
    assert [p.pk for p in search_persons(director, "hoek")] == [hoek.pk]  # type: ignore[attr-defined]


def test_roles_without_case_access_find_no_person(users: dict[str, User], people: dict[str, object]) -> None:
    for role in ("analist", "beheerder", "privacy"):
        assert list(search_persons(users[role], "berg")) == []


def test_a_search_through_own_cases_is_not_marked(director: User, people: dict[str, object]) -> None:
    assert search_all(director, "berg").persons
    entry = ProcessingLogEntry.objects.filter(action="search.performed").latest("seq")
    assert not entry.break_the_glass and entry.purpose == ""
    assert entry.details["query"] == "berg"


def test_the_case_list_gives_choices_count_and_page_in_two_queries(
    users: dict[str, User], director: User, django_assert_max_num_queries
) -> None:
    other = users["projectleider"]
    case_type = make_case_type(users["beheerder"])
    second_type = make_case_type(users["beheerder"], code="brp", label="BRP-adresonderzoek")
    mine = [make_case(director, case_type, title=f"Eigen casus {i}") for i in range(3)]
    theirs = make_case(other, second_type, title="Casus van een collega")
    add_member(theirs, other, user=director, categories=("general",))
    Case.objects.filter(pk=mine[0].pk).update(status="gesloten")

    with django_assert_max_num_queries(2):
        form, page = case_list_page(director, QueryDict(""))
        assert page is not None
        assert page.paginator.count == 3  # two own open cases + the colleague's; the closed one left out
        assert len(list(page)) == 3
    choices = dict(form.fields["coordinator"].choices)
    assert {director.pk, other.pk} <= set(choices)
    assert not {users[r].pk for r in ("analist", "beheerder", "privacy")} & set(choices)

    _, page = case_list_page(director, QueryDict(f"coordinator={other.pk}"))
    assert page is not None and page.paginator.count == 1 and [c.pk for c in page] == [theirs.pk]
    _, page = case_list_page(director, QueryDict(f"casustype={case_type.code}&status=alle"))
    assert page is not None and page.paginator.count == 3
    form, page = case_list_page(director, QueryDict("coordinator=999999"))
    assert page is None and "coordinator" in form.errors
    _, page = case_list_page(director, QueryDict("pagina=7"))  # past the end: the last page
    assert page is not None and page.number == 1 and page.paginator.count == 3 and len(list(page)) == 3
    _, page = case_list_page(director, QueryDict("pagina=abc"))
    assert page is not None and page.number == 1
