"""The one door for reads of case data: who sees which case, which notes and documents, and what they may do.

Rules (default deny):
- analysts, the functional administrator and the privacy officer see no case at all;
- everyone else sees a case when they coordinate it, when they or their organisation are on its team, or — for
  a process director — during an active break-the-glass access;
- within a case a user sees only notes, documents and timeline events of the data categories granted to them
  (the coordinator sees all; break-the-glass grants the case type's default categories);
- "does not exist" and "not yours" are the same 404.

Visibility is one SQL statement: the ids a user may see are a UNION of index lookups, joined to cases by
primary key, so "mijn casussen" stays fast at millions of cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import BooleanField, Exists, F, Func, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404, HttpRequest
from django.utils import timezone

from regie.accounts.models import Organisation, OrganisationKind, Role, User
from regie.cases.models import (
    ALL_CATEGORIES,
    BreakTheGlass,
    Case,
    CaseMember,
    CaseSubject,
    Document,
    Note,
    TimelineEvent,
)
from regie.core.ids import uuid_or_404
from regie.processing_log.services import log_processing

NO_CASE_ACCESS = frozenset({Role.ANALYST, Role.ADMINISTRATOR, Role.PRIVACY, Role.ARCHIVIST})
BREAK_THE_GLASS_ROLES = frozenset({Role.PROCESS_DIRECTOR})
TEAM_MANAGER_ROLES = frozenset({Role.PROCESS_DIRECTOR, Role.PROJECT_LEADER})

VISIBLE_CASE_IDS_SQL = """
    SELECT c.id FROM cases_case c WHERE c.coordinator_id = %s
    UNION SELECT m.case_id FROM cases_casemember m WHERE m.user_id = %s
    UNION SELECT m.case_id FROM cases_casemember m WHERE m.organisation_id = %s
    UNION SELECT b.case_id FROM cases_breaktheglass b WHERE b.user_id = %s AND b.expires_at > %s
"""


def may_see_cases(user: Any) -> bool:
    """True for active, signed-in users whose role works on cases."""
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and user.role
        and user.role not in NO_CASE_ACCESS
    )


NOT_A_PARTICIPANT_USER = (
    "Deze gebruiker kan geen teamlid van een casus zijn: de rol werkt niet aan casussen "
    "(functioneel beheer, monitoring en de privacyfunctionaris zien nooit casusinhoud)."
)
NOT_A_PARTICIPANT_ORGANISATION = (
    "Deze organisatie kan geen teamlid van een casus zijn: er werkt niemand die aan casussen deelneemt."
)


def _case_role_users() -> Q:
    return Q(is_active=True) & ~Q(role__in=NO_CASE_ACCESS) & ~Q(role="")


def organisations_taking_part(municipality_id: Any) -> QuerySet[Organisation]:
    """The active organisations of a municipality that can take part in cases: every external partner, and a
    department only when someone there works on cases (so Functioneel Beheer, Informatie en Monitoring and the
    privacy officer's department are never offered: a membership would give their people nothing but a dead
    entry on the team)."""
    staff = User.objects.filter(_case_role_users(), organisation_id=OuterRef("pk"))
    return Organisation.objects.filter(active=True, municipality_id=municipality_id).filter(
        Q(kind=OrganisationKind.PARTNER) | Q(Exists(staff))
    )


def organisation_takes_part(organisation: Organisation) -> bool:
    """Whether this organisation can be on a case team (see `organisations_taking_part`)."""
    return organisations_taking_part(organisation.municipality_id).filter(pk=organisation.pk).exists()


def participating_members(members: QuerySet[CaseMember]) -> QuerySet[CaseMember]:
    """Only the team members who take part in cases: users in a case role, organisations that take part."""
    staff = User.objects.filter(_case_role_users(), organisation_id=OuterRef("organisation_id"))
    return members.filter(
        Q(user__isnull=False, user__is_active=True) & ~Q(user__role__in=NO_CASE_ACCESS) & ~Q(user__role="")
        | Q(organisation__isnull=False, organisation__active=True)
        & (Q(organisation__kind=OrganisationKind.PARTNER) | Q(Exists(staff)))
    )


def visible_case_ids_params(user: User) -> tuple[object, ...]:
    """The parameters of VISIBLE_CASE_IDS_SQL. "Now" is the application's clock, as in every other expiry
    check (`active_break_the_glass`, the review that ends an access): one clock decides, and the database's
    `now()` — the start of the current transaction — cannot keep an ended emergency access open."""
    return (user.pk, user.pk, user.organisation_id, user.pk, timezone.now())


def visible_case_ids_sql(user: User) -> RawSQL:
    """The ids of the cases this user may see, as a subquery (for use in `pk__in` / `case_id__in`)."""
    return RawSQL(VISIBLE_CASE_IDS_SQL, visible_case_ids_params(user))  # noqa: S611


def in_id_array(column: str, sql: str, params: tuple[object, ...]) -> Func:
    """`column = ANY(ARRAY(sql))`: the id set is computed once and joined by index probes, whatever the planner's
    row estimates (an `IN (subquery)` flipped to a full scan at a million cases; see benchmarks/README.md)."""
    return Func(
        F(column),
        RawSQL(sql, params),  # noqa: S611 — fixed SQL of this module, parameterised
        template="%(expressions)s))",
        arg_joiner=" = ANY(ARRAY(",
        output_field=BooleanField(),
    )


def cases_visible_to(user: Any) -> QuerySet[Case]:
    """Every case the user may see; empty for roles without case access."""
    if not may_see_cases(user):
        return Case.objects.none()
    return Case.objects.filter(in_id_array("pk", VISIBLE_CASE_IDS_SQL, visible_case_ids_params(user)))


def visible_case_q(user: User, *, through: str = "") -> Q:
    """The door's rule for one row: a case (or a row that points to one by the field `through`) is visible when the
    user coordinates it, is on its team, their organisation is, or they hold a running emergency access — the
    same four ways in as VISIBLE_CASE_IDS_SQL, asked of that one case by index probes. For one case, that is far
    cheaper than building the user's whole id set (a process director sees thousands); for lists use the set.
    Call only for a user who `may_see_cases`."""
    case_ref = OuterRef(f"{through}_id" if through else "pk")
    ways_in: list[Any] = [
        Q(**{f"{through}__coordinator_id" if through else "coordinator_id": user.pk}),
        Exists(CaseMember.objects.filter(case_id=case_ref, user_id=user.pk)),
        Exists(BreakTheGlass.objects.filter(case_id=case_ref, user_id=user.pk, expires_at__gt=timezone.now())),
    ]
    if user.organisation_id is not None:  # NULL = NULL is never true in the set's SQL either
        ways_in.append(Exists(CaseMember.objects.filter(case_id=case_ref, organisation_id=user.organisation_id)))
    return Q(*ways_in, _connector=Q.OR)


def active_break_the_glass(user: User, case: Case) -> BreakTheGlass | None:
    """The user's running emergency access to this case, if any."""
    return (
        BreakTheGlass.objects.filter(user=user, case=case, expires_at__gt=timezone.now())
        .order_by("-expires_at")
        .first()
    )


@dataclass(frozen=True)
class CaseAccess:
    """What one user may do and see within one case."""

    case: Case
    categories: frozenset[str]
    is_coordinator: bool
    is_member: bool
    can_edit: bool
    can_manage_team: bool
    break_the_glass: BreakTheGlass | None

    @property
    def can_close(self) -> bool:
        return self.is_coordinator


def access_to(user: User, case: Case) -> CaseAccess:
    """The user's rights within a case they can see (call only after the case came through the door)."""
    is_coordinator = case.coordinator_id == user.pk
    # The user's own membership and their organisation's, in one query.
    mine = Q(user=user) | Q(organisation_id=user.organisation_id) if user.organisation_id else Q(user=user)
    memberships = list(CaseMember.objects.filter(case=case).filter(mine).values("categories", "can_edit"))
    categories: set[str] = set(ALL_CATEGORIES) if is_coordinator else set()
    for membership in memberships:
        categories |= set(membership["categories"])
    emergency = None if (is_coordinator or memberships) else active_break_the_glass(user, case)
    if emergency is not None:
        categories |= set(case.case_type.default_categories)
    can_edit = is_coordinator or any(m["can_edit"] for m in memberships)
    return CaseAccess(
        case=case,
        categories=frozenset(categories),
        is_coordinator=is_coordinator,
        is_member=bool(memberships),
        can_edit=can_edit,
        can_manage_team=is_coordinator or (can_edit and user.role in TEAM_MANAGER_ROLES),
        break_the_glass=emergency,
    )


def case_person_ids(case_ids: Iterable[object]) -> list[UUID]:
    """The persons of these cases, each once (one query): who a case's title, number and contents are about."""
    ids = [str(i) for i in case_ids]
    if not ids:
        return []
    linked = CaseSubject.objects.filter(case_id__in=ids, person__isnull=False)
    return list(dict.fromkeys(linked.values_list("person_id", flat=True)))


def emergency_marking(emergency: BreakTheGlass | None, purpose: str = "") -> dict[str, Any]:
    """The `break_the_glass` and `purpose` arguments of `log_processing` for a read that relies on `emergency`."""
    return {
        "break_the_glass": emergency is not None,
        "purpose": purpose or (emergency.reason if emergency is not None else ""),
    }


def get_case_for(
    user: Any,
    case_id: object,
    *,
    action: str = "case.viewed",
    request: HttpRequest | None = None,
    purpose: str = "",
    log: bool = True,
) -> CaseAccess:
    """The case with this user's rights, or Http404 alike for missing and not-visible; the read is logged."""
    case_id = uuid_or_404(case_id)
    if not may_see_cases(user):
        raise Http404
    case = (
        Case.objects.filter(pk=case_id)
        .filter(visible_case_q(user))
        .select_related("case_type", "coordinator", "coordinator__organisation", "municipality")
        .first()
    )
    if case is None:
        raise Http404
    access = access_to(user, case)
    if log:
        log_processing(
            action=action,
            actor=user,
            request=request,
            object_type="case",
            object_id=case.pk,
            persons=case_person_ids([case.pk]),
            details={"number": case.number},
            **emergency_marking(access.break_the_glass, purpose),
        )
    return access


def subjects_for(access: CaseAccess) -> QuerySet[CaseSubject]:
    """The case's subjects with their person, address, location and business (the caller logs the read)."""
    return access.case.subjects.select_related(
        "person", "address", "location__address", "business__address"
    ).order_by("created_at")


def notes_for(access: CaseAccess) -> QuerySet[Note]:
    """Notes of the categories this user may see."""
    return access.case.notes.filter(category__in=access.categories).select_related("author")


def documents_for(access: CaseAccess) -> QuerySet[Document]:
    """Documents of the categories this user may see."""
    return access.case.documents.filter(category__in=access.categories).select_related("uploaded_by")


def timeline_for(access: CaseAccess) -> QuerySet[TimelineEvent]:
    """Timeline events of the categories this user may see."""
    return access.case.timeline.filter(category__in=access.categories).select_related("actor")


def get_document_for(
    user: Any, case_id: object, document_id: object, *, request: HttpRequest | None = None
) -> tuple[CaseAccess, Document]:
    """A document through the door of its case and its category; 404 alike for missing and hidden."""
    access = get_case_for(user, case_id, log=False)
    document_id = uuid_or_404(document_id)
    document = documents_for(access).filter(pk=document_id).first()
    if document is None:
        raise Http404
    log_processing(
        action="document.downloaded",
        actor=user,
        request=request,
        object_type="document",
        object_id=document.pk,
        persons=case_person_ids([access.case.pk]),
        details={"case": access.case.number, "category": document.category},
        **emergency_marking(access.break_the_glass),
    )
    return access, document


def case_for_break_the_glass(user: Any, number: str) -> Case | None:
    """The case with this number in the process director's municipality, for an emergency access only.

    This is not a read of the case: it only finds the id that `break_the_glass_start` opens (and logs).
    """
    if not may_see_cases(user) or user.role not in BREAK_THE_GLASS_ROLES or user.organisation is None:
        return None
    return (
        Case.objects.filter(number=number.strip(), municipality_id=user.organisation.municipality_id)
        .only("id", "number")
        .first()
    )


def _emergency_accesses_for_review(user: Any) -> QuerySet[BreakTheGlass]:
    if not getattr(user, "is_authenticated", False) or user.role != Role.PRIVACY or user.organisation is None:
        return BreakTheGlass.objects.none()
    return BreakTheGlass.objects.filter(
        case__municipality_id=user.organisation.municipality_id
    ).select_related("user", "user__organisation", "case", "case__case_type", "reviewed_by")


def emergency_accesses_awaiting_review(user: Any) -> QuerySet[BreakTheGlass]:
    """For the privacy officer: emergency accesses not yet reviewed, oldest first (no case contents)."""
    return _emergency_accesses_for_review(user).filter(reviewed_at__isnull=True).order_by("created_at")


def emergency_accesses_reviewed(user: Any, *, limit: int = 50) -> list[BreakTheGlass]:
    """For the privacy officer: the most recently reviewed emergency accesses."""
    return list(
        _emergency_accesses_for_review(user)
        .filter(reviewed_at__isnull=False)
        .order_by("-reviewed_at")[:limit]
    )


def get_emergency_access_for_review(user: Any, access_id: object) -> BreakTheGlass:
    """One emergency access the privacy officer may review; 404 otherwise."""
    found = _emergency_accesses_for_review(user).filter(pk=uuid_or_404(access_id)).first()
    if found is None:
        raise Http404
    return found


def emergency_accesses_of(user: Any, *, limit: int = 20) -> list[BreakTheGlass]:
    """A process director's own recent emergency accesses (case number and expiry; no case contents)."""
    if not may_see_cases(user):
        return []
    return list(
        BreakTheGlass.objects.filter(user=user).select_related("case").order_by("-created_at")[:limit]
    )
