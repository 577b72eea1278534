"""The hit/no-hit page `/bekend-check`: known or not known, and whom to call — never which case; every question
that is asked is logged, and a refused question is neither asked nor logged."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from playwright.sync_api import Page, expect

from regie.accounts.models import User
from regie.cases.services.case import case_close
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.cases import make_case
from tests.worlds.search import (
    CASE_ROLES,
    ELS_BSN,
    HIDDEN_TITLE,
    HIDDEN_TYPE_LABEL,
    NO_CASE_ROLES,
    SearchWorld,
    make_search_world,
    put_in_case,
)

SignIn = Callable[[User], Client]
ASKED = "hit_check.asked"
ELS = {"surname": "Bakker", "given_names": "Els", "birth_date": "1980-05-17"}
UNKNOWN_BSN = "100000009"  # passes the 11-test; nobody has it


@pytest.fixture
def sw(users: dict[str, User]) -> SearchWorld:
    return make_search_world(users)


def _ask(client: Client, **fields: str) -> tuple[int, str]:
    response = client.post("/bekend-check", fields)
    return response.status_code, response.content.decode()


def _asked(username: str | None = None) -> list[ProcessingLogEntry]:
    entries = ProcessingLogEntry.objects.filter(action=ASKED).order_by("seq")
    return list(entries.filter(actor_username=username) if username else entries)


def _answer(page: str) -> str:
    """The answer section alone, without the shell and the form."""
    match = re.search(r'<section class="regie-answer.*?</section>', page, re.S)
    assert match, "geen antwoord op de pagina"
    return match.group(0)


def _assert_names_no_case(page: str, sw: SearchWorld) -> None:
    for secret in (sw.hidden.number, HIDDEN_TITLE, HIDDEN_TYPE_LABEL, str(sw.hidden.pk), "hennepgeur"):
        assert secret not in page, secret


# Who may ask.


@pytest.mark.parametrize("username", CASE_ROLES)
def test_every_role_that_works_on_cases_may_ask_and_hears_whom_to_call(sign_in, sw, username):
    client = sign_in(sw.users[username])
    page = client.get("/bekend-check").content.decode()
    assert '<h1 class="utrecht-heading-1">Is deze persoon bekend?</h1>' in page
    assert 'href="/bekend-check" aria-current="page">Bekend-check</a>' in page

    status, page = _ask(client, bsn=ELS_BSN)
    assert status == 200
    answer = _answer(page)
    assert '<h2 class="utrecht-heading-2" id="antwoord">Bekend</h2>' in answer
    leader = sw.users["projectleider"]
    for shown in ("Mark van der Linden", "Team Openbare Orde en Veiligheid", leader.phone, leader.email):
        assert shown in answer, shown
    _assert_names_no_case(page, sw)
    assert [e.person_ids for e in _asked(username)] == [[sw.els.pk]]


@pytest.mark.parametrize("username", NO_CASE_ROLES)
def test_roles_that_see_no_case_may_not_ask_and_have_no_menu_item(sign_in, sw, username):
    client = sign_in(sw.users[username])
    assert client.get("/bekend-check").status_code == 403
    status, page = _ask(client, bsn=ELS_BSN)
    assert status == 403 and "Mark van der Linden" not in page
    assert 'href="/bekend-check"' not in client.get("/").content.decode()
    assert _asked() == []


def test_an_anonymous_visitor_is_sent_to_the_login_and_nothing_is_asked(client, sw):
    for response in (client.get("/bekend-check"), client.post("/bekend-check", {"bsn": ELS_BSN})):
        assert response.status_code == 302 and response["Location"] == "/login?next=/bekend-check"
    assert _asked() == []


# The answer.


def test_it_answers_by_name_and_birth_date_in_either_date_notation(sign_in, sw):
    client = sign_in(sw.users["politie"])
    for born in ("1980-05-17", "17-05-1980"):
        status, page = _ask(client, **ELS | {"birth_date": born})
        assert status == 200 and ">Bekend</h2>" in page and "Mark van der Linden" in _answer(page)
        assert "Uw vraag: Els Bakker, geboren 17-05-1980." in page
        _assert_names_no_case(page, sw)
    status, page = _ask(client, surname="Bakker", surname_prefix="", given_names="", birth_date="17-05-1980")
    assert status == 200 and ">Bekend</h2>" in page
    assert [e.details for e in _asked("politie")] == [{"by": "naam+geboortedatum", "known": True}] * 3


def test_it_answers_not_known_without_contacts(sign_in, sw):
    client = sign_in(sw.users["ggz"])
    for question in ({"bsn": UNKNOWN_BSN}, ELS | {"birth_date": "1981-05-17"}, ELS | {"surname": "Visser"}):
        status, page = _ask(client, **question)
        answer = _answer(page)
        assert status == 200 and ">Niet bekend</h2>" in answer
        assert "Mark van der Linden" not in answer and "Neem contact op" not in answer
    entries = _asked("ggz")
    assert [e.details["known"] for e in entries] == [False, False, False]
    assert [e.person_ids for e in entries] == [[], [], []]


def test_a_closed_case_makes_nobody_known(sign_in, sw):
    leader = sw.users["projectleider"]
    case_close(actor=leader, case=sw.hidden, version=sw.hidden.version, reason="Afgerond")
    status, page = _ask(sign_in(sw.users["jurist"]), bsn=ELS_BSN)
    assert status == 200 and ">Niet bekend</h2>" in page


def test_it_names_every_coordinator_and_nothing_of_the_cases(sign_in, sw):
    director = sw.users["procesregisseur"]
    put_in_case(sw.case, sw.els, director)
    status, page = _ask(sign_in(sw.users["handhaver"]), bsn="123 456 782")
    answer = _answer(page)
    assert status == 200 and answer.index("Mark van der Linden") < answer.index("Sanne de Wit")
    assert 'href="tel:0612345601"' in answer and f'href="mailto:{director.email}"' in answer
    for secret in (sw.case.number, "Zorgen rond Jan", "Persoonsgerichte aanpak", "huisbezoek"):
        assert secret not in answer
    _assert_names_no_case(page, sw)


def test_the_form_starts_empty_after_an_answer_and_the_question_stays_out_of_the_url(sign_in, sw):
    response = sign_in(sw.users["brp"]).post("/bekend-check", {"bsn": ELS_BSN})
    page = response.content.decode()
    assert response.status_code == 200 and "Uw vraag: BSN 123456782." in page
    assert f'value="{ELS_BSN}"' not in page and "Nog een vraag" in page
    assert response.request["QUERY_STRING"] == ""


# Refused questions: a Dutch message at the field, status 400, and nothing asked or logged.

TOO_LONG = "a" * 121


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"bsn": "123456789"}, "bsn", "Dit is geen geldig BSN (de elfproef klopt niet)."),
        ({"bsn": "12345"}, "bsn", "Het BSN moet uit 9 cijfers bestaan."),
        ({"bsn": "12345678a"}, "bsn", "Het BSN mag alleen cijfers bevatten."),
        ({"bsn": "000000000"}, "bsn", "Dit is geen geldig BSN."),
        ({"bsn": "1" * 21}, "bsn", "Het BSN moet uit 9 cijfers bestaan."),
        (
            {"surname": "Bakker"},
            "birth_date",
            "Vul de geboortedatum in: op naam alleen is het antwoord te onzeker.",
        ),
        ({"surname": "Bakker", "given_names": "Els"}, "birth_date", "Vul de geboortedatum in"),
        ({"birth_date": "1980-05-17"}, "surname", "Vul de achternaam in."),
        ({"given_names": "Els", "birth_date": "1980-05-17"}, "surname", "Vul de achternaam in."),
        (
            {"surname": "Bakker", "birth_date": "2999-01-01"},
            "birth_date",
            "De geboortedatum ligt in de toekomst.",
        ),
        ({"surname": "Bakker", "birth_date": "1899-12-31"}, "birth_date", "De geboortedatum ligt voor 1900."),
        (
            {"surname": "Bakker", "birth_date": "31-02-1980"},
            "birth_date",
            "Vul een bestaande datum in (dd-mm-jjjj).",
        ),
        (
            {"surname": "Bakker", "birth_date": "gisteren"},
            "birth_date",
            "Vul een bestaande datum in (dd-mm-jjjj).",
        ),
        ({"surname": "Bakker3", "birth_date": "1980-05-17"}, "surname", "Gebruik alleen letters, spaties"),
        ({"surname": TOO_LONG, "birth_date": "1980-05-17"}, "surname", "Gebruik hoogstens 120 tekens."),
        (
            {"surname": "Bak\x00ker", "birth_date": "1980-05-17"},
            "surname",
            "Null-tekens zijn niet toegestaan.",
        ),
        (
            {"surname": "Berg", "surname_prefix": "van_den", "birth_date": "1980-05-17"},
            "surname_prefix",
            "letters",
        ),
        (
            {"surname": "Berg", "surname_prefix": "v" * 21, "birth_date": "1980-05-17"},
            "surname_prefix",
            "20 tekens",
        ),
        (
            {"surname": "Bakker", "given_names": "<script>", "birth_date": "1980-05-17"},
            "given_names",
            "letters",
        ),
        (
            {"surname": "Bakker", "given_names": TOO_LONG, "birth_date": "1980-05-17"},
            "given_names",
            "120 tekens",
        ),
        (
            {"bsn": ELS_BSN, "surname": "Bakker", "birth_date": "1980-05-17"},
            None,
            "Vraag óf op BSN, óf op naam",
        ),
        ({"bsn": ELS_BSN, "given_names": "Els"}, None, "Vraag óf op BSN, óf op naam en geboortedatum."),
        ({}, None, "Vul een BSN in, of de achternaam en de geboortedatum."),
        ({"bsn": "  ", "surname": " "}, None, "Vul een BSN in, of de achternaam en de geboortedatum."),
    ],
)
def test_it_refuses_a_bad_question_in_dutch_and_logs_nothing(
    sign_in, sw, fields: dict[str, str], field: str | None, message: str
):
    status, page = _ask(sign_in(sw.users["politie"]), **fields)
    assert status == 400
    assert "Controleer uw invoer." in page and message in page
    if field is not None:
        assert re.search(rf'id="id_{field}_error">[^<]*{re.escape(message)}', page), page
        assert re.search(rf'<input[^>]+aria-invalid="true"[^>]+id="id_{field}"', page)
    assert "regie-answer" not in page and "Mark van der Linden" not in page
    assert _asked() == []


# Constant queries, whatever the number of contacts.


def _queries_for(client: Client, **fields: Any) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        status, page = _ask(client, **fields)
    assert status == 200
    return len(captured), page


def test_it_answers_in_a_constant_number_of_queries(sign_in, sw, django_assert_max_num_queries):
    client = sign_in(sw.users["ggz"])
    client.get("/")
    one, page = _queries_for(client, bsn=ELS_BSN)
    assert _answer(page).count('class="regie-contact"') == 1
    for username in ("procesregisseur", "handhaver", "jurist", "brp"):
        coordinator = sw.users[username]
        put_in_case(make_case(coordinator, sw.world.case_type, title=f"Van {username}"), sw.els, coordinator)
    many, page = _queries_for(client, bsn=ELS_BSN)
    assert _answer(page).count('class="regie-contact"') == 5
    assert many == one
    with django_assert_max_num_queries(one):
        _ask(client, **ELS)


# In a real browser: reach the page from the menu, ask with the keyboard, read the answer; axe-core passes.


@pytest.mark.e2e
def test_a_partner_asks_with_the_keyboard_and_the_page_passes_axe(sw, settings, log_in, assert_accessible):
    settings.DEMO_MODE, settings.REGIE_REQUIRE_SECOND_FACTOR = True, False  # as in tests/e2e
    page: Page = log_in("politie")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Bekend-check").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Is deze persoon bekend?")
    assert_accessible(page)

    page.get_by_label("BSN").fill(ELS_BSN)
    page.get_by_label("Achternaam").fill("Bakker")
    page.get_by_label("Achternaam").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Vraag óf op BSN, óf op naam en geboortedatum.")
    assert_accessible(page)

    page.get_by_label("BSN").fill("")
    page.get_by_label("Achternaam").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Tussenvoegsel")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.type("Els")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Geboortedatum")).to_be_focused()
    page.keyboard.type("01-01-2999")
    page.keyboard.press("Tab")
    button = page.get_by_role("button", name="Vraag of deze persoon bekend is")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Geboortedatum")).to_have_accessible_description(
        re.compile("De geboortedatum ligt in de toekomst.")
    )
    assert_accessible(page)
    assert _asked("politie") == []

    expect(page.get_by_label("Geboortedatum")).to_have_value("01-01-2999")  # kept, to correct it
    page.get_by_label("Geboortedatum").fill("17-05-1980")
    button.press("Enter")
    answer = page.get_by_role("status").filter(has=page.get_by_role("heading", name="Bekend", exact=True))
    expect(answer).to_contain_text("Mark van der Linden")
    expect(answer).not_to_contain_text(sw.hidden.number)
    assert_accessible(page)
    assert len(_asked("politie")) == 1
