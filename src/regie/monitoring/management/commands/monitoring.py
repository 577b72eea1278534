from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from regie.monitoring.services.rollups import parse_month, rollup_rebuild


class Command(BaseCommand):
    help = "Berekent de cijfers van de monitoring opnieuw: 'regie monitoring rebuild [--from JJJJ-MM]'."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rebuild"])
        parser.add_argument("--from", dest="from_month", default=None, help="eerste maand, JJJJ-MM")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            first = parse_month(options["from_month"]) if options["from_month"] else None
            run = rollup_rebuild(from_month=first)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=2) from None
        self.stdout.write(
            f"Monitoring opnieuw berekend: {run.months_done} maanden ({run.from_month:%Y-%m} tot en met "
            f"{run.to_month:%Y-%m}), {run.figures} cijfers."
        )
