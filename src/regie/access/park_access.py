"""The door for the holiday-park approach (C6): who sees which park, lot, round and occupancy data.

Rules (default deny):
- the municipal park team (project leader, inspector, BRP, process director, lawyer) sees the parks of their
  municipality and every lot on them;
- a Province inspector (partner user of type `provincie`) sees a park, its lots and the inspections only of the
  rounds they take part in;
- occupancy data (occupants, owners who are persons, BRP registrations, permits) is for the project leader,
  inspectors, BRP and lawyers; the Province inspector sees it for lots in their rounds; anyone else (care partners,
  the process director) only for a lot whose case they are on;
- a partner who is on a lot's case (e.g. a care partner) sees that lot — and only that lot — with its occupancy;
- analysts see counts only (the progress page); the administrator and privacy officer see nothing here;
- the register of parks (name, planning status, management, single point of contact) is kept by the project
  leader, the single point of contact of the approach (mission.md); rounds are changed by who plans them;
- a cancelled round gives its Province inspectors no access any more (it never took place: need-to-know);
- missing and not yours are the same 404; reads are logged.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from regie.access.case_access import cases_visible_to, may_see_cases
from regie.access.subject_access import businesses_visible_to, residents_of
from regie.accounts.models import PartnerType, Role
from regie.cases.models import CaseSubject
from regie.core.ids import uuid_or_404
from regie.intake.models import SignalSubject
from regie.park.models import Inspection, InspectionRound, Park, ParkLot
from regie.processing_log.services import log_processing
from regie.subjects.models import Business

PARK_TEAM = frozenset({Role.PROJECT_LEADER, Role.INSPECTOR, Role.BRP, Role.PROCESS_DIRECTOR, Role.LAWYER})
OCCUPANCY_ROLES = frozenset({Role.PROJECT_LEADER, Role.INSPECTOR, Role.BRP, Role.LAWYER})
PLANNERS = frozenset({Role.PROJECT_LEADER, Role.INSPECTOR})
PARK_MANAGERS = frozenset({Role.PROJECT_LEADER})
ENFORCEMENT_ROLES = frozenset({Role.PROJECT_LEADER, Role.INSPECTOR})
COUNT_ROLES = PARK_TEAM | {Role.ANALYST}


def _active(user: Any) -> bool:
    return bool(
        user is not None and getattr(user, "is_authenticated", False) and user.is_active and user.role
    )


def is_province_inspector(user: Any) -> bool:
    organisation = getattr(user, "organisation", None)
    return (
        _active(user)
        and user.role == Role.PARTNER
        and organisation is not None
        and organisation.partner_type == PartnerType.PROVINCE
    )


def _province_rounds(user: Any) -> QuerySet[InspectionRound]:
    return InspectionRound.objects.filter(inspectors=user, cancelled_at__isnull=True)


def is_park_team(user: Any) -> bool:
    return _active(user) and user.role in PARK_TEAM and user.organisation_id is not None


def _case_lots(user: Any) -> QuerySet[ParkLot]:
    """Lots whose case this user is on (a care partner, the police …): those lots, and only those."""
    if not may_see_cases(user):
        return ParkLot.objects.none()
    return ParkLot.objects.filter(location__case_links__case__in=cases_visible_to(user)).distinct()


def may_use_park(user: Any) -> bool:
    """Whether the park pages are open to this user at all (navigation; each page still asks the door)."""
    return (
        is_park_team(user)
        or (is_province_inspector(user) and _province_rounds(user).exists())
        or _case_lots(user).exists()
    )


def may_see_counts(user: Any) -> bool:
    return (_active(user) and user.role in COUNT_ROLES and user.organisation_id is not None) or may_use_park(
        user
    )


def may_plan_rounds(user: Any) -> bool:
    """Plan a round, and change or cancel one that has not started (the state is the service's to check)."""
    return is_park_team(user) and user.role in PLANNERS


def may_manage_parks(user: Any) -> bool:
    """Register a park of the own municipality and edit its register data."""
    return is_park_team(user) and user.role in PARK_MANAGERS


def may_set_status(user: Any) -> bool:
    return is_park_team(user) and user.role in ENFORCEMENT_ROLES


def rounds_visible_to(user: Any) -> QuerySet[InspectionRound]:
    if is_park_team(user):
        return InspectionRound.objects.filter(park__municipality_id=user.organisation.municipality_id)
    if is_province_inspector(user):
        return _province_rounds(user)
    return InspectionRound.objects.none()


def parks_visible_to(user: Any) -> QuerySet[Park]:
    if is_park_team(user):
        return Park.objects.filter(municipality_id=user.organisation.municipality_id)
    if is_province_inspector(user):
        return Park.objects.filter(
            Q(pk__in=rounds_visible_to(user).values("park_id")) | Q(pk__in=_case_lots(user).values("park_id"))
        )
    return Park.objects.filter(pk__in=_case_lots(user).values("park_id"))


def park_counts_visible_to(user: Any) -> QuerySet[Park]:
    """Parks whose aggregated figures (never a person) this user may see."""
    if _active(user) and user.role == Role.ANALYST and user.organisation_id is not None:
        return Park.objects.filter(municipality_id=user.organisation.municipality_id)
    return parks_visible_to(user)


def lots_visible_to(user: Any, park: Park | None = None) -> QuerySet[ParkLot]:
    if is_park_team(user):
        qs = ParkLot.objects.filter(park__municipality_id=user.organisation.municipality_id)
    elif is_province_inspector(user):
        qs = ParkLot.objects.filter(
            Q(pk__in=rounds_visible_to(user).values("round_lots__lot_id"))
            | Q(pk__in=_case_lots(user).values("pk"))
        )
    else:
        qs = ParkLot.objects.filter(pk__in=_case_lots(user).values("pk"))
    return qs.filter(park=park) if park is not None else qs


def inspections_visible_to(user: Any) -> QuerySet[Inspection]:
    return Inspection.objects.filter(round__in=rounds_visible_to(user))


def occupancy_lot_ids(user: Any, lots: QuerySet[ParkLot] | list[ParkLot]) -> set[Any]:
    """The ids among `lots` whose occupancy data this user may see (one or two queries)."""
    ids = [lot.pk for lot in lots] if isinstance(lots, list) else list(lots.values_list("pk", flat=True))
    if not ids:
        return set()
    if is_park_team(user) and user.role in OCCUPANCY_ROLES:
        return set(ids)
    allowed: set[Any] = set()
    if is_province_inspector(user):
        allowed |= set(
            rounds_visible_to(user)
            .filter(round_lots__lot_id__in=ids)
            .values_list("round_lots__lot_id", flat=True)
        )
    if may_see_cases(user):
        allowed |= set(
            ParkLot.objects.filter(
                pk__in=ids,
                location__case_links__case__in=cases_visible_to(user),
            ).values_list("pk", flat=True)
        )
    return allowed & set(ids)


def may_see_occupancy(user: Any, lot: ParkLot) -> bool:
    return lot.pk in occupancy_lot_ids(user, [lot])


def park_lot_location_ids(user: Any) -> Any:
    """Location ids of the park lots this user may see (for the `locations` collection)."""
    return lots_visible_to(user).values("location_id")


def get_park_for(user: Any, park_id: object, *, counts_only: bool = False) -> Park:
    qs = park_counts_visible_to(user) if counts_only else parks_visible_to(user)
    park = (
        qs.select_related("management", "project_leader", "project_leader__organisation")
        .filter(pk=uuid_or_404(park_id))
        .first()
    )
    if park is None:
        raise Http404
    return park


def get_lot_for(
    user: Any, lot_id: object, *, request: HttpRequest | None = None, action: str = "park_lot.viewed"
) -> tuple[ParkLot, bool]:
    """One lot and whether its occupancy data may be shown; 404 alike for missing and hidden; logged."""
    lot = (
        lots_visible_to(user)
        .select_related("park", "location", "location__address", "owner_person", "owner_business")
        .filter(pk=uuid_or_404(lot_id))
        .first()
    )
    if lot is None:
        raise Http404
    occupancy = may_see_occupancy(user, lot)
    # The lot's address and residence status are about whoever lives there, shown by name or not.
    persons = residents_of(location_ids=[lot.location_id])
    if occupancy and lot.owner_person_id:
        persons.append(lot.owner_person_id)
    log_processing(
        action=action,
        actor=user,
        request=request,
        object_type="park_lot",
        object_id=lot.pk,
        persons=persons,
        details={"lot": lot.number, "occupancy": occupancy},
    )
    return lot, occupancy


def get_round_for(user: Any, round_id: object) -> InspectionRound:
    found = (
        rounds_visible_to(user).select_related("park", "planned_by").filter(pk=uuid_or_404(round_id)).first()
    )
    if found is None:
        raise Http404
    return found


def may_inspect(user: Any, inspection_round: InspectionRound) -> bool:
    return _active(user) and inspection_round.inspectors.filter(pk=user.pk).exists()


def visible_lot_filter(user: Any) -> Q:
    """Q on ParkLot for use inside other queries."""
    return Q(pk__in=lots_visible_to(user).values("pk"))


def park_management_for(user: Any, kvk_number: str) -> Business | None:
    """The business with this KvK number that the user may name as a park's management; None otherwise.

    The user may name a business they can already see (in a visible case, managing a visible park or owning a
    visible lot), or one that is in Regie as bare register data, tied to no case, signal, park or lot (it tells
    nothing about anyone). A business tied only to what the user may not see is answered exactly as an unknown
    number: the park register never discloses that Regie knows it.
    """
    if not may_manage_parks(user):
        return None
    tied = (
        Q(pk__in=CaseSubject.objects.filter(business__isnull=False).values("business_id"))
        | Q(pk__in=SignalSubject.objects.filter(business__isnull=False).values("business_id"))
        | Q(pk__in=Park.objects.filter(management__isnull=False).values("management_id"))
        | Q(pk__in=ParkLot.objects.filter(owner_business__isnull=False).values("owner_business_id"))
    )
    may_name = (
        ~tied
        | Q(pk__in=businesses_visible_to(user).values("pk"))
        | Q(pk__in=parks_visible_to(user).filter(management__isnull=False).values("management_id"))
        | Q(pk__in=lots_visible_to(user).filter(owner_business__isnull=False).values("owner_business_id"))
    )
    return Business.objects.filter(may_name, kvk_number=kvk_number).first()
