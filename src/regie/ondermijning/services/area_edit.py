"""Editing an area (its name, kind and outline) and a location in it (its name, kind and where it lies).

An outline may not leave a location outside, and an estate with a KVO-B trajectory stays an estate; nothing is
written when a rule fails.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from regie.access import ondermijning_access
from regie.accounts.models import User
from regie.ondermijning.geometry import contains
from regie.ondermijning.models import Area, AreaKind, AreaLocation, SiteKind
from regie.ondermijning.services.areas import LOCATION_KINDS, NAME_MAX
from regie.processing_log.services import log_processing
from regie.subjects.services import _validate_geometry as geometry_error

NAMES_SHOWN = 5


def area_update(
    *, actor: User, area: Area, name: str, kind: str, geometry: Any, request: HttpRequest | None = None
) -> Area:
    """Change an area's name, kind and outline; every location of the area must still lie inside the outline."""
    if not ondermijning_access.may_manage_area(actor, area):
        raise PermissionDenied
    errors: dict[str, str] = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = "Vul de naam van het gebied in."
    elif len(name) > NAME_MAX:
        errors["name"] = f"De naam is hoogstens {NAME_MAX} tekens."
    elif (
        Area.objects.filter(municipality_id=area.municipality_id, name__iexact=name)
        .exclude(pk=area.pk)
        .exists()
    ):
        errors["name"] = "Er is al een gebied met deze naam."
    if kind not in AreaKind.values:
        errors["kind"] = "Kies bedrijventerrein of buitengebied."
    elif kind != AreaKind.ESTATE and hasattr(area, "kvo"):
        errors["kind"] = "Dit gebied heeft een KVO-B-traject en blijft dus een bedrijventerrein."
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        errors["geometry"] = "Teken of plak de begrenzing als GeoJSON-polygoon."
    elif problem := geometry_error(geometry):
        errors["geometry"] = problem
    else:
        outside = [
            s.location.name
            for s in area.sites.select_related("location")
            if s.location.geometry and not contains(geometry, s.location.geometry)
        ]
        if outside:
            shown = ", ".join(outside[:NAMES_SHOWN]) + (" …" if len(outside) > NAMES_SHOWN else "")
            errors["geometry"] = (
                f"De nieuwe begrenzing laat {len(outside)} locatie(s) buiten het gebied: {shown}. "
                "Verplaats die eerst of teken de begrenzing ruimer."
            )
    if errors:
        raise ValidationError(errors)
    changed = [
        label
        for label, old, new in (
            ("naam", area.name, name),
            ("soort", area.kind, kind),
            ("begrenzing", area.outline.geometry, geometry),
        )
        if old != new
    ]
    try:
        with transaction.atomic():
            outline = area.outline
            outline.name, outline.geometry = name, geometry
            outline.save(update_fields=["name", "geometry", "updated_at"])
            area.name, area.kind = name, kind
            area.save(update_fields=["name", "kind", "updated_at"])
            log_processing(
                action="ondermijning_area.updated",
                actor=actor,
                request=request,
                object_type="ondermijning_area",
                object_id=area.pk,
                details={"changed": changed},
            )
    except IntegrityError:
        raise ValidationError({"name": "Er is al een gebied met deze naam."}) from None
    return area


def area_location_update(
    *,
    actor: User,
    site: AreaLocation,
    name: str,
    kind: str,
    geometry: Any,
    request: HttpRequest | None = None,
) -> AreaLocation:
    """Change a location's name, kind and where it lies (inside its area; empty keeps no geometry)."""
    area = site.area
    if not ondermijning_access.may_manage_area(actor, area):
        raise PermissionDenied
    errors: dict[str, str] = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = "Vul een naam of omschrijving van de locatie in."
    elif len(name) > NAME_MAX:
        errors["name"] = f"De naam is hoogstens {NAME_MAX} tekens."
    if kind not in SiteKind.values:
        errors["kind"] = "Kies bedrijfsunit, schuur of woning."
    if geometry is not None:
        if problem := geometry_error(geometry):
            errors["geometry"] = problem
        elif not contains(area.outline.geometry, geometry):
            errors["geometry"] = f"Deze locatie ligt buiten het gebied {area.name}."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        location = site.location
        location.name, location.geometry = name, geometry
        if kind != site.kind:  # a location Regie knew before keeps its own kind until the kind here changes
            location.kind = LOCATION_KINDS[SiteKind(kind)]
        location.save(update_fields=["name", "geometry", "kind", "updated_at"])
        site.kind = kind
        site.save(update_fields=["kind", "updated_at"])
        log_processing(
            action="ondermijning_location.updated",
            actor=actor,
            request=request,
            object_type="ondermijning_location",
            object_id=site.pk,
            details={"area": area.name, "kind": kind},
        )
    return site
