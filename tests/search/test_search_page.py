"""The search page `/zoeken`: one box in the header, persons and cases through the door, every search logged."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from playwright.sync_api import Page, expect

from regie.accounts.models import User
from regie.processing_log.models import ProcessingLogEntry
from regie.search.selectors import MAX_QUERY
from regie.subjects.services import person_create
from tests.worlds.cases import add_note, make_case
from tests.worlds.search import (
    CASE_ROLES,
    ELS_BSN,
    HIDDEN_TITLE,
    MUNICIPAL_ROLES,
    NO_CASE_ROLES,
    PARTNER_ROLES,
    SearchWorld,
    make_search_world,
    put_in_case,
)

SignIn = Callable[[User], Client]
SEARCHES = "search.performed"


@pytest.fixture
def sw(users: dict[str, User]) -> SearchWorld:
    return make_search_world(users)


def _search(client: Client, q: str) -> tuple[int, str]:
    response = client.get("/zoeken", {"q": q})
    return response.status_code, response.content.decode()


def _searches(username: str) -> list[ProcessingLogEntry]:
    return list(ProcessingLogEntry.objects.filter(action=SEARCHES, actor_username=username).order_by("seq"))


# Who may search.


@pytest.mark.parametrize("username", CASE_ROLES)
def test_it_finds_the_person_and_the_case_for_every_role_that_works_on_cases(sign_in, sw, username):
    client = sign_in(sw.users[username])

    status, page = _search(client, "vries")
    assert status == 200
    assert f'href="/personen/{sw.jan.pk}">Jan de Vries</a>' in page
    assert "Personen (1)" in page and "Dorpsstraat 12, 6851 AB Huissen" in page

    status, page = _search(client, sw.case.number)
    assert status == 200
    assert f'href="/casussen/{sw.case.pk}">{sw.case.number}</a>' in page
    assert "Casussen (1)" in page and "Zorgen rond Jan" in page and "Persoonsgerichte aanpak" in page
    assert "Sanne de Wit" in page and "Open" in page  # coordinator and status
    assert len(_searches(username)) == 2


@pytest.mark.parametrize("username", MUNICIPAL_ROLES)
def test_it_shows_the_bsn_to_municipal_case_workers_and_finds_by_it(sign_in, sw, username):
    status, page = _search(sign_in(sw.users[username]), "111 222 333")
    assert status == 200
    assert ">BSN</th>" in page and "111222333" in page and "Jan de Vries" in page


@pytest.mark.parametrize("username", PARTNER_ROLES)
def test_it_never_shows_a_partner_a_bsn_nor_finds_by_it(sign_in, sw, username):
    client = sign_in(sw.users[username])
    page = _search(client, "Vries")[1]
    assert "Jan de Vries" in page and ">BSN</th>" not in page and "111222333" not in page

    page = _search(client, "111222333")[1]
    assert "Niets gevonden" in page and "Jan de Vries" not in page
    assert "Op BSN zoeken kan alleen voor medewerkers van de gemeente" in page
    assert "Zoek op naam, geboortedatum (dd-mm-jjjj), postcode + huisnummer of casusnummer." in page


@pytest.mark.parametrize("username", NO_CASE_ROLES)
def test_it_refuses_roles_that_see_no_case_and_gives_them_no_search_box(sign_in, sw, username):
    client = sign_in(sw.users[username])
    response = client.get("/zoeken", {"q": "Vries"})
    assert response.status_code == 403
    assert "Jan de Vries" not in response.content.decode()
    assert 'id="kop-zoekterm"' not in client.get("/").content.decode()
    assert not ProcessingLogEntry.objects.filter(action=SEARCHES).exists()


def test_it_sends_an_anonymous_visitor_to_the_login(client, sw):
    response = client.get("/zoeken", {"q": "Vries"})
    assert response.status_code == 302 and response["Location"].startswith("/login?next=/zoeken")
    assert not ProcessingLogEntry.objects.filter(action=SEARCHES).exists()


def test_the_header_has_the_search_box_on_every_page_but_the_search_page_itself(sign_in, sw):
    client = sign_in(sw.users["jurist"])
    for path in ("/", "/casussen", f"/casussen/{sw.case.pk}", "/bekend-check"):
        page = client.get(path).content.decode()
        assert 'role="search" aria-label="Zoeken in Regie"' in page and 'id="kop-zoekterm"' in page, path
        assert "Zoek op naam, BSN, geboortedatum (dd-mm-jjjj), postcode + huisnummer of casusnummer." in page
    page = client.get("/zoeken").content.decode()
    assert 'id="kop-zoekterm"' not in page and page.count('role="search"') == 1


# What is found, and what never is.


def test_it_finds_by_birth_date_postcode_and_number_and_note_words(sign_in, sw):
    director = sw.users["procesregisseur"]
    put_in_case(sw.case, sw.els, director)
    client = sign_in(director)
    for q in ("17-05-1980", "1980-05-17", "6851 AR 9", "6851ar 9", "bakker", "Els Bakker"):
        page = _search(client, q)[1]
        assert f'href="/personen/{sw.els.pk}">Els Bakker</a>' in page, q
        assert "17 mei 1980" in page and "Karstraat 9, 6851 AR Huissen" in page, q
    page = _search(client, "huisbezoek")[1]
    assert f'href="/casussen/{sw.case.pk}">' in page and "Personen (0)" in page and "Casussen (1)" in page
    assert "0 personen en 1 casus gevonden voor ‘huisbezoek’." in page


def test_it_writes_a_name_without_given_names_dutch_style(sign_in, sw):
    director = sw.users["procesregisseur"]
    put_in_case(sw.case, person_create(actor=None, surname="Berg", prefix="van den"), director)
    page = _search(sign_in(director), "van den berg")[1]
    assert ">Van den Berg</a>" in page and "onbekend" in page  # no birth date, no address


def test_it_never_shows_a_hidden_case_or_its_person(sign_in, sw):
    hidden = sw.hidden
    for username in ("procesregisseur", "politie", "ggz", "jurist"):
        client = sign_in(sw.users[username])
        for q in ("Bakker", "Els", hidden.number, ELS_BSN, "17-05-1980", "6851AR 9", "hennepgeur"):
            status, page = _search(client, q)
            assert status == 200 and "Niets gevonden" in page, (username, q)
            assert str(hidden.pk) not in page and HIDDEN_TITLE not in page and "Els Bakker" not in page
    # The project leader coordinates it and does find it.
    page = _search(sign_in(sw.users["projectleider"]), "hennepgeur")[1]
    assert f'href="/casussen/{hidden.pk}">' in page


def test_a_partner_finds_a_case_only_by_notes_of_the_categories_granted_to_them(sign_in, sw):
    police, ggz = sign_in(sw.users["politie"]), sw.users["ggz"]
    assert "Casussen (1)" in _search(police, "huisbezoek")[1]  # general note
    for q in ("GGZ-behandeling", "strafzaak"):  # care and justice notes
        assert "Niets gevonden" in _search(police, q)[1], q
    page = _search(sign_in(ggz), "GGZ-behandeling")[1]
    assert "Casussen (1)" in page  # GGZ was granted care
    assert "Niets gevonden" in _search(sign_in(ggz), "strafzaak")[1]


def test_it_says_nothing_was_found_in_dutch(sign_in, sw):
    status, page = _search(sign_in(sw.users["procesregisseur"]), "Pietersen")
    assert status == 200
    assert "Niets gevonden voor ‘Pietersen’." in page and "Controleer de spelling" in page
    assert "Personen (" not in page and len(_searches("procesregisseur")) == 1


# Bad input: a Dutch message, status 400, the term kept in the box, nothing searched or logged.


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("", "Vul een zoekterm in."),
        ("   ", "Vul een zoekterm in."),
        (
            "x" * (MAX_QUERY + 1),
            f"De zoekterm is te lang ({MAX_QUERY + 1} tekens). Gebruik hoogstens {MAX_QUERY}",
        ),
        ("Vries\x00", "Null-tekens zijn niet toegestaan."),
    ],
)
def test_it_refuses_an_empty_or_too_long_term_in_dutch(sign_in, sw, q, message):
    status, page = _search(sign_in(sw.users["handhaver"]), q)
    assert status == 400
    assert "Controleer uw invoer." in page and message in page
    assert 'aria-invalid="true"' in page and 'aria-describedby="id_q_helptext id_q_error"' in page
    if q.strip() and "\x00" not in q:
        assert f'value="{q}"' in page  # kept in the box
    assert not ProcessingLogEntry.objects.filter(action=SEARCHES).exists()


def test_it_accepts_a_term_of_exactly_the_maximum_length(sign_in, sw):
    status, page = _search(sign_in(sw.users["handhaver"]), "v" * MAX_QUERY)
    assert status == 200 and "Niets gevonden" in page


def test_it_shows_an_empty_box_with_the_hint_without_searching(sign_in, sw):
    response = sign_in(sw.users["brp"]).get("/zoeken")
    page = response.content.decode()
    assert response.status_code == 200 and 'name="q"' in page and "Controleer uw invoer" not in page
    assert "Zoek op naam, BSN, geboortedatum (dd-mm-jjjj), postcode + huisnummer of casusnummer." in page
    assert not ProcessingLogEntry.objects.filter(action=SEARCHES).exists()


def test_it_keeps_the_term_in_the_box_escaped(sign_in, sw):
    page = _search(sign_in(sw.users["procesregisseur"]), '"><script>alert(1)</script>')[1]
    assert (
        "<script>alert(1)" not in page and 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    )


# Evidence: each search is logged with the persons it returned; the term never reaches the application log.


def test_it_logs_each_search_with_the_persons_it_returned(sign_in, sw):
    client = sign_in(sw.users["procesregisseur"])
    _search(client, "Vries")
    _search(client, sw.case.number)
    _search(client, "Vries")
    by_name, by_number, again = _searches("procesregisseur")
    assert by_name.person_ids == [sw.jan.pk]
    assert by_name.details == {"query": "Vries", "persons": 1, "cases": []}
    assert by_number.person_ids == []
    assert by_number.details == {"query": sw.case.number, "persons": 0, "cases": [sw.case.number]}
    assert again.person_ids == [sw.jan.pk] and again.actor_role == "procesregisseur"


def test_the_term_stays_out_of_the_application_log(sign_in, sw, caplog):
    caplog.set_level(logging.DEBUG)
    client = sign_in(sw.users["politie"])
    _search(client, "Vries")
    _search(client, "Vries" + "x" * MAX_QUERY)
    client.logout()
    client.get("/zoeken", {"q": "Vries"})
    assert "Vries" not in caplog.text and "vries" not in caplog.text.lower()


# The number of queries does not grow with the number of results.


def _queries_for(client: Client, q: str, expected: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        status, page = _search(client, q)
    assert status == 200 and expected in page
    return len(captured)


def test_it_searches_in_a_constant_number_of_queries(sign_in, sw, django_assert_max_num_queries):
    director = sw.users["procesregisseur"]
    client = sign_in(director)
    client.get("/")  # session and shell warmed up
    few = (_queries_for(client, "Vries", "Personen (1)"), _queries_for(client, "huisbezoek", "Casussen (1)"))
    for n in range(12):
        put_in_case(
            sw.case,
            person_create(actor=None, surname="Vries", prefix="de", given_names=f"Kees{'x' * n}"),
            director,
        )
        add_note(
            make_case(director, sw.world.case_type, title=f"Casus {n}"), director, text="Nog een huisbezoek"
        )
    many = (
        _queries_for(client, "Vries", "Personen (13)"),
        _queries_for(client, "huisbezoek", "Casussen (13)"),
    )
    assert many == few
    with django_assert_max_num_queries(max(few)):
        _search(client, "Vries")


# In a real browser: type in the header's box, press Enter, tab to a result; axe-core finds nothing serious.


@pytest.mark.e2e
def test_a_person_searches_from_the_header_with_the_keyboard(
    sw, settings, log_in, assert_accessible, base_url
):
    settings.DEMO_MODE, settings.REGIE_REQUIRE_SECOND_FACTOR = True, False  # as in tests/e2e
    put_in_case(sw.case, sw.els, sw.users["procesregisseur"])
    page: Page = log_in("procesregisseur")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Goedendag")
    box = page.get_by_role("search", name="Zoeken in Regie").get_by_label("Zoek een persoon of casus")
    for _ in range(3):  # skip link, logo, search box
        page.keyboard.press("Tab")
    expect(box).to_be_focused()
    expect(box).to_have_accessible_description(re.compile("Zoek op naam, BSN, geboortedatum"))
    page.keyboard.type("Bakker")
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{base_url}/zoeken?q=Bakker")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zoeken")
    expect(page.get_by_label("Zoek een persoon of casus")).to_have_value("Bakker")
    expect(page.get_by_role("heading", name="Personen (1)")).to_be_visible()
    assert_accessible(page)

    result = page.get_by_role("link", name="Els Bakker")
    for _ in range(30):
        page.keyboard.press("Tab")
        if result.evaluate("el => el === document.activeElement"):
            break
    expect(result).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Els Bakker")

    page.goto("/zoeken?q=Pietersen")
    expect(page.get_by_role("heading", name="Niets gevonden")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Zoek een persoon of casus").fill("")
    page.get_by_label("Zoek een persoon of casus").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Controleer uw invoer.")
    expect(page.get_by_label("Zoek een persoon of casus")).to_have_accessible_description(
        re.compile("Vul een zoekterm in.")
    )
    assert_accessible(page)
