"""Exemptions that protect a lot's residents from enforcement, contributed to the procedures' decision guard."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from regie.core.terms import format_date
from regie.park.models import Occupancy, PersonalPermit, ToleranceDecision
from regie.procedures.models import Procedure


def lot_exemptions(procedure: Procedure, on_date: date) -> list[str]:
    """Exemptions valid on `on_date` for the procedure's lot or its addressees: a persoonsgebonden beschikking
    while its holder still lives on the lot, a tolerance decision or phasing-out arrangement until its end date."""
    persons = [p for p in procedure.addressees.values_list("person_id", flat=True) if p]
    where = Q(holder_id__in=persons)
    if procedure.address_id:
        where |= Q(lot__location__address_id=procedure.address_id)
    found = []
    for permit in PersonalPermit.objects.filter(where).select_related("lot", "holder").distinct():
        moved_out = Occupancy.objects.filter(
            lot=permit.lot, person=permit.holder, to_date__lt=on_date
        ).exclude(lot__occupancies__person=permit.holder, lot__occupancies__to_date__isnull=True)
        if moved_out.exists() or permit.granted_on > on_date:
            continue
        found.append(
            f"{permit.lot} heeft een persoonsgebonden beschikking voor {permit.holder} van "
            f"{format_date(permit.granted_on, weekday=False)} ({permit.basis})"
        )
    for tolerance in (
        ToleranceDecision.objects.filter(where, decided_on__lte=on_date, ends_on__gte=on_date)
        .select_related("lot")
        .distinct()
    ):
        kind = "uitsterfregeling" if "uitsterf" in tolerance.description.lower() else "gedoogbesluit"
        found.append(
            f"{tolerance.lot} valt onder een {kind} tot en met {format_date(tolerance.ends_on, weekday=False)} "
            f"({tolerance.description})"
        )
    return found
