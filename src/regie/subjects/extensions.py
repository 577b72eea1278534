"""What apps above `subjects` contribute to a location (decision 0010): the residence status of a lot on a holiday
park, which the park app derives from its status history."""

from __future__ import annotations

from typing import Any, Protocol

from django.db.models import QuerySet

from regie.core.extensions import ExtensionPoint
from regie.subjects.models import Location


class ResidenceStatusSource(Protocol):
    def annotate(self, locations: QuerySet[Location]) -> QuerySet[Location]:
        """The locations with whatever `status_of` needs, in the same query (a list stays one query)."""
        ...

    def status_of(self, location: Any) -> str | None:
        """The location's residence status, or None when it is not this contributor's kind of location."""
        ...


residence_statuses: ExtensionPoint[ResidenceStatusSource] = ExtensionPoint("bewoningsstatus van een locatie")


def with_residence_status(locations: QuerySet[Location]) -> QuerySet[Location]:
    for source in residence_statuses:
        locations = source.annotate(locations)
    return locations


def residence_status_of(location: Any) -> str | None:
    """The residence status a contributing app knows for this location; None when none does (not a park lot)."""
    for source in residence_statuses:
        status = source.status_of(location)
        if status is not None:
            return status
    return None
