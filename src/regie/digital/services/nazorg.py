"""A consented call-back request as a signal in intake's triage, and the nazorg case type it is preselected for.

How policy data is provisioned in Regie: signal categories and case types are the functional administrator's
(/beheer), the demo seeds them through the same services. Digital safety cannot work without its own two, so — like
the checks' version 1 (`content_current`) and the PGA's matrix (`zrm_in_force`) — it stores them through those
services the first time a request needs them, and only when no row with that code exists: an administrator who
renamed or switched one off is respected.

The signal carries no story: its text names the situation and the follow-up's reference; what happened and the
contact details stay on the follow-up, behind the door `access.digital_access`.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from regie.accounts.models import Municipality
from regie.cases.models import CaseType, DataCategory
from regie.cases.services.case_types import case_type_create
from regie.intake.models import Channel, LocationKind, Signal, SignalCategory, Source
from regie.intake.services.consent import signal_erase_consented, signal_link_person
from regie.intake.services.inputs import Reporter
from regie.intake.services.policy import category_create
from regie.intake.services.receive import signal_receive
from regie.subjects.models import Person

CATEGORY = "digitale-criminaliteit"
CATEGORY_VALUES: dict[str, Any] = {
    "label": "Digitale criminaliteit",
    "triage_days": 2,
    "first_action_days": 5,
    "urgent_hours": 4,
}
NAZORG_CASE_TYPE = "nazorg-digitaal-slachtoffer"
NAZORG_LABEL = "Nazorg slachtoffer digitale criminaliteit"
NAZORG_CATEGORIES = [DataCategory.GENERAL, DataCategory.CARE]
NAZORG_RETENTION_YEARS = 2
CAME_FROM = "/digitale-veiligheid/wat-is-er-gebeurd"


def nazorg_category() -> SignalCategory | None:
    """The category the signal gets; stored once when no category with its code exists, None when switched off."""
    found = SignalCategory.objects.filter(code=CATEGORY).first()
    if found is None:
        found = category_create(actor=None, code=CATEGORY, **CATEGORY_VALUES)
    return found if found.active else None


def nazorg_case_type() -> CaseType:
    """The case type triage preselects for this category (intake.selectors.CASE_TYPES_FOR_CATEGORY)."""
    found = CaseType.objects.filter(code=NAZORG_CASE_TYPE).first()
    if found is None:
        found = case_type_create(
            actor=None,  # type: ignore[arg-type]  # provisioned by the system, logged without a user
            code=NAZORG_CASE_TYPE,
            label=NAZORG_LABEL,
            default_categories=NAZORG_CATEGORIES,
            retention_years=NAZORG_RETENTION_YEARS,
        )
    return found


def signal_for_follow_up(
    *,
    municipality: Municipality,
    reference: str,
    situation_label: str,
    person: Person,
    email: str,
    phone: str,
    request: HttpRequest | None,
) -> Signal:
    """The request as a signal (source slachtoffer, online), its person linked; runs in the caller's transaction."""
    nazorg_case_type()
    signal = signal_receive(
        actor=None,
        municipality=municipality,
        source=Source.VICTIM,
        channel=Channel.PUBLIC_FORM,
        description=(
            f"Terugbelverzoek {reference} na online criminaliteit: {situation_label}. De inwoner vraagt, met "
            "toestemming, om contact. Wat er gebeurde staat bij de nazorg (Digitale veiligheid, Nazorg)."
        ),
        location_kind=LocationKind.ONLINE,
        reporter=Reporter(name=str(person), email=email, phone=phone),
        category=nazorg_category(),
        came_from=CAME_FROM,
        request=request,
    )
    signal_link_person(signal=signal, person=person)
    return signal


def signal_withdrawn(*, signal: Signal, situation_label: str) -> Signal:
    return signal_erase_consented(
        signal=signal, description=f"Terugbelverzoek na online criminaliteit: {situation_label}."
    )
