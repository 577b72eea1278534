"""Registering areas (industrial estates, the rural area) and their locations (business units, farm sheds)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from regie.access import ondermijning_access
from regie.accounts.models import User
from regie.ondermijning.geometry import contains
from regie.ondermijning.models import Area, AreaKind, AreaLocation, SiteKind
from regie.processing_log.services import log_processing
from regie.subjects.models import Address, Business, Location, LocationKind
from regie.subjects.services import location_create

NAME_MAX = 160
CONTACTS_MAX = 2000
# The subjects kind of a location per kind of site in an area.
LOCATION_KINDS = {
    SiteKind.BUSINESS_UNIT: LocationKind.BUSINESS_UNIT,
    SiteKind.FARM_SHED: LocationKind.FARM_SHED,
    SiteKind.DWELLING: LocationKind.AREA,
}


def area_create(
    *,
    actor: User,
    name: str,
    kind: str,
    geometry: Any,
    contacts: str = "",
    request: HttpRequest | None = None,
) -> Area:
    """Register an industrial estate or rural area of the actor's municipality with its outline (a polygon)."""
    if not ondermijning_access.may_manage(actor):
        raise PermissionDenied
    errors: dict[str, str] = {}
    name = name.strip()
    if not name:
        errors["name"] = "Vul de naam van het gebied in."
    elif len(name) > NAME_MAX:
        errors["name"] = f"De naam is hoogstens {NAME_MAX} tekens."
    if kind not in AreaKind.values:
        errors["kind"] = "Kies bedrijventerrein of buitengebied."
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        errors["geometry"] = "Teken of plak de begrenzing als GeoJSON-polygoon."
    if len(contacts) > CONTACTS_MAX:
        errors["contacts"] = f"De contacten zijn hoogstens {CONTACTS_MAX} tekens."
    municipality_id = actor.organisation.municipality_id  # type: ignore[union-attr]
    if name and Area.objects.filter(municipality_id=municipality_id, name__iexact=name).exists():
        errors["name"] = "Er is al een gebied met deze naam."
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            outline = location_create(
                actor=actor, kind=LocationKind.AREA, name=name, geometry=geometry, request=request
            )
            area = Area.objects.create(
                municipality_id=municipality_id,
                name=name,
                kind=kind,
                outline=outline,
                contacts=contacts.strip(),
                created_by=actor,
            )
            log_processing(
                action="ondermijning_area.created",
                actor=actor,
                request=request,
                object_type="ondermijning_area",
                object_id=area.pk,
                details={"name": name, "kind": kind},
            )
    except IntegrityError:
        raise ValidationError({"name": "Er is al een gebied met deze naam."}) from None
    return area


def area_location_add(
    *,
    actor: User,
    area: Area,
    name: str,
    kind: str,
    geometry: Any = None,
    address: Address | None = None,
    business: Business | None = None,
    location: Location | None = None,
    request: HttpRequest | None = None,
) -> AreaLocation:
    """Add a business unit, farm shed or dwelling to an area; its geometry must lie inside the area's outline.

    `location`: a location Regie already knows (from a case or signal) that lies in the area, instead of a new one.
    """
    if not ondermijning_access.may_manage_area(actor, area):
        raise PermissionDenied
    errors: dict[str, str] = {}
    if kind not in SiteKind.values:
        errors["kind"] = "Kies bedrijfsunit, schuur of woning."
    if location is not None:
        geometry = location.geometry
        if AreaLocation.objects.filter(location=location).exists():
            errors["location"] = "Deze locatie hoort al bij een gebied."
    if geometry is not None and not contains(area.outline.geometry, geometry):
        errors["geometry"] = f"Deze locatie ligt buiten het gebied {area.name}."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        location = location or location_create(
            actor=actor,
            kind=LOCATION_KINDS[SiteKind(kind)],
            name=name,
            address=address,
            geometry=geometry,
            request=request,
        )
        site = AreaLocation.objects.create(area=area, location=location, kind=kind, business=business)
        log_processing(
            action="ondermijning_location.added",
            actor=actor,
            request=request,
            object_type="ondermijning_location",
            object_id=site.pk,
            details={"area": area.name, "kind": kind},
        )
    return site
