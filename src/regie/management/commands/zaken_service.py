"""`regie zaken-service`: set up (or show, or remove) the zaaksysteem Regie hands cases to (Zaken API).

The service is a zgw-consumers `Service` (slug `REGIE_ZAKEN_SERVICE`, ZGW JWT auth). The secret comes from the
environment variable REGIE_ZAKEN_SECRET, never from the command line (where `ps` and the shell history see it).
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import URLValidator
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service


class Command(BaseCommand):
    help = (
        "Stelt het zaaksysteem (Zaken API) in waaraan Regie casussen overdraagt: --api-root en --client-id, "
        "het geheim uit REGIE_ZAKEN_SECRET. Zonder opties: de huidige instelling; --remove: ontkoppelen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--api-root", help="bijv. https://zaken.gemeente.nl/zaken/api/v1/")
        parser.add_argument("--client-id", help="de client-id waarmee Regie zijn JWT ondertekent")
        parser.add_argument("--timeout", type=int, default=10, help="seconden (standaard 10)")
        parser.add_argument(
            "--documenten-api-root",
            help="de Documenten API ernaast (voor documenten bij een overdracht), bijv. "
            "https://zaken.gemeente.nl/documenten/api/v1/; dezelfde client-id en hetzelfde geheim",
        )
        parser.add_argument("--remove", action="store_true", help="het zaaksysteem ontkoppelen")

    def handle(self, *args: Any, **options: Any) -> None:
        slug = settings.REGIE_ZAKEN_SERVICE
        if not slug:
            raise CommandError("REGIE_ZAKEN_SERVICE is leeg: er is geen zaaksysteem in te stellen.")
        if options["remove"]:
            removed, _ = Service.objects.filter(slug__in=[slug, settings.REGIE_DOCUMENTEN_SERVICE]).delete()
            self.stdout.write("Zaaksysteem ontkoppeld." if removed else "Er was geen zaaksysteem ingesteld.")
            return
        if not options["api_root"] and not options["client_id"]:
            service = Service.objects.filter(slug=slug).first()
            if service is None:
                self.stdout.write(f"Geen zaaksysteem ingesteld (service {slug!r}).")
            else:
                self.stdout.write(
                    f"{service.api_root} — client-id {service.client_id}, timeout {service.timeout} s"
                )
            return
        api_root, client_id = options["api_root"] or "", options["client_id"] or ""
        try:
            URLValidator(schemes=["http", "https"])(api_root)
        except ValidationError as exc:
            raise CommandError(f"--api-root moet een http(s)-adres zijn, niet {api_root!r}.") from exc
        if not client_id.strip():
            raise CommandError("Geef --client-id op.")
        secret = os.environ.get("REGIE_ZAKEN_SECRET", "")
        if not secret:
            raise CommandError(
                "Zet het geheim in de omgevingsvariabele REGIE_ZAKEN_SECRET (niet op de opdrachtregel)."
            )
        if not 1 <= options["timeout"] <= 120:
            raise CommandError("--timeout ligt tussen 1 en 120 seconden.")
        documenten_root = options.get("documenten_api_root") or ""
        if documenten_root:
            try:
                URLValidator(schemes=["http", "https"])(documenten_root)
            except ValidationError as exc:
                raise CommandError(
                    f"--documenten-api-root moet een http(s)-adres zijn, niet {documenten_root!r}."
                ) from exc
            if not settings.REGIE_DOCUMENTEN_SERVICE:
                raise CommandError(
                    "REGIE_DOCUMENTEN_SERVICE is leeg: er is geen Documenten API in te stellen."
                )
            Service.objects.update_or_create(
                slug=settings.REGIE_DOCUMENTEN_SERVICE,
                defaults={
                    "label": "Documenten API (zaaksysteem)",
                    "api_type": APITypes.drc,
                    "api_root": documenten_root,
                    "auth_type": AuthTypes.zgw,
                    "client_id": client_id.strip(),
                    "secret": secret,
                    "timeout": options["timeout"],
                },
            )
        Service.objects.update_or_create(
            slug=slug,
            defaults={
                "label": "Zaaksysteem (Zaken API)",
                "api_type": APITypes.zrc,
                "api_root": api_root,
                "auth_type": AuthTypes.zgw,
                "client_id": client_id.strip(),
                "secret": secret,
                "timeout": options["timeout"],
            },
        )
        self.stdout.write(f"Zaaksysteem ingesteld: {api_root}. Controleer het met 'regie check-connections'.")
