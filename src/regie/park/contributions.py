"""What the park app contributes to the apps below it (registered in `ParkConfig.ready`): a lot's residence status
among a case's locations, and the park's project leader as the contact that letters about a lot's case name."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from regie.accounts.models import User
from regie.cases.extensions import case_contacts
from regie.cases.models import Case
from regie.park.selectors import (
    location_residence_status,
    park_project_leader_for_case,
    with_location_residence_status,
)
from regie.park.services.exemptions import lot_exemptions
from regie.procedures.extensions import exemption_sources
from regie.subjects.extensions import residence_statuses
from regie.subjects.models import Location


class LotResidenceStatus:
    """The residence status of a park lot's location, from the lot's status history."""

    def annotate(self, locations: QuerySet[Location]) -> QuerySet[Location]:
        return with_location_residence_status(locations)

    def status_of(self, location: Any) -> str | None:
        return location_residence_status(location)


def park_contact(case: Case) -> User | None:
    """For a case about a lot on a holiday park: that park's project leader (one contact for residents and
    partners)."""
    return park_project_leader_for_case(case)


LOT_RESIDENCE_STATUS = LotResidenceStatus()


def register() -> None:
    residence_statuses.register(LOT_RESIDENCE_STATUS)
    case_contacts.register(park_contact)
    exemption_sources.register(lot_exemptions)
