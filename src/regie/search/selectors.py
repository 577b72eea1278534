"""One search box through the door: persons and cases, one SQL statement per result type.

Only what the access door lets through is searched: persons in visible cases (`regie.subjects.selectors`);
cases visible to the user, by number or by words in notes of the data categories the user may see in that case
(Dutch full-text search).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.http import HttpRequest
from django.utils import timezone

from regie.access.case_access import (
    BREAK_THE_GLASS_ROLES,
    VISIBLE_CASE_IDS_SQL,
    cases_visible_to,
    may_see_cases,
    visible_case_ids_params,
)
from regie.access.subject_access import (
    emergency_access_for,
    emergency_marking,
    may_see_bsn,
)
from regie.cases.models import Case
from regie.processing_log.services import log_processing
from regie.subjects.models import Person
from regie.subjects.selectors import MAX_QUERY, is_bsn_query, search_persons

CASE_NUMBER = re.compile(r"^\d{4}-\d{1,7}$")  # 2026-00042, and beyond 99,999 a year

# Cases whose notes match the words, among the cases the user may see, keeping only notes of a data category
# granted to the user in that case. With `IN (<visible ids>)` the planner starts from the full-text index when the
# words are rare in notes (a hash of the visible ids) and from the visible cases when they are common: measured,
# both bounded (benchmarks/README.md, decision 0004).
NOTE_CASES_SQL = f"""
SELECT n.case_id FROM cases_note n JOIN cases_case c ON c.id = n.case_id
WHERE n.case_id IN ({VISIBLE_CASE_IDS_SQL})
  AND n.search_vector @@ websearch_to_tsquery('dutch', %s)
  AND (
    c.coordinator_id = %s
    OR EXISTS (SELECT 1 FROM cases_casemember m
               WHERE m.case_id = c.id AND (m.user_id = %s OR m.organisation_id = %s)
                 AND n.category = ANY(m.categories))
    OR EXISTS (SELECT 1 FROM cases_breaktheglass b JOIN cases_casetype t ON t.id = c.case_type_id
               WHERE b.case_id = c.id AND b.user_id = %s AND b.expires_at > %s
                 AND n.category = ANY(t.default_categories))
  )
"""  # noqa: S608 — composed of fixed SQL of the door, no user input


def search_cases(user: Any, q: str, *, limit: int = 20) -> QuerySet[Case]:
    """Visible cases by number, or by words in notes of categories the user may see in that case.

    A BSN is never looked for in note text: it is a person search (and a BSN belongs in the person, not in notes).
    """
    q = q.strip()[:MAX_QUERY]
    base = cases_visible_to(user).select_related("case_type", "coordinator")
    if not q or not may_see_cases(user):
        return base.none()
    if CASE_NUMBER.match(q):
        year, number = q.split("-")
        return base.filter(number=f"{year}-{int(number):05d}")[:limit]
    if is_bsn_query(q):
        return base.none()
    params = (
        *visible_case_ids_params(user),
        q,
        user.pk,
        user.pk,
        user.organisation_id,
        user.pk,
        timezone.now(),
    )
    return (
        Case.objects.filter(pk__in=RawSQL(NOTE_CASES_SQL, params))  # noqa: S611 — fixed SQL, parameterised
        .select_related("case_type", "coordinator")
        .order_by("next_deadline", "number")[:limit]
    )


@dataclass(frozen=True)
class SearchResults:
    query: str
    persons: list[Person] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)


def search_all(user: Any, q: str, *, request: HttpRequest | None = None, limit: int = 20) -> SearchResults:
    """Persons and cases for one search box; the search and the persons it returned are logged."""
    persons = list(search_persons(user, q, limit=limit))
    cases = list(search_cases(user, q, limit=limit))
    # A result reached only through a running break-the-glass access marks the search (one query, none for
    # roles that cannot hold such an access or when nothing was found).
    emergency = (
        emergency_access_for(user, case_ids=[c.pk for c in cases], person_ids=[p.pk for p in persons])
        if user.role in BREAK_THE_GLASS_ROLES
        else None
    )
    log_processing(
        action="search.performed",
        actor=user,
        request=request,
        object_type="search",
        persons=[p.pk for p in persons],
        # The term itself too: a search that found nothing is still a question about someone (e.g. a BSN).
        details={"query": q.strip()[:MAX_QUERY], "persons": len(persons), "cases": [c.number for c in cases]},
        **emergency_marking(emergency),
    )
    return SearchResults(query=q, persons=persons, cases=cases)


def search_hint(user: Any) -> str:
    """What the search box looks for, in Dutch; BSN only for users who are shown BSNs (others find none by it)."""
    options = (
        "naam, BSN, geboortedatum (dd-mm-jjjj)" if may_see_bsn(user) else "naam, geboortedatum (dd-mm-jjjj)"
    )
    return f"Zoek op {options}, postcode + huisnummer of casusnummer."
