"""What digital safety contributes to the apps below it (registered in `DigitalConfig.ready`): on the overview of a
case started from a call-back request (the nazorg case type), the nazorg checklist, read through the door."""

from __future__ import annotations

from django.utils import timezone

from regie.access.digital_access import follow_up_of_case
from regie.accounts.models import User
from regie.cases.extensions import CasePanel, case_panels
from regie.cases.models import Case
from regie.digital.models import FollowUpStatus, VictimFollowUp


def checklist(item: VictimFollowUp) -> list[dict[str, object]]:
    """The three steps of nazorg (contact within 2 working days, referral made, second contact after 4 weeks)."""
    return [
        {
            "label": "Contact opgenomen (binnen 2 werkdagen)",
            "done": item.first_contact_on,
            "due": item.first_contact_due,
            "late": item.first_contact_on is None and item.first_contact_due < timezone.localdate(),
        },
        {"label": "Doorverwezen", "done": item.referral or None, "due": None, "late": False},
        {
            "label": "Tweede contact (na 4 weken)",
            "done": item.second_contact_on,
            "due": item.second_contact_due,
            "late": bool(
                item.second_contact_on is None
                and item.second_contact_due
                and item.second_contact_due < timezone.localdate()
            ),
        },
    ]


def nazorg_panel(user: User, case: Case, may_write: bool) -> CasePanel | None:
    """The follow-up's checklist and a link to it; None on other cases and for who may not handle follow-ups."""
    item = follow_up_of_case(user=user, case=case)
    if item is None:
        return None
    withdrawn = item.status == FollowUpStatus.WITHDRAWN
    return CasePanel(
        "digital/staff/_case_panel.html",
        {"item": item, "steps": [] if withdrawn else checklist(item), "withdrawn": withdrawn},
    )


def register() -> None:
    case_panels.register(nazorg_panel)
