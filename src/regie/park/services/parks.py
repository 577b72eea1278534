"""Creating a park."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from regie.access.processing_log import log_processing
from regie.accounts.models import Municipality, User
from regie.park.models import Park, PlanningStatus
from regie.subjects.models import Business, Location


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
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = "Vul de naam van het park in."
    elif Park.objects.filter(municipality=municipality, name__iexact=name.strip()).exists():
        errors["name"] = "Er is al een park met deze naam."
    if planning_status not in PlanningStatus.values:
        errors["planning_status"] = "Kies een bestaande planologische status."
    if project_leader is not None and project_leader.role != "projectleider":
        errors["project_leader"] = "Het vaste aanspreekpunt is een projectleider."
    if errors:
        raise ValidationError(errors)
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
    return park
