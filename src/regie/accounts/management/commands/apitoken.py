from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from regie.accounts import services
from regie.accounts.models import User


class Command(BaseCommand):
    help = "Drukt een nieuw persoonlijk API-token af met de rechten van die gebruiker."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="Opdrachtregel")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"].strip().lower()).first()
        if user is None:
            raise CommandError(f"Onbekende gebruiker: {options['username']}")
        issued = services.api_token_create(actor=user, user=user, name=options["name"])
        self.stdout.write(issued.secret)
