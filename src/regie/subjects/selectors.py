"""Reads of persons through the door: finding a person among the cases a user may see.

Persons are found by BSN (only for users who may see BSNs), birth date, postcode and house number, or name; one
SQL statement, bounded by the cases the user may see (decision 0004). The search box (regie.search) and the
persons API use this one selector.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from regie.access.case_access import VISIBLE_CASE_IDS_SQL, may_see_cases, visible_case_ids_params
from regie.access.subject_access import may_see_bsn, persons_visible_to
from regie.subjects.identity import NAME_PREFIX_WORDS, fold, normalize_bsn, normalize_postcode
from regie.subjects.models import Person

MAX_QUERY = 100
DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATE_NL = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
POSTCODE_NUMBER = re.compile(r"^(\d{4}\s?[A-Za-z]{2})\s+(\d{1,5})$")


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


# Persons of the cases the user may see whose name matches, from the copy of the name vector on the case links
# (GIN) — no probe per visible person (decision 0004). The planner starts from the name index or from the
# visible cases, whichever its estimates favour; both are bounded.
PERSONS_BY_NAME_SQL = f"""
SELECT s.person_id FROM cases_casesubject s
WHERE s.case_id IN ({VISIBLE_CASE_IDS_SQL}) AND s.person_name @@ to_tsquery('simple', %s)
"""  # noqa: S608 — composed of fixed SQL of the door, no user input


def _name_query(q: str) -> tuple[str, Q] | None:
    """Words of a name as a prefix full-text query; Dutch surname prefixes ("van den") filter on the prefix.

    "van den berg" searches `berg:*` among persons whose tussenvoegsel contains "van" and "den": the prefix words
    alone match a quarter of all persons, so as prefix terms (`van:*`) they only make it slow. Words are
    lower-cased as PostgreSQL's `simple` configuration does (no accent folding: "Dijkstra" stays "dijkstra").
    """
    words = [w for w in re.findall(r"\w+", q.lower()) if w]
    if not words:
        return None
    name_words = [w for w in words if fold(w) not in NAME_PREFIX_WORDS] or words
    prefix_words = [w for w in words if fold(w) in NAME_PREFIX_WORDS] if name_words is not words else []
    condition = Q()
    for word in prefix_words:
        condition &= Q(prefix__iregex=rf"(^|[\s']){re.escape(word)}(\s|$)")
    # Prefix words also go in as exact terms: GIN intersects them cheaply with the name word (not as `van:*`).
    return " & ".join([f"{w}:*" for w in name_words] + prefix_words), condition


def is_bsn_query(q: str) -> bool:
    """Whether the search term is a valid BSN (digits, spaces allowed)."""
    return q.replace(" ", "").isdigit() and normalize_bsn(q) is not None


def search_persons(user: Any, q: str, *, limit: int = 20) -> QuerySet[Person]:
    """Visible persons by BSN (only for users who may see BSNs), birth date, postcode + number, or name."""
    q = q.strip()[:MAX_QUERY]
    base = persons_visible_to(user).select_related("address")
    if not q or not may_see_cases(user):
        return base.none()
    if is_bsn_query(q):
        if not may_see_bsn(user):
            return base.none()
        return (
            persons_visible_to(user, selective=True)
            .select_related("address")
            .filter(bsn=normalize_bsn(q))
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
    name = _name_query(q)
    if name is None:
        return base.none()
    words, prefix = name
    params = (*visible_case_ids_params(user), words)
    return (
        Person.objects.filter(pk__in=RawSQL(PERSONS_BY_NAME_SQL, params), merged_into__isnull=True)  # noqa: S611
        .filter(prefix)
        .select_related("address")
        .order_by("sort_name")[:limit]
    )
