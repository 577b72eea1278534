"""The window-count paginator: the same pages and counts as Django's, in one query per page."""

from __future__ import annotations

import pytest
from django.core.paginator import EmptyPage, Paginator

from regie.accounts.models import Organisation
from regie.core.paging import WindowCountPaginator

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


def test_past_the_end_and_below_one_are_empty_pages(organisations) -> None:
    queryset = Organisation.objects.order_by("name")
    with pytest.raises(EmptyPage):
        WindowCountPaginator(queryset, 2).page(999)
    with pytest.raises(EmptyPage):
        WindowCountPaginator(queryset, 2).page(0)
    empty = WindowCountPaginator(Organisation.objects.none(), 2).page(1)
    assert list(empty) == [] and empty.paginator.count == 0
