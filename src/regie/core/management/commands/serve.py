"""`regie serve`: the web server. One process with threads (waitress) by default; with `--workers N` (N > 1) N
pre-forked processes behind one socket (gunicorn, threads per process), so Python runs on every core. The measured
choice and its figures are in docs/operations.md."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.wsgi import get_wsgi_application
from gunicorn.app.base import BaseApplication
from waitress import serve

from regie.core.request_limits import MB
from regie.core.serving import ready_to_serve


class _Gunicorn(BaseApplication):
    """gunicorn configured from Regie's options, not from a config file or the command line."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return ready_to_serve(get_wsgi_application())  # in each worker, after the fork (no preload)


class Command(BaseCommand):
    help = "Serveert Regie: één proces met threads, of met --workers N meerdere processen achter één socket."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--threads", type=int, default=8, help="threads per proces")
        parser.add_argument("--workers", type=int, default=1, help="processen (standaard 1)")

    def handle(self, *args: Any, **options: Any) -> None:
        workers, threads = options["workers"], options["threads"]
        if not 1 <= workers <= 64:
            raise CommandError("--workers moet tussen 1 en 64 liggen.")
        if not 1 <= threads <= 256:
            raise CommandError("--threads moet tussen 1 en 256 liggen.")
        address = f"{options['host']}:{options['port']}"
        self.stdout.write(f"Regie luistert op http://{address} ({workers} proces(sen), {threads} threads elk)")
        self.stdout.flush()
        if workers == 1:
            serve(
                ready_to_serve(get_wsgi_application()),
                host=options["host"],
                port=options["port"],
                threads=threads,
                ident="Regie",
                # A chunked body has no Content-Length for RequestSizeLimitMiddleware to check: waitress caps it.
                max_request_body_size=settings.REGIE_MAX_REQUEST_MB * MB,
            )
            return
        _Gunicorn(
            {
                "bind": address,
                "workers": workers,
                "worker_class": "gthread",
                "threads": threads,
                "timeout": 60,
                "graceful_timeout": 20,
                # Each process holds its own database connections: Django's are per thread and not shared
                # across the fork, because the application is loaded in each worker (no preload).
                "preload_app": False,
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
                "proc_name": "regie",
                "limit_request_line": 8190,
            }
        ).run()
