"""The mandate register page (/beheer/mandaten): the functional administrator adds who signs which letter."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from regie.accounts.models import User
from regie.procedures.models import Mandate
from regie.processing_log.models import ProcessingLogEntry
from tests.conftest import ROLES, verified_session

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

URL = "/beheer/mandaten"


def _form(**changes: Any) -> dict[str, Any]:
    return {
        "authority": "burgemeester",
        "letter_code": "o13b-closure-order",
        "signatory_name": "L. de Boer",
        "signatory_function": "loco-burgemeester",
        "mandate_reference": "Vervangingsregeling 2026",
        "valid_from": "2026-03-01",
        **changes,
    }


def test_the_administrator_adds_a_row_and_it_is_logged(users: dict[str, User], client: Client) -> None:
    admin = verified_session(client, users["beheerder"])
    page = admin.get(URL)
    assert page.status_code == 200 and "J. de Vries" in page.content.decode()  # the rows the migration seeds
    response = admin.post(URL, _form())
    assert response.status_code == 302 and response["Location"] == URL
    row = Mandate.objects.get(signatory_name="L. de Boer")
    assert row.created_by == users["beheerder"] and row.letter_code == "o13b-closure-order"
    entry = ProcessingLogEntry.objects.filter(action="mandate.created").order_by("-seq").first()
    assert entry is not None and entry.details["letterCode"] == "o13b-closure-order"
    shown = admin.get(URL).content.decode()
    assert "L. de Boer tekent vanaf 1 maart 2026" in shown


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        ({"signatory_name": ""}, "Naam ondertekenaar: vul dit in."),
        ({"valid_from": "1-3-2026x"}, "Vul een geldige datum in"),
        ({"letter_code": "bestaat-niet"}, "Brief"),
        ({"mandate_reference": "x" * 201}, "Mandaatbesluit: gebruik hoogstens 200 tekens."),
        ({"valid_from": "2000-01-01", "authority": "college", "letter_code": ""}, "er is al een regel"),
    ],
)
def test_bad_input_is_refused_in_dutch_naming_the_field_and_nothing_is_written(
    users: dict[str, User], client: Client, changes: dict[str, Any], text: str
) -> None:
    admin = verified_session(client, users["beheerder"])
    before = Mandate.objects.count()
    response = admin.post(URL, _form(**changes))
    assert response.status_code == 400
    assert text in response.content.decode()
    assert Mandate.objects.count() == before


@pytest.mark.parametrize("role", [r for r in ROLES if r != "beheerder"])
def test_other_roles_may_not_see_or_change_the_register(users: dict[str, User], role: str) -> None:
    other = verified_session(Client(), users[role])
    before = Mandate.objects.count()
    assert other.get(URL).status_code == 403
    assert other.post(URL, _form()).status_code == 403
    assert Mandate.objects.count() == before
