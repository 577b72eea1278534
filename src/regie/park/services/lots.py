"""Lots on a park (locations of kind `park-lot`), their occupants, personal permits and tolerance decisions."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import User
from regie.core.terms import format_date
from regie.park.models import Occupancy, Park, ParkLot, PersonalPermit, ToleranceDecision
from regie.processing_log.services import log_processing
from regie.subjects.models import Address, Business, Location, LocationKind, Person
from regie.subjects.services import location_create, person_create

DUPLICATE = "Kavel {number} bestaat al op dit park."
FUTURE_END = "De einddatum kan niet in de toekomst liggen: leg het vertrek vast als het is gebeurd."


def park_lot_create(
    *,
    actor: User | None,
    park: Park,
    number: int,
    geometry: Any = None,
    dwelling: str = "",
    address: Address | None = None,
    owner_person: Person | None = None,
    owner_business: Business | None = None,
    location: Location | None = None,
    request: HttpRequest | None = None,
) -> ParkLot:
    """A lot: an existing park-lot location, or a new one with a GeoJSON polygon; the number is unique per park."""
    errors: dict[str, str] = {}
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 99999:
        errors["number"] = "Vul een kavelnummer in tussen 1 en 99999."
    elif ParkLot.objects.filter(park=park, number=number).exists():
        errors["number"] = DUPLICATE.format(number=number)
    if owner_person is not None and owner_business is not None:
        errors["owner"] = "Kies als eigenaar een persoon of een bedrijf, niet allebei."
    if location is not None:
        if location.kind != LocationKind.PARK_LOT:
            errors["location"] = "Deze locatie is geen kavel op een vakantiepark."
        elif ParkLot.objects.filter(location=location).exists():
            errors["location"] = "Deze locatie hoort al bij een kavel."
    elif (
        geometry is None
        or not isinstance(geometry, dict)
        or geometry.get("type") not in {"Polygon", "MultiPolygon"}
    ):
        errors["geometry"] = "Teken de kavel als GeoJSON Polygon (een lijst van ringen met coördinaten)."
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            if location is None:
                location = location_create(
                    actor=actor,
                    kind=LocationKind.PARK_LOT,
                    name=f"{park.name}, kavel {number}",
                    address=address,
                    geometry=geometry,
                    description=dwelling,
                    request=request,
                )
            lot = ParkLot.objects.create(
                park=park,
                location=location,
                number=number,
                dwelling=dwelling.strip(),
                owner_person=owner_person,
                owner_business=owner_business,
            )
            log_processing(
                action="park_lot.created",
                actor=actor,
                request=request,
                object_type="park_lot",
                object_id=lot.pk,
                persons=[owner_person.pk] if owner_person else [],
                details={"park": park.name, "lot": number},
            )
    except IntegrityError as exc:  # a concurrent create of the same number
        raise ValidationError({"number": DUPLICATE.format(number=number)}) from exc
    return lot


def occupancy_add(
    *,
    actor: User | None,
    lot: ParkLot,
    person: Person,
    from_date: date,
    to_date: date | None = None,
    request: HttpRequest | None = None,
) -> Occupancy:
    """Record that a person occupies (occupied) the lot from … to …."""
    if to_date is not None and to_date < from_date:
        raise ValidationError({"to_date": "De einddatum ligt voor de begindatum."})
    with transaction.atomic():
        occupancy = Occupancy.objects.create(lot=lot, person=person, from_date=from_date, to_date=to_date)
        log_processing(
            action="park_lot.occupant_added",
            actor=actor,
            request=request,
            object_type="park_lot",
            object_id=lot.pk,
            persons=[person.pk],
        )
    return occupancy


def occupancy_end(
    *,
    actor: User | None,
    occupancy: Occupancy,
    to_date: date,
    request: HttpRequest | None = None,
) -> Occupancy:
    """End a current occupancy on the day the person left: not before it began, not after today, only once.

    The occupancy itself stays (history is evidence); only its end date is set.
    """
    today = timezone.localdate()
    with transaction.atomic():
        locked = Occupancy.objects.select_for_update(of=("self",)).select_related("lot").get(pk=occupancy.pk)
        if locked.to_date is not None:
            ended = format_date(locked.to_date, weekday=False)
            raise ValidationError({"to_date": f"Deze bewoning is al beëindigd per {ended}."})
        if not isinstance(to_date, date):
            raise ValidationError({"to_date": "Vul een geldige einddatum in."})
        if to_date < locked.from_date:
            raise ValidationError(
                {
                    "to_date": "De einddatum ligt voor de begindatum "
                    f"({format_date(locked.from_date, weekday=False)})."
                }
            )
        if to_date > today:
            raise ValidationError({"to_date": FUTURE_END})
        locked.to_date = to_date
        locked.save(update_fields=["to_date", "updated_at"])
        log_processing(
            action="park_lot.occupancy_ended",
            actor=actor,
            request=request,
            object_type="park_lot",
            object_id=locked.lot_id,
            persons=[locked.person_id],
            details={"lot": locked.lot.number, "to": to_date.isoformat()},
        )
    return locked


def personal_permit_add(
    *,
    actor: User | None,
    lot: ParkLot,
    holder: Person,
    granted_on: date,
    basis: str,
    request: HttpRequest | None = None,
) -> PersonalPermit:
    """A personal permit (persoonsgebonden beschikking), e.g. for residence from before 31 October 2003."""
    if not basis.strip():
        raise ValidationError({"basis": "Vul de grondslag van de beschikking in."})
    with transaction.atomic():
        permit = PersonalPermit.objects.create(
            lot=lot, holder=holder, granted_on=granted_on, basis=basis.strip()
        )
        log_processing(
            action="park_lot.permit_added",
            actor=actor,
            request=request,
            object_type="park_lot",
            object_id=lot.pk,
            persons=[holder.pk],
        )
    return permit


def tolerance_decision_add(
    *,
    actor: User | None,
    lot: ParkLot,
    decided_on: date,
    ends_on: date,
    description: str,
    holder: Person | None = None,
    request: HttpRequest | None = None,
) -> ToleranceDecision:
    """A local tolerance decision (gedoogbesluit) with its own end date."""
    errors: dict[str, str] = {}
    if ends_on < decided_on:
        errors["ends_on"] = "De einddatum van het gedoogbesluit ligt voor de datum van het besluit."
    if not description.strip():
        errors["description"] = "Omschrijf het gedoogbesluit."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        decision = ToleranceDecision.objects.create(
            lot=lot, holder=holder, decided_on=decided_on, ends_on=ends_on, description=description.strip()
        )
        log_processing(
            action="park_lot.tolerance_added",
            actor=actor,
            request=request,
            object_type="park_lot",
            object_id=lot.pk,
            persons=[holder.pk] if holder else [],
        )
    return decision


def lot_occupant_register(
    *,
    actor: User,
    lot: ParkLot,
    surname: str,
    given_names: str = "",
    prefix: str = "",
    birth_date: date | None = None,
    from_date: date,
    registered_here: bool = False,
    request: HttpRequest | None = None,
) -> Occupancy:
    """A new person found on the lot, as occupant from a date (and, if so, registered at the lot's address)."""

    if registered_here and lot.location.address is None:
        raise ValidationError({"registered_here": "Deze kavel heeft geen adres om op ingeschreven te staan."})
    with transaction.atomic():
        person = person_create(
            actor=actor,
            surname=surname,
            given_names=given_names,
            prefix=prefix,
            birth_date=birth_date,
            address=lot.location.address if registered_here else None,
            request=request,
        )
        return occupancy_add(actor=actor, lot=lot, person=person, from_date=from_date, request=request)
