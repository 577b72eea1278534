"""Park services: register, history, rounds, inspections, follow-ups; bad input in Dutch, nothing half-saved."""

from __future__ import annotations

import random
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction

from regie.cases.models import Document
from regie.intake.models import Signal
from regie.park.models import (
    FollowUp,
    Inspection,
    ParkLot,
    ResidenceStatus,
    ResidenceStatusChange,
    RoundLot,
)
from regie.park.selectors import current_status, monthly_counts
from regie.park.services.follow_ups import follow_up_refer_brp, follow_up_refer_care
from regie.park.services.inspections import Photo, inspection_submit
from regie.park.services.lots import park_lot_create
from regie.park.services.rounds import inspection_round_plan
from regie.park.services.status import residence_status_set
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Location
from tests.worlds.park import PNG, ParkWorld, polygon

pytestmark = pytest.mark.postgres


def test_lot_number_used_twice_is_refused(park_world: ParkWorld) -> None:
    before = Location.objects.count()
    with pytest.raises(ValidationError) as exc:
        park_lot_create(
            actor=park_world.users["projectleider"],
            park=park_world.park,
            number=3,
            geometry=polygon(6.04, 51.98),
        )
    assert exc.value.message_dict["number"] == ["Kavel 3 bestaat al op dit park."]
    assert Location.objects.count() == before


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Polygon", "coordinates": [[[6.03, 51.98], [6.031, 51.98], [6.031, 51.981]]]},  # not closed
        {"type": "Polygon", "coordinates": [[[600, 51.98], [6.031, 51.98], [6.031, 51.981], [600, 51.98]]]},
        {"type": "Point", "coordinates": [6.03, 51.98]},
        "geen geojson",
        None,
    ],
)
def test_invalid_polygon_is_refused(park_world: ParkWorld, geometry: object) -> None:
    with pytest.raises(ValidationError) as exc:
        park_lot_create(
            actor=park_world.users["projectleider"], park=park_world.park, number=40, geometry=geometry
        )
    assert "geometry" in exc.value.message_dict
    assert not ParkLot.objects.filter(number=40).exists()


def test_current_status_is_the_latest_change_by_date(park_world: ParkWorld) -> None:
    lot = park_world.lots[1]
    leader = park_world.users["projectleider"]
    residence_status_set(
        actor=leader,
        lot=lot,
        status="leeg",
        on_date=date(2025, 9, 1),
        evidence_kind="inspectie",
        evidence="Leeg",
    )
    # A change entered later but dated earlier does not become current.
    residence_status_set(
        actor=leader,
        lot=lot,
        status="recreatief",
        on_date=date(2025, 3, 1),
        evidence_kind="brief",
        evidence="Brief",
    )
    assert current_status(lot) == ResidenceStatus.VACANT
    assert current_status(park_world.lots[5]) == ResidenceStatus.UNKNOWN


def test_status_history_is_append_only(park_world: ParkWorld) -> None:
    change = ResidenceStatusChange.objects.filter(lot=park_world.lots[1]).first()
    assert change is not None
    with pytest.raises(DatabaseError), transaction.atomic():
        ResidenceStatusChange.objects.filter(pk=change.pk).update(status="recreatief")
    with pytest.raises(DatabaseError), transaction.atomic():
        ResidenceStatusChange.objects.filter(pk=change.pk).delete()


def test_status_bad_input(park_world: ParkWorld) -> None:
    with pytest.raises(ValidationError) as exc:
        residence_status_set(
            actor=None,
            lot=park_world.lots[1],
            status="bewoond",
            on_date=date(2025, 1, 1),
            evidence_kind="x",
            evidence="",
        )
    assert set(exc.value.message_dict) == {"status", "evidence_kind", "evidence"}


def test_round_takes_risk_lots_and_a_sample(park_world: ParkWorld) -> None:
    reasons = dict(RoundLot.objects.filter(round=park_world.round).values_list("lot__number", "reason"))
    # Lots 1, 2 (status) and 4-6 (unknown status) are risks; lot 3 (recreational) only in a sample.
    assert {1, 2, 4, 5, 6} <= set(reasons)
    assert "permanente bewoning" in reasons[1]
    assert len(reasons) == 6  # sample of 1 from the one remaining lot


def test_round_needs_inspectors_and_a_planner(park_world: ParkWorld) -> None:
    with pytest.raises(ValidationError) as exc:
        inspection_round_plan(
            actor=park_world.users["brp"],
            park=park_world.park,
            planned_on=date(2026, 1, 1),
            inspectors=[park_world.users["ggz"]],
            sample_size=500,
            risk_since=date(2025, 1, 1),
            rng=random.Random(2),
        )
    assert set(exc.value.message_dict) == {"actor", "inspectors", "sample_size"}


def _submit(world: ParkWorld, number: int = 1, **kwargs: object) -> object:
    values: dict[str, object] = {
        "actor": world.users["handhaver"],
        "inspection_round": world.round,
        "lot": world.lots[number],
        "indicators": ["post", "autos"],
        "entry_consent": True,
        "findings": "Post op naam van de bewoners; twee auto's.",
        "outcome": "vastgesteld",
    }
    values.update(kwargs)
    return inspection_submit(**values)  # type: ignore[arg-type]


def test_inspection_writes_report_and_status_and_is_idempotent(park_world: ParkWorld) -> None:
    lot = park_world.lots[2]
    first = _submit(park_world, 2, photos=[Photo("kavel.png", PNG)])
    assert first.created and first.status_changed  # type: ignore[attr-defined]
    inspection = first.inspection  # type: ignore[attr-defined]
    assert inspection.case.case_type.code == "handhaving-permanente-bewoning"
    assert inspection.report.document_type == "rapport van bevindingen"
    assert Document.objects.filter(case=inspection.case, document_type="foto").count() == 1
    assert current_status(lot) == ResidenceStatus.PERMANENT
    documents = Document.objects.count()
    changes = ResidenceStatusChange.objects.count()
    second = _submit(park_world, 2, outcome="recreatief")
    assert not second.created  # type: ignore[attr-defined]
    assert second.inspection.pk == inspection.pk  # type: ignore[attr-defined]
    assert Document.objects.count() == documents
    assert ResidenceStatusChange.objects.count() == changes
    assert Inspection.objects.filter(lot=lot).count() == 1


def test_photo_that_is_not_an_image_is_refused_and_nothing_saved(park_world: ParkWorld) -> None:
    documents = Document.objects.count()
    with pytest.raises(ValidationError) as exc:
        _submit(park_world, 2, photos=[Photo("foto.jpg", b"%PDF-1.4 dit is geen foto")])
    assert "geen foto" in exc.value.message_dict["photos"][0]
    assert Document.objects.count() == documents
    assert not Inspection.objects.exists()


def test_inspection_bad_input(park_world: ParkWorld) -> None:
    with pytest.raises(ValidationError) as exc:
        _submit(park_world, 2, indicators=["ufo"], outcome="misschien", findings=" ")
    assert set(exc.value.message_dict) == {"indicators", "outcome", "findings"}


def test_only_round_inspectors_submit(park_world: ParkWorld) -> None:
    with pytest.raises(PermissionDenied):
        _submit(park_world, 2, actor=park_world.users["jurist"])


def test_province_inspector_submits(park_world: ParkWorld) -> None:
    result = _submit(park_world, 1, actor=park_world.users["provincie"], outcome="aanwijzingen")
    assert result.created  # type: ignore[attr-defined]
    assert ProcessingLogEntry.objects.filter(action="park_inspection.submitted").exists()


def test_tolerated_lot_keeps_its_status(park_world: ParkWorld) -> None:
    lot = park_world.lots[2]
    residence_status_set(
        actor=None, lot=lot, status="gedoogd-persoonsgebonden", on_date=date(2025, 2, 1), evidence_kind="brief",
        evidence="Persoonsgebonden beschikking",
    )  # fmt: skip
    result = _submit(park_world, 2)
    assert not result.status_changed  # type: ignore[attr-defined]
    assert current_status(lot) == ResidenceStatus.TOLERATED


def test_care_referral_is_a_signal_from_inspection_once(park_world: ParkWorld) -> None:
    inspection = _submit(park_world, 1).inspection  # type: ignore[attr-defined]
    user = park_world.users["handhaver"]
    with pytest.raises(ValidationError):
        follow_up_refer_care(actor=user, inspection=inspection, note=" ")
    follow_up = follow_up_refer_care(actor=user, inspection=inspection, note="Kinderen, geen andere woning.")
    signal = Signal.objects.get(reference=follow_up.reference)
    assert signal.source == "inspectie"
    assert signal.location_text == park_world.lots[1].location.name
    again = follow_up_refer_care(actor=user, inspection=inspection, note="Nogmaals")
    assert again.pk == follow_up.pk
    assert Signal.objects.filter(source="inspectie").count() == 1
    assert FollowUp.objects.filter(inspection=inspection).count() == 1


def test_monthly_counts_follow_the_history(park_world: ParkWorld) -> None:
    series = monthly_counts(park_world.park, until=date(2025, 3, 10), months=3)
    assert [d for d, _ in series] == [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 10)]
    assert series[0][1]["permanent-vastgesteld"] == 1
    assert series[0][1]["onbekend"] == 3
    early = monthly_counts(park_world.park, until=date(2024, 12, 31), months=1)
    assert early[0][1]["onbekend"] == 6


def test_brp_referral_needs_a_reason(park_world: ParkWorld) -> None:
    inspection = _submit(park_world, 1).inspection  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        follow_up_refer_brp(actor=park_world.users["handhaver"], inspection=inspection, note="")
    assert not FollowUp.objects.exists()


def test_import_continues_after_bad_rows(park_world: ParkWorld) -> None:
    import json

    from regie.park.services.imports import park_lots_import
    from regie.subjects.services import business_create

    business_create(actor=None, kvk_number="90417326", name="Parkbeheer B.V.")
    good = json.dumps(polygon(6.05, 51.98))
    rows = [
        "kavelnummer;geometrie;postcode;huisnummer;straat;woonplaats;eigenaar_kvk;omschrijving",
        f"20;{good};6988BX;220;Marsweg;Lathum;90417326;Chalet",
        f"21;{good};;;;;12345678;Chalet",  # unknown owner
        f"3;{good};;;;;;dubbel",  # number used twice
        '22;{"type": "Polygon", "coordinates": [[[6.0, 51.9]]]};;;;;;kapot',  # invalid polygon
        f"23;{good};9999XX;1;;;;geen straat",  # bad address: nothing of the row is saved
        f"24;{good};;;;;;Stacaravan",
    ]
    report = park_lots_import(
        actor=park_world.users["projectleider"], park=park_world.park, content="\n".join(rows).encode()
    )
    assert report.created == [20, 24]
    errors = dict(report.errors)
    assert "Onbekende eigenaar" in errors[3]
    assert "bestaat al" in errors[4]
    assert "ring" in errors[5] or "polygoon" in errors[5].lower()
    assert "straat" in errors[6].lower()
    assert not ParkLot.objects.filter(number__in=[21, 22, 23]).exists()
    assert ParkLot.objects.get(number=20).owner_business is not None


def test_import_geojson_and_unreadable_files(park_world: ParkWorld) -> None:
    import json

    from regie.park.services.imports import park_lots_import

    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"kavelnummer": 30}, "geometry": polygon(6.06, 51.98)}
        ],
    }
    report = park_lots_import(
        actor=park_world.users["projectleider"], park=park_world.park, content=json.dumps(collection).encode()
    )
    assert report.created == [30]
    with pytest.raises(ValidationError):
        park_lots_import(
            actor=park_world.users["projectleider"], park=park_world.park, content=b"\xff\xfe\x00"
        )
    with pytest.raises(ValidationError):
        park_lots_import(actor=park_world.users["projectleider"], park=park_world.park, content=b"a;b\n1;2")


def test_progress_figures(park_world: ParkWorld) -> None:
    from regie.park.selectors import ended_permanent_residences, procedure_figures
    from regie.park.services.follow_ups import brp_referral_take_up, follow_up_start_procedure

    leader = park_world.users["projectleider"]
    residence_status_set(
        actor=leader, lot=park_world.lots[1], status="leeg", on_date=date(2025, 5, 1), evidence_kind="brief",
        evidence="Vertrokken",
    )  # fmt: skip
    assert ended_permanent_residences(park_world.park) == {"Bewoners vertrokken (woning gevonden)": 1}
    inspection = _submit(park_world, 2).inspection  # type: ignore[attr-defined]
    follow_up_start_procedure(actor=park_world.users["handhaver"], inspection=inspection)
    referral = follow_up_refer_brp(actor=park_world.users["handhaver"], inspection=inspection, note="Adres?")
    brp_referral_take_up(actor=park_world.users["brp"], follow_up=referral)
    figures = procedure_figures(park_world.park)
    assert figures["steps"] == [("Signaal vastgelegd", 1)]
    assert figures["brp"] == [("Nog geen besluit", 1)]
