"""The park pages: happy path and access denied for each, bad input answered in Dutch, reads logged."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from regie.accounts.models import User
from regie.intake.models import Signal
from regie.park.models import FollowUp, Inspection, InspectionRound, ResidenceStatusChange
from regie.procedures.models import Procedure
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.park import PNG, ParkWorld

SignIn = Callable[[User], Client]


def _as(sign_in: SignIn, world: ParkWorld, name: str) -> Client:
    return sign_in(world.users[name])


def test_anonymous_is_sent_to_login(client: Client, park_world: ParkWorld) -> None:
    response = client.get(f"/vakantiepark/{park_world.park.pk}")
    assert response.status_code == 302
    assert response["Location"].startswith("/login")


def test_home_redirects_to_the_park_or_the_counts(sign_in: SignIn, park_world: ParkWorld) -> None:
    response = _as(sign_in, park_world, "projectleider").get("/vakantiepark")
    assert response["Location"] == f"/vakantiepark/{park_world.park.pk}"
    response = _as(sign_in, park_world, "analist").get("/vakantiepark")
    assert response["Location"] == f"/vakantiepark/{park_world.park.pk}/voortgang"
    assert _as(sign_in, park_world, "ggz").get("/vakantiepark").status_code == 403


def test_overview_for_the_project_leader(sign_in: SignIn, park_world: ParkWorld) -> None:
    response = _as(sign_in, park_world, "projectleider").get(
        f"/vakantiepark/{park_world.park.pk}?sorteer=status"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Piet Permanent" in body
    assert "Vast aanspreekpunt" in body and "Mark van der Linden" in body and "06 1234 5602" in body
    assert body.count('href="/vakantiepark/kavels/') == 6
    entry = ProcessingLogEntry.objects.get(action="park.overview_viewed")
    assert [str(p) for p in entry.person_ids] == [str(park_world.occupant.pk)]


def test_overview_filters(sign_in: SignIn, park_world: ParkWorld) -> None:
    client = _as(sign_in, park_world, "projectleider")
    body = client.get(f"/vakantiepark/{park_world.park.pk}?status=vermoedelijk-permanent").content.decode()
    assert body.count('href="/vakantiepark/kavels/') == 1


def test_process_director_sees_lots_without_occupancy(sign_in: SignIn, park_world: ParkWorld) -> None:
    response = _as(sign_in, park_world, "procesregisseur").get(f"/vakantiepark/{park_world.park.pk}")
    assert response.status_code == 200
    assert "Piet Permanent" not in response.content.decode()
    assert "niet zichtbaar" in response.content.decode()


@pytest.mark.parametrize("name", ["ggz", "politie", "analist", "beheerder", "privacy"])
def test_overview_map_and_lot_are_refused(sign_in: SignIn, park_world: ParkWorld, name: str) -> None:
    client = _as(sign_in, park_world, name)
    park = park_world.park.pk
    for url in (
        f"/vakantiepark/{park}",
        f"/vakantiepark/{park}/kaart",
        f"/vakantiepark/{park}/kaart.geojson",
        f"/vakantiepark/{park}/rondes",
        f"/vakantiepark/kavels/{park_world.lots[1].pk}",
        f"/vakantiepark/rondes/{park_world.round.pk}",
    ):
        assert client.get(url).status_code == 403, url


def test_unknown_ids_are_404(sign_in: SignIn, park_world: ParkWorld) -> None:
    client = _as(sign_in, park_world, "projectleider")
    assert client.get(f"/vakantiepark/{uuid.uuid4()}").status_code == 404
    assert client.get("/vakantiepark/kavels/geen-id").status_code == 404
    assert client.get(f"/vakantiepark/rondes/{uuid.uuid4()}").status_code == 404


def test_province_inspector_sees_only_the_lots_of_their_rounds(
    sign_in: SignIn, park_world: ParkWorld
) -> None:
    client = _as(sign_in, park_world, "provincie")
    park = park_world.park
    in_round = set(park_world.round.round_lots.values_list("lot__number", flat=True))
    body = client.get(f"/vakantiepark/{park.pk}").content.decode()
    assert body.count('href="/vakantiepark/kavels/') == len(in_round)
    # A new round without the province: its lots stay hidden when not in another round of theirs.
    other = InspectionRound.objects.create(
        park=park, planned_on=park_world.round.planned_on, planned_by=park_world.users["projectleider"]
    )
    assert client.get(f"/vakantiepark/rondes/{other.pk}").status_code == 404
    assert client.get(f"/vakantiepark/rondes/{park_world.round.pk}").status_code == 200


def test_map_page_and_geojson(sign_in: SignIn, park_world: ParkWorld) -> None:
    client = _as(sign_in, park_world, "handhaver")
    page = client.get(f"/vakantiepark/{park_world.park.pk}/kaart")
    body = page.content.decode()
    assert page.status_code == 200
    assert "vendor/leaflet/dist/leaflet.js" in body and "park/map.js" in body
    assert "<script>" not in body  # the CSP forbids inline script
    assert "Legenda" in body and "Kavels als tabel" in body
    data = client.get(f"/vakantiepark/{park_world.park.pk}/kaart.geojson").json()
    assert len(data["features"]) == 6
    first = next(f for f in data["features"] if f["properties"]["number"] == 1)
    assert first["properties"]["status"] == "permanent-vastgesteld"
    assert first["geometry"]["type"] == "Polygon"
    assert first["properties"]["url"] == f"/vakantiepark/kavels/{park_world.lots[1].pk}"


def test_lot_detail_and_status_change(sign_in: SignIn, park_world: ParkWorld) -> None:
    lot = park_world.lots[3]
    client = _as(sign_in, park_world, "handhaver")
    body = client.get(f"/vakantiepark/kavels/{lot.pk}").content.decode()
    assert "Recreatief gebruik" in body and "Status wijzigen" in body
    response = client.post(
        f"/vakantiepark/kavels/{lot.pk}",
        {"status": "leeg", "on_date": "2025-08-01", "evidence_kind": "inspectie", "evidence": "Kavel leeg"},
    )
    assert response.status_code == 302
    assert ResidenceStatusChange.objects.filter(lot=lot, status="leeg").exists()
    bad = client.post(
        f"/vakantiepark/kavels/{lot.pk}",
        {"status": "leeg", "on_date": "2999-01-01", "evidence_kind": "inspectie", "evidence": "x"},
    )
    assert bad.status_code == 200
    assert "niet in de toekomst" in bad.content.decode()


def test_lot_detail_hides_occupancy_and_status_form(sign_in: SignIn, park_world: ParkWorld) -> None:
    lot = park_world.lots[1]
    client = _as(sign_in, park_world, "procesregisseur")
    body = client.get(f"/vakantiepark/kavels/{lot.pk}").content.decode()
    assert "Piet Permanent" not in body and "Status wijzigen" not in body
    assert client.post(f"/vakantiepark/kavels/{lot.pk}", {"status": "leeg"}).status_code == 403
    brp = _as(sign_in, park_world, "brp").get(f"/vakantiepark/kavels/{lot.pk}").content.decode()
    assert "Piet Permanent" in brp  # BRP registrations are burgerzaken's own data
    entry = ProcessingLogEntry.objects.filter(action="park_lot.viewed").order_by("-seq").first()
    assert entry is not None and str(park_world.occupant.pk) in [str(p) for p in entry.person_ids]


def test_progress_page_and_csv_for_the_analyst(sign_in: SignIn, park_world: ParkWorld) -> None:
    client = _as(sign_in, park_world, "analist")
    page = client.get(f"/vakantiepark/{park_world.park.pk}/voortgang")
    body = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in body and "<polyline" in body and "Aantallen per maand" in body
    assert "Piet" not in body
    csv = client.get(f"/vakantiepark/{park_world.park.pk}/voortgang.csv")
    lines = csv.content.decode().splitlines()
    assert lines[0].startswith("maand;recreatief;vermoedelijk-permanent")
    assert len(lines) == 37
    assert lines[-1].endswith(";6")
    assert (
        _as(sign_in, park_world, "ggz").get(f"/vakantiepark/{park_world.park.pk}/voortgang").status_code
        == 403
    )
    assert (
        _as(sign_in, park_world, "beheerder")
        .get(f"/vakantiepark/{park_world.park.pk}/voortgang.csv")
        .status_code
        == 403
    )


def test_plan_a_round(sign_in: SignIn, park_world: ParkWorld) -> None:
    client = _as(sign_in, park_world, "projectleider")
    url = f"/vakantiepark/{park_world.park.pk}/rondes"
    assert "Nieuwe gezamenlijke ronde plannen" in client.get(url).content.decode()
    province = park_world.users["provincie"]
    response = client.post(url, {"planned_on": "2026-12-01", "inspectors": [province.pk], "sample_size": 0})
    assert response.status_code == 302
    planned = InspectionRound.objects.exclude(pk=park_world.round.pk).get()
    assert list(planned.inspectors.all()) == [province]
    empty = client.post(url, {"planned_on": "", "sample_size": -1})
    assert empty.status_code == 200
    assert "Kies ten minste één inspecteur." in empty.content.decode()
    assert _as(sign_in, park_world, "brp").post(url, {"planned_on": "2026-12-01"}).status_code == 403


def _inspect_url(world: ParkWorld, number: int) -> str:
    return f"/vakantiepark/rondes/{world.round.pk}/kavels/{world.lots[number].pk}"


def test_inspection_form_submit_twice_and_follow_ups(sign_in: SignIn, park_world: ParkWorld) -> None:
    client = _as(sign_in, park_world, "handhaver")
    url = _inspect_url(park_world, 2)
    form = client.get(url)
    assert form.status_code == 200 and "Aanwijzingen voor hoofdverblijf" in form.content.decode()
    data = {
        "indicators": ["post", "was"],
        "entry_consent": "on",
        "findings": "Was aan de lijn, post op naam.",
        "outcome": "vastgesteld",
        "photos": SimpleUploadedFile("kavel.png", PNG, content_type="image/png"),
    }
    response = client.post(url, data)
    inspection = Inspection.objects.get(lot=park_world.lots[2])
    assert response["Location"] == f"/vakantiepark/inspecties/{inspection.pk}"
    again = client.post(url, {**data, "photos": SimpleUploadedFile("kavel.png", PNG)}, follow=True)
    assert "de tweede inzending is herkend" in again.content.decode()
    assert Inspection.objects.filter(lot=park_world.lots[2]).count() == 1
    detail = client.get(f"/vakantiepark/inspecties/{inspection.pk}").content.decode()
    assert "Handhavingsprocedure permanente bewoning starten" in detail
    base = f"/vakantiepark/inspecties/{inspection.pk}/vervolg"
    client.post(f"{base}/procedure")
    assert Procedure.objects.filter(type_code="permanent-residence", case=inspection.case).exists()
    client.post(f"{base}/brp", {"note": "Ingeschreven elders?"})
    client.post(f"{base}/zorg", {"note": "Kinderen, geen ander huis."})
    assert set(FollowUp.objects.filter(inspection=inspection).values_list("kind", flat=True)) == {
        "procedure",
        "brp",
        "zorg",
    }
    assert Signal.objects.filter(source="inspectie").count() == 1
    assert client.post(f"{base}/onzin").status_code == 404
    # Burgerzaken takes the referral up; the inspector cannot.
    referral = FollowUp.objects.get(kind="brp")
    take_up = f"/vakantiepark/doorverwijzingen/{referral.pk}/oppakken"
    assert client.post(take_up).status_code == 403
    brp_client = _as(sign_in, park_world, "brp")
    overview = brp_client.get(f"/vakantiepark/{park_world.park.pk}").content.decode()
    assert "Adresonderzoek starten voor kavel 2" in overview
    assert (
        "Adresonderzoek starten"
        in brp_client.get(f"/vakantiepark/kavels/{park_world.lots[2].pk}").content.decode()
    )
    assert brp_client.post(take_up).status_code == 302
    assert Procedure.objects.filter(type_code="brp-address-investigation").count() == 1


def test_inspection_photo_that_is_not_an_image(sign_in: SignIn, park_world: ParkWorld) -> None:
    client = _as(sign_in, park_world, "handhaver")
    response = client.post(
        _inspect_url(park_world, 1),
        {
            "findings": "Niemand thuis",
            "outcome": "geen-toegang",
            "photos": SimpleUploadedFile("foto.jpg", b"MZ\x90\x00 geen foto", content_type="image/jpeg"),
        },
    )
    assert response.status_code == 200
    assert "is geen foto" in response.content.decode()
    assert not Inspection.objects.exists()


def test_inspection_form_bad_input_and_refusals(sign_in: SignIn, park_world: ParkWorld) -> None:
    client = _as(sign_in, park_world, "handhaver")
    response = client.post(_inspect_url(park_world, 1), {"findings": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Beschrijf wat u hebt gezien" in body and "Kies de uitkomst" in body
    assert _as(sign_in, park_world, "jurist").get(_inspect_url(park_world, 1)).status_code == 403
    assert _as(sign_in, park_world, "ggz").get(_inspect_url(park_world, 1)).status_code == 403
    client = _as(sign_in, park_world, "handhaver")
    assert client.get(f"/vakantiepark/rondes/{park_world.round.pk}/kavels/{uuid.uuid4()}").status_code == 404


def test_navigation_item(sign_in: SignIn, park_world: ParkWorld) -> None:
    for name, shown in (
        ("projectleider", True),
        ("provincie", True),
        ("brp", True),
        ("ggz", False),
        ("analist", False),
    ):
        body = _as(sign_in, park_world, name).get("/").content.decode()
        assert ('href="/vakantiepark"' in body) is shown, name


def test_import_page(sign_in: SignIn, park_world: ParkWorld) -> None:
    import json

    from tests.worlds.park import polygon

    url = f"/vakantiepark/{park_world.park.pk}/import"
    client = _as(sign_in, park_world, "projectleider")
    assert client.get(url).status_code == 200
    content = f"kavelnummer;geometrie\n50;{json.dumps(polygon(6.07, 51.98))}\n3;{json.dumps(polygon(6.08, 51.98))}\n"
    response = client.post(url, {"bestand": SimpleUploadedFile("kavels.csv", content.encode())})
    assert response.status_code == 302  # to the run's status page; the import itself is a job
    from tests.intake.conftest import run_jobs

    run_jobs("park.import_lots")
    body = client.get(response["Location"]).content.decode()
    assert (
        "2 van 2 regel(s) verwerkt: 1 kavel(s) toegevoegd, 1 afgekeurd" in body
        and "Kavel 3 bestaat al" in body
    )
    assert "Kies een CSV" in client.post(url, {}).content.decode()
    assert _as(sign_in, park_world, "brp").get(url).status_code == 403


def test_map_tiles_are_configurable(sign_in: SignIn, park_world: ParkWorld, settings: object) -> None:
    client = _as(sign_in, park_world, "handhaver")
    url = f"/vakantiepark/{park_world.park.pk}/kaart"
    plain = client.get(url)
    assert 'data-tile-url=""' in plain.content.decode()
    assert "img-src 'self' data:;" in plain["Content-Security-Policy"]
    settings.REGIE_MAP_TILE_URL = "https://{s}.tiles.example/{z}/{x}/{y}.png"  # type: ignore[attr-defined]
    tiled = client.get(url)
    assert "tiles.example" in tiled.content.decode()
    assert "img-src 'self' data: https://*.tiles.example" in tiled["Content-Security-Policy"]


def test_care_partner_on_a_lots_case_sees_that_lot_only(sign_in: SignIn, park_world: ParkWorld) -> None:
    from regie.cases.services.team import case_member_add
    from regie.park.services.inspections import inspection_submit

    inspection = inspection_submit(
        actor=park_world.users["handhaver"],
        inspection_round=park_world.round,
        lot=park_world.lots[1],
        indicators=[],
        entry_consent=False,
        findings="Kinderen, zorgen.",
        outcome="vastgesteld",
    ).inspection
    ggz = park_world.users["ggz"]
    case_member_add(
        actor=park_world.users["projectleider"],
        case=inspection.case,
        case_role="zorg",
        categories=["general"],
        user=ggz,
    )
    client = _as(sign_in, park_world, "ggz")
    body = client.get(f"/vakantiepark/{park_world.park.pk}").content.decode()
    assert body.count('href="/vakantiepark/kavels/') == 1
    assert "Piet Permanent" in body
    assert client.get(f"/vakantiepark/kavels/{park_world.lots[1].pk}").status_code == 200
    assert client.get(f"/vakantiepark/kavels/{park_world.lots[2].pk}").status_code == 404
    assert client.get(f"/vakantiepark/rondes/{park_world.round.pk}").status_code == 404
    assert client.get(f"/vakantiepark/{park_world.park.pk}/rondes").status_code == 200
    assert (
        "Nieuwe gezamenlijke ronde"
        not in client.get(f"/vakantiepark/{park_world.park.pk}/rondes").content.decode()
    )


def test_register_occupant_permit_and_tolerance(sign_in: SignIn, park_world: ParkWorld) -> None:
    from regie.park.models import Occupancy, PersonalPermit, ToleranceDecision
    from regie.subjects.models import Person

    lot = park_world.lots[3]
    client = _as(sign_in, park_world, "projectleider")
    assert "Registratie bijwerken" in client.get(f"/vakantiepark/kavels/{lot.pk}").content.decode()
    base = f"/vakantiepark/kavels/{lot.pk}"
    client.post(
        f"{base}/bewoner",
        {"bewoner-surname": "Nieuw", "bewoner-given_names": "Nina", "bewoner-from_date": "2024-02-01",
         "bewoner-registered_here": "on"},
    )  # fmt: skip
    person = Person.objects.get(surname="Nieuw")
    assert person.address_id == lot.location.address_id
    assert Occupancy.objects.filter(lot=lot, person=person).exists()
    client.post(
        f"{base}/beschikking",
        {
            "beschikking-holder": person.pk,
            "beschikking-granted_on": "2004-05-01",
            "beschikking-basis": "Voor 2003",
        },
    )
    assert PersonalPermit.objects.filter(lot=lot, holder=person).exists()
    bad = client.post(
        f"{base}/gedoogbesluit",
        {
            "gedoogbesluit-decided_on": "2025-05-01",
            "gedoogbesluit-ends_on": "2025-01-01",
            "gedoogbesluit-description": "x",
        },
        follow=True,
    )
    assert "ligt voor de datum van het besluit" in bad.content.decode()
    assert not ToleranceDecision.objects.exists()
    missing = client.post(f"{base}/bewoner", {"bewoner-from_date": "2024-02-01"}, follow=True)
    assert "Vul de achternaam in." in missing.content.decode()
    assert client.post(f"{base}/iets").status_code == 404
    denied = _as(sign_in, park_world, "procesregisseur")
    assert denied.post(f"{base}/bewoner", {"bewoner-surname": "X"}).status_code == 403
    assert Person.objects.filter(surname="X").count() == 0
