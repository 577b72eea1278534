"""Case types: kept by the functional administrator, validated, versioned, logged."""

from __future__ import annotations

import pytest

from regie.cases.models import CaseType
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.cases import make_case_type

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {
        "code": "adresonderzoek",
        "label": "Adresonderzoek BRP",
        "default_categories": ["general"],
        "retention_years": "7",
        "active": "on",
    }
    data.update(overrides)
    return data


def test_it_lists_and_creates_case_types_and_logs_it(sign_in, users):
    client = sign_in(users["beheerder"])
    assert 'href="/beheer/casustypen"' in client.get("/beheer").content.decode()
    response = client.post("/beheer/casustypen/nieuw", _form())
    assert response.status_code == 302
    created = CaseType.objects.get(code="adresonderzoek")
    assert created.default_categories == ["general"] and created.retention_years == 7 and created.active
    assert ProcessingLogEntry.objects.filter(action="case_type.created", object_id=str(created.pk)).exists()
    assert "Adresonderzoek BRP" in client.get("/beheer/casustypen").content.decode()


def test_it_changes_a_case_type_and_refuses_a_stale_change_with_409(sign_in, users):
    case_type = make_case_type(users["beheerder"])
    client = sign_in(users["beheerder"])
    version = case_type.version
    url = f"/beheer/casustypen/{case_type.pk}"
    first = _form(code="pga", label="PGA", default_categories=["general", "care", "justice"], version=version)
    assert client.post(url, first).status_code == 302
    stale = _form(code="pga", label="Verouderd", version=version)
    response = client.post(url, stale)
    assert response.status_code == 409
    assert "Iemand anders heeft dit casustype intussen gewijzigd" in response.content.decode()
    assert 'value="Verouderd"' in response.content.decode()
    case_type.refresh_from_db()
    assert case_type.label == "PGA" and case_type.default_categories == ["care", "general", "justice"]
    assert ProcessingLogEntry.objects.filter(action="case_type.changed").count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("code", "PGA Casus!", "Gebruik kleine letters, cijfers en streepjes"),
        ("code", "pga", "Deze code is al in gebruik voor een ander casustype."),
        ("label", "", "Dit veld is verplicht."),
        ("default_categories", [], "Kies minstens één standaard gegevenscategorie."),
        ("retention_years", "0", "De bewaartermijn ligt tussen 1 en 100 jaar."),
        ("retention_years", "101", "De bewaartermijn ligt tussen 1 en 100 jaar."),
        ("retention_years", "lang", "Vul de bewaartermijn in als een geheel aantal jaren."),
    ],
)
def test_it_refuses_bad_case_type_input_in_dutch_and_saves_nothing(sign_in, users, field, value, message):
    make_case_type(users["beheerder"])
    response = sign_in(users["beheerder"]).post("/beheer/casustypen/nieuw", _form(**{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert CaseType.objects.count() == 1


def test_it_refuses_case_type_admin_to_other_roles(sign_in, users):
    for role in ("procesregisseur", "politie", "privacy", "analist"):
        client = sign_in(users[role])
        assert client.get("/beheer/casustypen").status_code == 403, role
        assert client.post("/beheer/casustypen/nieuw", _form()).status_code == 403
    assert CaseType.objects.count() == 0
