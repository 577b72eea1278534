"""Lot import runs: the upload is checked and stored in the request, a job imports it row by row and keeps its
progress on the run, a status page follows it (with and without JavaScript), and `regie import lots` does the same
on the command line."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from playwright.sync_api import Page, expect
from procrastinate.contrib.django import app

from regie.accounts.models import User
from regie.park.models import ImportStatus, LotImport, ParkLot
from regie.park.services import import_runs, imports
from regie.park.services.import_runs import lot_import_run, lot_import_start
from regie.park.services.parks import park_create
from regie.subjects.models import Location
from tests.intake.conftest import pending_jobs, run_jobs
from tests.worlds.park import PNG, ParkWorld, polygon

pytestmark = pytest.mark.postgres

SignIn = Callable[[User], Client]
HEADER = "kavelnummer;geometrie;postcode;huisnummer;straat;woonplaats;eigenaar_kvk;omschrijving"


def _csv(numbers: list[int], *, bad: dict[int, str] | None = None) -> bytes:
    """One row per number; `bad` replaces the row of a number by a broken one (its reason in the test)."""
    lines = [HEADER]
    for n in numbers:
        row = (bad or {}).get(n) or f"{n};{json.dumps(polygon(6.1 + n * 0.0003, 51.99))};;;;;;Chalet {n}"
        lines.append(row)
    return ("\n".join(lines) + "\n").encode()


def _start(world: ParkWorld, content: bytes, name: str = "kavels.csv") -> LotImport:
    return lot_import_start(
        actor=world.users["projectleider"], park=world.park, filename=name, content=content
    )


# --- The service and the job ---------------------------------------------------------------------------------


def test_it_stores_the_upload_and_enqueues_one_job_without_importing_yet(park_world: ParkWorld) -> None:
    run = _start(park_world, _csv([40, 41, 42]), name="C:\\Users\\mark\\kavels.csv")
    assert (run.status, run.total, run.done, run.filename) == (ImportStatus.WAITING, 3, 0, "kavels.csv")
    assert bytes(run.content) == _csv([40, 41, 42])
    assert [(job["task_name"], job["args"]) for job in pending_jobs()] == [
        ("park.import_lots", {"run_id": str(run.pk)})
    ]
    assert not ParkLot.objects.filter(number__in=[40, 41, 42]).exists()


def test_the_job_imports_row_by_row_and_writes_progress_every_n_rows(
    park_world: ParkWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbers = list(range(100, 160))
    content = _csv(
        numbers,
        bad={
            110: "kavel elf;{}",  # no number
            120: f"3;{json.dumps(polygon(6.2, 51.99))};;;;;;dubbel",  # number used twice
            130: f"130;{json.dumps(polygon(6.2, 51.99))};9999XX;1;;;;geen straat",  # bad address
            140: f"140;{json.dumps(polygon(6.2, 51.99))};;;;;;{'x' * 301}",  # description too long
        },
    )
    run = _start(park_world, content)
    seen: list[tuple[int, int, int]] = []
    save = import_runs._save_progress

    def spy(run: LotImport, report: imports.ImportReport) -> None:
        save(run, report)
        stored = LotImport.objects.get(pk=run.pk)
        seen.append((stored.done, stored.total, stored.created_count))

    monkeypatch.setattr(import_runs, "_save_progress", spy)
    locations = Location.objects.count()
    lot_import_run(run_id=str(run.pk), progress_every=25)
    assert seen[:3] == [(25, 60, 23), (50, 60, 46), (60, 60, 56)]
    run.refresh_from_db()
    assert (run.status, run.done, run.total, run.created_count) == (ImportStatus.DONE, 60, 60, 56)
    assert run.started_at is not None and run.finished_at is not None and run.message == ""
    errors = dict(run.errors)
    assert errors[12] == "Het kavelnummer is geen getal."
    assert errors[22] == "Kavel 3 bestaat al op dit park."
    assert "straat" in errors[32].lower()
    assert errors[42] == "De kolom omschrijving is langer dan 300 tekens."
    assert list(errors) == [12, 22, 32, 42]
    assert not ParkLot.objects.filter(number__in=[130, 140]).exists()  # nothing of a bad row is saved
    assert Location.objects.count() == locations + 56


def test_a_job_delivered_twice_imports_once(park_world: ParkWorld) -> None:
    run = _start(park_world, _csv([50, 51]))
    assert run_jobs("park.import_lots") == 1
    lot_import_run(run_id=str(run.pk))
    run.refresh_from_db()
    assert (run.status, run.created_count, run.errors) == (ImportStatus.DONE, 2, [])
    assert ParkLot.objects.filter(number__in=[50, 51]).count() == 2


def test_an_unexpected_error_fails_the_run_and_keeps_the_rows_saved_before_it(
    park_world: ParkWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = _start(park_world, _csv(list(range(200, 240))))
    one = imports._one

    def breaks_at_row_31(**kwargs: Any) -> int:
        if kwargs["row"]["kavelnummer"] == "230":
            raise RuntimeError("schijf vol")
        return one(**kwargs)

    monkeypatch.setattr(imports, "_one", breaks_at_row_31)
    with pytest.raises(RuntimeError):
        lot_import_run(run_id=str(run.pk), progress_every=25)
    run.refresh_from_db()
    assert run.status == ImportStatus.FAILED and run.finished_at is not None
    assert "ten minste 25 van de 40 regels" in run.message
    assert ParkLot.objects.filter(number__range=(200, 229)).count() == 30
    assert not ParkLot.objects.filter(number__gte=230, park=park_world.park).exists()


def test_only_a_planner_of_the_parks_municipality_may_start_a_run(park_world: ParkWorld) -> None:
    with pytest.raises(PermissionDenied):
        lot_import_start(
            actor=park_world.users["brp"], park=park_world.park, filename="k.csv", content=_csv([60])
        )
    assert not LotImport.objects.exists() and not pending_jobs()


def test_the_job_is_registered_on_its_own_queue() -> None:
    task = app.tasks["park.import_lots"]
    assert task.queue == "imports"


# --- The upload page -----------------------------------------------------------------------------------------


def _post(client: Client, world: ParkWorld, content: bytes, name: str = "kavels.csv") -> Any:
    return client.post(
        f"/vakantiepark/{world.park.pk}/import", {"bestand": SimpleUploadedFile(name, content)}
    )


def test_an_upload_goes_to_its_status_page_which_follows_the_job(
    sign_in: SignIn, park_world: ParkWorld
) -> None:
    client = sign_in(park_world.users["projectleider"])
    response = _post(client, park_world, _csv([70, 71, 3]))
    run = LotImport.objects.get()
    url = f"/vakantiepark/{park_world.park.pk}/import/{run.pk}"
    assert response.status_code == 302 and response["Location"] == url
    body = client.get(url).content.decode()
    assert '<progress id="import-voortgang" max="3" value="0">' in body
    assert "De import wacht op verwerking op de achtergrond." in body
    assert f'<a class="utrecht-link" href="{url}">Vernieuwen</a>' in body  # without JavaScript
    assert "park/import_run.js" in body and 'data-finished="false"' in body
    run_jobs("park.import_lots")
    body = client.get(url).content.decode()
    assert '<progress id="import-voortgang" max="3" value="3">' in body
    assert "De import is klaar: 2 kavel(s) toegevoegd, 1 regel(s) afgekeurd." in body
    assert "Kavel 3 bestaat al op dit park." in body
    assert "Vernieuwen" not in body and 'data-finished="true"' in body
    listing = client.get(f"/vakantiepark/{park_world.park.pk}/import").content.decode()
    assert f'href="{url}">kavels.csv</a>' in listing and "Klaar" in listing


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Het bestand is leeg."),
        ("kavelnummer;geometrie\n1;Café".encode("latin-1"), "geen leesbare CSV (UTF-8"),
        (PNG, "geen leesbare CSV (UTF-8"),
        ("kavelnummer;geometrie\n".encode("utf-16"), "geen leesbare CSV (UTF-8"),
        (b'{"type": "Feature"}', "Een GeoJSON-bestand moet een FeatureCollection zijn."),
        (b'{"type": "FeatureCollection", "features": [', "geen leesbare CSV (UTF-8"),
        (b"[1, 2, 3]", "Een GeoJSON-bestand moet een FeatureCollection zijn."),
        (
            b"naam,adres\nA,B\n",
            "Het bestand is geen GeoJSON en de CSV mist de kolom(men) geometrie, kavelnummer",
        ),
        (HEADER.encode() + b"\n", "Het bestand bevat geen kavels."),
        (b'{"type": "FeatureCollection", "features": []}', "Het bestand bevat geen kavels."),
    ],
)
def test_a_bad_file_is_refused_whole_in_dutch_and_nothing_is_stored(
    sign_in: SignIn, park_world: ParkWorld, content: bytes, message: str
) -> None:
    response = _post(sign_in(park_world.users["projectleider"]), park_world, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not LotImport.objects.exists() and not pending_jobs()


def test_too_many_rows_or_too_many_megabytes_are_refused(
    sign_in: SignIn, park_world: ParkWorld, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = sign_in(park_world.users["projectleider"])
    monkeypatch.setattr(imports, "MAX_ROWS", 2)
    assert (
        "Importeer hoogstens 2 kavels per keer."
        in _post(client, park_world, _csv([1, 2, 3])).content.decode()
    )
    settings.REGIE_MAX_UPLOAD_MB = 1
    big = _csv([80]) + b"\n" * (1024 * 1024)
    assert "Het bestand is groter dan 1 MB." in _post(client, park_world, big).content.decode()
    with pytest.raises(ValidationError):  # the service checks it too, for callers other than the page
        _start(park_world, big)
    assert (
        "Kies een CSV- of GeoJSON-bestand."
        in client.post(f"/vakantiepark/{park_world.park.pk}/import", {}).content.decode()
    )
    assert not LotImport.objects.exists()


# --- Who sees a run ------------------------------------------------------------------------------------------


def test_the_run_page_is_for_importers_of_the_park_only(
    client: Client, sign_in: SignIn, park_world: ParkWorld
) -> None:
    run = _start(park_world, _csv([90]))
    url = f"/vakantiepark/{park_world.park.pk}/import/{run.pk}"
    assert client.get(url).status_code == 302  # anonymous: to the login page
    assert sign_in(park_world.users["handhaver"]).get(url).status_code == 200
    for name in ("brp", "procesregisseur", "jurist", "provincie", "analist", "ggz", "beheerder"):
        assert sign_in(park_world.users[name]).get(url).status_code == 403, name
    leader = sign_in(park_world.users["projectleider"])
    assert leader.get(url).status_code == 200
    other = park_create(
        actor=park_world.users["projectleider"], municipality=park_world.park.municipality, name="Ander park"
    )
    assert leader.get(f"/vakantiepark/{other.pk}/import/{run.pk}").status_code == 404  # run of another park
    assert leader.get(f"/vakantiepark/{park_world.park.pk}/import/{uuid.uuid4()}").status_code == 404
    assert leader.get(f"/vakantiepark/{park_world.park.pk}/import/geen-id").status_code == 404
    assert leader.get(f"/vakantiepark/{uuid.uuid4()}/import/{run.pk}").status_code == 404


def test_a_user_who_may_not_import_cannot_upload(sign_in: SignIn, park_world: ParkWorld) -> None:
    for name in ("brp", "provincie", "analist"):
        assert _post(sign_in(park_world.users[name]), park_world, _csv([91])).status_code == 403, name
    assert not LotImport.objects.exists() and not pending_jobs()


# --- The command line ----------------------------------------------------------------------------------------


def _command(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_imports_lots_and_prints_progress(park_world: ParkWorld, tmp_path: Path) -> None:
    path = tmp_path / "kavels.csv"
    path.write_bytes(_csv(list(range(300, 305))))
    out, err = _command("lots", str(park_world.park.pk), str(path), "--progress-every", "2")
    assert err.splitlines() == [
        "2 van 5 regels verwerkt",
        "4 van 5 regels verwerkt",
        "5 van 5 regels verwerkt",
    ]
    assert "Import kavels.csv op Recreatiepark Testmeren: 5 regels in" in out
    assert "kavels toegevoegd: 5, afgekeurd: 0." in out
    assert ParkLot.objects.filter(number__range=(300, 304)).count() == 5


def test_the_command_finds_the_park_by_name_and_exits_3_on_refused_rows(
    park_world: ParkWorld, tmp_path: Path
) -> None:
    path = tmp_path / "kavels.geojson"
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"kavelnummer": 310}, "geometry": polygon(6.2, 51.98)},
            {"type": "Feature", "properties": {"kavelnummer": 1}, "geometry": polygon(6.2, 51.98)},
        ],
    }
    path.write_text(json.dumps(collection), encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command(
            "import", "lots", "recreatiepark testmeren", str(path), "--user", "handhaver", stdout=out,
            stderr=io.StringIO(),
        )  # fmt: skip
    assert caught.value.returncode == 3 and "1 regels afgekeurd" in str(caught.value)
    assert "  regel 2: Kavel 1 bestaat al op dit park." in out.getvalue()
    assert ParkLot.objects.filter(number=310).exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lots", "Geen park", "{file}"], "Onbekend park: Geen park."),
        (["lots", "{park}", "{file}", "--user", "brp"], "brp mag geen kavels importeren"),
        (["lots", "{park}", "{file}", "--user", "niemand"], "Onbekende gebruiker: niemand."),
        (["lots", "{file}"], "Gebruik: regie import lots PARK BESTAND"),
        (["lots", "{park}", "{file}", "--dry-run"], "--dry-run en --report horen bij 'import persons'."),
        (["lots", "{park}", "{bad}"], "Het bestand is leeg. Er is niets opgeslagen."),
        (["lots", "{park}", "/bestaat/niet.csv"], "Bestand niet gevonden"),
    ],
)
def test_the_command_refuses_bad_input_in_dutch(
    park_world: ParkWorld, tmp_path: Path, args: list[str], message: str
) -> None:
    good, bad = tmp_path / "kavels.csv", tmp_path / "leeg.csv"
    good.write_bytes(_csv([320]))
    bad.write_bytes(b"")
    values = {"park": str(park_world.park.pk), "file": str(good), "bad": str(bad)}
    with pytest.raises(CommandError) as caught:
        _command(*[a.format(**values) for a in args])
    assert message in str(caught.value)
    assert not ParkLot.objects.filter(number=320).exists()


# --- In the browser ------------------------------------------------------------------------------------------


@pytest.fixture
def browser_demo(settings: Any) -> Any:
    """Demo mode without a second factor, as in the other browser tests."""
    settings.DEMO_MODE = True
    settings.REGIE_REQUIRE_SECOND_FACTOR = False
    return settings


@pytest.mark.e2e
def test_the_status_page_refreshes_itself_and_is_accessible(
    browser_demo: Any,
    park_world: ParkWorld,
    log_in: Callable[..., Page],
    assert_accessible: Callable[[Page], None],
    console_errors: list[str],
    tmp_path: Path,
) -> None:
    path = tmp_path / "kavels.csv"
    path.write_bytes(_csv([400, 401, 2]))
    page = log_in("projectleider")
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.goto(f"/vakantiepark/{park_world.park.pk}/import")
    page.get_by_label("Bestand (CSV of GeoJSON)").set_input_files(str(path))
    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kavelimport kavels.csv")
    expect(page.locator("#import-status")).to_have_text("De import wacht op verwerking op de achtergrond.")
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "0")
    assert_accessible(page)  # waiting, with the "Vernieuwen" link

    run_jobs("park.import_lots")  # the worker; the page is not reloaded by the test
    expect(page.locator("#import-status")).to_have_text(
        "De import is klaar: 2 kavel(s) toegevoegd, 1 regel(s) afgekeurd.", timeout=15_000
    )
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "3")
    expect(page.get_by_role("cell", name="Kavel 2 bestaat al op dit park.")).to_be_visible()
    expect(page.get_by_role("link", name="Vernieuwen")).to_have_count(0)
    assert_accessible(page)  # finished, with the table of refused rows
    assert not [m for m in console_errors if "Failed to load resource" not in m], console_errors
    assert not [url for url in missing if not url.endswith("/favicon.ico")], missing
