from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from regie.management.backup import BackupError, backup


class Command(BaseCommand):
    help = "Maakt een back-up van de database en de documenten in één bestand: 'regie backup BESTAND'."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="het archief dat wordt geschreven (bestaat het, dan wordt het vervangen)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = backup(Path(options["file"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        megabytes = f"{summary.database_bytes / 1_000_000:.1f}".replace(".", ",")
        self.stdout.write(
            f"Back-up geschreven naar {summary.path}: database {megabytes} MB, {summary.documents} documenten."
        )
