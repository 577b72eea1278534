"""`regie import lots PARK BESTAND`: the synchronous lot import on the command line, with progress on stderr."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from regie.access import park_access
from regie.accounts.models import User
from regie.park.models import Park
from regie.park.services.imports import ImportReport, park_lots_import

# Exit codes as for `import persons`: 1 file refused (nothing written), 3 some rows refused.
EXIT_ROWS_REJECTED = 3
PROGRESS_EVERY = 100


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _park(reference: str) -> Park:
    """The park by id, or else by its exact name (case-insensitive) when that names exactly one park."""
    try:
        found = Park.objects.filter(pk=UUID(reference)).first()
    except ValueError:
        found = None
    if found is not None:
        return found
    named = list(Park.objects.filter(name__iexact=reference.strip())[:2])
    if len(named) == 1:
        return named[0]
    known = ", ".join(f"{p.pk} ({p.name})" for p in Park.objects.order_by("name")[:10]) or "geen"
    raise CommandError(f"Onbekend park: {reference}. Bekende parken: {known}.")


def _actor(username: str | None, park: Park) -> User | None:
    if not username:
        return None
    user = User.objects.filter(username=username).select_related("organisation").first()
    if user is None:
        raise CommandError(f"Onbekende gebruiker: {username}.")
    if not (
        park_access.may_plan_rounds(user) and park_access.parks_visible_to(user).filter(pk=park.pk).exists()
    ):
        raise CommandError(f"{username} mag geen kavels importeren op {park.name}.")
    return user


def import_lots(command: BaseCommand, *, park_ref: str, path: Path, **options: Any) -> None:
    """Import lots from a CSV or GeoJSON file, print progress and a summary; exit 3 when rows were refused."""
    park = _park(park_ref)
    actor = _actor(options.get("user"), park)
    every = options.get("progress_every") or PROGRESS_EVERY
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"Het bestand {path} kan niet worden gelezen: {exc.strerror}.") from exc

    def progress(report: ImportReport) -> None:
        command.stderr.write(f"{_number(report.rows)} van {_number(report.total)} regels verwerkt")

    started = time.monotonic()
    try:
        report = park_lots_import(
            actor=actor, park=park, content=content, progress=progress, progress_every=every
        )
    except ValidationError as exc:
        raise CommandError(f"{path.name}: {' '.join(exc.messages)} Er is niets opgeslagen.") from exc
    seconds = time.monotonic() - started
    command.stdout.write(
        f"Import {path.name} op {park.name}: {_number(report.rows)} regels in {seconds:.1f} s — "
        f"kavels toegevoegd: {_number(len(report.created))}, afgekeurd: {_number(len(report.errors))}."
    )
    if not report.errors:
        return
    for line, message in report.errors[:10]:
        command.stdout.write(f"  regel {line}: {message}")
    if len(report.errors) > 10:
        command.stdout.write(f"  … en nog {_number(len(report.errors) - 10)} regels.")
    raise CommandError(
        f"{_number(len(report.errors))} regels afgekeurd; de andere zijn ingelezen.",
        returncode=EXIT_ROWS_REJECTED,
    )
