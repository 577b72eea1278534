"""Labels, not codes, where a person reads (issue 12): the calculator takes '6 weken', step links name the step by its
Dutch label, and the procedure page writes a term's length out ('6 weken', never 'P6W')."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def _get(sign_in, users, username, path):
    return sign_in(users[username]).get(path)


@pytest.mark.parametrize(
    ("duur", "end"),
    [
        ("6+weken", "De termijn eindigt op woensdag 6 mei 2026"),
        ("P6W", "De termijn eindigt op woensdag 6 mei 2026"),  # ISO is still understood
        ("3+maanden", "De termijn eindigt op woensdag 24 juni 2026"),
        ("14+dagen", "De termijn eindigt op dinsdag 7 april 2026"),
        ("1+jaar+en+2+maanden", "De termijn eindigt op maandag 24 mei 2027"),
    ],
)
def test_the_calculator_takes_periods_in_dutch(sign_in, users, duur, end):
    response = _get(sign_in, users, "jurist", f"/termijncalculator?van=2026-03-24&duur={duur}&wettelijk=1")
    assert response.status_code == 200 and end in response.content.decode()


@pytest.mark.parametrize(
    ("duur", "text"),
    [
        ("zes+weken", "Duur van de termijn: Vul een termijn in zoals &#x27;6 weken&#x27;"),
        ("6+fortnights", "Onbekende eenheid"),
        ("0+dagen", "ten minste één dag"),
        ("", "Vul de duur van de termijn in, bijvoorbeeld 6 weken."),
    ],
)
def test_the_calculator_refuses_bad_periods_in_dutch(sign_in, users, duur, text):
    response = _get(sign_in, users, "jurist", f"/termijncalculator?van=2026-03-24&duur={duur}")
    assert response.status_code == 400 and text in response.content.decode()


def test_the_calculator_is_not_for_other_roles(sign_in, users):
    assert _get(sign_in, users, "brp", "/termijncalculator?van=2026-03-24&duur=6+weken").status_code == 403


def test_the_api_keeps_iso_8601(sign_in, users):
    response = _get(
        sign_in, users, "jurist", "/api/v1/deadlines?from=2026-03-24&period=6+weken&statutory=true"
    )
    assert response.status_code == 400 and response["Content-Type"].startswith("application/problem+json")


def test_step_links_name_the_step_not_its_code(sign_in, users, pr_at):
    procedure = pr_at("intended-decision")
    html = _get(sign_in, users, "jurist", f"/procedures/{procedure.pk}").content.decode()
    links = re.findall(r"stap\?stap=([a-z0-9-]+)", html)
    assert "zienswijze-ontvangen" in links and "besluit-genomen" in links
    assert "view-received" not in html and "intended-decision" not in html
    page = _get(sign_in, users, "jurist", f"/procedures/{procedure.pk}/stap?stap=zienswijze-ontvangen")
    assert page.status_code == 200 and "Zienswijze ontvangen" in page.content.decode()
    old = _get(sign_in, users, "jurist", f"/procedures/{procedure.pk}/stap?stap=view-received")
    assert old.status_code == 200  # a bookmarked link with the code still works
    wrong = _get(sign_in, users, "jurist", f"/procedures/{procedure.pk}/stap?stap=bestaat-niet")
    assert wrong.status_code == 400 and "Deze stap kan nu niet worden gezet" in wrong.content.decode()
    assert (
        _get(sign_in, users, "brp", f"/procedures/{procedure.pk}/stap?stap=zienswijze-ontvangen").status_code
        == 404
    )


def test_the_procedure_page_writes_term_lengths_in_words(sign_in, users, pr_at):
    procedure = pr_at("notification")
    html = _get(sign_in, users, "jurist", f"/procedures/{procedure.pk}").content.decode()
    assert "(6 weken)" in html
    assert not re.search(r"\(P\d+[DWMY]\)", html)
