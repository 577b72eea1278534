"""Importing a register extract of persons (CSV): validated per row, one savepoint per row, nothing guessed.

A file that cannot be read as CSV text is refused as a whole before anything is written. Every row is then
checked on its own; a valid row is saved in its own savepoint, so one bad row never undoes the others. Rows
are committed in batches; each batch writes one `person.imported` processing-log entry with its persons.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DatabaseError, transaction
from django.utils import timezone

from regie.processing_log.services import log_processing
from regie.subjects.identity import Identity, bsn_error, normalize_bsn, normalize_postcode
from regie.subjects.matching import match_persons
from regie.subjects.models import Address, Person
from regie.subjects.services import address_get_or_create, person_create, person_update

# The header of a register extract, in the usual order (any order is accepted; only achternaam is required).
COLUMNS = (
    "bsn", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "straat", "huisnummer", "huisletter",
    "toevoeging", "postcode", "woonplaats", "email", "telefoon",
)  # fmt: skip
MAX_LENGTH = {"voornamen": 120, "tussenvoegsel": 20, "achternaam": 120, "straat": 120, "woonplaats": 80}
MAX_LENGTH |= {"toevoeging": 4, "email": 254, "telefoon": 30}
ADDRESS_COLUMNS = ("straat", "huisnummer", "huisletter", "toevoeging", "postcode", "woonplaats")
MATCH_THRESHOLD = 90.0  # a row without BSN updates an existing person only at this score or higher
BATCH_SIZE = 250
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH_DATE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message is Dutch and nothing was written."""


class RejectedRow(NamedTuple):
    """A refused row: its line number in the file and the Dutch reasons, each naming its column."""

    line: int
    reasons: tuple[str, ...]


@dataclass
class ImportReport:
    """What an import did: counts, the rejected rows with Dutch reasons, and their original values."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0  # of `updated`: matched an existing person whose data already agreed
    rejected: list[RejectedRow] = field(default_factory=list)
    rejected_values: dict[int, list[str]] = field(default_factory=dict, repr=False)
    columns: list[str] = field(default_factory=list, repr=False)
    dry_run: bool = False


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Return (header, [(line number, fields)]) or raise ImportFileError; nothing is written."""
    if not data.strip():
        raise ImportFileError("Het bestand is leeg: er staat zelfs geen kopregel in.")
    if b"\x00" in data or data.startswith(b"PK\x03\x04"):
        raise ImportFileError(
            "Het bestand is geen CSV-tekstbestand maar binair (bijvoorbeeld een Excel-bestand). "
            "Sla het op als 'CSV UTF-8 (door komma's of puntkomma's gescheiden)' en probeer het opnieuw."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFileError(
            f"Het bestand is geen UTF-8-tekst (regel {line}). Sla het op als 'CSV UTF-8' en probeer het opnieuw."
        ) from exc
    first = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        filled = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise ImportFileError(f"Het CSV-bestand is onleesbaar op regel {reader.line_num}: {exc}.") from exc
    if not filled:
        raise ImportFileError("Het bestand is leeg: er staat zelfs geen kopregel in.")
    header, rows = [h.strip().lower() for h in filled[0][1]], filled[1:]
    unknown = [h for h in header if h not in COLUMNS]
    doubles = sorted({h for h in header if header.count(h) > 1})
    if unknown or doubles or "achternaam" not in header:
        raise ImportFileError(
            "De kopregel klopt niet"
            + (f" (onbekende kolommen: {', '.join(unknown)})" if unknown else "")
            + (f" (dubbele kolommen: {', '.join(doubles)})" if doubles else "")
            + f". Verwacht worden de kolommen {';'.join(COLUMNS)}, gescheiden door ; of , (achternaam is verplicht)."
        )
    return header, rows


def parse_date(value: str) -> date | None:
    """Return the date written as YYYY-MM-DD or DD-MM-YYYY, or None when it is not a real date."""
    if match := _ISO_DATE.fullmatch(value):
        year, month, day = match.groups()
    elif match := _DUTCH_DATE.fullmatch(value):
        day, month, year = match.groups()
    else:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def validate_row(values: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """Return the person's fields (address parts under "address") and the Dutch reasons the row is refused."""
    reasons = [f"{k}: te lang (hoogstens {n} tekens)." for k, n in MAX_LENGTH.items() if len(values[k]) > n]
    bsn = values["bsn"] or None
    if bsn and (message := bsn_error(bsn)):
        reasons.append(f"bsn: {message}")
    if not values["achternaam"]:
        reasons.append("achternaam: de achternaam ontbreekt.")
    birth_date = parse_date(values["geboortedatum"]) if values["geboortedatum"] else None
    if values["geboortedatum"] and birth_date is None:
        reasons.append(
            f"geboortedatum: '{values['geboortedatum']}' is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)."
        )
    elif birth_date and birth_date > timezone.localdate():
        reasons.append("geboortedatum: de geboortedatum ligt in de toekomst.")
    elif birth_date and birth_date.year < 1900:
        reasons.append("geboortedatum: de geboortedatum ligt voor 1900.")
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            reasons.append(f"email: '{values['email']}' is geen geldig e-mailadres.")
    address: dict[str, Any] | None = None
    if any(values[k] for k in ADDRESS_COLUMNS):
        address = {"street": values["straat"], "city": values["woonplaats"], "addition": values["toevoeging"]}
        address |= {"house_letter": values["huisletter"]}
        if not values["postcode"]:
            reasons.append("postcode: vul bij een adres de postcode in.")
        elif normalize_postcode(values["postcode"]) is None:
            reasons.append(f"postcode: '{values['postcode']}' is geen geldige postcode (zoals 6851 AB).")
        address["postcode"] = values["postcode"]
        number = values["huisnummer"]
        if not number:
            reasons.append("huisnummer: vul bij een adres het huisnummer in.")
        elif not (number.isascii() and number.isdigit() and 1 <= int(number) <= 99999):
            reasons.append(f"huisnummer: '{number}' is geen huisnummer (een getal van 1 tot en met 99999).")
        else:
            address["house_number"] = int(number)
        if len(values["huisletter"]) > 1 or (values["huisletter"] and not values["huisletter"].isalpha()):
            reasons.append(f"huisletter: '{values['huisletter']}' is niet één letter.")
        if not values["straat"] or not values["woonplaats"]:
            reasons.append("adres: vul bij een adres ook de straat en de woonplaats in.")
    fields = {
        "bsn": normalize_bsn(bsn),
        "given_names": values["voornamen"],
        "prefix": values["tussenvoegsel"].lower(),
        "surname": values["achternaam"],
        "birth_date": birth_date,
        "email": values["email"],
        "phone": values["telefoon"],
        "address": address,
    }
    return fields, reasons


# Service fields under the names of the file's columns, so a refusal names the column to fix.
_COLUMN_OF = dict(
    given_names="voornamen", prefix="tussenvoegsel", surname="achternaam", birth_date="geboortedatum",
    phone="telefoon", street="straat", house_number="huisnummer", house_letter="huisletter",
    addition="toevoeging", city="woonplaats",
)  # fmt: skip


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [
            f"{_COLUMN_OF.get(key, key)}: {m}" for key, errors in exc.message_dict.items() for m in errors
        ]
    return list(exc.messages)


def import_persons(
    data: bytes,
    *,
    source: str = "",
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    progress_every: int = 1000,
) -> ImportReport:
    """Import a CSV register extract; a bad file writes nothing, a bad row only itself; dry runs roll back.

    Rows are committed per batch of `BATCH_SIZE`, so the processing-log chain is never locked for long. A dry
    run rolls every batch back; it therefore cannot see persons created by earlier batches of the same file.
    """
    header, rows = read_rows(data)
    run = _Run(header, ImportReport(rows=len(rows), columns=header, dry_run=dry_run), source)
    done = 0
    for start in range(0, len(rows), BATCH_SIZE):
        batch = rows[start : start + BATCH_SIZE]
        with transaction.atomic():
            run.prefetch(batch)
            imported = []
            for line, cells in batch:
                if (person := run.import_row(line, cells)) is not None:
                    imported.append(person.pk)
                done += 1
                if progress and (done % progress_every == 0 or done == len(rows)):
                    progress(done, len(rows))
            if imported:
                log_processing(
                    action="person.imported",
                    object_type="person",
                    persons=imported,
                    username="import",
                    details={
                        "source": source,
                        "lines": f"{batch[0][0]}-{batch[-1][0]}",
                        "persons": len(imported),
                    },
                )
            if dry_run:
                transaction.set_rollback(True)
                run.addresses.clear()  # rolled back: not there for the next batch
    return run.report


class _Run:
    """The state of one import: rows seen, persons known by BSN for the batch, addresses already saved."""

    def __init__(self, header: list[str], report: ImportReport, source: str) -> None:
        self.header, self.report, self.source = header, report, source
        self.seen_bsn: dict[str, int] = {}
        self.by_bsn: dict[str, Person] = {}
        self.addresses: dict[tuple[Any, ...], Address] = {}

    def prefetch(self, batch: list[tuple[int, list[str]]]) -> None:
        """Fetch the batch's persons with a known BSN in one query instead of one per row."""
        index = self.header.index("bsn") if "bsn" in self.header else None
        bsns = {normalize_bsn(cells[index]) for _, cells in batch if index is not None and index < len(cells)}
        persons = Person.objects.select_related("address").filter(
            bsn__in=bsns - {None}, merged_into__isnull=True
        )
        self.by_bsn = {person.bsn: person for person in persons if person.bsn}

    def import_row(self, line: int, cells: list[str]) -> Person | None:
        """Validate and save one row in its own savepoint, counted in the report; None when refused."""
        try:
            person, outcome = self._check_and_save(line, cells)
        except ValidationError as exc:
            self.report.rejected.append(RejectedRow(line, tuple(_messages(exc))))
            self.report.rejected_values[line] = cells
            return None
        self.report.created += outcome == "created"
        self.report.updated += outcome != "created"
        self.report.unchanged += outcome == "unchanged"
        return person

    def _check_and_save(self, line: int, cells: list[str]) -> tuple[Person, str]:
        if len(cells) != len(self.header):
            raise ValidationError(f"De rij heeft {len(cells)} kolommen, de kopregel {len(self.header)}.")
        values = dict.fromkeys(COLUMNS, "") | {h: c.strip() for h, c in zip(self.header, cells, strict=True)}
        fields, reasons = validate_row(values)
        if reasons:
            raise ValidationError(reasons)
        if fields["bsn"] in self.seen_bsn:
            raise ValidationError(f"bsn: dit BSN staat al op regel {self.seen_bsn[fields['bsn']]}.")
        try:
            with transaction.atomic():
                person, outcome, address = self._save(fields)
        except DatabaseError as exc:
            raise ValidationError(f"De rij kon niet worden opgeslagen ({type(exc).__name__}).") from exc
        if fields["bsn"]:
            self.seen_bsn[fields["bsn"]] = line
        if address is not None:
            self.addresses[_address_key(fields["address"])] = address
        return person, outcome

    def _save(self, fields: dict[str, Any]) -> tuple[Person, str, Address | None]:
        """Create or update the row's person: (person, "created"/"updated"/"unchanged", its address)."""
        existing = self._find_existing(fields)
        address = None
        if fields["address"]:
            address = self.addresses.get(_address_key(fields["address"]))
            address = address or address_get_or_create(actor=None, **fields["address"])
        identity = {k: v for k, v in fields.items() if k != "address"}
        if existing is None:
            person = person_create(actor=None, address=address, source=self.source, **identity)
            return person, "created", address
        changes = {k: v for k, v in identity.items() if v not in (None, "") and getattr(existing, k) != v}
        if address is not None and existing.address_id != address.pk:
            changes["address"] = address
        if not changes:
            return existing, "unchanged", address
        return person_update(actor=None, person=existing, version=None, **changes), "updated", address

    def _find_existing(self, fields: dict[str, Any]) -> Person | None:
        """The person this row is about: by BSN, else the one match scoring at least `MATCH_THRESHOLD`."""
        if fields["bsn"]:
            return self.by_bsn.get(fields["bsn"])
        address = fields["address"] or {}
        identity = Identity(
            given_names=fields["given_names"],
            prefix=fields["prefix"],
            surname=fields["surname"],
            birth_date=fields["birth_date"],
            postcode=address.get("postcode"),
            house_number=address.get("house_number"),
        )
        matches = match_persons(identity=identity, limit=2, minimum=MATCH_THRESHOLD)
        if len(matches) == 2 and matches[0].score == matches[1].score:
            raise ValidationError("Zonder BSN passen meerdere bestaande personen even goed; vul het BSN in.")
        return matches[0].person if matches else None


def _address_key(address: dict[str, Any]) -> tuple[Any, ...]:
    return (
        normalize_postcode(address["postcode"]),
        address["house_number"],
        address["house_letter"].upper(),
        address["addition"],
    )
