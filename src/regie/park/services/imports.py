"""Import of lots from GeoJSON or CSV: each row validated and saved on its own; a bad row is reported in Dutch
and the rest of the import continues (nothing of a bad row is half-saved).

`read_rows` refuses a file as a whole (empty, not UTF-8, neither CSV nor GeoJSON, too many rows) before anything
is written; `park_lots_import` then imports the rows synchronously (tests, the command line, and the background
job of an import run in `import_runs`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DataError, transaction
from django.http import HttpRequest

from regie.accounts.models import User
from regie.park.models import Park
from regie.park.services.lots import park_lot_create
from regie.processing_log.services import log_processing
from regie.subjects.models import Business
from regie.subjects.services import address_get_or_create

MAX_ROWS = 5000
CSV_COLUMNS = (
    "kavelnummer",
    "geometrie",
    "postcode",
    "huisnummer",
    "straat",
    "woonplaats",
    "eigenaar_kvk",
    "omschrijving",
)
# Longest text per column: longer is refused per row, before anything of it is written.
MAX_LENGTHS = {"straat": 120, "woonplaats": 80, "omschrijving": 300}
UNREADABLE = "Het bestand is geen leesbare CSV (UTF-8, puntkomma's) of GeoJSON."


@dataclass
class ImportReport:
    created: list[int] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    rows: int = 0
    total: int = 0


def _rows(text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    if text.lstrip().startswith(("{", "[")):
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            raise ValidationError({"file": "Een GeoJSON-bestand moet een FeatureCollection zijn."})
        features = data.get("features") or []
        if not isinstance(features, list):
            raise ValidationError({"file": "De 'features' van de FeatureCollection moeten een lijst zijn."})
        for index, feature in enumerate(features, start=1):
            if not isinstance(feature, dict):
                yield index, {"geometrie": None}
                continue
            properties = feature.get("properties") or {}
            if not isinstance(properties, dict):
                properties = {}
            yield index, {**{k: str(v) for k, v in properties.items()}, "geometrie": feature.get("geometry")}
        return
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    missing = {"kavelnummer", "geometrie"} - set(reader.fieldnames or [])
    if missing:
        raise ValidationError(
            {
                "file": f"Het bestand is geen GeoJSON en de CSV mist de kolom(men) {', '.join(sorted(missing))}; "
                f"verwacht: {';'.join(CSV_COLUMNS)}."
            }
        )
    for index, row in enumerate(reader, start=2):
        try:
            geometry = json.loads(row.get("geometrie") or "null")
        except json.JSONDecodeError:
            geometry = "ongeldig"
        yield index, {**row, "geometrie": geometry}


def read_rows(content: bytes) -> list[tuple[int, dict[str, Any]]]:
    """The rows of an upload with their line (CSV) or feature (GeoJSON) number; a bad file is refused whole."""
    if not content.strip():
        raise ValidationError({"file": "Het bestand is leeg."})
    try:
        text = content.decode("utf-8-sig")
        if "\x00" in text:  # UTF-16 or a binary file that happens to decode
            raise UnicodeDecodeError("utf-8", content, 0, 1, "NUL")
        rows = list(_rows(text))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, csv.Error) as exc:
        raise ValidationError({"file": UNREADABLE}) from exc
    if not rows:
        raise ValidationError({"file": "Het bestand bevat geen kavels."})
    if len(rows) > MAX_ROWS:
        raise ValidationError({"file": f"Importeer hoogstens {MAX_ROWS} kavels per keer."})
    return rows


def _text(row: dict[str, Any], column: str) -> str:
    value = str(row.get(column) or "").strip()
    limit = MAX_LENGTHS.get(column)
    if limit is not None and len(value) > limit:
        raise ValidationError({column: f"De kolom {column} is langer dan {limit} tekens."})
    return value


def _one(*, actor: User | None, park: Park, row: dict[str, Any], request: HttpRequest | None) -> int:
    try:
        number = int(str(row.get("kavelnummer", "")).strip())
    except ValueError as exc:
        raise ValidationError({"number": "Het kavelnummer is geen getal."}) from exc
    street, city, dwelling = _text(row, "straat"), _text(row, "woonplaats"), _text(row, "omschrijving")
    owner = None
    kvk = _text(row, "eigenaar_kvk")
    if kvk:
        owner = Business.objects.filter(kvk_number=kvk).first()
        if owner is None:
            raise ValidationError({"owner": f"Onbekende eigenaar: er is geen bedrijf met KvK-nummer {kvk}."})
    with transaction.atomic():
        address = None
        if row.get("postcode") or row.get("huisnummer"):
            try:
                house_number = int(str(row.get("huisnummer") or "0"))
            except ValueError:
                house_number = 0
            address = address_get_or_create(
                actor=actor,
                postcode=str(row.get("postcode") or ""),
                house_number=house_number,
                street=street,
                city=city,
            )
        park_lot_create(
            actor=actor,
            park=park,
            number=number,
            geometry=row.get("geometrie"),
            address=address,
            owner_business=owner,
            dwelling=dwelling,
            request=request,
        )
    return number


def _messages(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return " ".join(m for ms in exc.message_dict.values() for m in ms)
    return " ".join(exc.messages)


def park_lots_import(
    *,
    actor: User | None,
    park: Park,
    content: bytes,
    progress: Callable[[ImportReport], None] | None = None,
    progress_every: int = 1,
    request: HttpRequest | None = None,
) -> ImportReport:
    """Import lots row by row, each row in its own transaction; the report names every refused row and why.

    `progress` is called with the report so far after every `progress_every` rows and after the last one.
    """
    rows = read_rows(content)
    report = ImportReport(total=len(rows))
    for line, row in rows:
        report.rows += 1
        try:
            report.created.append(_one(actor=actor, park=park, row=row, request=request))
        except ValidationError as exc:
            report.errors.append((line, _messages(exc)))
        except DataError:  # a value the database refuses; the row's transaction was rolled back
            report.errors.append((line, "Een waarde in deze regel is te lang of ongeldig."))
        if progress is not None and (
            report.rows % max(1, progress_every) == 0 or report.rows == report.total
        ):
            progress(report)
    log_processing(
        action="park_lot.imported",
        actor=actor,
        username="" if actor is not None else "import",
        request=request,
        object_type="park",
        object_id=park.pk,
        details={"rows": report.rows, "created": len(report.created), "refused": len(report.errors)},
    )
    return report
