"""Monitoring pages: the overview, a theme's dashboard with its filters and CSV, the rebuild button; who may.

Aggregates only: the analist sees them, a role without `monitoring.view` gets 403, and no page shows a number from
1 to 4 of the hand-counted fixture (tests/monitoring/conftest.py).
"""

from __future__ import annotations

import csv
import io

import pytest

from regie.monitoring.models import RollupRun
from tests.intake.conftest import pending_jobs

pytestmark = pytest.mark.django_db

QUERY = "?van=2026-01&tot=2026-02"


def test_the_analist_sees_every_theme_with_its_figures(sign_in, users, figures) -> None:
    html = sign_in(users["analist"]).get("/monitoring").content.decode()
    assert "Signalen en meldingen" in html and "Zorg en veiligheid" in html
    assert 'href="/monitoring/thema/signalen"' in html and "Cijfers berekend op" in html
    assert "Opnieuw berekenen" in html  # the analist manages the figures


def test_a_directing_role_sees_the_figures_without_the_buttons(sign_in, users, figures) -> None:
    html = sign_in(users["procesregisseur"]).get("/monitoring").content.decode()
    assert "Signalen en meldingen" in html and "Opnieuw berekenen" not in html


@pytest.mark.parametrize("role", ["handhaver", "jurist", "brp", "politie", "ggz", "beheerder", "privacy"])
def test_roles_without_monitoring_are_refused(sign_in, users, figures, role) -> None:
    client = sign_in(users[role])
    for url in ("/monitoring", "/monitoring/thema/signalen", f"/monitoring/thema/signalen/csv{QUERY}"):
        assert client.get(url).status_code == 403, (role, url)
    assert client.post("/monitoring/herberekenen", {"from_month": "2026-01"}).status_code == 403


def test_anonymous_is_sent_to_the_login(client, figures) -> None:
    response = client.get("/monitoring")
    assert response.status_code == 302 and response["Location"].startswith("/login")


def test_the_dashboard_shows_the_hand_counted_figures_suppressed(sign_in, users, figures) -> None:
    html = sign_in(users["analist"]).get(f"/monitoring/thema/signalen{QUERY}").content.decode()
    assert "Ontvangen signalen" in html and "jan 2026 t/m feb 2026" in html
    assert ">14<" in html and "&lt; 5" in html
    assert "Per categorie" in html and "Overlast (test)" in html
    assert 'class="regie-chart"' in html and 'y1="240,' not in html  # SVG numbers never localised


def test_the_csv_holds_exactly_what_the_page_shows(sign_in, users, figures) -> None:
    response = sign_in(users["analist"]).get(f"/monitoring/thema/signalen/csv{QUERY}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert rows[0] == ["indicator", "uitsplitsing", "onderdeel", "maand", "waarde", "eenheid"]
    totals = {r[3]: r[4] for r in rows if r[0] == "Ontvangen signalen" and r[1] == ""}
    assert totals == {"2026-01": "14", "2026-02": "< 5"}
    values = [r[4] for r in rows[1:]]
    assert not any(v in {"1", "2", "3", "4"} for v in values)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?van=januari", "geen maand"),
        ("?van=2026-02&tot=2026-01", "na de eindmaand"),
        ("?van=2020-01&tot=2026-02", "hoogstens 36 maanden"),
        ("?tot=2030-01", "toekomst"),
        ("?gebied=Nergenshuizen", "Kies een gebied uit de lijst."),
    ],
)
def test_bad_filters_get_a_dutch_message_not_a_500(sign_in, users, figures, query, message) -> None:
    client = sign_in(users["analist"])
    page = client.get(f"/monitoring/thema/signalen{query}")
    assert page.status_code == 400 and message in page.content.decode()
    csv_response = client.get(f"/monitoring/thema/signalen/csv{query}")
    assert csv_response.status_code == 400 and message in csv_response.content.decode()


def test_an_unknown_theme_is_a_404(sign_in, users, figures) -> None:
    assert sign_in(users["analist"]).get("/monitoring/thema/onbekend").status_code == 404


def test_the_analist_starts_a_rebuild_as_a_job(sign_in, users, figures) -> None:
    before = len(pending_jobs("monitoring.rebuild"))
    response = sign_in(users["analist"]).post("/monitoring/herberekenen", {"from_month": "2026-01"})
    assert response.status_code == 302
    (job,) = pending_jobs("monitoring.rebuild")[before:]
    assert job["args"] == {"from_month": "2026-01-01", "username": "analist"}


@pytest.mark.parametrize(
    ("value", "message"), [("", "Dit veld is verplicht."), ("2026/01", "geen maand"), ("2031-01", "toekomst")]
)
def test_a_bad_rebuild_month_is_refused(sign_in, users, figures, value, message) -> None:
    response = sign_in(users["analist"]).post("/monitoring/herberekenen", {"from_month": value})
    assert response.status_code == 400 and message in response.content.decode()


def test_a_rebuild_while_another_runs_is_refused(sign_in, users, figures) -> None:
    RollupRun.objects.create(from_month="2026-01-01", to_month="2026-02-01", status="bezig")
    response = sign_in(users["analist"]).post("/monitoring/herberekenen", {"from_month": "2026-01"})
    assert response.status_code == 400 and "al opnieuw berekend" in response.content.decode()
