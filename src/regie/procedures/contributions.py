"""What the procedures app contributes to the apps below it (registered in `ProceduresConfig.ready`)."""

from __future__ import annotations

from regie.access.policy import has_permission
from regie.accounts.models import User
from regie.cases.extensions import CasePanel, case_panels
from regie.cases.models import Case
from regie.procedures.selectors import procedures_visible_to
from regie.procedures.services.definitions import definition_of


def procedures_panel(user: User, case: Case, may_write: bool) -> CasePanel | None:
    """The case's procedures this user may see (through the procedures' own door), with their current step; and
    the way to start one for who may write on the case."""
    if not has_permission(user, "procedures.view"):
        rows = []  # partners follow a procedure through the case's notes and documents, not its pages
    else:
        found = (
            procedures_visible_to(user).filter(case=case).select_related("definition").order_by("-started_on")
        )
        rows = [
            {"procedure": p, "definition": definition_of(p), "step": definition_of(p).step(p.current_step)}
            for p in found
        ]
    return CasePanel(
        "procedures/_case_panel.html",
        {"procedures": rows, "may_start": has_permission(user, "procedures.view") and may_write},
    )


def register() -> None:
    case_panels.register(procedures_panel)
