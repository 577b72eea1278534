from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from regie.core.calendar import atw_calendar
from regie.core.terms import PeriodError, term_end


class Command(BaseCommand):
    help = "Berekent de laatste dag van een termijn (Algemene termijnenwet bij --statutory)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="start", required=True, help="gebeurtenisdatum JJJJ-MM-DD")
        parser.add_argument("--period", required=True, help="ISO 8601-duur, bijv. P6W")
        parser.add_argument(
            "--statutory", action="store_true", help="wettelijke termijn (Atw van toepassing)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            start = date.fromisoformat(options["start"])
        except ValueError as exc:
            raise CommandError(f"Ongeldige datum '{options['start']}': gebruik JJJJ-MM-DD.") from exc
        try:
            result = term_end(
                start, options["period"], statutory=options["statutory"], calendar=atw_calendar()
            )
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(result.explanation())
        self.stdout.write(result.end_date.isoformat())
