"""What the meetings app contributes to the apps below it (registered in `MeetingsConfig.ready`): a panel on the case
overview naming the coming meetings whose agenda holds this case, for who may see those meetings, and for the
case's coordinator the requests to discuss it ("bespreken") with a link to make one."""

from __future__ import annotations

from regie.access.meetings_access import coming_items_of_case, requests_of_case
from regie.accounts.models import User
from regie.cases.extensions import CasePanel, case_panels
from regie.cases.models import Case, CaseStatus


def meetings_panel(user: User, case: Case, may_write: bool) -> CasePanel | None:
    items = coming_items_of_case(user, case)
    coordinates = case.coordinator_id == user.pk and case.status != CaseStatus.CLOSED
    requests = requests_of_case(case) if coordinates else []
    if not items and not coordinates:
        return None
    return CasePanel(
        "meetings/_case_panel.html", {"items": items, "requests": requests, "may_request": coordinates}
    )


def register() -> None:
    case_panels.register(meetings_panel)
