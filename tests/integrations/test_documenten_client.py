"""The Documenten API client and the zaakinformatieobject calls of the Zaken client, against the local zaaksysteem
that validates every request and answer against the published Documenten and Zaken API documents; its connection
check and `regie zaken-service --documenten-api-root`."""

from __future__ import annotations

import io
from datetime import date

import pytest
import requests
from django.core.management import CommandError, call_command
from zgw_consumers.models import Service

from regie.integrations.documenten import (
    DocumentenClient,
    Informatieobject,
    check_documenten,
    configured_documenten_service,
)
from regie.integrations.zaken import Zaak, ZakenClient, ZakenError, configured_service
from tests.integrations.zaken_fixtures import RSIN, local_zaken  # noqa: F401

pytestmark = pytest.mark.django_db


def _document(zaken, **overrides):
    values = {
        "identificatie": "REGIE-0001",
        "bronorganisatie": RSIN,
        "creatiedatum": date(2026, 3, 1),
        "titel": "Verslag",
        "auteur": "Procesregisseur",
        "formaat": "text/plain",
        "bestandsnaam": "verslag.txt",
        "inhoud": "Een verslag in het Nederlands. ë".encode(),
        "informatieobjecttype": zaken.app.informatieobjecttype("verslag"),
    }
    values.update(overrides)
    return Informatieobject(**values)


def test_a_document_is_made_found_by_its_identificatie_and_linked_to_a_zaak_once(zaken):
    service, documenten = configured_service(), configured_documenten_service()
    assert service is not None and documenten is not None
    with DocumentenClient(documenten) as client:
        assert client.find_informatieobject(bronorganisatie=RSIN, identificatie="REGIE-0001") is None
        made = client.create_informatieobject(_document(zaken), reason="test")
        assert client.find_informatieobject(bronorganisatie=RSIN, identificatie="REGIE-0001") == {
            k: v for k, v in made.items() if k != "lock"
        }
    assert zaken.app.documenten.inhoud[made["url"]] == "Een verslag in het Nederlands. ë".encode()
    zaak = Zaak(
        identificatie="REGIE-2026-00001",
        bronorganisatie=RSIN,
        verantwoordelijke_organisatie=RSIN,
        zaaktype=zaken.app.zaaktype(),
        omschrijving="Een zaak",
        startdatum=date(2026, 3, 1),
    )
    with ZakenClient(service) as client:
        zaak_url = client.create_zaak(zaak, reason="test")["url"]
        assert client.find_link(zaak_url, made["url"]) is None
        link = client.link_document(zaak_url, made["url"], titel="Verslag", reason="test")
        assert client.find_link(zaak_url, made["url"]) == link
        with pytest.raises(ZakenError) as twice:  # the pair is unique in the Zaken API
            client.link_document(zaak_url, made["url"], titel="Verslag", reason="test")
    assert "weigerde het verzoek (HTTP 400)" in twice.value.message
    assert zaken.app.zaken[zaak_url]["zaakinformatieobjecten"] == [link["url"]]


def test_the_local_documenten_api_refuses_what_the_published_document_does_not_allow(zaken):
    documenten = configured_documenten_service()
    assert documenten is not None
    with DocumentenClient(documenten) as client:
        with pytest.raises(ZakenError) as refused:  # taal is three letters (ISO 639-2/B) in the document
            client._call("POST", "enkelvoudiginformatieobjecten", expect=(201,), json={
                **_document(zaken).body(), "taal": "nl"})  # fmt: skip
        assert refused.value.status == 400
        with pytest.raises(ZakenError) as unknown:
            client.create_informatieobject(
                _document(zaken, informatieobjecttype=zaken.app.informatieobjecttype("bestaat-niet")),
                reason="test",
            )
    assert "informatieobjecttype: Het informatieobjecttype is onbekend" in unknown.value.message
    assert zaken.app.documenten.objecten == {}
    anonymous = requests.get(f"{zaken.documenten_root}enkelvoudiginformatieobjecten", timeout=2)
    assert anonymous.status_code == 401 and anonymous.headers["Content-Type"] == "application/problem+json"


def test_the_documenten_check_and_check_connections_tell_its_state(zaken, settings):
    assert check_documenten().status_label == "werkt"
    out = io.StringIO()
    call_command("check_connections", stdout=out, stderr=io.StringIO())
    assert f"Documenten API (zaaksysteem): werkt — {zaken.documenten_root} antwoordt" in out.getvalue()
    zaken.stop()
    state = check_documenten()
    assert state.configured and not state.ok and "niet bereikbaar" in state.detail
    Service.objects.filter(slug="documenten").delete()
    assert check_documenten().status_label == "niet gekoppeld"


def test_zaken_service_sets_up_the_documenten_api_beside_it(db, settings, monkeypatch):
    settings.REGIE_ZAKEN_SERVICE, settings.REGIE_DOCUMENTEN_SERVICE = "zaken", "documenten"
    monkeypatch.setenv("REGIE_ZAKEN_SECRET", "een-geheim-uit-de-omgeving-van-32-tekens")
    args = {"api_root": "https://zaken.example/zaken/api/v1/", "client_id": "regie", "stdout": io.StringIO()}
    with pytest.raises(CommandError, match="documenten-api-root moet een http"):
        call_command("zaken_service", documenten_api_root="documenten.example", **args)
    assert configured_documenten_service() is None
    call_command("zaken_service", documenten_api_root="https://zaken.example/documenten/api/v1/", **args)
    service = configured_documenten_service()
    assert service is not None and service.api_root == "https://zaken.example/documenten/api/v1/"
    assert service.client_id == "regie" and service.secret == "een-geheim-uit-de-omgeving-van-32-tekens"
    call_command("zaken_service", remove=True, stdout=io.StringIO())
    assert configured_documenten_service() is None
