from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from regie.privacy.destruction import destruction_list_propose, destruction_resume


class Command(BaseCommand):
    help = (
        "Vernietigingslijsten: 'regie destruction propose' stelt een lijst voor van gesloten casussen waarvan de "
        "bewaartermijn verstreken is; 'regie destruction resume' maakt een afgebroken vernietiging af."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["propose", "resume"])

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "resume":
            finished = destruction_resume()
            self.stdout.write(f"{len(finished)} afgebroken vernietiging(en) afgemaakt.")
            return
        dlist = destruction_list_propose()
        if dlist is None:
            self.stdout.write("Geen records waarvan de bewaartermijn verstreken is; geen lijst voorgesteld.")
        else:
            self.stdout.write(f"{dlist.name} voorgesteld met {dlist.items.count()} record(s).")
