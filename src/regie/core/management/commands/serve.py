from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.core.wsgi import get_wsgi_application

from regie.core.request_limits import MB


class Command(BaseCommand):
    help = "Serveert Regie met waitress (meerdere processen achter een load balancer voor schaal)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args: Any, **options: Any) -> None:
        from waitress import serve  # the server is loaded only by this command

        self.stdout.write(f"Regie luistert op http://{options['host']}:{options['port']}")
        serve(
            get_wsgi_application(),
            host=options["host"],
            port=options["port"],
            threads=options["threads"],
            ident="Regie",
            # A chunked body has no Content-Length for RequestSizeLimitMiddleware to check: waitress caps it.
            max_request_body_size=settings.REGIE_MAX_REQUEST_MB * MB,
        )
