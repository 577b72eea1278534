"""Creating a park and keeping its register data (name, planning status, management, point of contact)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from regie.access import park_access
from regie.accounts.models import Municipality, Role, User
from regie.park.models import Park, PlanningStatus
from regie.processing_log.services import log_processing
from regie.subjects.models import Business, Location

DUPLICATE_NAME = "Er is al een park met deze naam."
NAME_MAX = 160  # Park.name
CONTACT_MAX = 200  # Park.contact


def _register_errors(
    *,
    municipality: Municipality,
    name: str,
    planning_status: str,
    contact: str,
    project_leader: User | None,
    park: Park | None = None,
) -> dict[str, str]:
    """Errors in a park's register data, per field (a park being changed does not clash with itself)."""
    errors: dict[str, str] = {}
    others = Park.objects.filter(municipality=municipality, name__iexact=name.strip())
    if park is not None:
        others = others.exclude(pk=park.pk)
    if not name.strip():
        errors["name"] = "Vul de naam van het park in."
    elif len(name.strip()) > NAME_MAX:
        errors["name"] = f"De naam van het park is hoogstens {NAME_MAX} tekens."
    elif others.exists():
        errors["name"] = DUPLICATE_NAME
    if planning_status not in PlanningStatus.values:
        errors["planning_status"] = "Kies een bestaande planologische status."
    if len(contact.strip()) > CONTACT_MAX:
        errors["contact"] = f"Het contact van het parkbeheer is hoogstens {CONTACT_MAX} tekens."
    if project_leader is not None and project_leader.role != Role.PROJECT_LEADER:
        errors["project_leader"] = "Het vaste aanspreekpunt is een projectleider."
    elif project_leader is not None:
        organisation = project_leader.organisation
        if (
            not project_leader.is_active
            or organisation is None
            or organisation.municipality_id != municipality.pk
        ):
            errors["project_leader"] = "Kies een actieve projectleider van de eigen gemeente."
    return errors


def park_create(
    *,
    actor: User | None,
    municipality: Municipality,
    name: str,
    planning_status: str = PlanningStatus.RECREATIONAL,
    management: Business | None = None,
    contact: str = "",
    project_leader: User | None = None,
    area: Location | None = None,
    request: HttpRequest | None = None,
) -> Park:
    """Register a park with its planning status, management and single point of contact."""
    errors = _register_errors(
        municipality=municipality,
        name=name,
        planning_status=planning_status,
        contact=contact,
        project_leader=project_leader,
    )
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            park = Park.objects.create(
                municipality=municipality,
                name=name.strip(),
                planning_status=planning_status,
                management=management,
                contact=contact.strip(),
                project_leader=project_leader,
                area=area,
            )
            log_processing(
                action="park.created", actor=actor, request=request, object_type="park", object_id=park.pk
            )
    except IntegrityError as exc:  # a concurrent create with the same name
        raise ValidationError({"name": DUPLICATE_NAME}) from exc
    return park


def park_update(
    *,
    actor: User,
    park: Park,
    name: str,
    planning_status: str,
    management: Business | None,
    contact: str,
    project_leader: User | None,
    request: HttpRequest | None = None,
) -> Park:
    """Change a park's register data with one logged entry naming the fields changed; nothing changed, nothing saved."""
    organisation = actor.organisation
    if not park_access.may_manage_parks(actor) or (
        organisation is None or organisation.municipality_id != park.municipality_id
    ):
        raise PermissionDenied
    errors = _register_errors(
        municipality=park.municipality,
        name=name,
        planning_status=planning_status,
        contact=contact,
        # An unchanged point of contact stays, also one who has since left (the list keeps showing them).
        project_leader=project_leader
        if project_leader and project_leader.pk != park.project_leader_id
        else None,
        park=park,
    )
    if errors:
        raise ValidationError(errors)
    wanted: dict[str, Any] = {
        "name": name.strip(),
        "planning_status": planning_status,
        "management_id": management.pk if management else None,
        "contact": contact.strip(),
        "project_leader_id": project_leader.pk if project_leader else None,
    }
    try:
        with transaction.atomic():
            locked = Park.objects.select_for_update().get(pk=park.pk)
            changed = [field for field, value in wanted.items() if getattr(locked, field) != value]
            if not changed:
                return locked
            for field in changed:
                setattr(locked, field, wanted[field])
            locked.save(update_fields=[*changed, "updated_at"])
            log_processing(
                action="park.updated",
                actor=actor,
                request=request,
                object_type="park",
                object_id=park.pk,
                details={"changed": [field.removesuffix("_id") for field in changed]},
            )
    except IntegrityError as exc:  # a concurrent change to the same name
        raise ValidationError({"name": DUPLICATE_NAME}) from exc
    return locked


BASE_MAP_KINDS = {"outline": "Parkgrens", "water": "Water", "path": "Pad of weg"}
BASE_MAP_GEOMETRIES = {"Polygon", "MultiPolygon", "LineString", "MultiLineString"}
BASE_MAP_MAX_FEATURES = 500


def _positions_of(coordinates: Any) -> list[Any]:
    """Every [lon, lat] position in a GeoJSON coordinates array, however deeply nested."""
    if isinstance(coordinates, list) and coordinates and all(isinstance(c, int | float) for c in coordinates):
        return [coordinates]
    if isinstance(coordinates, list):
        return [p for c in coordinates for p in _positions_of(c)]
    return [None]


def _base_map_errors(features: Any) -> list[str]:
    if not isinstance(features, list):
        return ["De achtergrondkaart is een lijst van GeoJSON-features."]
    if len(features) > BASE_MAP_MAX_FEATURES:
        return [f"De achtergrondkaart heeft hoogstens {BASE_MAP_MAX_FEATURES} onderdelen."]
    errors = []
    for index, feature in enumerate(features, start=1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        properties = feature.get("properties") if isinstance(feature, dict) else None
        kind = properties.get("kind") if isinstance(properties, dict) else None
        if not isinstance(geometry, dict) or geometry.get("type") not in BASE_MAP_GEOMETRIES:
            errors.append(f"Onderdeel {index}: geef een vlak of een lijn (GeoJSON Polygon of LineString).")
            continue
        if kind not in BASE_MAP_KINDS:
            errors.append(f"Onderdeel {index}: de soort is parkgrens (outline), water of pad (path).")
        positions = _positions_of(geometry.get("coordinates"))
        if not positions or any(
            p is None or len(p) != 2 or not (-180 <= p[0] <= 180 and -90 <= p[1] <= 90) for p in positions
        ):
            errors.append(f"Onderdeel {index}: de coördinaten zijn geen lengte- en breedtegraden (WGS84).")
    return errors


def park_base_map_set(
    *, actor: User | None, park: Park, features: list[dict[str, Any]], request: HttpRequest | None = None
) -> Park:
    """Store the park's own map background (outline, water, paths as GeoJSON features in WGS84): kept by the
    project leader (or the demo seeding, without an actor); refused whole in Dutch when one part is wrong."""
    if actor is not None and not park_access.may_manage_parks(actor):
        raise PermissionDenied("Alleen de projectleider legt de achtergrondkaart van een park vast.")
    errors = _base_map_errors(features)
    if errors:
        raise ValidationError({"base_map": errors})
    cleaned = [
        {
            "type": "Feature",
            "geometry": {"type": f["geometry"]["type"], "coordinates": f["geometry"]["coordinates"]},
            "properties": {
                "kind": f["properties"]["kind"],
                "name": str(f["properties"].get("name", ""))[:120],
            },
        }
        for f in features
    ]
    with transaction.atomic():
        park.base_map = {"type": "FeatureCollection", "features": cleaned}
        park.save(update_fields=["base_map", "updated_at"])
        log_processing(
            action="park.base_map_set",
            actor=actor,
            request=request,
            object_type="park",
            object_id=park.pk,
            details={"features": len(cleaned)},
        )
    return park
