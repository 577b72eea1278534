"""What apps above `subjects` contribute to a location (decision 0010): the residence status of a lot on a holiday
park, which the park app derives from its status history; and what the themes hold about a data subject, for the
access export of the privacy officer (issue 18)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from django.db.models import QuerySet

from regie.core.extensions import ExtensionPoint
from regie.subjects.models import Location, Person


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


@dataclass(frozen=True)
class SubjectExportSection:
    """What one app above `subjects` holds about a data subject, for the access export (AVG art. 15, issue 18):
    a titled table of metadata (no contents) with the data categories it involves."""

    title: str
    categories: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


# A contribution answers (user, person) with its section, or None when it holds nothing about the person; it reads
# through the privacy officer's door (access/privacy_access.py).
subject_exports: ExtensionPoint[Callable[[Any, Person], SubjectExportSection | None]] = ExtensionPoint(
    "gegevens over een betrokkene in het inzage-overzicht"
)
