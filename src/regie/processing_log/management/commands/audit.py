from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from regie.processing_log.services import verify_chain


class Command(BaseCommand):
    help = "Controleert het verwerkingslog: 'regie audit verify' (exit 0 = keten intact)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: Any, **options: Any) -> None:
        result = verify_chain()
        if result.intact:
            self.stdout.write(f"Verwerkingslog intact: {result.entries_checked} regels gecontroleerd.")
            return
        raise CommandError(
            f"Verwerkingslog GEBROKEN bij regel {result.first_broken_seq}: {result.reason}. "
            f"{result.entries_checked} regels ervoor zijn intact.",
            returncode=3,
        )
