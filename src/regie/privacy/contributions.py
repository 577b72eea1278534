"""What the privacy app contributes to the apps below it (registered in `PrivacyConfig.ready`): on the overview of
a case with a person whose data are restricted (AVG art. 18, or after a granted objection under art. 21), a
marker saying the data are only stored and not processed further. The case itself is read through the case door
before any panel is asked; the panel reads only the privacy app's own restrictions."""

from __future__ import annotations

from regie.accounts.models import User
from regie.cases.extensions import CasePanel, case_panels
from regie.cases.models import Case
from regie.privacy.selectors import active_restrictions_in_case


def restriction_panel(user: User, case: Case, may_write: bool) -> CasePanel | None:
    restrictions = active_restrictions_in_case(case)
    if not restrictions:
        return None
    return CasePanel("privacy/_restriction_panel.html", {"restrictions": restrictions})


def register() -> None:
    case_panels.register(restriction_panel)
