"""The main menu stays one line for the busiest roles: a section's parts sit in its local menu, and the current
item is the one whose address covers the page most closely."""

from __future__ import annotations

import pytest
from django.test import Client

from regie.accounts.models import User
from regie.web.navigation import NAVIGATION, local_navigation_for, navigation_for
from tests.conftest import verified_session

pytestmark = pytest.mark.django_db


def _labels(user: User, path: str = "/") -> list[str]:
    return [item["label"] for item in navigation_for(user, path)]


def _current(user: User, path: str) -> list[tuple[str, str]]:
    return [(item["label"], item["aria_current"]) for item in navigation_for(user, path) if item["current"]]


def test_a_part_of_a_section_the_user_may_open_is_not_in_the_main_menu(users: dict[str, User]) -> None:
    labels = _labels(users["procesregisseur"])
    assert "PGA" in labels and "PGA-cijfers" not in labels
    assert "Digitale veiligheid" in labels and "Nazorg online criminaliteit" not in labels
    assert len(labels) <= 12, labels
    jurist = _labels(users["jurist"])
    assert "Procedures" in jurist and "Termijnen" not in jurist and "Termijncalculator" not in jurist


def test_a_part_stands_in_the_main_menu_when_the_user_may_not_open_its_section(users: dict[str, User]) -> None:
    assert "PGA-cijfers" in _labels(users["analist"])
    assert "PGA" not in _labels(users["analist"])
    beheerder = _labels(users["beheerder"])
    assert "Inhoud digitale veiligheid" in beheerder and "Digitale veiligheid" not in beheerder


def test_the_local_menu_lists_the_sections_overview_and_the_parts_the_user_may_open(users: dict[str, User]) -> None:
    local = local_navigation_for(users["procesregisseur"], "/pga/cijfers")
    assert [(item["label"], item["aria_current"]) for item in local] == [
        ("PGA: overzicht", ""),
        ("PGA-cijfers", "page"),
    ]
    jurist = local_navigation_for(users["jurist"], "/termijnen")
    assert [item["url"] for item in jurist] == ["/procedures", "/termijnen", "/termijncalculator"]


def test_no_local_menu_where_the_section_has_no_parts_or_the_user_may_not_open_it(users: dict[str, User]) -> None:
    assert local_navigation_for(users["procesregisseur"], "/casussen") == []
    assert local_navigation_for(users["analist"], "/pga/cijfers") == []  # the analist has it in the main menu
    assert local_navigation_for(users["procesregisseur"], "/pgax") == []
    assert local_navigation_for(User(), "/pga") == []  # not signed in: nothing


def test_the_closest_address_is_current_and_a_page_under_it_marks_its_section(users: dict[str, User]) -> None:
    beheerder = users["beheerder"]
    assert _current(beheerder, "/beheer/digitale-veiligheid") == [("Inhoud digitale veiligheid", "page")]
    assert _current(beheerder, "/beheer") == [("Beheer", "page")]
    assert _current(beheerder, "/beheer/routering") == [("Signaalroutering", "page")]
    regisseur = users["procesregisseur"]
    assert _current(regisseur, "/pga/cijfers") == [("PGA", "true")]
    assert _current(regisseur, "/nazorg-online") == [("Digitale veiligheid", "true")]
    assert _current(users["jurist"], "/termijncalculator") == [("Procedures", "true")]
    assert _current(regisseur, "/pgax") == []
    assert _current(regisseur, "/") == [("Start", "page")]


def test_every_part_belongs_to_one_section_and_no_section_nests_deeper() -> None:
    parts = [child.url for item in NAVIGATION for child in item.children]
    assert len(parts) == len(set(parts))
    assert not [child for item in NAVIGATION for child in item.children if child.children]


def test_the_page_shows_the_local_menu_with_the_current_part_marked(users: dict[str, User]) -> None:
    client = verified_session(Client(), users["jurist"])
    html = client.get("/termijncalculator").content.decode()
    assert '<nav class="regie-local-nav" aria-label="Onderdelen">' in html
    assert 'href="/termijncalculator" aria-current="page">Termijncalculator</a>' in html
    assert 'href="/procedures" aria-current="true">Procedures</a>' in html


def test_a_role_without_the_section_sees_no_local_menu_and_no_link_to_its_parts(users: dict[str, User]) -> None:
    client = verified_session(Client(), users["politie"])
    html = client.get("/").content.decode()
    assert "regie-local-nav" not in html
    assert 'href="/termijncalculator"' not in html and 'href="/pga/cijfers"' not in html
