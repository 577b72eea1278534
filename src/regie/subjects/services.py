"""Writes on persons, addresses, locations and businesses (validation in Dutch, one transaction each)."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import User
from regie.core.errors import ConflictError
from regie.integrations.bag import BagAddress, BagClient, BagError
from regie.integrations.bag import configured as bag_configured
from regie.integrations.brp import BrpError, BrpPerson, Purpose
from regie.processing_log.services import log_processing
from regie.subjects.identity import (
    PersonName,
    blocking_keys,
    bsn_error,
    kvk_error,
    normalize_bsn,
    normalize_postcode,
)
from regie.subjects.models import Address, BrpRetrieval, Business, Location, LocationKind, Person

log = logging.getLogger(__name__)


def person_keys(person: Person) -> list[str]:
    """The blocking keys under which matching finds this person."""
    return blocking_keys(
        surname=person.surname,
        prefix=person.prefix,
        birth_date=person.birth_date,
        bsn=person.bsn,
        postcode=person.address.postcode if person.address else None,
        house_number=person.address.house_number if person.address else None,
    )


def refresh_person_search(person: Person) -> None:
    """Recompute the person's full-text search vector from the stored name fields."""
    Person.objects.filter(pk=person.pk).update(
        search_vector=SearchVector("given_names", "prefix", "surname", config="simple")
    )


def _validate_person(*, bsn: str | None, surname: str, birth_date: date | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if bsn:
        message = bsn_error(bsn)
        if message:
            errors["bsn"] = message
    if not surname.strip():
        errors["surname"] = "Vul de achternaam in."
    if birth_date and birth_date > date.today():
        errors["birth_date"] = "De geboortedatum ligt in de toekomst."
    if birth_date and birth_date.year < 1900:
        errors["birth_date"] = "De geboortedatum ligt voor 1900."
    return errors


def person_create(
    *,
    actor: User | None,
    surname: str,
    given_names: str = "",
    prefix: str = "",
    bsn: str | None = None,
    birth_date: date | None = None,
    email: str = "",
    phone: str = "",
    address: Address | None = None,
    request: HttpRequest | None = None,
    source: str = "",
) -> Person:
    """Create a person; a BSN that already belongs to a person is refused (link that person instead)."""
    errors = _validate_person(bsn=bsn, surname=surname, birth_date=birth_date)
    normalized = normalize_bsn(bsn) if bsn else None
    if normalized and not errors and Person.objects.filter(bsn=normalized, merged_into__isnull=True).exists():
        errors["bsn"] = (
            "Er is al een persoon met dit BSN; koppel die persoon in plaats van een nieuwe te maken."
        )
    if errors:
        raise ValidationError(errors)
    name = PersonName(given_names=given_names.strip(), prefix=prefix.strip().lower(), surname=surname.strip())
    person = Person(
        bsn=normalized,
        given_names=name.given_names,
        prefix=name.prefix,
        surname=name.surname,
        sort_name=name.sort_key(),
        birth_date=birth_date,
        email=email.strip(),
        phone=phone.strip(),
        address=address,
    )
    person.blocking_keys = person_keys(person)
    with transaction.atomic():
        person.save()
        refresh_person_search(person)
        log_processing(
            action="person.created",
            actor=actor,
            request=request,
            object_type="person",
            object_id=person.pk,
            persons=[person.pk],
            details={"source": source} if source else None,
        )
    return person


def person_update(
    *,
    actor: User | None,
    person: Person,
    version: int | None,
    request: HttpRequest | None = None,
    **changes: Any,
) -> Person:
    """Change a person's identity or contact details; stale versions conflict, the BSN stays unique."""

    allowed = {"surname", "given_names", "prefix", "bsn", "birth_date", "email", "phone", "address"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError({k: "Dit veld kan niet worden gewijzigd." for k in unknown})
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
        if version is not None and locked.version != version:
            raise ConflictError(
                "Iemand anders heeft deze persoon intussen gewijzigd. Uw wijzigingen zijn niet "
                "opgeslagen; laad de pagina opnieuw."
            )
        for key, value in changes.items():
            setattr(locked, key, value)
        if "bsn" in changes and locked.bsn:
            locked.bsn = normalize_bsn(locked.bsn) or locked.bsn
        errors = _validate_person(bsn=locked.bsn, surname=locked.surname, birth_date=locked.birth_date)
        if (
            locked.bsn
            and Person.objects.filter(bsn=locked.bsn, merged_into__isnull=True).exclude(pk=locked.pk).exists()
        ):
            errors["bsn"] = "Er is al een andere persoon met dit BSN."
        if errors:
            raise ValidationError(errors)
        locked.sort_name = PersonName(locked.given_names, locked.prefix, locked.surname).sort_key()
        locked.blocking_keys = person_keys(locked)
        locked.version += 1
        locked.save(update_fields=[*changes, "sort_name", "blocking_keys", "version", "updated_at"])
        refresh_person_search(locked)
        log_processing(
            action="person.changed",
            actor=actor,
            request=request,
            object_type="person",
            object_id=locked.pk,
            persons=[locked.pk],
            details={"fields": sorted(changes)},
        )
    return locked


def address_get_or_create(
    *,
    actor: User | None,
    postcode: str,
    house_number: int,
    street: str,
    city: str,
    house_letter: str = "",
    addition: str = "",
    bag_id: str = "",
) -> Address:
    """The address with this postcode and number, created when new; postcode and number are validated."""
    errors: dict[str, str] = {}
    normalized = normalize_postcode(postcode)
    if normalized is None:
        errors["postcode"] = "Vul een geldige postcode in, zoals 6851 AB."
    if not isinstance(house_number, int) or house_number < 1 or house_number > 99999:
        errors["house_number"] = "Vul een huisnummer in tussen 1 en 99999."
    if house_letter and not (len(house_letter) == 1 and house_letter.isalpha()):
        errors["house_letter"] = "Een huisletter is één letter."
    if not street.strip():
        errors["street"] = "Vul de straat in."
    if not city.strip():
        errors["city"] = "Vul de woonplaats in."
    if bag_id and not (bag_id.isdigit() and len(bag_id) == 16):
        errors["bag_id"] = "Een BAG-nummeraanduiding bestaat uit 16 cijfers."
    if errors:
        raise ValidationError(errors)
    address, _ = Address.objects.get_or_create(
        postcode=normalized,
        house_number=house_number,
        house_letter=house_letter.upper(),
        addition=addition.strip(),
        defaults={"street": street.strip(), "city": city.strip(), "bag_id": bag_id},
    )
    return address


def _validate_geometry(geometry: Any) -> str | None:
    if geometry is None:
        return None
    if not isinstance(geometry, dict) or geometry.get("type") not in {"Point", "Polygon", "MultiPolygon"}:
        return "De geometrie moet een GeoJSON Point, Polygon of MultiPolygon zijn."
    coords = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        if not isinstance(coords, list) or not coords or not all(isinstance(r, list) for r in coords):
            return "Een polygoon heeft een lijst van ringen met coördinaten."
        for ring in coords:
            if len(ring) < 4 or ring[0] != ring[-1]:
                return "Elke ring van een polygoon heeft minstens 4 punten en sluit (eerste punt = laatste punt)."
            for point in ring:
                if (
                    not isinstance(point, list)
                    or len(point) < 2
                    or not all(isinstance(v, int | float) for v in point[:2])
                    or not (-180 <= point[0] <= 180 and -90 <= point[1] <= 90)
                ):
                    return "Coördinaten zijn [lengtegraad, breedtegraad] in WGS84."
    if geometry["type"] == "Point" and (not isinstance(coords, list) or len(coords) < 2):
        return "Een punt heeft [lengtegraad, breedtegraad]."
    return None


def location_create(
    *,
    actor: User | None,
    kind: str,
    name: str,
    address: Address | None = None,
    geometry: Any = None,
    description: str = "",
    request: HttpRequest | None = None,
) -> Location:
    """Create a location with a valid kind and (optional) valid GeoJSON geometry."""
    errors: dict[str, str] = {}
    if kind not in LocationKind.values:
        errors["kind"] = "Kies een bestaande soort locatie."
    if not name.strip():
        errors["name"] = "Vul een naam in."
    geometry_error = _validate_geometry(geometry)
    if geometry_error:
        errors["geometry"] = geometry_error
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        location = Location.objects.create(
            kind=kind, name=name.strip(), address=address, geometry=geometry, description=description
        )
        log_processing(
            action="location.created",
            actor=actor,
            request=request,
            object_type="location",
            object_id=location.pk,
        )
    return location


def business_create(
    *,
    actor: User | None,
    kvk_number: str,
    name: str,
    branch: str = "",
    address: Address | None = None,
    request: HttpRequest | None = None,
) -> Business:
    """Create a business with a valid, unused KvK number."""
    errors: dict[str, str] = {}
    kvk = kvk_number.replace(" ", "").replace(".", "")
    message = kvk_error(kvk)
    if message:
        errors["kvk_number"] = message
    elif Business.objects.filter(kvk_number=kvk).exists():
        errors["kvk_number"] = "Er is al een bedrijf met dit KvK-nummer."
    if not name.strip():
        errors["name"] = "Vul de naam van het bedrijf in."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        business = Business.objects.create(
            kvk_number=kvk, name=name.strip(), branch=branch.strip(), address=address
        )
        log_processing(
            action="business.created",
            actor=actor,
            request=request,
            object_type="business",
            object_id=business.pk,
        )
    return business


# --- the BAG and the BRP (issue 21) ---


class RegisterUnavailable(Exception):
    """The BRP or BAG gave no usable answer (or is not connected): nothing was changed; `message` is Dutch."""

    def __init__(self, message: str, *, status: int = 502) -> None:
        super().__init__(message)
        self.message = message
        self.status = status  # 503: not connected, 502: the register failed


def _bag_lookup(postcode: str, house_number: int, house_letter: str, addition: str) -> BagAddress:
    """The one BAG address at this postcode and number; ValidationError (Dutch) for bad input or no match."""
    try:
        found = BagClient.from_settings().lookup(postcode, house_number, house_letter, addition)
    except BagError as error:
        if error.kind == "invalid":
            raise ValidationError({error.field: error.message}) from None
        raise RegisterUnavailable(
            error.message, status=503 if error.kind == "not-configured" else 502
        ) from None
    if not found:
        raise ValidationError(
            {"postcode": "De BAG kent geen adres met deze postcode, dit huisnummer, deze huisletter en toevoeging. "
             "Controleer de invoer, of leg het adres met de hand vast (het wordt dan gemarkeerd als niet "
             "gecontroleerd)."}
        )  # fmt: skip
    return found[0]


def address_enter(
    *,
    actor: User | None,
    postcode: str,
    house_number: int,
    house_letter: str = "",
    addition: str = "",
    street: str = "",
    city: str = "",
    manual: bool = False,
    request: HttpRequest | None = None,
) -> Address:
    """An address by postcode and number, checked in the BAG (street, city and BAG ids from the BAG), or entered by
    hand (`manual`, or the BAG not connected) and then marked as not checked."""
    if manual or not bag_configured():
        address = address_get_or_create(
            actor=actor, postcode=postcode, house_number=house_number, street=street, city=city,
            house_letter=house_letter, addition=addition,
        )  # fmt: skip
        action = "address.entered"
    else:
        normalized = normalize_postcode(postcode) or postcode
        found = _bag_lookup(normalized, house_number, house_letter, addition)
        address = address_get_or_create(
            actor=actor, postcode=found.postcode, house_number=found.house_number, street=found.street,
            city=found.city, house_letter=found.house_letter, addition=found.addition,
        )  # fmt: skip
        _store_bag(address, found)
        action = "address.bag_checked"
    log_processing(action=action, actor=actor, request=request, object_type="address", object_id=address.pk)
    return address


def _store_bag(address: Address, found: BagAddress) -> None:
    address.street, address.city = found.street, found.city
    address.bag_id, address.bag_object_id = found.nummeraanduiding_id, found.adresseerbaar_object_id
    address.bag_checked_at = timezone.now()
    address.save(update_fields=["street", "city", "bag_id", "bag_object_id", "bag_checked_at", "updated_at"])


def address_bag_check(*, actor: User | None, address: Address, request: HttpRequest | None = None) -> Address:
    """Look the stored address up in the BAG and store its ids; on no match or a failure nothing changes."""
    found = _bag_lookup(address.postcode, address.house_number, address.house_letter, address.addition)
    with transaction.atomic():
        _store_bag(address, found)
        log_processing(
            action="address.bag_checked",
            actor=actor,
            request=request,
            object_type="address",
            object_id=address.pk,
        )
    return address


def brp_failed(
    *, actor: User | None, error: BrpError, purpose: Purpose, person: Person | None = None,
    address: Address | None = None, request: HttpRequest | None = None,
) -> RegisterUnavailable:  # fmt: skip
    """Log a BRP question that failed (what was asked, for what, and why) and give the error to raise."""
    log.warning("BRP-bevraging mislukt (%s, doel %s)", error.kind, purpose.code)
    log_processing(
        action="person.brp_failed" if person else "address.brp_failed",
        actor=actor,
        request=request,
        object_type="person" if person else "address",
        object_id=person.pk if person else address.pk if address else "",
        persons=[person.pk] if person else [],
        purpose=purpose.code,
        details={"fout": error.kind, "status": error.status, "velden": list(purpose.fields)},
    )
    return RegisterUnavailable(error.message, status=503 if error.kind == "not-configured" else 502)


def brp_residents_store(
    *, actor: User | None, address: Address, purpose: Purpose, found: list[BrpPerson],
    request: HttpRequest | None = None,
) -> BrpRetrieval:  # fmt: skip
    """Keep who the BRP says is registered at the address, for as long as the purpose needs (REGIE_BRP_CACHE_HOURS);
    the log entry names the persons returned (those Regie knows by BSN; the others by BSN in its details)."""
    known = dict(
        Person.objects.filter(bsn__in=[p.bsn for p in found if p.bsn], merged_into__isnull=True).values_list(
            "bsn", "pk"
        )
    )
    now = timezone.now()
    residents = [
        {
            "bsn": p.bsn,
            "name": " ".join(part for part in (p.given_names, p.prefix, p.surname) if part),
            "birth_year": p.birth_year,
            "person_id": str(known[p.bsn]) if p.bsn in known else None,
        }
        for p in found
    ]
    with transaction.atomic():
        BrpRetrieval.objects.filter(Q(address=address) | Q(keep_until__lt=now)).exclude(
            person__isnull=False
        ).delete()
        retrieval = BrpRetrieval.objects.create(
            address=address, purpose=purpose.code, retrieved_by=actor, retrieved_at=now, residents=residents,
            keep_until=now + timedelta(hours=settings.REGIE_BRP_CACHE_HOURS),
        )  # fmt: skip
        log_processing(
            action="address.brp_residents_retrieved",
            actor=actor,
            request=request,
            object_type="address",
            object_id=address.pk,
            persons=list(known.values()),
            purpose=purpose.code,
            details={
                "velden": list(purpose.fields),
                "aantal": len(found),
                "bsn_niet_in_regie": sorted(p.bsn for p in found if p.bsn and p.bsn not in known),
            },
        )
    return retrieval


def brp_retrievals_expire() -> int:
    """Delete the addresses' BRP answers past their purpose's term (run by a periodic job); the number deleted."""
    deleted, _ = BrpRetrieval.objects.filter(keep_until__lt=timezone.now()).delete()
    return deleted
