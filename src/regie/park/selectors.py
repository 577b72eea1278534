"""Reads for the park pages: every query starts from the park door (regie.access.park_access)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery

from regie.access import park_access
from regie.access.signal_access import signals_visible_to
from regie.accounts.models import Role, User
from regie.cases.models import Case, CaseStatus
from regie.intake.models import Status as SignalStatus
from regie.park.models import (
    FollowUp,
    FollowUpKind,
    Inspection,
    InspectionRound,
    Occupancy,
    Park,
    ParkLot,
    PersonalPermit,
    ResidenceStatus,
    ResidenceStatusChange,
)
from regie.procedures.definitions import SHIPPED
from regie.procedures.definitions.brp_address import OUTCOMES
from regie.procedures.models import Procedure, ProcedureStatus, Transition
from regie.procedures.selectors import procedures_visible_to
from regie.procedures.services.context import step_label
from regie.procedures.services.definitions import definition_of, types_worked_in
from regie.subjects.models import Person

# Roles that see only their own procedures on a lot: burgerzaken's address investigation, never enforcement.
SEPARATE_FROM_ENFORCEMENT = frozenset({Role.BRP})
STATUS_ORDER = [s.value for s in ResidenceStatus]
# Colours per status: map polygons, legend, chart lines (contrast checked against white).
STATUS_COLOURS = {
    ResidenceStatus.RECREATIONAL: "#2e7d32",
    ResidenceStatus.SUSPECTED: "#b45309",
    ResidenceStatus.PERMANENT: "#b91c1c",
    ResidenceStatus.TOLERATED: "#1d4ed8",
    ResidenceStatus.VACANT: "#6b7280",
    ResidenceStatus.UNKNOWN: "#7c3aed",
}


def with_current_status(qs: QuerySet[ParkLot], *, on: date | None = None) -> QuerySet[ParkLot]:
    """Annotate `current_status`: the latest change by date (then by entry) — derived, never stored."""
    changes = ResidenceStatusChange.objects.filter(lot=OuterRef("pk"))
    if on is not None:
        changes = changes.filter(on_date__lte=on)
    latest = changes.order_by("-on_date", "-created_at").values("status")[:1]
    return qs.annotate(current_status=Subquery(latest))


def current_status(lot: ParkLot) -> str:
    latest = lot.status_changes.order_by("-on_date", "-created_at").values_list("status", flat=True).first()
    return latest or ResidenceStatus.UNKNOWN


def brp_registrations(lot: ParkLot) -> QuerySet[Person]:
    """Persons registered (BRP) at the lot's address, via subjects; empty when the lot has no address."""
    if lot.location.address_id is None:
        return Person.objects.none()
    return Person.objects.filter(address_id=lot.location.address_id, merged_into__isnull=True).order_by(
        "sort_name"
    )


@dataclass
class LotRow:
    lot: ParkLot
    status: str
    status_label: str
    colour: str
    occupancy_visible: bool
    occupants: list[str] = field(default_factory=list)
    occupant_ids: list[Any] = field(default_factory=list)
    brp_count: int = 0
    procedures: list[dict[str, Any]] = field(default_factory=list)
    next_deadline: date | None = None
    last_inspection: date | None = None
    open_signals: int = 0


def lot_rows(user: Any, park: Any, *, today: date) -> list[LotRow]:
    """Every visible lot with its status and what the user may see about it (a fixed number of queries)."""

    lots = list(
        with_current_status(park_access.lots_visible_to(user, park))
        .select_related("location", "location__address")
        .order_by("number")
    )
    occupancy_ids = park_access.occupancy_lot_ids(user, lots)
    occupants: dict[Any, list[str]] = defaultdict(list)
    occupant_ids: dict[Any, list[Any]] = defaultdict(list)
    for occ in Occupancy.objects.filter(lot_id__in=occupancy_ids).select_related("person"):
        if occ.to_date is None or occ.to_date >= today:
            occupants[occ.lot_id].append(str(occ.person))
            occupant_ids[occ.lot_id].append(occ.person_id)
    address_ids = {
        lot.location.address_id for lot in lots if lot.location.address_id and lot.pk in occupancy_ids
    }
    brp = Counter(
        Person.objects.filter(address_id__in=address_ids, merged_into__isnull=True).values_list(
            "address_id", flat=True
        )
    )
    location_to_lot = {lot.location_id: lot.pk for lot in lots}
    procedures: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    deadlines: dict[Any, date] = {}
    shown = procedures_visible_to(user)
    if getattr(user, "role", "") in SEPARATE_FROM_ENFORCEMENT:
        # BRP and enforcement stay apart (domain.md): a BRP officer sees no enforcement step or term on a lot,
        # even of a procedure on a case they are on; only the procedures they work in themselves.
        shown = shown.filter(type_code__in=[d.code for d in types_worked_in(user.role)])
    running = (
        shown.filter(status=ProcedureStatus.RUNNING, case__subjects__location_id__in=location_to_lot.keys())
        .values_list("pk", "case__subjects__location_id", "current_step", "next_deadline_on", "definition_id")
        .distinct()
    )
    by_pk = {
        p.pk: p for p in Procedure.objects.filter(pk__in=[r[0] for r in running]).select_related("definition")
    }
    for pk, location_id, step, deadline, _definition in running:
        lot_id = location_to_lot[location_id]
        procedure = by_pk[pk]
        definition = definition_of(procedure)
        procedures[lot_id].append({"pk": pk, "label": definition.label, "step": step_label(definition, step)})
        if deadline and (lot_id not in deadlines or deadline < deadlines[lot_id]):
            deadlines[lot_id] = deadline
    last_inspections = dict(
        Inspection.objects.filter(lot__in=lots)
        .order_by("lot_id", "-inspected_on")
        .distinct("lot_id")
        .values_list("lot_id", "inspected_on")
    )
    names = {lot.location.name: lot.pk for lot in lots}
    signals = Counter(
        names[text]
        for text in signals_visible_to(user)
        .exclude(status=SignalStatus.DONE)
        .filter(location_text__in=names.keys())
        .values_list("location_text", flat=True)
    )
    rows = []
    for lot in lots:
        status = lot.current_status or ResidenceStatus.UNKNOWN  # type: ignore[attr-defined]
        visible = lot.pk in occupancy_ids
        rows.append(
            LotRow(
                lot=lot,
                status=status,
                status_label=ResidenceStatus(status).label,
                colour=STATUS_COLOURS[ResidenceStatus(status)],
                occupancy_visible=visible,
                occupants=occupants.get(lot.pk, []) if visible else [],
                occupant_ids=occupant_ids.get(lot.pk, []) if visible else [],
                brp_count=brp.get(lot.location.address_id, 0) if visible and lot.location.address_id else 0,
                procedures=procedures.get(lot.pk, []),
                next_deadline=deadlines.get(lot.pk),
                last_inspection=last_inspections.get(lot.pk),
                open_signals=signals.get(lot.pk, 0),
            )
        )
    return rows


def month_ends(until: date, months: int) -> list[date]:
    """The last day of each of the `months` months up to and including the month of `until` (calendar only)."""
    result = []
    year, month = until.year, until.month
    for _ in range(months):
        first_next = date(year + (month == 12), month % 12 + 1, 1)
        result.append(date.fromordinal(first_next.toordinal() - 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return [min(d, until) for d in reversed(result)]


def monthly_counts(park: Any, *, until: date, months: int = 36) -> list[tuple[date, Counter[str]]]:
    """Per month end, the number of lots in each residence status (from the history, one query)."""
    ends = month_ends(until, months)
    changes = list(
        ResidenceStatusChange.objects.filter(lot__park=park, on_date__lte=ends[-1])
        .order_by("lot_id", "on_date", "created_at")
        .values_list("lot_id", "on_date", "status")
    )
    lot_ids = list(ParkLot.objects.filter(park=park).values_list("pk", flat=True))
    history: dict[Any, list[tuple[date, str]]] = defaultdict(list)
    for lot_id, on_date, status in changes:
        history[lot_id].append((on_date, status))
    result = []
    for end in ends:
        counts: Counter[str] = Counter()
        for lot_id in lot_ids:
            status = ResidenceStatus.UNKNOWN.value
            for on_date, value in history.get(lot_id, []):
                if on_date <= end:
                    status = value
                else:
                    break
            counts[status] += 1
        result.append((end, counts))
    return result


def permits_for(lot: ParkLot) -> QuerySet[PersonalPermit]:
    return lot.permits.select_related("holder")


def lot_holders(lot: ParkLot) -> QuerySet[Person]:
    """The persons who ever lived on the lot: the choice of holder for a personal permit."""
    return Person.objects.filter(pk__in=lot.occupancies.values("person_id")).order_by("sort_name")


def current_occupants(lot_ids: set[Any], *, today: date) -> dict[Any, list[Occupancy]]:
    """Occupants per lot, for lots whose occupancy the caller may see (park_access.occupancy_lot_ids)."""
    occupants: dict[Any, list[Occupancy]] = {}
    for occupancy in Occupancy.objects.filter(lot_id__in=lot_ids).select_related("person"):
        if occupancy.to_date is None or occupancy.to_date >= today:
            occupants.setdefault(occupancy.lot_id, []).append(occupancy)
    return occupants


def registrations_at(address_ids: list[Any]) -> dict[Any, int]:
    """How many (unmerged) persons are registered at each address: counts only, no one is named."""
    registrations: dict[Any, int] = {}
    for address_id in Person.objects.filter(address_id__in=address_ids, merged_into__isnull=True).values_list(
        "address_id", flat=True
    ):
        registrations[address_id] = registrations.get(address_id, 0) + 1
    return registrations


def open_brp_referrals(park: Park) -> QuerySet[FollowUp]:
    """BRP referrals on the park not yet taken up (the park came through the door)."""
    return FollowUp.objects.filter(
        kind=FollowUpKind.BRP, taken_up_case__isnull=True, inspection__lot__park=park
    ).select_related("inspection__lot")


def brp_referrals_of(lot: ParkLot) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(inspection__lot=lot, kind=FollowUpKind.BRP).select_related(
        "inspection", "taken_up_case"
    )


def follow_up_kinds(park: Park) -> Counter[str]:
    """How many follow-ups of each kind the park's inspections led to."""
    return Counter(FollowUp.objects.filter(inspection__lot__park=park).values_list("kind", flat=True))


def brp_follow_up_for(user: Any, follow_up_id: Any) -> FollowUp | None:
    """A BRP follow-up on a lot the user may see; None for "does not exist" and "not yours" alike."""
    return (
        FollowUp.objects.filter(
            pk=follow_up_id,
            kind=FollowUpKind.BRP,
            inspection__lot__in=park_access.lots_visible_to(user),
        )
        .select_related("inspection__lot__location__address")
        .first()
    )


def inspection_of(inspection_round: InspectionRound, lot: ParkLot) -> Inspection | None:
    """The inspection of a lot in a round (both came through the door), if one was made."""
    return Inspection.objects.filter(round=inspection_round, lot=lot).first()


def open_lot_case(lot: ParkLot) -> Any:
    """The open enforcement case of the lot, if any (internal: callers went through the door already)."""

    return (
        Case.objects.filter(
            case_type__code="handhaving-permanente-bewoning",
            subjects__location=lot.location,
        )
        .exclude(status=CaseStatus.CLOSED)
        .order_by("created_at")
        .first()
    )


def park_project_leader_for_case(case: Any) -> User | None:
    """The active project leader of the park a case is about (a lot's location is a subject of the case); None
    when the case is about no park lot, or its park has no (active) project leader."""
    leader_id = (
        Park.objects.filter(lots__location__case_links__case=case, project_leader__is_active=True)
        .order_by("name")
        .values_list("project_leader_id", flat=True)
        .first()
    )
    return User.objects.select_related("organisation").filter(pk=leader_id).first() if leader_id else None


def with_location_residence_status(qs: QuerySet[Any]) -> QuerySet[Any]:
    """Annotate locations with `park_residence_status` (park lots only; others get None) in the same query."""
    latest = (
        ResidenceStatusChange.objects.filter(lot__location=OuterRef("pk"))
        .order_by("-on_date", "-created_at")
        .values("status")[:1]
    )
    return qs.annotate(park_residence_status=Subquery(latest))


def location_residence_status(location: Any) -> str | None:
    """The residence status of a park-lot location (annotated when listed; one query otherwise); None for others."""
    if location.kind != "park-lot":
        return None
    if hasattr(location, "park_residence_status"):
        return location.park_residence_status or ResidenceStatus.UNKNOWN.value
    lot = ParkLot.objects.filter(location=location).first()
    return current_status(lot) if lot is not None else ResidenceStatus.UNKNOWN.value


# How a permanent residence ended, in the order the progress page lists them.
ENDED_ENFORCED = "Beëindigd na handhaving"
ENDED_LEGALISED = "Gelegaliseerd met een persoonsgebonden beschikking"
ENDED_MOVED_OUT = "Bewoners vertrokken (woning gevonden)"
ENDED_REVISED = "Vaststelling herzien (weer vermoedelijk of onbekend)"
ENDED_WAYS = (ENDED_ENFORCED, ENDED_LEGALISED, ENDED_MOVED_OUT, ENDED_REVISED)
# Steps of the permanent-residence procedure (procedures/definitions/permanent_residence.py) at which the
# municipality has decided to enforce: the decision (penalty order or administrative enforcement order) and the
# steps that only follow a decision. The intended decision (voornemen) is a notice, not enforcement.
ENFORCEMENT_STEPS = ("decision", "notification", "reinspection", "forfeiture", "collection-decision")


@dataclass(frozen=True)
class Enforcement:
    """One permanent-residence procedure on a lot that reached an enforcement step."""

    decided_on: date  # the first enforcement step
    withdrawn_on: date | None  # the decision was withdrawn (step `withdrawn`)
    ended_on: date | None  # the procedure was closed (ended or withdrawn)


def ended_how(*, new_status: str, began: date, ended: date, enforcements: list[Enforcement]) -> str:
    """How one permanent residence (permanent from `began`, another status from `ended`) ended; see
    `ended_permanent_residences` for the rule."""
    if new_status == ResidenceStatus.TOLERATED:
        return ENDED_LEGALISED
    if new_status in (ResidenceStatus.SUSPECTED, ResidenceStatus.UNKNOWN):
        return ENDED_REVISED
    for e in enforcements:
        withdrawn = e.withdrawn_on is not None and e.withdrawn_on <= ended
        earlier_episode = e.ended_on is not None and e.ended_on < began
        if e.decided_on <= ended and not withdrawn and not earlier_episode:
            return ENDED_ENFORCED
    return ENDED_MOVED_OUT


def lot_enforcements(park: Any) -> dict[Any, list[Enforcement]]:
    """Per lot of the park, its permanent-residence procedures that reached an enforcement step (three queries)."""
    from django.db.models import Min

    procedures = list(
        Procedure.objects.filter(
            type_code="permanent-residence", case__subjects__location__park_lot__park=park
        )
        .values_list("pk", "case__subjects__location__park_lot__id", "ended_on")
        .distinct()
    )
    ids = {pk for pk, _, _ in procedures}

    def first(steps: tuple[str, ...]) -> dict[Any, date]:
        return dict(
            Transition.objects.filter(procedure_id__in=ids, to_step__in=steps)
            .values("procedure_id")
            .annotate(first=Min("on_date"))
            .values_list("procedure_id", "first")
        )

    decided, withdrawn = first(ENFORCEMENT_STEPS), first(("withdrawn",))
    result: dict[Any, list[Enforcement]] = defaultdict(list)
    for pk, lot_id, ended_on in procedures:
        if pk in decided:
            result[lot_id].append(Enforcement(decided[pk], withdrawn.get(pk), ended_on))
    return result


def ended_permanent_residences(park: Any) -> Counter[str]:
    """How permanent residences on the park ended, counted from the status history (each end once).

    An end is a change of a lot's residence status from `permanent-vastgesteld` to another status, on date E,
    after a run of permanent statuses that began on date S. It counts as:
    1. legalised by a permit, when the new status is `gedoogd-persoonsgebonden`;
    2. the finding revised, when the new status is `vermoedelijk-permanent` or `onbekend` (nobody is known to
       have left);
    3. ended after enforcement, when the new status is recreational or vacant and a `permanent-residence`
       procedure on the lot's case had reached an enforcement step (ENFORCEMENT_STEPS: the decision or later) on
       or before E, was not withdrawn on or before E, and had not been closed before S (so a procedure of an
       earlier residence on the lot does not count);
    4. otherwise the residents moved out (found housing) without enforcement — also when only an intended
       decision was sent.
    """
    enforcements = lot_enforcements(park)
    result: Counter[str] = Counter()
    previous: dict[Any, str] = {}
    began: dict[Any, date] = {}
    changes = (
        ResidenceStatusChange.objects.filter(lot__park=park)
        .order_by("lot_id", "on_date", "created_at")
        .values_list("lot_id", "on_date", "status")
    )
    for lot_id, on_date, status in changes:
        was_permanent = previous.get(lot_id) == ResidenceStatus.PERMANENT
        if status == ResidenceStatus.PERMANENT and not was_permanent:
            began[lot_id] = on_date
        elif status != ResidenceStatus.PERMANENT and was_permanent:
            how = ended_how(
                new_status=status,
                began=began[lot_id],
                ended=on_date,
                enforcements=enforcements.get(lot_id, []),
            )
            result[how] += 1
        previous[lot_id] = status
    return result


def procedure_figures(park: Any) -> dict[str, list[tuple[str, int]]]:
    """Counts only: enforcement procedures on the park's lots by step, BRP investigations by outcome."""

    on_park = Procedure.objects.filter(case__subjects__location__park_lot__park=park).distinct()
    enforcement = SHIPPED["permanent-residence"]
    steps: Counter[str] = Counter()
    for step, status in on_park.filter(type_code="permanent-residence").values_list("current_step", "status"):
        spec = enforcement.step(step)
        label = spec.label if spec else step
        steps[label if status == ProcedureStatus.RUNNING else f"{label} (afgerond)"] += 1
    brp_ids = list(on_park.filter(type_code="brp-address-investigation").values_list("pk", flat=True))
    outcomes: Counter[str] = Counter()
    decided = dict(
        Transition.objects.filter(procedure_id__in=brp_ids, to_step="decision").values_list(
            "procedure_id", "data"
        )
    )
    labels = dict(OUTCOMES)
    for pk in brp_ids:
        data = decided.get(pk)
        outcome = str(data.get("outcome") or "") if isinstance(data, dict) else ""
        outcomes[labels.get(outcome, outcome) if outcome else "Nog geen besluit"] += 1
    return {"steps": sorted(steps.items()), "brp": sorted(outcomes.items())}
