"""`regie worker`: the background jobs (procrastinate), waiting for the database when it is away at start or goes
away while the worker runs, instead of stopping (core/worker.py)."""

from __future__ import annotations

import asyncio
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from procrastinate.contrib.django import app
from procrastinate.contrib.django.utils import connector_params

from regie.core.worker import RETRY_SECONDS, fresh_django_connections, run_until_signalled, supervise


class Command(BaseCommand):
    help = "Draait de achtergrondtaken; wacht op de database als die niet bereikbaar is en gaat daarna vanzelf verder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--queues", "-q", default="", help="alleen deze wachtrijen, met komma's (zoals procrastinate worker)"
        )
        parser.add_argument("--concurrency", type=int, default=1, help="taken tegelijk (standaard 1)")
        parser.add_argument(
            "--retry-seconds",
            type=float,
            default=RETRY_SECONDS,
            help="seconden tussen pogingen de database te bereiken",
        )
        parser.add_argument(
            "--until-empty", action="store_true", help="stoppen zodra de wachtrijen leeg zijn"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["concurrency"] <= 64:
            raise CommandError("--concurrency moet tussen 1 en 64 liggen.")
        if not 0.1 <= options["retry_seconds"] <= 3600:
            raise CommandError("--retry-seconds moet tussen 0,1 en 3600 liggen.")

        def say(line: str) -> None:
            self.stderr.write(line)
            self.stderr.flush()

        def worker(stop: asyncio.Event) -> Any:
            return supervise(
                app,
                connector_params(),
                say=say,
                retry_seconds=options["retry_seconds"],
                stop=stop,
                queues=[q.strip() for q in options["queues"].split(",") if q.strip()] or None,
                concurrency=options["concurrency"],
                wait=not options["until_empty"],
                task_middleware=[fresh_django_connections],
            )

        run_until_signalled(worker)
