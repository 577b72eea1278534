"""A search for an invalid BSN says why instead of 'nothing found', and is neither run nor logged (issue 13)."""

from __future__ import annotations

import pytest

from regie.processing_log.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("q", "why"),
    [
        ("123456789", "De elfproef klopt niet"),
        ("1234 5678 9", "De elfproef klopt niet"),
        ("1234567890", "Een BSN heeft 9 cijfers; dit zijn er 10."),
    ],
)
def test_an_invalid_bsn_is_explained(sign_in, users, q, why):
    before = ProcessingLogEntry.objects.filter(action__startswith="search").count()
    response = sign_in(users["procesregisseur"]).get("/zoeken", {"q": q})
    html = response.content.decode()
    assert response.status_code == 400
    assert "maar dat is geen geldig BSN" in html and why in html
    assert "Niets gevonden" not in html
    assert ProcessingLogEntry.objects.filter(action__startswith="search").count() == before


def test_a_valid_bsn_and_a_case_number_are_searched_as_before(sign_in, users):
    client = sign_in(users["procesregisseur"])
    assert client.get("/zoeken", {"q": "111222333"}).status_code == 200
    assert client.get("/zoeken", {"q": "2026-00012"}).status_code == 200


def test_roles_without_search_are_still_refused(sign_in, users):
    assert sign_in(users["analist"]).get("/zoeken", {"q": "123456789"}).status_code == 403
