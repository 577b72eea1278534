"""Import of lots from GeoJSON or CSV: each row validated and saved on its own; a bad row is reported in Dutch
and the rest of the import continues (nothing of a bad row is half-saved)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from regie.access.processing_log import log_processing
from regie.accounts.models import User
from regie.park.models import Park
from regie.park.services.lots import park_lot_create
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


@dataclass
class ImportReport:
    created: list[int] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    rows: int = 0


def _rows(content: bytes) -> Iterator[tuple[int, dict[str, Any]]]:
    text = content.decode("utf-8-sig")
    if text.lstrip().startswith("{"):
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            raise ValidationError({"file": "Een GeoJSON-bestand moet een FeatureCollection zijn."})
        for index, feature in enumerate(data.get("features") or [], start=1):
            if not isinstance(feature, dict):
                yield index, {"geometrie": None}
                continue
            properties = feature.get("properties") or {}
            yield index, {**{k: str(v) for k, v in properties.items()}, "geometrie": feature.get("geometry")}
        return
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    missing = {"kavelnummer", "geometrie"} - set(reader.fieldnames or [])
    if missing:
        raise ValidationError(
            {
                "file": f"De CSV mist de kolom(men) {', '.join(sorted(missing))}; verwacht: {';'.join(CSV_COLUMNS)}."
            }
        )
    for index, row in enumerate(reader, start=2):
        try:
            geometry = json.loads(row.get("geometrie") or "null")
        except json.JSONDecodeError:
            geometry = "ongeldig"
        yield index, {**row, "geometrie": geometry}


def _one(*, actor: User, park: Park, row: dict[str, Any], request: HttpRequest | None) -> int:
    try:
        number = int(str(row.get("kavelnummer", "")).strip())
    except ValueError as exc:
        raise ValidationError({"number": "Het kavelnummer is geen getal."}) from exc
    owner = None
    kvk = str(row.get("eigenaar_kvk") or "").strip()
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
                street=str(row.get("straat") or ""),
                city=str(row.get("woonplaats") or ""),
            )
        park_lot_create(
            actor=actor,
            park=park,
            number=number,
            geometry=row.get("geometrie"),
            address=address,
            owner_business=owner,
            dwelling=str(row.get("omschrijving") or ""),
            request=request,
        )
    return number


def park_lots_import(
    *,
    actor: User,
    park: Park,
    content: bytes,
    progress: Callable[[int], None] | None = None,
    request: HttpRequest | None = None,
) -> ImportReport:
    """Import lots row by row; the report names every row that was refused and why."""
    report = ImportReport()
    try:
        rows = list(_rows(content))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(
            {"file": "Het bestand is geen leesbare CSV (UTF-8, puntkomma's) of GeoJSON."}
        ) from exc
    if len(rows) > MAX_ROWS:
        raise ValidationError({"file": f"Importeer hoogstens {MAX_ROWS} kavels per keer."})
    for line, row in rows:
        report.rows += 1
        try:
            report.created.append(_one(actor=actor, park=park, row=row, request=request))
        except ValidationError as exc:
            messages = (
                [m for ms in exc.message_dict.values() for m in ms]
                if hasattr(exc, "message_dict")
                else exc.messages
            )
            report.errors.append((line, " ".join(messages)))
        if progress is not None:
            progress(report.rows)
    log_processing(
        action="park_lot.imported",
        actor=actor,
        request=request,
        object_type="park",
        object_id=park.pk,
        details={"rows": report.rows, "created": len(report.created), "refused": len(report.errors)},
    )
    return report
