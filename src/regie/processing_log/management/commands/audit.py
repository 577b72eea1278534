from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from regie.core.terms import format_date
from regie.processing_log.partitions import (
    default_partition_rows,
    processing_log_partitions,
    processing_log_partitions_ensure,
)
from regie.processing_log.services import (
    processing_log_pseudonymise,
    processing_log_seal,
    pseudonymisation_cutoff,
)
from regie.processing_log.verify import default_verify_workers, verify_chain


class Command(BaseCommand):
    help = (
        "Controleert het verwerkingslog: 'regie audit verify' (exit 0 = keten intact); 'regie audit pseudonymise' "
        "pseudonimiseert de regels die ouder zijn dan de bewaartermijn van het log; 'regie audit partitions' maakt "
        "de maandpartities van deze en de komende maanden en toont ze."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify", "pseudonymise", "partitions"])
        parser.add_argument(
            "--workers",
            type=int,
            default=default_verify_workers(),
            help="verify: met zoveel processen tegelijk controleren (standaard: het aantal processorkernen)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "partitions":
            self._partitions()
            return
        if options["action"] == "pseudonymise":
            count = processing_log_pseudonymise()
            before = format_date(pseudonymisation_cutoff(timezone.localdate()), weekday=False)
            self.stdout.write(f"{count} logregels van vóór {before} gepseudonimiseerd.")
            return
        processing_log_seal()  # what the sealing job would chain next, so every committed entry is checked
        if options["workers"] < 1:
            raise CommandError("--workers moet 1 of meer zijn.")
        result = verify_chain(workers=options["workers"])
        if result.intact:
            self.stdout.write(f"Verwerkingslog intact: {result.entries_checked} regels gecontroleerd.")
            return
        raise CommandError(
            f"Verwerkingslog GEBROKEN bij regel {result.first_broken_seq}: {result.reason}. "
            f"{result.entries_checked} regels ervoor zijn intact.",
            returncode=3,
        )

    def _partitions(self) -> None:
        words = {
            "created": "aangemaakt",
            "exists": "bestond al",
            "default": "niet aangemaakt: er staan al regels van die maand in de standaardpartitie",
            "busy": "niet aangemaakt: het log was bezet, de volgende run probeert het opnieuw",
        }
        for month, what in processing_log_partitions_ensure().items():
            self.stdout.write(f"Partitie {month:%Y-%m}: {words[what]}.")
        for partition in processing_log_partitions():
            rows = "nog niet geteld" if partition.estimated_rows < 0 else f"ca. {partition.estimated_rows} regels"
            self.stdout.write(f"  {partition.name}: {partition.bounds} ({rows})")
        waiting = default_partition_rows()
        if waiting:
            self.stdout.write(
                f"{waiting} regels staan in de standaardpartitie (maanden zonder eigen partitie); ze worden "
                "gewoon gecontroleerd. Zie docs/operations.md."
            )
