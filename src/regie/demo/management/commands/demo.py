from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from regie.demo.registers import start_registers
from regie.demo.zaaksysteem import demo_zaaksysteem


class Command(BaseCommand):
    help = "Start de demo: migreert, laadt de demogemeente, en draait webserver en worker."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("De demo draait alleen met REGIE_DEMO=true (regie demo zet dat zelf).")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_demo")
        # A local BRP and BAG with fictional data, or none ("niet gekoppeld") with REGIE_DEMO_REGISTERS=uit.
        registers = start_registers() if settings.REGIE_DEMO_REGISTERS else []
        if registers:
            self.stdout.write(f"Lokale BAG en BRP (fictief): {registers[0].url} en {registers[1].url}")
        # A local zaaksysteem (Zaken API) that 'Overdragen aan zaaksysteem' hands cases to; off with the registers.
        zaaksysteem = demo_zaaksysteem(enabled=settings.REGIE_DEMO_REGISTERS)
        if zaaksysteem is not None:
            self.stdout.write(f"Lokaal zaaksysteem (Zaken API): {zaaksysteem.api_root}")
        env = {**os.environ, "REGIE_DEMO": "true"}
        worker = subprocess.Popen([sys.executable, "-m", "regie.cli", "worker"], env=env)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo: http://127.0.0.1:{options['port']}  (accounts: procesregisseur, projectleider, handhaver, "
                "jurist, brp, politie, ggz, analist, beheerder, beheerder2, privacy — wachtwoord regie-demo)"
            )
        )
        try:
            call_command("serve", port=options["port"])
        finally:
            worker.terminate()
            worker.wait(10)
            for server in registers:
                server.stop()
            if zaaksysteem is not None:
                zaaksysteem.stop()
