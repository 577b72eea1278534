"""The window-count paginator: the same pages and counts as Django's, in one query per page; page numbers read
in one place, so an absurd one is a 400/404 problem on the API and a real page in HTML, never a 500."""

from __future__ import annotations

import pytest
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

from regie.accounts.models import Organisation
from regie.core.paging import MAX_PAGE, WindowCountPaginator, page_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations(users) -> list[Organisation]:
    return list(Organisation.objects.order_by("name"))


@pytest.mark.parametrize("per_page", [1, 2, 3, 100])
def test_it_gives_the_same_pages_as_the_django_paginator(organisations, per_page) -> None:
    queryset = Organisation.objects.order_by("name")
    plain = Paginator(queryset, per_page)
    for number in range(1, plain.num_pages + 1):
        page = WindowCountPaginator(queryset, per_page).page(number)
        assert [o.pk for o in page] == [o.pk for o in plain.page(number)]
        assert page.paginator.count == plain.count and page.has_next() == plain.page(number).has_next()


def test_a_page_is_one_query(organisations, django_assert_num_queries) -> None:
    with django_assert_num_queries(1):
        page = WindowCountPaginator(Organisation.objects.order_by("name"), 2).page(1)
        assert page.paginator.count == len(organisations) and page.paginator.num_pages >= 1


@pytest.mark.parametrize(("asked", "expected"), [("abc", 1), ("0", 1), ("-3", 1), (None, 1), ("999", "last")])
def test_get_page_falls_back_like_django(organisations, asked, expected) -> None:
    paginator = WindowCountPaginator(Organisation.objects.order_by("name"), 2)
    page = paginator.get_page(asked)
    assert page.number == (paginator.num_pages if expected == "last" else expected)
    assert list(page)


def test_past_the_end_is_an_empty_page_and_below_one_no_page_at_all(organisations) -> None:
    queryset = Organisation.objects.order_by("name")
    with pytest.raises(EmptyPage):
        WindowCountPaginator(queryset, 2).page(999)
    with pytest.raises(
        PageNotAnInteger
    ):  # 0 is no page number (regie.core.paging.page_number): the API's 400
        WindowCountPaginator(queryset, 2).page(0)
    empty = WindowCountPaginator(Organisation.objects.none(), 2).page(1)
    assert list(empty) == [] and empty.paginator.count == 0


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", 1),
        (7, 7),
        ("007", 7),
        ("0" * 5000 + "3", 3),
        (str(MAX_PAGE), MAX_PAGE),
        ("", PageNotAnInteger),
        (None, PageNotAnInteger),
        ("0", PageNotAnInteger),
        ("-1", PageNotAnInteger),
        (" 2", PageNotAnInteger),
        ("1.5", PageNotAnInteger),
        ("1e3", PageNotAnInteger),
        ("²", PageNotAnInteger),  # str.isdigit() says yes, int() says no
        ("٣", PageNotAnInteger),  # Arabic-Indic three: int() would take it
        (str(MAX_PAGE + 1), EmptyPage),
        ("9223372036854775807", EmptyPage),
        ("99999999999999999999", EmptyPage),
        ("9" * 5000, EmptyPage),  # longer than int() converts
    ],
)
def test_page_number_reads_only_ascii_digits_within_range(raw, expected) -> None:
    if isinstance(expected, int):
        assert page_number(raw) == expected
    else:
        with pytest.raises(expected):
            page_number(raw)


@pytest.mark.parametrize(
    ("asked", "expected"), [("99999999999999999999", "last"), ("9" * 5000, "last"), ("²", 1)]
)
def test_get_page_answers_absurd_numbers_with_a_real_page(organisations, asked, expected) -> None:
    paginator = WindowCountPaginator(Organisation.objects.order_by("name"), 2)
    page = paginator.get_page(asked)
    assert page.number == (paginator.num_pages if expected == "last" else expected)


@pytest.mark.parametrize(
    ("query", "status", "name"),
    [
        ("page=9223372036854775807", 404, None),
        ("page=99999999999999999999", 404, None),
        (f"page={MAX_PAGE + 1}", 404, None),
        ("page=500", 404, None),
        ("page=0", 400, "page"),
        ("page=-1", 400, "page"),
        ("page=²", 400, "page"),
        ("page=1e3", 400, "page"),
        ("pageSize=²", 400, "pageSize"),
        ("pageSize=" + "1" * 5000, 400, "pageSize"),
        ("pageSize=101", 400, "pageSize"),
    ],
)
def test_the_api_answers_bad_page_numbers_with_a_problem(api_as, users, query, status, name) -> None:
    for path in ("/api/v1/cases", "/api/v1/organisations"):  # the window-count and the plain paginator
        response = api_as("procesregisseur").get(f"{path}?{query}")
        assert response.status_code == status, (path, response.content)
        assert response["Content-Type"] == "application/problem+json"
        problem = response.json()
        if name is None:
            assert problem["detail"] == "Deze pagina bestaat niet."
        else:
            assert [p["name"] for p in problem["invalidParams"]] == [name]


@pytest.mark.parametrize("asked", ["99999999999999999999", "9223372036854775807", "²", "-5", "9" * 5000])
def test_html_lists_answer_absurd_page_numbers_with_a_page(sign_in, users, asked) -> None:
    cases = sign_in(users["procesregisseur"]).get("/casussen", {"pagina": asked})
    assert cases.status_code == 200 and '<html lang="nl">' in cases.content.decode()
    log = sign_in(users["privacy"]).get("/privacy/verwerkingslog", {"pagina": asked})
    assert log.status_code == 200
