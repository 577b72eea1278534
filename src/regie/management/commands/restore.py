from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from regie.management.backup import BackupError, restore
from regie.processing_log.services import processing_log_seal
from regie.processing_log.verify import default_verify_workers, verify_chain


class Command(BaseCommand):
    help = (
        "Zet een back-up van 'regie backup' terug (database en documenten) en controleert daarna het "
        "verwerkingslog: 'regie restore BESTAND [--replace]'."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="het archief van 'regie backup'")
        parser.add_argument(
            "--replace", action="store_true", help="de gegevens die nu in de database staan vervangen"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            documents = restore(Path(options["file"]), replace=options["replace"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        processing_log_seal()  # entries the backup holds unsealed are chained now, then all are checked
        result = verify_chain(workers=default_verify_workers())
        self.stdout.write(f"Hersteld uit {options['file']}: database en {documents} documenten.")
        if not result.intact:
            raise CommandError(
                f"Het verwerkingslog in de back-up is GEBROKEN bij regel {result.first_broken_seq}: "
                f"{result.reason}.",
                returncode=3,
            )
        self.stdout.write(f"Verwerkingslog intact: {result.entries_checked} regels gecontroleerd.")
