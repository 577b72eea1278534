"""The door for persons, addresses, locations and businesses: a subject is visible through a visible case.

A process director's break-the-glass access makes the subjects of that case visible too; a read of a person or
address that the user reaches *only* that way is marked in the processing log (`break_the_glass=True`, the
emergency reason as purpose), like a read of the case itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404, HttpRequest
from django.utils import timezone

from regie.access.case_access import (
    VISIBLE_CASE_IDS_SQL,
    case_person_ids,
    emergency_marking,
    in_id_array,
    may_see_cases,
    visible_case_ids_params,
)
from regie.access.policy import has_permission
from regie.accounts.models import Role, User
from regie.cases.models import BreakTheGlass, CaseSubject
from regie.core.ids import uuid_or_404
from regie.park.models import Occupancy
from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.services import log_processing
from regie.subjects.models import Address, Business, Person

# A BSN is for municipal staff who work on the case; partners get the person without it (data minimisation).
BSN_ROLES = frozenset({Role.PROCESS_DIRECTOR, Role.PROJECT_LEADER, Role.INSPECTOR, Role.LAWYER, Role.BRP})


def may_see_bsn(user: Any) -> bool:
    """Whether this user is shown BSNs of persons they may see."""
    return may_see_cases(user) and user.role in BSN_ROLES


def may_edit_person(user: Any, person: Person) -> bool:
    """Whether this user may complete or merge this person's record: a municipal case role (`persons.edit`) that
    may edit a case the person is in (its coordinator, or a team member with edit rights, in person or through
    their organisation). A partner, or a reader of the case, sees the person but does not change who they are."""
    if not has_permission(user, "persons.edit") or person.merged_into_id is not None:
        return False
    editing = Q(case__coordinator=user) | Q(case__members__user=user, case__members__can_edit=True)
    if user.organisation_id:
        editing |= Q(case__members__organisation_id=user.organisation_id, case__members__can_edit=True)
    return CaseSubject.objects.filter(editing, person=person).exists()


def _params(user: User) -> tuple[object, ...]:
    return visible_case_ids_params(user)


def case_subject_ids(column: str, user: User) -> RawSQL:
    sql = (
        f"SELECT s.{column} FROM cases_casesubject s "  # noqa: S608 — column is one of four fixed names
        f"WHERE s.{column} IS NOT NULL AND s.case_id IN ({VISIBLE_CASE_IDS_SQL})"
    )
    return RawSQL(sql, _params(user))  # noqa: S611


def persons_visible_to(user: Any, *, selective: bool = False) -> QuerySet[Person]:
    """Persons in at least one case the user may see (merged duplicates excluded).

    `selective=True` is for callers that filter on a unique column (a BSN): then PostgreSQL should start from
    that index and check visibility per row, instead of first building the whole visible set.
    """
    if not may_see_cases(user):
        return Person.objects.none()
    if selective:
        return Person.objects.filter(merged_into__isnull=True, pk__in=case_subject_ids("person_id", user))
    sql = (
        "SELECT s.person_id FROM cases_casesubject s "  # noqa: S608 — fixed SQL of the door, no user input
        f"WHERE s.person_id IS NOT NULL AND s.case_id = ANY(ARRAY({VISIBLE_CASE_IDS_SQL}))"
    )
    return Person.objects.filter(in_id_array("pk", sql, _params(user)), merged_into__isnull=True)


def addresses_visible_to(user: Any) -> QuerySet[Address]:
    """Addresses in a visible case, or the home address of a visible person."""
    if not may_see_cases(user):
        return Address.objects.none()
    # One filter with two index-backed subqueries (OR-ing a distinct and a plain queryset is a TypeError).
    homes = persons_visible_to(user).filter(address__isnull=False).values("address_id")
    return Address.objects.filter(Q(pk__in=case_subject_ids("address_id", user)) | Q(pk__in=homes))


def businesses_visible_to(user: Any) -> QuerySet[Business]:
    """Businesses in a visible case."""
    if not may_see_cases(user):
        return Business.objects.none()
    return Business.objects.filter(pk__in=case_subject_ids("business_id", user))


# The user works on case `o.case_id` themselves: as coordinator, member, or through a member organisation — every
# path of VISIBLE_CASE_IDS_SQL except an emergency access. Correlated, so it probes a subject's few cases by index
# instead of building the set of every case the user works on. Parameters: user id, user id, organisation id.
_WORKS_ON_O_CASE = (
    "(EXISTS (SELECT 1 FROM cases_case wc WHERE wc.id = o.case_id AND wc.coordinator_id = %s)"
    " OR EXISTS (SELECT 1 FROM cases_casemember wm WHERE wm.case_id = o.case_id"
    " AND (wm.user_id = %s OR wm.organisation_id = %s)))"
)


# The user's running emergency accesses to a case with one of the persons, for persons the user reaches through
# no case of their own. Parameters: user id, now, person ids, then the three of _WORKS_ON_O_CASE.
_PERSONS_BY_EMERGENCY_SQL = f"""
    SELECT b.id FROM cases_breaktheglass b JOIN cases_casesubject s ON s.case_id = b.case_id
    WHERE b.user_id = %s AND b.expires_at > %s AND s.person_id = ANY(%s)
      AND NOT EXISTS (SELECT 1 FROM cases_casesubject o WHERE o.person_id = s.person_id AND {_WORKS_ON_O_CASE})
"""  # noqa: S608 — fixed SQL of the door, no user input

# The same for addresses: a case reaches an address as its subject or as the home of a (not merged) person in it,
# as in `addresses_visible_to`. Parameters: user id, now, address ids, then the three of _WORKS_ON_O_CASE twice.
_ADDRESSES_BY_EMERGENCY_SQL = f"""
    SELECT b.id FROM cases_breaktheglass b JOIN cases_casesubject s ON s.case_id = b.case_id
    LEFT JOIN subjects_person p ON p.id = s.person_id AND p.merged_into_id IS NULL
    WHERE b.user_id = %s AND b.expires_at > %s AND COALESCE(s.address_id, p.address_id) = ANY(%s)
      AND NOT EXISTS (SELECT 1 FROM cases_casesubject o
                      WHERE o.address_id = COALESCE(s.address_id, p.address_id) AND {_WORKS_ON_O_CASE})
      AND NOT EXISTS (SELECT 1 FROM subjects_person q JOIN cases_casesubject o ON o.person_id = q.id
                      WHERE q.address_id = COALESCE(s.address_id, p.address_id) AND q.merged_into_id IS NULL
                        AND {_WORKS_ON_O_CASE})
"""  # noqa: S608 — fixed SQL of the door, no user input


# Cases the user reaches only through a running emergency access (not as coordinator, member or member
# organisation). Parameters: user id, now, case ids, then the three of _WORKS_ON_O_CASE.
_CASES_BY_EMERGENCY_SQL = f"""
    SELECT b.id FROM cases_breaktheglass b, LATERAL (SELECT b.case_id) o(case_id)
    WHERE b.user_id = %s AND b.expires_at > %s AND b.case_id = ANY(%s) AND NOT {_WORKS_ON_O_CASE}
"""  # noqa: S608 — fixed SQL of the door, no user input

# The same for locations and businesses, which a case reaches only as its subjects. Parameters: user id, now, ids,
# then the three of _WORKS_ON_O_CASE. `{column}` is location_id or business_id.
_LINKED_BY_EMERGENCY_SQL = """
    SELECT b.id FROM cases_breaktheglass b JOIN cases_casesubject s ON s.case_id = b.case_id
    WHERE b.user_id = %s AND b.expires_at > %s AND s.{column} = ANY(%s)
      AND NOT EXISTS (SELECT 1 FROM cases_casesubject o WHERE o.{column} = s.{column} AND {works})
"""


def _uuids(ids: Iterable[object]) -> list[UUID]:
    return list(dict.fromkeys(i if isinstance(i, UUID) else UUID(str(i)) for i in ids))


def emergency_access_for(
    user: Any,
    *,
    case_ids: Iterable[object] = (),
    person_ids: Iterable[object] = (),
    address_ids: Iterable[object] = (),
    location_ids: Iterable[object] = (),
    business_ids: Iterable[object] = (),
) -> BreakTheGlass | None:
    """The emergency access a read of these cases, persons, addresses, locations and businesses relies on, or None.

    Not None when at least one of them is visible to the user *only* through a running break-the-glass access
    (no case they coordinate or are a member of, personally or through their organisation, reaches it); then
    that read must be logged with `break_the_glass=True` and the access's reason as purpose. Of several such
    accesses, the one that runs longest. One SQL statement, whatever the number of ids.
    """
    cases, persons, addresses = _uuids(case_ids), _uuids(person_ids), _uuids(address_ids)
    linked = {"location_id": _uuids(location_ids), "business_id": _uuids(business_ids)}
    if not may_see_cases(user) or not (cases or persons or addresses or any(linked.values())):
        return None
    now, works = timezone.now(), (user.pk, user.pk, user.organisation_id)
    parts: list[str] = []
    params: list[object] = []
    if cases:
        parts.append(_CASES_BY_EMERGENCY_SQL)
        params += [user.pk, now, cases, *works]
    if persons:
        parts.append(_PERSONS_BY_EMERGENCY_SQL)
        params += [user.pk, now, persons, *works]
    if addresses:
        parts.append(_ADDRESSES_BY_EMERGENCY_SQL)
        params += [user.pk, now, addresses, *works, *works]
    for column, ids in linked.items():
        if ids:
            parts.append(_LINKED_BY_EMERGENCY_SQL.format(column=column, works=_WORKS_ON_O_CASE))
            params += [user.pk, now, ids, *works]
    sql = (
        "SELECT b.* FROM cases_breaktheglass b "  # noqa: S608 — fixed SQL of the door, no user input
        f"WHERE b.id IN ({' UNION ALL '.join(parts)}) ORDER BY b.expires_at DESC, b.id LIMIT 1"
    )
    return next(iter(BreakTheGlass.objects.raw(sql, params)), None)


def residents_of(*, address_ids: Iterable[object] = (), location_ids: Iterable[object] = ()) -> list[UUID]:
    """Who lives at these addresses and locations: the persons registered there (merged duplicates excluded) and
    the occupants of a park lot there. For the processing log, so whether or not the reader may see them: an
    address is personal data of the people living at it, and the log must answer for each of them. One query."""
    addresses, locations = _uuids(address_ids), _uuids(location_ids)
    if not (addresses or locations):
        return []
    registered = Person.objects.filter(
        Q(address_id__in=addresses) | Q(address__locations__in=locations), merged_into__isnull=True
    ).values_list("pk", flat=True)
    occupants = Occupancy.objects.filter(lot__location_id__in=locations).values_list("person_id", flat=True)
    return _uuids(registered.union(occupants))


def log_read(
    user: Any,
    *,
    action: str,
    request: HttpRequest | None = None,
    object_type: str = "",
    object_id: object = "",
    case_ids: Iterable[object] = (),
    person_ids: Iterable[object] = (),
    address_ids: Iterable[object] = (),
    location_ids: Iterable[object] = (),
    business_ids: Iterable[object] = (),
    purpose: str = "",
    details: dict[str, Any] | None = None,
) -> ProcessingLogEntry:
    """Log one read that shows these cases and subjects — a list page as much as one object.

    The entry names the persons shown: the persons themselves, the persons of the cases (a case's title and
    number are about them) and the residents of the addresses and locations (`residents_of`). It is marked with
    the emergency access the read relies on, if any, with its reason as purpose. A constant number of queries,
    whatever the number of ids.
    """
    cases, addresses, locations = _uuids(case_ids), _uuids(address_ids), _uuids(location_ids)
    persons = _uuids(
        [*person_ids, *case_person_ids(cases), *residents_of(address_ids=addresses, location_ids=locations)]
    )
    emergency = emergency_access_for(
        user,
        case_ids=cases,
        person_ids=persons,
        address_ids=addresses,
        location_ids=locations,
        business_ids=business_ids,
    )
    return log_processing(
        action=action,
        actor=user,
        request=request,
        object_type=object_type,
        object_id=object_id,
        persons=persons,
        details=details,
        **emergency_marking(emergency, purpose),
    )


def get_person_for(
    user: Any, person_id: object, *, request: HttpRequest | None = None, purpose: str = ""
) -> Person:
    """One person through the door, logged as a read; 404 alike for missing and hidden."""
    person_id = uuid_or_404(person_id)
    person = persons_visible_to(user).select_related("address").filter(pk=person_id).first()
    if person is None:
        raise Http404
    log_read(
        user,
        action="person.viewed",
        request=request,
        object_type="person",
        object_id=person.pk,
        person_ids=[person.pk],
        purpose=purpose,
    )
    return person


def get_address_for(user: Any, address_id: object, *, request: HttpRequest | None = None) -> Address:
    """One address through the door, logged with the persons living there (`residents_of`)."""
    address_id = uuid_or_404(address_id)
    address = addresses_visible_to(user).filter(pk=address_id).first()
    if address is None:
        raise Http404
    log_read(
        user,
        action="address.viewed",
        request=request,
        object_type="address",
        object_id=address.pk,
        address_ids=[address.pk],
    )
    return address
