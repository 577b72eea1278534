"""'BRP bijwerken' on a park lot: who is registered at the lot's address, from the BRP (issue 21).

The lot's address needs its BAG adresseerbaar object (the BRP searches by it); when it has none yet the BAG is asked
first and the ids are stored. The BRP's list is kept for REGIE_BRP_CACHE_HOURS (the working day of the inspection
it serves), shown with its retrieval date, then deleted by a job. A failure changes nothing and is logged.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils import timezone

from regie.accounts.models import Role, User
from regie.integrations.brp import BrpClient, BrpError, Purpose
from regie.integrations.brp import configured as brp_configured
from regie.park.models import ParkLot
from regie.processing_log.actions import VAKANTIEPARKEN
from regie.subjects.models import BrpRetrieval
from regie.subjects.services import RegisterUnavailable, address_bag_check, brp_failed, brp_residents_store

PURPOSE = Purpose(
    code="vakantiepark-bewoning",
    activity=VAKANTIEPARKEN,
    fields=(
        "burgerservicenummer",
        "naam.voornamen",
        "naam.voorvoegsel",
        "naam.geslachtsnaam",
        "geboorte.datum",
    ),
)
REFRESH_ROLES = frozenset({Role.PROJECT_LEADER, Role.INSPECTOR, Role.BRP})
NO_ADDRESS = "Deze kavel heeft geen adres; de BRP zoekt op adres. Leg eerst het adres van de kavel vast."


def may_refresh_lot(user: Any, occupancy: bool) -> bool:
    """The park team that may see who lives on the lot (`occupancy` from the door) and works with that list."""
    return occupancy and getattr(user, "role", None) in REFRESH_ROLES


def lot_brp_current(lot: ParkLot) -> BrpRetrieval | None:
    """The lot address's BRP list while its purpose's term runs; None when there is none (or it expired)."""
    if lot.location.address_id is None:
        return None
    return (
        BrpRetrieval.objects.filter(address_id=lot.location.address_id, keep_until__gt=timezone.now())
        .order_by("-retrieved_at")
        .first()
    )


def lot_brp_refresh(
    *, actor: User, lot: ParkLot, occupancy: bool, request: HttpRequest | None = None
) -> BrpRetrieval:
    if not may_refresh_lot(actor, occupancy):
        raise PermissionDenied
    address = lot.location.address
    if address is None:
        raise ValidationError({"address": NO_ADDRESS})
    if not brp_configured():
        raise RegisterUnavailable(
            "De BRP is niet gekoppeld; de inschrijvingen kunnen niet worden bijgewerkt.", status=503
        )
    if not address.bag_object_id:
        address = address_bag_check(actor=actor, address=address, request=request)
    try:
        found = BrpClient.from_settings().persons_at(address.bag_object_id, purpose=PURPOSE)
    except BrpError as error:
        raise brp_failed(
            actor=actor, error=error, purpose=PURPOSE, address=address, request=request
        ) from None
    return brp_residents_store(actor=actor, address=address, purpose=PURPOSE, found=found, request=request)
