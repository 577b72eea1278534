"""The access export (AVG art. 15) tells the data subject each time the BRP was asked about them: when, by which
organisation and role, for which purpose in words — on the page, in the JSON download and in the API — and never
another person's retrieval or another resident on an address list."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from regie.access import privacy_access
from regie.cases.services.person_brp import PURPOSE as PERSON_PURPOSE
from regie.integrations.brp import CHECK_PURPOSE, PURPOSE_LABELS
from regie.park.services.brp import PURPOSE as LOT_PURPOSE
from regie.subjects.models import Address, BrpRetrieval
from tests.worlds.cases import make_person

pytestmark = pytest.mark.postgres  # the request's reference is numbered under a row lock

PERSON_LABEL = PURPOSE_LABELS["casusregie-identificatie"]
LOT_LABEL = PURPOSE_LABELS["vakantiepark-bewoning"]


def _export(client, dsr) -> dict:
    response = client.get(f"/privacy/verzoeken/{dsr.pk}/export.json")
    assert response.status_code == 200
    return json.loads(response.content)


@pytest.fixture
def retrievals(users, pw):
    """Jan's own retrieval by the process director, another person's, and an address list naming Jan and Piet."""
    jan = pw.cases.person
    piet = make_person(
        users["procesregisseur"], surname="Bakker", prefix="", given_names="Piet", bsn="999993653"
    )
    now = timezone.now()
    BrpRetrieval.objects.create(
        person=jan, purpose=PERSON_PURPOSE.code, retrieved_by=users["procesregisseur"],
        retrieved_at=now - timedelta(days=2),
    )  # fmt: skip
    BrpRetrieval.objects.create(
        person=piet,
        purpose=PERSON_PURPOSE.code,
        retrieved_by=users["politie"],
        retrieved_at=now - timedelta(days=1),
    )
    lot_address = Address.objects.create(
        street="Bosrand", house_number=7, postcode="6681AB", city="Bemmel"
    )  # fmt: skip
    BrpRetrieval.objects.create(
        address=lot_address, purpose=LOT_PURPOSE.code, retrieved_by=users["projectleider"], retrieved_at=now,
        keep_until=now + timedelta(hours=24),
        residents=[
            {"bsn": jan.bsn, "name": "Jan de Vries", "birth_year": 1970, "person_id": str(jan.pk)},
            {"bsn": "123456782", "name": "Kees Buurman", "birth_year": 1960, "person_id": None},
        ],
    )  # fmt: skip
    return jan, piet


def test_the_persons_brp_retrievals_are_in_the_json_with_words_not_codes(sign_in, users, pw, retrievals):
    export = _export(sign_in(users["privacy"]), pw.request)
    rows = export["brpBevragingen"]
    assert [row["doel"] for row in rows] == [PERSON_LABEL, LOT_LABEL]
    own, listed = rows
    assert own["organisatie"] == users["procesregisseur"].organisation.name
    assert own["rol"] == users["procesregisseur"].get_role_display()
    assert own["wat"] == "Naam, geboortedatum en woonadres opgevraagd" and own["opgevraagdOp"]
    assert listed["organisatie"] == users["projectleider"].organisation.name
    assert "Bosrand 7" in listed["wat"]
    text = json.dumps(rows, ensure_ascii=False)
    assert "casusregie-identificatie" not in text and "vakantiepark-bewoning" not in text
    assert users["procesregisseur"].username not in text  # the employee is not named


def test_another_persons_retrieval_and_the_other_residents_are_not_in_the_export(
    sign_in, users, pw, retrievals
):
    client = sign_in(users["privacy"])
    export = _export(client, pw.request)
    assert len(export["brpBevragingen"]) == 2
    assert users["politie"].organisation.name not in {r["organisatie"] for r in export["brpBevragingen"]}
    text = json.dumps(export, ensure_ascii=False)
    assert "Kees Buurman" not in text and "123456782" not in text and "Piet" not in text
    page = client.get(f"/privacy/verzoeken/{pw.request.pk}").content.decode()
    assert "Bevragingen van de BRP" in page and "2 bevragingen van de BRP" in page
    assert PERSON_LABEL in page and "Kees Buurman" not in page and "Bakker" not in page


def test_the_api_carries_the_brp_retrievals_too(api_as, pw, retrievals):
    detail = api_as("privacy").get(f"/api/v1/data-subject-requests/{pw.request.pk}")
    assert detail.status_code == 200
    assert [row["doel"] for row in detail.json()["export"]["brpBevragingen"]] == [PERSON_LABEL, LOT_LABEL]


def test_a_person_never_asked_about_has_an_empty_list_and_the_page_says_so(sign_in, users, pw):
    client = sign_in(users["privacy"])
    assert _export(client, pw.request)["brpBevragingen"] == []
    page = client.get(f"/privacy/verzoeken/{pw.request.pk}").content.decode()
    assert "Geen bevragingen van de BRP vastgelegd." in page


def test_the_brp_retrievals_can_be_withheld_on_a_legal_ground(sign_in, users, pw, retrievals):
    client = sign_in(users["privacy"])
    response = client.post(
        f"/privacy/verzoeken/{pw.request.pk}/achterhouden",
        {"item": "brp:bevragingen", "ground": "art23-d", "explanation": "Lopend strafrechtelijk onderzoek."},
    )
    assert response.status_code == 302
    assert _export(client, pw.request)["brpBevragingen"] == []


def test_only_the_privacy_officer_reads_the_brp_retrievals(users, pw, retrievals):
    jan, _ = retrievals
    for role in ("procesregisseur", "beheerder", "archivaris"):
        with pytest.raises(PermissionDenied):
            privacy_access.brp_retrievals_of(users[role], jan)


def test_every_brp_purpose_in_the_code_has_words_for_the_data_subject():
    for purpose in (PERSON_PURPOSE, LOT_PURPOSE, CHECK_PURPOSE):
        assert purpose.code in PURPOSE_LABELS
