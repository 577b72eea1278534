"""Mijn casussen: only visible cases, soonest deadline first, filters, paging in a constant number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from regie.cases.models import Case
from regie.cases.services.case import case_close
from regie.cases.services.tasks import task_create
from tests.worlds.cases import add_member, make_case, make_case_type

pytestmark = pytest.mark.django_db


def test_it_lists_visible_cases_soonest_deadline_first_with_no_deadline_last(sign_in, users):
    director = users["procesregisseur"]
    case_type = make_case_type(users["beheerder"])
    later = make_case(director, case_type, title="Later")
    none = make_case(director, case_type, title="Zonder termijn")
    soon = make_case(director, case_type, title="Binnenkort")
    today = timezone.localdate()
    task_create(actor=director, case=later, title="a", owner=director, due_date=today + dt.timedelta(days=20))
    task_create(actor=director, case=soon, title="b", owner=director, due_date=today + dt.timedelta(days=2))
    make_case(users["handhaver"], case_type, title="Niet van mij")

    html = sign_in(director).get("/casussen").content.decode()

    assert html.index(soon.number) < html.index(later.number) < html.index(none.number)
    assert "Niet van mij" not in html
    assert "3 casussen" in html


def test_it_shows_a_partner_only_the_cases_their_organisation_is_on(sign_in, users, world):
    make_case(users["procesregisseur"], world.case_type, title="Geheime andere casus")
    html = sign_in(users["politie"]).get("/casussen").content.decode()
    assert world.case.number in html
    assert "Geheime andere casus" not in html
    assert "Nieuwe casus" not in html  # partners do not open cases


def test_it_filters_by_type_status_and_coordinator(sign_in, users):
    director, leader = users["procesregisseur"], users["projectleider"]
    pga = make_case_type(users["beheerder"])
    park = make_case_type(users["beheerder"], code="vakantiepark", label="Vakantiepark")
    a = make_case(director, pga, title="PGA van regisseur")
    b = make_case(director, park, title="Park van regisseur")
    c = make_case(director, park, coordinator=leader, title="Park van projectleider")
    closed = make_case(director, pga, title="Gesloten casus")
    case_close(actor=director, case=closed, version=closed.version, reason="Doel bereikt")
    client = sign_in(director)

    by_type = client.get("/casussen", {"casustype": "vakantiepark"}).content.decode()
    assert b.title in by_type and c.title in by_type and a.title not in by_type
    by_coordinator = client.get("/casussen", {"coordinator": leader.pk}).content.decode()
    assert c.title in by_coordinator and b.title not in by_coordinator
    assert closed.title not in client.get("/casussen").content.decode()  # default: running cases
    assert closed.title in client.get("/casussen", {"status": "gesloten"}).content.decode()
    assert closed.title in client.get("/casussen", {"status": "alle"}).content.decode()


def test_it_answers_a_bad_filter_value_in_dutch_with_400(sign_in, users):
    response = sign_in(users["procesregisseur"]).get("/casussen", {"status": "verzonnen"})
    assert response.status_code == 400
    assert "Kies een bestaande status." in response.content.decode()


def test_it_pages_thirty_cases_in_a_constant_number_of_queries(sign_in, users, django_assert_max_num_queries):
    director = users["procesregisseur"]
    case_type = make_case_type(users["beheerder"])
    for n in range(30):
        case = make_case(director, case_type, title=f"Casus {n}", coordinator=users["projectleider"])
        add_member(case, users["projectleider"], user=users["jurist"], categories=["general"])
    client = sign_in(users["jurist"])
    client.get("/casussen")  # warm the session and the content types
    # 12 for the page, 8 for its read in the processing log (the persons of its cases, the emergency check, the
    # chained entry in its savepoint): the same for 25 cases as for 5
    with django_assert_max_num_queries(20):
        first = client.get("/casussen")
    with django_assert_max_num_queries(20):
        second = client.get("/casussen", {"pagina": 2, "casustype": case_type.code})
    assert first.status_code == second.status_code == 200
    assert (
        first.content.decode().count('href="/casussen/')
        - first.content.decode().count('href="/casussen/nieuw"')
        == 25
    )
    assert "Pagina 2 van 2" in second.content.decode()
    assert Case.objects.count() == 30


def test_it_says_how_a_case_arrives_when_there_are_none(sign_in, users):
    html = sign_in(users["handhaver"]).get("/casussen").content.decode()
    assert "Nog geen casussen" in html
    assert "Een casus ontstaat als" in html
    partner_html = sign_in(users["ggz"]).get("/casussen").content.decode()
    assert "De coördinator van een casus voegt u of uw organisatie toe" in partner_html


def test_it_refuses_the_case_list_to_roles_without_case_access(sign_in, users):
    for role in ("analist", "beheerder", "privacy"):
        assert sign_in(users[role]).get("/casussen").status_code == 403, role


def test_it_sends_an_anonymous_visitor_to_the_login(client):
    response = client.get("/casussen")
    assert response.status_code == 302 and response["Location"].startswith("/login")


def test_it_shows_case_navigation_only_to_case_roles(sign_in, users):
    assert 'href="/casussen"' in sign_in(users["politie"]).get("/").content.decode()
    assert 'href="/casussen"' not in sign_in(users["analist"]).get("/").content.decode()
