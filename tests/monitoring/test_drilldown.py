"""From a figure to the cases behind it: staff with case access see the cases they may see among those behind the
figure (the count stays the rollup's), the analist never; every bad input a Dutch 400; the read is logged."""

from __future__ import annotations

import pytest

from regie.processing_log.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db

JANUARY = "/monitoring/casussen?indicator=cases.opened&maand=2026-01"


def test_the_coordinator_sees_every_case_behind_the_figure(sign_in, users, areas) -> None:
    html = sign_in(users["procesregisseur"]).get(JANUARY).content.decode()
    assert "Nieuwe casussen, jan 2026, hele gemeente" in html and "<strong>13</strong>" in html
    assert html.count('href="/casussen/') == 13
    for case in areas["cases"]:
        assert case.number in html
    assert "Buurt persoon" not in html  # titles may name a person: never listed


def test_a_team_member_sees_only_their_cases_while_the_figure_stays(sign_in, users, areas) -> None:
    html = sign_in(users["projectleider"]).get(JANUARY).content.decode()
    assert "<strong>13</strong>" in html  # the rollup's figure
    assert html.count('href="/casussen/') == 2  # the door's list
    assert {c.number for c in areas["cases"][:2]} <= {
        n for n in (c.number for c in areas["cases"]) if n in html
    }
    assert areas["cases"][4].number not in html


def test_per_case_type_and_area(sign_in, users, areas) -> None:
    client = sign_in(users["procesregisseur"])
    html = client.get(f"{JANUARY}&onderdeel=Buurt+%28test%29&gebied=Postcode+6811").content.decode()
    assert html.count('href="/casussen/') == 5 and "Buurt (test), Postcode 6811" in html
    html = client.get(f"{JANUARY}&gebied=Postcode+6851").content.decode()
    assert html.count('href="/casussen/') == 2 and "<strong>&lt; 5</strong>" in html


def test_the_dashboard_links_case_figures_for_staff_but_not_for_the_analist(sign_in, users, areas) -> None:
    query = "/monitoring/thema/zorg?van=2026-01&tot=2026-02"
    staff = sign_in(users["procesregisseur"]).get(query).content.decode()
    assert 'href="/monitoring/casussen?indicator=cases.opened&amp;maand=2026-01"' in staff
    assert "onderdeel=Buurt+%28test%29" in staff
    analist = sign_in(users["analist"]).get(query).content.decode()
    assert "/monitoring/casussen" not in analist


def test_the_analist_never_reaches_a_case(sign_in, users, areas) -> None:
    client = sign_in(users["analist"])
    assert client.get(JANUARY).status_code == 403
    assert client.get("/monitoring/casussen").status_code == 403
    for case in areas["cases"][:2]:
        assert client.get(f"/casussen/{case.pk}").status_code in (403, 404)


@pytest.mark.parametrize("role", ["handhaver", "beheerder", "privacy"])
def test_roles_without_monitoring_or_cases_are_refused(sign_in, users, areas, role) -> None:
    assert sign_in(users[role]).get(JANUARY).status_code == 403


def test_anonymous_is_sent_to_the_login(client, areas) -> None:
    response = client.get(JANUARY)
    assert response.status_code == 302 and response["Location"].startswith("/login")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("maand=2026-01", "Cijfer"),
        ("indicator=signals.received&maand=2026-01", "Achter dit cijfer staan geen casussen"),
        ("indicator=cases.opened", "Maand"),
        ("indicator=cases.opened&maand=2026-13", "is geen maand"),
        ("indicator=cases.opened&maand=jan", "is geen maand"),
        ("indicator=cases.opened&maand=2030-01", "De maand ligt in de toekomst"),
        ("indicator=cases.opened&maand=2026-01&onderdeel=" + "x" * 161, "Het casustype is te lang"),
        ("indicator=cases.opened&maand=2026-01&gebied=" + "x" * 121, "Het gebied is te lang"),
    ],
)
def test_bad_input_is_refused_in_dutch(sign_in, users, areas, query, message) -> None:
    response = sign_in(users["procesregisseur"]).get(f"/monitoring/casussen?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProcessingLogEntry.objects.filter(action="monitoring.drilldown").exists()


def test_the_drilldown_is_logged_without_naming_anyone(sign_in, users, areas) -> None:
    sign_in(users["projectleider"]).get(JANUARY)
    entry = ProcessingLogEntry.objects.get(action="monitoring.drilldown")
    assert entry.object_id == "cases.opened" and entry.details["getoond"] == 2
