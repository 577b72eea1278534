"""Holding a part of the access export back on a legal ground (AVG art. 23, UAVG art. 41): the officer approves
each withholding by recording it with its ground; the part is left out of the page and the JSON, the data
subject is told which exception was applied, never what was held back."""

from __future__ import annotations

import json

import pytest

from regie.privacy.models import Withholding
from regie.processing_log.models import ProcessingLogEntry

pytestmark = pytest.mark.postgres  # the service locks the request row


def _export(client, dsr) -> dict:
    return json.loads(client.get(f"/privacy/verzoeken/{dsr.pk}/export.json").content)


def test_a_withheld_case_and_a_partners_consultations_leave_the_export_with_the_ground(sign_in, users, pw):
    client = sign_in(users["privacy"])
    dsr = pw.request
    police = users["politie"].organisation.name
    before = _export(client, dsr)
    assert police in {c["organisation"] for c in before["raadplegingen"]}
    url = f"/privacy/verzoeken/{dsr.pk}/achterhouden"
    for item in (f"raadplegingen:{police}", f"casus:{pw.cases.case.number}", "persoon:adres"):
        response = client.post(
            url, {"item": item, "ground": "art23-d", "explanation": "Lopend strafrechtelijk onderzoek (OM)."}
        )
        assert response.status_code == 302
    after = _export(client, dsr)
    assert police not in {c["organisation"] for c in after["raadplegingen"]}
    assert len({c["organisation"] for c in after["raadplegingen"]}) >= 1  # the other partners remain
    assert pw.cases.case.number not in json.dumps(after) and "adres" not in after["persoon"]
    assert any("art. 23 lid 1 sub d" in ground for ground in after["wettelijkeUitzonderingen"])
    page = client.get(f"/privacy/verzoeken/{dsr.pk}").content.decode()
    assert "Lopend strafrechtelijk onderzoek (OM)." in page and "goedgekeurd door" in page
    assert Withholding.objects.filter(request=dsr).count() == 3
    assert ProcessingLogEntry.objects.filter(action="data_subject_request.withheld").count() == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"item": "", "ground": "art23-d", "explanation": "x"}, "Kies het onderdeel"),
        ({"item": "casus:1999-00001", "ground": "art23-d", "explanation": "x"}, "Kies een onderdeel"),
        ({"item": "persoon:adres", "ground": "zomaar", "explanation": "x"}, "Kies een bestaande wettelijke grond"),
        ({"item": "persoon:adres", "ground": "art15-4", "explanation": ""}, "Licht toe waarom"),
    ],
)
def test_a_withholding_without_a_part_ground_or_explanation_is_refused(sign_in, users, pw, data, message):
    client = sign_in(users["privacy"])
    response = client.post(f"/privacy/verzoeken/{pw.request.pk}/achterhouden", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Withholding.objects.exists()


def test_the_same_part_is_withheld_once_and_not_after_the_answer_was_sent(sign_in, users, pw):
    client = sign_in(users["privacy"])
    url = f"/privacy/verzoeken/{pw.request.pk}/achterhouden"
    data = {"item": "persoon:adres", "ground": "art15-4", "explanation": "Adres van een derde"}
    assert client.post(url, data).status_code == 302
    twice = client.post(url, data)
    assert twice.status_code == 400 and "al achtergehouden" in twice.content.decode()
    client.post(f"/privacy/verzoeken/{pw.request.pk}/afhandelen", {})
    done = client.post(url, {**data, "item": "persoon:email"})
    assert done.status_code == 400 and "al afgehandeld" in done.content.decode()
    assert Withholding.objects.count() == 1
