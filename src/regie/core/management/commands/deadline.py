from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from regie.core.calendar import atw_calendar
from regie.core.terms import AtwCalendar, CalendarError, PeriodError, term_end


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
            calendar = atw_calendar()
        except DatabaseError:
            # The law's own holidays need no database; only days equated by royal decree live there.
            self.stderr.write(
                "Let op: de database is niet bereikbaar of niet bijgewerkt (regie migrate); er is gerekend "
                "zonder de bij koninklijk besluit gelijkgestelde dagen (Atw art. 3 lid 3)."
            )
            calendar = AtwCalendar()
        try:
            result = term_end(start, options["period"], statutory=options["statutory"], calendar=calendar)
        except (PeriodError, CalendarError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(result.explanation())
        self.stdout.write(result.end_date.isoformat())
