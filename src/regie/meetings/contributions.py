"""What the meetings app contributes to the apps below it (registered in `MeetingsConfig.ready`): a panel on the case
overview naming the coming meetings whose agenda holds this case, for who may see those meetings."""

from __future__ import annotations

from regie.access.meetings_access import coming_items_of_case
from regie.accounts.models import User
from regie.cases.extensions import CasePanel, case_panels
from regie.cases.models import Case


def meetings_panel(user: User, case: Case, may_write: bool) -> CasePanel | None:
    items = coming_items_of_case(user, case)
    if not items:
        return None
    return CasePanel("meetings/_case_panel.html", {"items": items})


def register() -> None:
    case_panels.register(meetings_panel)
