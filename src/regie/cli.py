"""The `regie` command line: a thin dispatcher onto Django management commands."""

from __future__ import annotations

import os
import sys

from regie.core.demo_marker import data_dir_from_env, write_demo_marker

USAGE = """Gebruik: regie <opdracht> [opties]

Opdrachten:
  demo [--port N]        demo-omgeving: database, migraties, demodata, webserver en worker
  serve [--port N]       alleen de webserver
  worker [--until-empty] de achtergrondtaken; wacht op de database als die weg is
  migrate                databaseschema bijwerken
  seed-demo              demodata laden (idempotent)
  apitoken GEBRUIKER     nieuw persoonlijk API-token afdrukken
  audit verify           keten van het verwerkingslog controleren (exit 0 = intact)
  destruction propose    vernietigingslijst voorstellen (bewaartermijn verstreken); 'resume' maakt een
                         afgebroken vernietiging af
  monitoring rebuild [--from JJJJ-MM]
                         de cijfers van de monitoring opnieuw berekenen (standaard drie jaar terug)
  backup BESTAND         back-up van database en documenten in één bestand
  restore BESTAND [--replace]
                         een back-up terugzetten en daarna het verwerkingslog controleren
  import persons BESTAND personen uit een BRP-uittreksel (CSV) inlezen, met rapport van afgekeurde rijen
  import lots PARK BESTAND
                         kavels (CSV of GeoJSON) op een vakantiepark inlezen, met voortgang en rapport
  check-connections      elke koppeling (aanmelding, BRP, BAG, e-mail, Zaken API) controleren
  zaken-service --api-root URL --client-id ID
                         het zaaksysteem (Zaken API) instellen; geheim uit REGIE_ZAKEN_SECRET
  deadline --from DATUM --period DUUR [--statutory]
                         einddatum van een termijn (Algemene termijnenwet)
"""

ALIASES = {
    "seed-demo": ["seed_demo"],
}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(USAGE)
        sys.exit(0 if args else 2)
    command, rest = args[0], args[1:]
    if command == "demo":
        os.environ["REGIE_DEMO"] = "true"
        # Before settings are read: the demo's data directory records that it is the demo, with a generated
        # secret, so later commands on it (`regie apitoken …`) run as the demo too (core/demo_marker.py).
        if not os.environ.get("DATABASE_URL"):
            write_demo_marker(data_dir_from_env())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regie.settings")
    from django.core.management import execute_from_command_line

    django_args = ALIASES.get(command, [command.replace("-", "_")])
    execute_from_command_line(["regie", *django_args, *rest])


if __name__ == "__main__":
    main()
