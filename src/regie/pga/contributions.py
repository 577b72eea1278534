"""What the PGA app contributes to the apps below it (registered in `PgaConfig.ready`): a panel on the case
overview of a case that is a PGA case, read through the PGA door."""

from __future__ import annotations

from regie.access.pga_access import pga_case_of
from regie.accounts.models import User
from regie.cases.extensions import CasePanel, case_panels
from regie.cases.models import Case


def pga_panel(user: User, case: Case, may_write: bool) -> CasePanel | None:
    """The PGA level, directors and status of this case, with a link to its plan; None when it is no PGA case."""
    view = pga_case_of(user, case)
    if view is None:
        return None
    return CasePanel("pga/_case_panel.html", {"pga": view.pga_case, "hidden_domains": view.hidden_domains})


def register() -> None:
    case_panels.register(pga_panel)
