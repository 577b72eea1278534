"""The door for persons, addresses, locations and businesses: a subject is visible through a visible case."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404, HttpRequest

from regie.access.case_access import VISIBLE_CASE_IDS_SQL, in_id_array, may_see_cases, visible_case_ids_params
from regie.access.processing_log import log_processing
from regie.accounts.models import Role, User
from regie.core.ids import uuid_or_404
from regie.subjects.models import Address, Business, Location, Person

# A BSN is for municipal staff who work on the case; partners get the person without it (data minimisation).
BSN_ROLES = frozenset({Role.PROCESS_DIRECTOR, Role.PROJECT_LEADER, Role.INSPECTOR, Role.LAWYER, Role.BRP})


def may_see_bsn(user: Any) -> bool:
    """Whether this user is shown BSNs of persons they may see."""
    return may_see_cases(user) and user.role in BSN_ROLES


def _params(user: User) -> tuple[object, ...]:
    return visible_case_ids_params(user)


def _subject_ids(column: str, user: User) -> RawSQL:
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
        return Person.objects.filter(merged_into__isnull=True, pk__in=_subject_ids("person_id", user))
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
    return Address.objects.filter(Q(pk__in=_subject_ids("address_id", user)) | Q(pk__in=homes))


def locations_visible_to(user: Any, *, kind: str | None = None) -> QuerySet[Location]:
    """Locations in a visible case, and the park lots the park door lets this user see."""
    if not may_see_cases(user):
        return Location.objects.none()
    from regie.access.park_access import park_lot_location_ids

    qs = Location.objects.filter(
        Q(pk__in=_subject_ids("location_id", user)) | Q(pk__in=park_lot_location_ids(user))
    )
    return qs.filter(kind=kind) if kind else qs


def businesses_visible_to(user: Any) -> QuerySet[Business]:
    """Businesses in a visible case."""
    if not may_see_cases(user):
        return Business.objects.none()
    return Business.objects.filter(pk__in=_subject_ids("business_id", user))


def get_person_for(
    user: Any, person_id: object, *, request: HttpRequest | None = None, purpose: str = ""
) -> Person:
    """One person through the door, logged as a read; 404 alike for missing and hidden."""
    person_id = uuid_or_404(person_id)
    person = persons_visible_to(user).select_related("address").filter(pk=person_id).first()
    if person is None:
        raise Http404
    log_processing(
        action="person.viewed",
        actor=user,
        request=request,
        object_type="person",
        object_id=person.pk,
        persons=[person.pk],
        purpose=purpose,
    )
    return person


def get_address_for(user: Any, address_id: object, *, request: HttpRequest | None = None) -> Address:
    """One address through the door, logged with the persons living there that the user may see."""
    address_id = uuid_or_404(address_id)
    address = addresses_visible_to(user).filter(pk=address_id).first()
    if address is None:
        raise Http404
    residents = list(persons_visible_to(user).filter(address=address).values_list("pk", flat=True))
    log_processing(
        action="address.viewed",
        actor=user,
        request=request,
        object_type="address",
        object_id=address.pk,
        persons=residents,
    )
    return address
