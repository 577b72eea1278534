"""The Zaken API client (zgw-consumers Service, ZGW JWT) against the local zaaksysteem that validates every request
and answer against the published Zaken API document; the connection check and `regie zaken-service`."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
import requests
from django.core.management import CommandError, call_command
from zgw_consumers.models import Service

from regie.integrations.zaken import Rol, Zaak, ZakenClient, ZakenError, check_zaken, configured_service
from tests.integrations.zaken_fixtures import RSIN, local_zaken, zaken_service  # noqa: F401

pytestmark = pytest.mark.django_db


def _zaak(zaken, **overrides):
    values = {
        "identificatie": "REGIE-2026-00042",
        "bronorganisatie": RSIN,
        "verantwoordelijke_organisatie": RSIN,
        "zaaktype": zaken.app.zaaktype("overlast"),
        "omschrijving": "Overlast rond een woning",
        "startdatum": date(2026, 3, 1),
        "vertrouwelijkheidaanduiding": "vertrouwelijk",
    }
    values.update(overrides)
    return Zaak(**values)


def test_the_client_creates_finds_updates_and_fills_a_zaak(zaken):
    service = configured_service()
    assert service is not None
    with ZakenClient(service) as client:
        assert client.find_zaak(bronorganisatie=RSIN, identificatie="REGIE-2026-00042") is None
        made = client.create_zaak(_zaak(zaken), reason="test")
        assert made["identificatie"] == "REGIE-2026-00042" and made["startdatum"] == "2026-03-01"
        found = client.find_zaak(bronorganisatie=RSIN, identificatie="REGIE-2026-00042")
        assert found is not None and found["url"] == made["url"]
        client.update_zaak(made["url"], _zaak(zaken, omschrijving="Overlast, vervolg"), reason="test")
        person = Rol(
            roltype=zaken.app.roltype("belanghebbende"),
            betrokkene_type="natuurlijk_persoon",
            identificatie={"inpBsn": "999990019", "geslachtsnaam": "Dijk", "voorvoegselGeslachtsnaam": "van"},
        )
        added = client.add_role(made["url"], person, reason="test")
        assert added["omschrijvingGeneriek"] == "belanghebbende"
        assert [r["url"] for r in client.roles(made["url"])] == [added["url"]]
        client.set_status(
            made["url"], statustype=zaken.app.statustype("afgerond"), at=datetime.now(UTC),
            explanation="Afgerond", reason="test",
        )  # fmt: skip
        client.remove_role(added["url"], reason="test")
        assert client.roles(made["url"]) == []
    zaak = zaken.app.zaken[made["url"]]
    assert zaak["omschrijving"] == "Overlast, vervolg" and zaak["status"] is not None
    # the local server answers nothing without a valid ZGW JWT (HS256 with the service's secret): these all got in
    assert zaken.app.calls and all(path.startswith("/api/v1/") for _, path in zaken.app.calls)


def test_the_local_zaaksysteem_refuses_what_the_published_document_does_not_allow(zaken):
    service = configured_service()
    assert service is not None
    with ZakenClient(service) as client:
        with pytest.raises(ZakenError) as refused:  # a role identification longer than the schema allows
            client.add_role(
                "http://127.0.0.1:1/zaak",
                Rol(zaken.app.roltype("behandelaar"), "natuurlijk_persoon", {"inpBsn": "1234567890"}),
                reason="test",
            )
        assert refused.value.status == 400 and "HTTP 400" in refused.value.message
    # without the Accept-Crs and Content-Crs headers the document requires on zaken, even with a valid JWT
    bare = requests.get(f"{zaken.api_root}zaken", timeout=5)
    assert bare.status_code == 401  # no JWT at all
    with ZakenClient(service) as client:
        session = client._client
        answer = session.get("zaken", headers={})
    assert answer.status_code == 400 and answer.json()["invalidParams"][0]["name"] == "nonFieldErrors"


def test_a_wrong_secret_and_an_unreachable_server_are_named_in_dutch(zaken):
    service = zaken_service(zaken.api_root, secret="een-ander-geheim-van-minstens-32-tekens!")
    with ZakenClient(service) as client, pytest.raises(ZakenError) as refused:
        client.find_zaak(bronorganisatie=RSIN, identificatie="X")
    assert refused.value.status == 403 and "controleer de client-id en het geheim" in refused.value.message
    zaken.stop()
    with ZakenClient(service) as client, pytest.raises(ZakenError) as down:
        client.find_zaak(bronorganisatie=RSIN, identificatie="X")
    assert down.value.unreachable and down.value.message.startswith("Het zaaksysteem is niet bereikbaar")


def test_an_address_outside_the_service_is_never_called(zaken):
    service = configured_service()
    assert service is not None
    with ZakenClient(service) as client, pytest.raises(ZakenError) as refused:
        client.update_zaak("https://elders.example/api/v1/zaken/1", _zaak(zaken), reason="test")
    assert "buiten de ingestelde Zaken API" in refused.value.message and zaken.app.calls == []


def test_the_connection_check_tells_not_connected_working_and_failing(zaken, settings):
    state = check_zaken()
    assert state.configured and state.ok and state.status_label == "werkt"
    settings.REGIE_ZAKEN_RSIN = ""
    assert check_zaken().status_label == "storing" and "REGIE_ZAKEN_RSIN" in check_zaken().detail
    settings.REGIE_ZAKEN_RSIN = RSIN
    zaken.stop()
    state = check_zaken()
    assert state.configured and not state.ok and "niet bereikbaar" in state.detail
    Service.objects.all().delete()
    assert check_zaken().status_label == "niet gekoppeld"


def test_check_connections_prints_the_zaken_line(zaken):
    out = io.StringIO()
    call_command("check_connections", stdout=out, stderr=io.StringIO())
    assert f"Zaken API (zaaksysteem): werkt — {zaken.api_root} antwoordt" in out.getvalue()


def test_zaken_service_sets_up_the_service_with_the_secret_from_the_environment(db, settings, monkeypatch):
    settings.REGIE_ZAKEN_SERVICE = "zaken"
    monkeypatch.delenv("REGIE_ZAKEN_SECRET", raising=False)
    with pytest.raises(CommandError, match="REGIE_ZAKEN_SECRET"):
        call_command("zaken_service", api_root="https://zaken.example/api/v1/", client_id="regie")
    monkeypatch.setenv("REGIE_ZAKEN_SECRET", "een-geheim-uit-de-omgeving-van-32-tekens")
    with pytest.raises(CommandError, match="http"):
        call_command("zaken_service", api_root="zaken.example", client_id="regie")
    with pytest.raises(CommandError, match="client-id"):
        call_command("zaken_service", api_root="https://zaken.example/api/v1/", client_id=" ")
    out = io.StringIO()
    call_command("zaken_service", api_root="https://zaken.example/api/v1/", client_id="regie", stdout=out)
    service = configured_service()
    assert service is not None and service.secret == "een-geheim-uit-de-omgeving-van-32-tekens"
    assert service.auth_type == "zgw" and "ingesteld" in out.getvalue()
    call_command("zaken_service", remove=True, stdout=io.StringIO())
    assert configured_service() is None
