from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from regie.demo.seed import seed_demo


class Command(BaseCommand):
    help = "Laadt de demogemeente (idempotent: opnieuw draaien verandert niets)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = seed_demo(full=True)
        for line in report:
            self.stdout.write(line)
