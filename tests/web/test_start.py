"""Each role's start page shows that role's own work, through the access door."""

from __future__ import annotations

import pytest

from tests.worlds.cases import make_case, make_world

pytestmark = pytest.mark.django_db


def test_it_shows_the_process_director_their_open_cases(sign_in, users):
    world = make_world(users)
    page = sign_in(users["procesregisseur"]).get("/").content.decode()
    assert world.case.number in page and "Alle casussen" in page


def test_it_shows_a_partner_only_the_cases_they_are_on(sign_in, users):
    world = make_world(users)
    hidden = make_case(users["procesregisseur"], world.case_type, title="Niet voor de politie")
    page = sign_in(users["politie"]).get("/").content.decode()
    assert world.case.number in page
    assert hidden.number not in page and "Niet voor de politie" not in page


def test_it_shows_the_analyst_no_case_at_all(sign_in, users):
    world = make_world(users)
    page = sign_in(users["analist"]).get("/").content.decode()
    assert world.case.number not in page and "Mijn casussen" not in page
    assert 'href="/monitoring"' in page and "verschijnen hier zodra" not in page  # the promise is kept


def test_it_says_how_cases_arrive_when_there_are_none(sign_in, users):
    page = sign_in(users["jurist"]).get("/").content.decode()
    assert "U bent nog niet opgenomen in een casus" in page
