from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from regie.park.import_command import import_lots
from regie.subjects.importer import ImportFileError, ImportReport, import_persons

# Exit codes: 0 every row imported; 1 file refused as a whole (nothing written); 3 some rows rejected.
EXIT_ROWS_REJECTED = 3


def _number(n: int) -> str:
    """Dutch thousands separator: 12000 -> "12.000"."""
    return f"{n:,}".replace(",", ".")


def write_rejected(report: ImportReport, path: Path) -> None:
    """Write the rejected rows as CSV (`;`): line, reasons, then the row as it was, to fix and import again."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["regel", "redenen", *report.columns])
        for line, reasons in report.rejected:
            writer.writerow([line, " | ".join(reasons), *report.rejected_values[line]])


class Command(BaseCommand):
    help = (
        "Importeert een registeruittreksel: 'regie import persons BESTAND [--dry-run] [--report PAD]', of "
        "kavels op een vakantiepark: 'regie import lots PARK BESTAND [--user GEBRUIKER]' (PARK is het id of "
        "de naam). Exit 0 = alles ingelezen, 1 = bestand geweigerd (niets opgeslagen), 3 = rijen afgekeurd."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["persons", "lots"], help="wat er wordt ingelezen")
        parser.add_argument(
            "targets",
            nargs="+",
            metavar="[PARK] BESTAND",
            help="persons: het CSV-bestand (UTF-8, ; of , als scheidingsteken); lots: het park (id of naam) "
            "en het CSV- of GeoJSON-bestand",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="alles controleren, niets opslaan (persons)"
        )
        parser.add_argument("--report", help="pad voor het rapport van afgekeurde rijen (CSV)")
        parser.add_argument(
            "--progress-every", type=int, help="voortgang elke N rijen (persons 1000, lots 100)"
        )
        parser.add_argument("--user", help="lots: de gebruiker die als importeur wordt vastgelegd")

    def handle(self, *args: Any, **options: Any) -> None:
        expected = 2 if options["kind"] == "lots" else 1
        if len(options["targets"]) != expected:
            usage = "lots PARK BESTAND" if expected == 2 else "persons BESTAND"
            raise CommandError(f"Gebruik: regie import {usage}")
        path = Path(options["targets"][-1])
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        if options["progress_every"] is not None and options["progress_every"] < 1:
            raise CommandError("--progress-every moet minstens 1 zijn.")
        if options["kind"] == "lots":
            if options["dry_run"] or options["report"]:
                raise CommandError("--dry-run en --report horen bij 'import persons'.")
            import_lots(self, park_ref=options["targets"][0], path=path, **options)
            return
        options["progress_every"] = options["progress_every"] or 1000

        def progress(done: int, total: int) -> None:
            self.stderr.write(f"{_number(done)} van {_number(total)} rijen verwerkt")

        started = time.monotonic()
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Het bestand {path} kan niet worden gelezen: {exc.strerror}.") from exc
        try:
            report = import_persons(
                data,
                source=path.name,
                dry_run=options["dry_run"],
                progress=progress,
                progress_every=options["progress_every"],
            )
        except ImportFileError as exc:
            raise CommandError(f"{path.name}: {exc} Er is niets opgeslagen.") from exc
        seconds = time.monotonic() - started
        prefix = "Proefimport (niets opgeslagen)" if report.dry_run else "Import"
        self.stdout.write(
            f"{prefix} {path.name}: {_number(report.rows)} rijen in {seconds:.1f} s — "
            f"nieuw: {_number(report.created)}, bijgewerkt: {_number(report.updated)} "
            f"(waarvan ongewijzigd: {_number(report.unchanged)}), afgekeurd: {_number(len(report.rejected))}."
        )
        if not report.rejected:
            return
        report_path = (
            Path(options["report"]) if options["report"] else path.with_name(f"{path.stem}.afgekeurd.csv")
        )
        try:
            write_rejected(report, report_path)
        except OSError as exc:
            raise CommandError(
                f"Het rapport {report_path} kan niet worden geschreven: {exc.strerror}."
            ) from exc
        for line, reasons in report.rejected[:10]:
            self.stdout.write(f"  regel {line}: {' '.join(reasons)}")
        if len(report.rejected) > 10:
            self.stdout.write(f"  … en nog {_number(len(report.rejected) - 10)} rijen.")
        raise CommandError(
            f"{_number(len(report.rejected))} rijen afgekeurd; zie {report_path}.",
            returncode=EXIT_ROWS_REJECTED,
        )
