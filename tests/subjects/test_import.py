"""Register imports: per-row validation in Dutch, one savepoint per row, BSN updates, and the command."""

from __future__ import annotations

import importlib
import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regie.processing_log.models import ProcessingLogEntry
from regie.subjects import importer
from regie.subjects.identity import generate_test_bsns
from regie.subjects.importer import COLUMNS, ImportFileError, RejectedRow, import_persons, parse_date
from regie.subjects.models import Address, Person
from regie.subjects.services import address_get_or_create, person_create

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

DATA = Path(__file__).parent / "data"
_number = importlib.import_module("regie.management.commands.import")._number  # "import" is a keyword


def _import(name: str, **kwargs: object) -> importer.ImportReport:
    return import_persons((DATA / name).read_bytes(), source=name, **kwargs)  # type: ignore[arg-type]


def _names() -> list[str]:
    return sorted(str(p) for p in Person.objects.all())


def test_it_imports_a_good_file() -> None:
    report = _import("persons_good.csv")
    assert (report.rows, report.created, report.updated, report.rejected) == (5, 5, 0, [])
    berg = Person.objects.select_related("address").get(bsn="999990019")
    assert (berg.given_names, berg.prefix, berg.surname) == ("Jan", "van den", "Berg")
    assert berg.birth_date == date(1955, 8, 30)
    assert (berg.email, berg.phone) == ("jan@example.nl", "06-12345678")
    assert berg.address is not None and str(berg.address) == "Dorpsstraat 12, 6851 AB Huissen"
    assert Person.objects.get(bsn="999990032").address_id == berg.address_id  # one address row, shared
    anna = Person.objects.select_related("address").get(bsn="999990020")
    assert anna.birth_date == date(1990, 5, 20)  # DD-MM-YYYY
    assert anna.address is not None and (anna.address.house_letter, anna.address.addition) == ("A", "2")
    assert Person.objects.get(surname="Müller").given_names == "René"
    assert Person.objects.get(surname="Visser").phone == "0481-123456"
    assert f"sx:{'bkr'}" in Person.objects.get(surname="Bakker").blocking_keys


def test_it_logs_every_batch_with_its_persons() -> None:
    _import("persons_good.csv")
    entry = ProcessingLogEntry.objects.get(action="person.imported")
    assert set(entry.person_ids) == set(Person.objects.values_list("pk", flat=True))
    assert entry.details == {"source": "persons_good.csv", "lines": "2-7", "persons": 5}
    assert ProcessingLogEntry.objects.filter(action="person.created").count() == 5


def test_it_reads_comma_separated_files_with_quotes_and_a_byte_order_mark() -> None:
    report = _import("persons_comma.csv")
    assert (report.created, report.rejected) == (3, [])
    smit = Person.objects.select_related("address").get(bsn="999990044")
    assert smit.birth_date == date(1978, 4, 9)
    assert smit.address is not None and smit.address.street == "Laan van Meerdervoort"
    assert Person.objects.get(surname="Jansen").given_names == "Jan Peter"


def test_it_rejects_bad_rows_with_dutch_reasons_and_imports_the_rest() -> None:
    report = _import("persons_bad_rows.csv")
    assert (report.created, report.updated) == (2, 0)
    assert _names() == ["Piet Smit", "Ruud Klein"] or _names() == sorted(["Piet Smit", "Ruud Klein"])
    assert report.rejected == [
        RejectedRow(3, ("bsn: Dit is geen geldig BSN (de elfproef klopt niet).",)),
        RejectedRow(4, ("achternaam: de achternaam ontbreekt.",)),
        RejectedRow(5, ("geboortedatum: de geboortedatum ligt in de toekomst.",)),
        RejectedRow(6, ("postcode: '0123 AB' is geen geldige postcode (zoals 6851 AB).",)),
        RejectedRow(7, ("geboortedatum: '31-02-1990' is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ).",)),
        RejectedRow(8, ("huisnummer: '12a' is geen huisnummer (een getal van 1 tot en met 99999).",)),
        RejectedRow(9, ("email: 'geen-e-mail' is geen geldig e-mailadres.",)),
        RejectedRow(11, ("De rij heeft 3 kolommen, de kopregel 13.",)),
    ]
    assert report.rejected_values[11] == ["1", "2", "3"]


def test_it_rejects_a_second_row_with_the_same_bsn_in_one_file() -> None:
    report = _import("persons_duplicate_bsn.csv")
    assert (report.created, report.updated) == (2, 0)
    assert report.rejected == [RejectedRow(4, ("bsn: dit BSN staat al op regel 2.",))]
    assert Person.objects.get(bsn="999990093").given_names == "Mohamed"


def test_it_updates_the_person_with_a_known_bsn_instead_of_duplicating() -> None:
    known = person_create(actor=None, given_names="J.", surname="Berg", bsn="999990019", phone="06-99999999")
    report = _import("persons_good.csv")
    assert (report.created, report.updated, report.unchanged) == (4, 1, 0)
    assert Person.objects.filter(bsn="999990019").count() == 1
    known.refresh_from_db()
    assert (known.given_names, known.prefix, known.birth_date) == ("Jan", "van den", date(1955, 8, 30))
    assert known.phone == "06-12345678" and known.address_id is not None
    assert known.version == 2
    assert ProcessingLogEntry.objects.filter(action="person.changed", object_id=str(known.pk)).exists()


def test_it_changes_nothing_when_the_same_file_comes_again() -> None:
    _import("persons_good.csv")
    report = _import("persons_good.csv")
    assert (report.created, report.updated, report.unchanged, report.rejected) == (0, 5, 5, [])
    assert Person.objects.count() == 5
    assert set(Person.objects.values_list("version", flat=True)) == {1}


def test_it_matches_rows_without_bsn_and_only_updates_a_strong_match() -> None:
    address = address_get_or_create(
        actor=None, postcode="6842CA", house_number=1, street="Markt", city="Bemmel"
    )
    kees = person_create(
        actor=None, given_names="Kees", surname="Backer", birth_date=date(1962, 11, 2), address=address
    )
    karin = person_create(actor=None, given_names="Karin", surname="Bakker", birth_date=date(1964, 1, 2))
    report = _import("persons_good.csv")
    assert (report.created, report.updated) == (4, 1)
    kees.refresh_from_db()
    assert kees.surname == "Bakker"  # the register's spelling
    karin.refresh_from_db()
    assert karin.given_names == "Karin" and karin.version == 1


def test_it_refuses_to_guess_between_two_equally_good_persons_without_bsn() -> None:
    for _ in range(2):
        person_create(actor=None, given_names="Sanne", surname="Visser")
    report = _import("persons_good.csv")
    assert report.rejected == [
        RejectedRow(7, ("Zonder BSN passen meerdere bestaande personen even goed; vul het BSN in.",))
    ]
    assert Person.objects.filter(surname="Visser", phone="").count() == 2


def test_one_failing_row_does_not_undo_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    real_create = importer.person_create

    def failing_create(**kwargs: object) -> Person:
        if kwargs["surname"] == "Vries":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT 1 / 0"
                )  # a real database error: aborts the transaction but for a savepoint
        return real_create(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "person_create", failing_create)
    report = _import("persons_good.csv")
    assert report.created == 4
    assert report.rejected == [RejectedRow(3, ("De rij kon niet worden opgeslagen (DataError).",))]
    assert not Person.objects.filter(surname="Vries").exists()
    assert not Address.objects.filter(street="Kerkstraat").exists()  # the row's address went with it


def test_it_writes_nothing_in_a_dry_run() -> None:
    entries = ProcessingLogEntry.objects.count()
    report = _import("persons_bad_rows.csv", dry_run=True)
    assert (report.created, len(report.rejected), report.dry_run) == (2, 8, True)
    assert Person.objects.count() == 0 and Address.objects.count() == 0
    assert ProcessingLogEntry.objects.count() == entries


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Het bestand is leeg"),
        (b"\n\n", "Het bestand is leeg"),
        (b"PK\x03\x04\x14\x00\x06\x00xl/workbook.xml", "binair (bijvoorbeeld een Excel-bestand)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binair"),
        ("achternaam;voornamen\nMüller;René\n".encode("cp1252"), "geen UTF-8-tekst (regel 2)"),
        (b"naam;geboortedatum\nJansen;1970-01-01\n", "onbekende kolommen: naam"),
        (b"voornamen;geboortedatum\nJan;1970-01-01\n", "achternaam is verplicht"),
        (b";;;\n;;;\n", "Het bestand is leeg"),
        (b"achternaam;Achternaam\nJansen;Jansen\n", "dubbele kolommen: achternaam"),
        (b"achternaam\nJansen\x00\n", "binair"),
    ],
    ids=[
        "empty",
        "blank-lines",
        "excel",
        "png",
        "latin-1",
        "unknown-column",
        "no-surname-column",
        "only-separators",
        "double-column",
        "nul-byte",
    ],
)
def test_it_refuses_a_file_that_is_not_a_person_csv_and_writes_nothing(data: bytes, message: str) -> None:
    entries = ProcessingLogEntry.objects.count()
    with pytest.raises(ImportFileError) as caught:
        import_persons(data)
    assert message in str(caught.value)
    assert Person.objects.count() == 0 and ProcessingLogEntry.objects.count() == entries


def test_it_skips_blank_lines_and_asks_for_a_complete_address() -> None:
    data = (
        "\r\n\r\nachternaam;straat;huisnummer;postcode;woonplaats\r\nJansen;Markt;;;Bemmel\r\n\r\nBos;;;;\r\n"
    )
    report = import_persons(data.encode())
    assert report.rejected == [
        RejectedRow(
            4,
            (
                "postcode: vul bij een adres de postcode in.",
                "huisnummer: vul bij een adres het huisnummer in.",
            ),
        )
    ]
    assert report.created == 1 and Person.objects.get().surname == "Bos"


def test_it_accepts_a_file_with_only_a_header() -> None:
    report = _import("persons_header_only.csv")
    assert (report.rows, report.created, report.rejected) == (0, 0, [])


def test_it_refuses_the_empty_test_file() -> None:
    with pytest.raises(ImportFileError, match="leeg"):
        _import("persons_empty.csv")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1970-01-15", date(1970, 1, 15)),
        ("15-01-1970", date(1970, 1, 15)),
        ("5-1-1970", date(1970, 1, 5)),
        ("1970-02-30", None),
        ("15/01/1970", None),
        ("gisteren", None),
    ],
)
def test_it_reads_iso_and_dutch_dates(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def _big_file(path: Path, rows: int) -> Path:
    bsns = generate_test_bsns(rows, seed=10)
    lines = [";".join(COLUMNS)]
    for n, bsn in enumerate(bsns):
        street = f"Straat{n % 50}"
        lines.append(
            f"{bsn};Voornaam{n};;Achternaam{n};{1940 + n % 60}-{1 + n % 12:02d}-{1 + n % 28:02d};"
            f"{street};{1 + n % 200};;;6851AB;Huissen;;"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_it_imports_many_rows_with_a_bounded_number_of_queries_per_row(tmp_path: Path) -> None:
    path = _big_file(tmp_path / "groot.csv", 300)
    progress: list[tuple[int, int]] = []
    with CaptureQueriesContext(connection) as queries:
        report = import_persons(
            path.read_bytes(), progress=lambda d, t: progress.append((d, t)), progress_every=120
        )
    assert (report.created, report.rejected) == (300, [])
    assert progress == [(120, 300), (240, 300), (300, 300)]
    # per row: savepoint 2, address 0-4, person_create 3 + its savepoint 2, log entry 4 + savepoint 2
    assert len(queries) / 300 <= 16, f"{len(queries) / 300:.1f} queries per row"


# --- The command -----------------------------------------------------------------------------------------


def _run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_imports_and_summarises() -> None:
    out, err = _run("persons", str(DATA / "persons_good.csv"))
    assert "Import persons_good.csv: 5 rijen" in out
    assert "nieuw: 5, bijgewerkt: 0 (waarvan ongewijzigd: 0), afgekeurd: 0." in out
    assert err.strip() == "5 van 5 rijen verwerkt"
    assert Person.objects.count() == 5


def test_the_command_prints_progress_with_dutch_thousands(tmp_path: Path) -> None:
    path = _big_file(tmp_path / "groot.csv", 250)
    _, err = _run("persons", str(path), "--dry-run", "--progress-every", "100")
    assert err.splitlines() == [
        "100 van 250 rijen verwerkt",
        "200 van 250 rijen verwerkt",
        "250 van 250 rijen verwerkt",
    ]
    assert Person.objects.count() == 0
    assert [_number(n) for n in (999, 12_000, 50_000, 1_234_567)] == ["999", "12.000", "50.000", "1.234.567"]


def test_the_command_exits_3_and_writes_the_rejected_rows_next_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "uittreksel.csv"
    shutil.copy(DATA / "persons_bad_rows.csv", path)
    out = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import", "persons", str(path), stdout=out, stderr=io.StringIO())
    assert caught.value.returncode == 3
    assert "8 rijen afgekeurd" in str(caught.value)
    assert "regel 3: bsn: Dit is geen geldig BSN (de elfproef klopt niet)." in out.getvalue()
    lines = (tmp_path / "uittreksel.afgekeurd.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "regel;redenen;" + ";".join(COLUMNS)
    assert (
        lines[1]
        == "3;bsn: Dit is geen geldig BSN (de elfproef klopt niet).;123456789;Klaas;;Bos;1980-01-01;;;;;;;;"
    )
    assert len(lines) == 9
    assert Person.objects.count() == 2


def test_the_command_writes_the_report_where_asked(tmp_path: Path) -> None:
    report = tmp_path / "rapport.csv"
    with pytest.raises(CommandError):
        _run("persons", str(DATA / "persons_duplicate_bsn.csv"), "--dry-run", "--report", str(report))
    assert "dit BSN staat al op regel 2" in report.read_text(encoding="utf-8")
    assert not (DATA / "persons_duplicate_bsn.afgekeurd.csv").exists()


def test_the_command_refuses_a_binary_file_with_exit_1_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)))
    with pytest.raises(CommandError) as caught:
        _run("persons", str(path))
    assert caught.value.returncode == 1
    assert "geen CSV-tekstbestand" in str(caught.value) and "Er is niets opgeslagen." in str(caught.value)
    assert Person.objects.count() == 0 and not (tmp_path / "export.afgekeurd.csv").exists()


def test_the_command_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        _run("persons", str(tmp_path / "bestaat-niet.csv"))
