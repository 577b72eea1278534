"""'BRP bijwerken' on the lot page: who is registered at the lot's address, from the BRP (issue 21)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.http import require_POST

from regie.access import park_access
from regie.access.policy import request_user
from regie.park.services.brp import lot_brp_refresh, may_refresh_lot
from regie.park.views import signed_in
from regie.subjects.services import RegisterUnavailable


@signed_in
@require_POST
def lot_brp(request: HttpRequest, lot_id: str) -> HttpResponse:
    user = request_user(request)
    if not park_access.may_use_park(user):
        raise PermissionDenied
    lot, occupancy = park_access.get_lot_for(
        user, lot_id, request=request, action="park_lot.viewed_for_change"
    )
    if not may_refresh_lot(user, occupancy):
        raise PermissionDenied
    try:
        retrieval = lot_brp_refresh(actor=user, lot=lot, occupancy=occupancy, request=request)
    except ValidationError as exc:
        messages.error(request, exc.messages[0] if exc.messages else "Dit kon niet.")
    except RegisterUnavailable as exc:
        messages.error(request, exc.message)
    else:
        count = len(retrieval.residents)
        messages.success(
            request,
            f"De BRP-inschrijvingen zijn bijgewerkt: {count} {'persoon' if count == 1 else 'personen'}.",
        )
    return HttpResponseRedirect(f"/vakantiepark/kavels/{lot.pk}")
