"""The KVO-B measures plan (measures with an owner, a date and a status) and the trajectory's documents, stored in
the cases' document store: the project leader keeps them, the team reads them, partners never; bad input in Dutch,
nothing half-written (no record without its file, no file without its record)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest

from regie.cases.services.documents import storage_root
from regie.ondermijning.models import KvoDocument, KvoMeasure, KvoTrajectory
from regie.ondermijning.services.kvo import kvo_start
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.ondermijning import OndermijningWorld, today

pytestmark = pytest.mark.django_db
GOOD = {
    "description": "Camera's op de toegangswegen",
    "owner": "Parkmanagement",
    "due_on": "",
    "status": "gepland",
}


@pytest.fixture
def trajectory(world: OndermijningWorld) -> KvoTrajectory:
    return kvo_start(
        actor=world.users["projectleider"], area=world.estate, started_on=today() - timedelta(days=60)
    )


def _base(world: OndermijningWorld) -> str:
    return f"/ondermijning/gebieden/{world.estate.pk}/kvo-b"


def test_the_measures_plan_with_owners_and_status(sign_in, world: OndermijningWorld, trajectory) -> None:  # type: ignore[no-untyped-def]
    leader = sign_in(world.users["projectleider"])
    assert leader.get(f"{_base(world)}/maatregelen/nieuw").status_code == 200
    due = (today() + timedelta(days=90)).isoformat()
    assert leader.post(f"{_base(world)}/maatregelen/nieuw", {**GOOD, "due_on": due}).status_code == 302
    measure = KvoMeasure.objects.get(trajectory=trajectory)
    assert measure.owner == "Parkmanagement" and measure.status == "gepland"
    changed = leader.post(f"{_base(world)}/maatregelen/{measure.pk}", {**GOOD, "status": "uitgevoerd"})
    assert changed.status_code == 302
    html = sign_in(world.users["handhaver"]).get(_base(world)).content.decode()
    assert "Camera" in html and "Parkmanagement" in html and "Status: uitgevoerd" in html
    body = sign_in(world.users["jurist"]).get("/api/v1/kvo-trajectories").json()
    assert body["results"][0]["measures"][0]["status"] == "uitgevoerd"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"description": ""}, "Beschrijf de maatregel"),
        ({"owner": "  "}, "Vul de eigenaar van de maatregel in"),
        ({"status": "half"}, "Selecteer een geldige keuze"),
        ({"due_on": "morgen"}, "geldige datum"),
        ({"due_on": "2001-01-01"}, "voor de start van het traject"),
        ({"description": "x" * 301}, "301"),
    ],
)
def test_bad_measures_are_refused(sign_in, world: OndermijningWorld, trajectory, bad, message) -> None:  # type: ignore[no-untyped-def]
    refused = sign_in(world.users["projectleider"]).post(f"{_base(world)}/maatregelen/nieuw", {**GOOD, **bad})
    assert refused.status_code == 400 and message in refused.content.decode()
    assert not KvoMeasure.objects.exists()


def test_only_the_project_leader_keeps_the_plan(sign_in, world: OndermijningWorld, trajectory) -> None:  # type: ignore[no-untyped-def]
    for name in ("handhaver", "jurist"):
        client = sign_in(world.users[name])
        assert client.post(f"{_base(world)}/maatregelen/nieuw", GOOD).status_code == 403
        assert client.get(f"{_base(world)}/documenten/nieuw").status_code == 403
    for name in ("politie", "brp", "analist"):
        assert sign_in(world.users[name]).get(f"{_base(world)}/maatregelen/nieuw").status_code in (403, 404)
    leader = sign_in(world.users["projectleider"])
    # no trajectory on the rural area, and an unknown measure: the same 404
    assert leader.get(f"/ondermijning/gebieden/{world.rural.pk}/kvo-b/maatregelen/nieuw").status_code == 404
    assert leader.get(f"{_base(world)}/maatregelen/00000000-0000-0000-0000-000000000000").status_code == 404
    assert not KvoMeasure.objects.exists()


def _upload(content: bytes, name: str = "plan.txt") -> io.BytesIO:
    file = io.BytesIO(content)
    file.name = name
    return file


def test_a_document_is_stored_in_the_case_store_and_read_by_the_team(
    sign_in, world: OndermijningWorld, trajectory
) -> None:  # type: ignore[no-untyped-def]
    leader = sign_in(world.users["projectleider"])
    response = leader.post(
        f"{_base(world)}/documenten/nieuw",
        {"title": "Maatregelenplan 2026", "step": "maatregelenplan", "file": _upload(b"Maatregelen\n")},
    )
    assert response.status_code == 302
    document = KvoDocument.objects.get(trajectory=trajectory)
    assert (storage_root() / document.storage_name).read_bytes() == b"Maatregelen\n"
    assert "Maatregelenplan 2026" in sign_in(world.users["jurist"]).get(_base(world)).content.decode()
    opened = sign_in(world.users["handhaver"]).get(f"/ondermijning/kvo-documenten/{document.pk}")
    assert opened.status_code == 200 and b"".join(opened.streaming_content) == b"Maatregelen\n"  # type: ignore[attr-defined]
    assert ProcessingLogEntry.objects.filter(action="ondermijning_kvo.document_read").exists()
    for name in ("politie", "brp", "analist"):
        assert sign_in(world.users[name]).get(f"/ondermijning/kvo-documenten/{document.pk}").status_code in (
            403,
            404,
        )
    leader = sign_in(world.users["projectleider"])  # the client was signed in as someone else meanwhile
    assert leader.get("/ondermijning/kvo-documenten/not-an-id").status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "file": b"tekst"}, "Vul de titel van het document in"),
        ({"title": "Plan", "file": None}, "Kies een bestand"),
        ({"title": "Plan", "file": b""}, "leeg"),
        ({"title": "Plan", "file": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00binary\x00"}, "niet toegestaan"),
        ({"title": "Plan", "step": "feest", "file": b"tekst"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_documents_are_refused_and_nothing_is_left(
    sign_in, world: OndermijningWorld, trajectory, data, message
) -> None:  # type: ignore[no-untyped-def]
    before = set(storage_root().iterdir())
    payload = {k: v for k, v in data.items() if k != "file"}
    if data["file"] is not None:
        payload["file"] = _upload(data["file"])
    refused = sign_in(world.users["projectleider"]).post(f"{_base(world)}/documenten/nieuw", payload)
    assert refused.status_code == 400 and message in refused.content.decode()
    assert not KvoDocument.objects.exists() and set(storage_root().iterdir()) == before
