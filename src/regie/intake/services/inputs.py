"""What a signal may contain, checked once for every channel (form, API, public, inspection), in Dutch.

Errors are keyed by field (`description`, `reporter_email`, `subjects.0.bsn`, `attachments`) so that every edge
can show them where they belong: on the form field, or as `invalidParams` in a problem document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from regie.cases.models import SubjectRole
from regie.cases.services.documents import ALLOWED_TYPES, sniff_content_type
from regie.intake.models import LocationKind, Source, SubjectKind, Urgency
from regie.subjects.identity import bsn_error, kvk_error, normalize_postcode

MAX_DESCRIPTION = 5000
MAX_ATTACHMENTS = 5
MAX_SUBJECTS = 10
_PHONE = re.compile(r"^\+?[0-9 ()\-]{6,20}$")
_KINDS_FIELDS: dict[str, frozenset[str]] = {
    SubjectKind.PERSON: frozenset(
        {"bsn", "given_names", "prefix", "surname", "birth_date", "postcode", "house_number"}
    ),
    SubjectKind.ADDRESS: frozenset(
        {"postcode", "house_number", "house_letter", "addition", "street", "city"}
    ),
    SubjectKind.LOCATION: frozenset({"name", "location_kind"}),
    SubjectKind.BUSINESS: frozenset({"kvk_number", "name"}),
}
_TEXT_LIMITS = {"given_names": 120, "prefix": 20, "surname": 120, "street": 120, "city": 80, "name": 160}


@dataclass(frozen=True)
class Reporter:
    """Contact details a reporter chose to leave (all optional)."""

    name: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class SubjectInput:
    """A person, address, location or business as the reporter described it."""

    kind: str
    data: Mapping[str, Any] = field(default_factory=dict)
    role: str = SubjectRole.INVOLVED


@dataclass(frozen=True)
class FileInput:
    filename: str
    content: IO[bytes]


@dataclass(frozen=True)
class StoredFile:
    filename: str
    data: bytes
    content_type: str


def clean_description(text: str, errors: dict[str, str]) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        errors["description"] = "Beschrijf wat u wilt melden."
    elif len(cleaned) > MAX_DESCRIPTION:
        errors["description"] = f"De beschrijving is te lang: hoogstens {MAX_DESCRIPTION} tekens."
    return cleaned


def clean_choices(
    *, source: str, urgency: str, location_kind: str, location_text: str, errors: dict[str, str]
) -> None:
    if source not in Source.values:
        errors["source"] = "Kies een bestaande bron van het signaal."
    if urgency not in Urgency.values:
        errors["urgency"] = "Kies normaal of urgent."
    if location_kind and location_kind not in LocationKind.values:
        errors["location_kind"] = "Kies een bestaande soort locatie."
    if len(location_text or "") > 300:
        errors["location_text"] = "Beschrijf de plaats in hoogstens 300 tekens."


def clean_reporter(reporter: Reporter, errors: dict[str, str]) -> Reporter:
    name, email, phone = (
        (reporter.name or "").strip(),
        (reporter.email or "").strip(),
        (reporter.phone or "").strip(),
    )
    if len(name) > 160:
        errors["reporter_name"] = "Uw naam is te lang: hoogstens 160 tekens."
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["reporter_email"] = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."
    if phone and not _PHONE.match(phone):
        errors["reporter_phone"] = "Vul een geldig telefoonnummer in, alleen cijfers, spaties en + of -."
    return Reporter(name=name, email=email.lower(), phone=phone)


def _clean_birth_date(value: Any) -> tuple[str | None, str | None]:
    if value in (None, ""):
        return None, None
    if isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value))
        except ValueError:
            return None, "Vul een geldige geboortedatum in (jjjj-mm-dd)."
    if day > date.today():
        return None, "De geboortedatum ligt in de toekomst."
    if day.year < 1900:
        return None, "De geboortedatum ligt voor 1900."
    return day.isoformat(), None


def _clean_house_number(value: Any) -> tuple[int | None, str | None]:
    if value in (None, ""):
        return None, None
    try:
        number = int(str(value).strip())
    except ValueError:
        return None, "Vul een huisnummer in tussen 1 en 99999."
    if not 1 <= number <= 99999:
        return None, "Vul een huisnummer in tussen 1 en 99999."
    return number, None


def clean_subject(subject: SubjectInput, errors: dict[str, str], prefix: str) -> dict[str, Any]:
    """The subject's data as it will be stored, or errors under `<prefix>.<field>`."""
    if subject.kind not in _KINDS_FIELDS:
        errors[f"{prefix}.kind"] = "Kies persoon, adres, locatie of bedrijf."
        return {}
    if subject.role not in SubjectRole.values:
        errors[f"{prefix}.role"] = "Kies een bestaande rol."
    allowed = _KINDS_FIELDS[subject.kind]
    data: dict[str, Any] = {}
    for key, raw in subject.data.items():
        if key not in allowed:
            errors[f"{prefix}.{key}"] = "Dit veld hoort niet bij deze soort betrokkene."
            continue
        value = raw.strip() if isinstance(raw, str) else raw
        if value in (None, ""):
            continue
        if key in _TEXT_LIMITS and len(str(value)) > _TEXT_LIMITS[key]:
            errors[f"{prefix}.{key}"] = f"Hoogstens {_TEXT_LIMITS[key]} tekens."
        elif key == "bsn":
            message = bsn_error(str(value))
            if message:
                errors[f"{prefix}.bsn"] = message
            data["bsn"] = re.sub(r"[\s.]", "", str(value)).zfill(9)
        elif key == "birth_date":
            data[key], message = _clean_birth_date(value)
            if message:
                errors[f"{prefix}.{key}"] = message
        elif key == "postcode":
            data[key] = normalize_postcode(str(value))
            if data[key] is None:
                errors[f"{prefix}.postcode"] = "Vul een geldige postcode in, zoals 6851 AB."
        elif key == "house_number":
            data[key], message = _clean_house_number(value)
            if message:
                errors[f"{prefix}.{key}"] = message
        elif key == "house_letter" and not (len(str(value)) == 1 and str(value).isalpha()):
            errors[f"{prefix}.house_letter"] = "Een huisletter is één letter."
        elif key == "kvk_number":
            message = kvk_error(str(value))
            if message:
                errors[f"{prefix}.kvk_number"] = message
            data[key] = str(value).replace(" ", "").replace(".", "")
        elif key == "location_kind" and value not in LocationKind.values:
            errors[f"{prefix}.location_kind"] = "Kies een bestaande soort locatie."
        else:
            data[key] = str(value)
    _require_identity(subject.kind, data, errors, prefix)
    return data


def _require_identity(kind: str, data: dict[str, Any], errors: dict[str, str], prefix: str) -> None:
    if any(key.startswith(prefix + ".") for key in errors):
        return
    if kind == SubjectKind.PERSON and not (data.get("surname") or data.get("bsn")):
        errors[f"{prefix}.surname"] = "Vul ten minste de achternaam of het BSN van de persoon in."
    elif kind == SubjectKind.ADDRESS and not (data.get("postcode") and data.get("house_number")):
        errors[f"{prefix}.postcode"] = "Vul voor een adres de postcode en het huisnummer in."
    elif kind == SubjectKind.LOCATION and not data.get("name"):
        errors[f"{prefix}.name"] = "Geef de locatie een naam."
    elif kind == SubjectKind.BUSINESS and not (data.get("kvk_number") or data.get("name")):
        errors[f"{prefix}.name"] = "Vul de naam of het KvK-nummer van het bedrijf in."


def clean_subjects(
    subjects: Sequence[SubjectInput], errors: dict[str, str]
) -> list[tuple[SubjectInput, dict]]:
    if len(subjects) > MAX_SUBJECTS:
        errors["subjects"] = f"Geef hoogstens {MAX_SUBJECTS} betrokkenen op."
        return []
    return [(s, clean_subject(s, errors, f"subjects.{i}")) for i, s in enumerate(subjects)]


def read_attachments(files: Sequence[FileInput], errors: dict[str, str]) -> list[StoredFile]:
    """Each file read within the size limit and typed by its content, as for case documents."""
    if len(files) > MAX_ATTACHMENTS:
        errors["attachments"] = f"Voeg hoogstens {MAX_ATTACHMENTS} bijlagen toe."
        return []
    limit = settings.REGIE_MAX_UPLOAD_MB * 1024 * 1024
    stored: list[StoredFile] = []
    for upload in files:
        data = upload.content.read(limit + 1)
        name = (upload.filename or "bijlage").replace("\\", "/").rsplit("/", 1)[-1][:200] or "bijlage"
        content_type = sniff_content_type(data[:8192]) if data else None
        if not data:
            errors["attachments"] = f"Het bestand {name} is leeg."
        elif len(data) > limit:
            errors["attachments"] = f"Het bestand {name} is groter dan {settings.REGIE_MAX_UPLOAD_MB} MB."
        elif content_type not in ALLOWED_TYPES:
            errors["attachments"] = (
                f"Het bestand {name} is van een soort die niet is toegestaan. Toegestaan zijn PDF, PNG, JPEG, "
                "Word, Excel, OpenDocument-tekst en platte tekst."
            )
        else:
            stored.append(StoredFile(filename=name, data=data, content_type=content_type))
    return stored
