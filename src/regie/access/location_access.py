"""The door for locations: those in a case the user may see, and the park lots the park door lets them see.

Its own module because it joins two doors (subjects and park) that do not import each other.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from regie.access.case_access import may_see_cases
from regie.access.park_access import park_lot_location_ids
from regie.access.subject_access import case_subject_ids
from regie.subjects.models import Location


def locations_visible_to(user: Any, *, kind: str | None = None) -> QuerySet[Location]:
    """Locations in a visible case, and the park lots the park door lets this user see."""
    if not may_see_cases(user):
        return Location.objects.none()
    qs = Location.objects.filter(
        Q(pk__in=case_subject_ids("location_id", user)) | Q(pk__in=park_lot_location_ids(user))
    )
    return qs.filter(kind=kind) if kind else qs
