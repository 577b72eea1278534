from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serveert Regie met waitress (meerdere processen achter een load balancer voor schaal)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args: Any, **options: Any) -> None:
        from waitress import serve

        from regie.wsgi import application

        self.stdout.write(f"Regie luistert op http://{options['host']}:{options['port']}")
        serve(
            application, host=options["host"], port=options["port"], threads=options["threads"], ident="Regie"
        )
