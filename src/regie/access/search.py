"""One search box through the door: persons and cases, one SQL statement per result type.

Only what the access door lets through is searched: persons in visible cases; cases visible to the user, by
number or by words in notes of the data categories the user may see in that case (Dutch full-text search).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.postgres.search import SearchQuery
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL
from django.http import HttpRequest
from django.utils import timezone

from regie.access.case_access import cases_visible_to, may_see_cases
from regie.access.processing_log import log_processing
from regie.access.subject_access import may_see_bsn, persons_visible_to
from regie.cases.models import Case
from regie.subjects.identity import normalize_bsn, normalize_postcode
from regie.subjects.models import Person

CASE_NUMBER = re.compile(r"^\d{4}-\d{1,5}$")
DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATE_NL = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
POSTCODE_NUMBER = re.compile(r"^(\d{4}\s?[A-Za-z]{2})\s+(\d{1,5})$")
MAX_QUERY = 100

NOTE_MATCH_SQL = """
EXISTS (
  SELECT 1 FROM cases_note n
  WHERE n.case_id = cases_case.id
    AND n.search_vector @@ websearch_to_tsquery('dutch', %s)
    AND (
      cases_case.coordinator_id = %s
      OR EXISTS (SELECT 1 FROM cases_casemember m
                 WHERE m.case_id = cases_case.id AND (m.user_id = %s OR m.organisation_id = %s)
                   AND n.category = ANY(m.categories))
      OR EXISTS (SELECT 1 FROM cases_breaktheglass b JOIN cases_casetype t ON t.id = cases_case.case_type_id
                 WHERE b.case_id = cases_case.id AND b.user_id = %s AND b.expires_at > %s
                   AND n.category = ANY(t.default_categories))
    )
)
"""


def _parse_date(text: str) -> date | None:
    for pattern, order in ((DATE_ISO, (1, 2, 3)), (DATE_NL, (3, 2, 1))):
        match = pattern.match(text)
        if match:
            try:
                return date(
                    int(match.group(order[0])), int(match.group(order[1])), int(match.group(order[2]))
                )
            except ValueError:
                return None
    return None


def search_persons(user: Any, q: str, *, limit: int = 20) -> QuerySet[Person]:
    """Visible persons by BSN (only for users who may see BSNs), birth date, postcode + number, or name."""
    q = q.strip()[:MAX_QUERY]
    base = persons_visible_to(user).select_related("address")
    if not q:
        return base.none()
    bsn = normalize_bsn(q) if q.replace(" ", "").isdigit() else None
    if bsn:
        if not may_see_bsn(user):
            return base.none()
        return (
            persons_visible_to(user, selective=True)
            .select_related("address")
            .filter(bsn=bsn)
            .order_by("sort_name")[:limit]
        )
    born = _parse_date(q)
    if born:
        return base.filter(birth_date=born).order_by("sort_name")[:limit]
    address = POSTCODE_NUMBER.match(q)
    if address:
        postcode = normalize_postcode(address.group(1))
        return base.filter(address__postcode=postcode, address__house_number=int(address.group(2))).order_by(
            "sort_name"
        )[:limit]
    words = [w for w in re.findall(r"\w+", q.lower()) if w]
    if not words:
        return base.none()
    query = SearchQuery(" & ".join(f"{w}:*" for w in words), search_type="raw", config="simple")
    return base.filter(search_vector=query).order_by("sort_name")[:limit]


def search_cases(user: Any, q: str, *, limit: int = 20) -> QuerySet[Case]:
    """Visible cases by number, or by words in notes of categories the user may see in that case."""
    q = q.strip()[:MAX_QUERY]
    base = cases_visible_to(user).select_related("case_type", "coordinator")
    if not q or not may_see_cases(user):
        return base.none()
    if CASE_NUMBER.match(q):
        year, number = q.split("-")
        return base.filter(number=f"{year}-{int(number):05d}")[:limit]
    params = (q, user.pk, user.pk, user.organisation_id, user.pk, timezone.now())
    return (
        base.annotate(note_match=RawSQL(NOTE_MATCH_SQL, params, output_field=BooleanField()))  # noqa: S611
        .filter(note_match=True)
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
    log_processing(
        action="search.performed",
        actor=user,
        request=request,
        object_type="search",
        persons=[p.pk for p in persons],
        details={"persons": len(persons), "cases": [c.number for c in cases]},
    )
    return SearchResults(query=q, persons=persons, cases=cases)
