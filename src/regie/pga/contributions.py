"""What the PGA app contributes to the apps below it (registered in `PgaConfig.ready`): a panel on the case
overview of a case that is a PGA case, read through the PGA door; and on a signal page the action to refer a
person of that signal to the PGA."""

from __future__ import annotations

from regie.access.pga_access import pga_case_of
from regie.access.policy import has_permission
from regie.access.signal_access import may_triage
from regie.accounts.models import User
from regie.cases.extensions import CasePanel, case_panels
from regie.cases.models import Case
from regie.intake.extensions import SignalAction, signal_actions
from regie.intake.models import Signal


def pga_panel(user: User, case: Case, may_write: bool) -> CasePanel | None:
    """The PGA level, directors and status of this case, with a link to its plan; None when it is no PGA case."""
    view = pga_case_of(user, case)
    if view is None:
        return None
    return CasePanel("pga/_case_panel.html", {"pga": view.pga_case, "hidden_domains": view.hidden_domains})


def refer_from_signal(user: User, signal: Signal) -> SignalAction | None:
    """For whoever triages the signal and may refer: 'Aanmelden voor de PGA' (the page checks again)."""
    if not (has_permission(user, "pga.refer") and may_triage(user, signal)):
        return None
    return SignalAction("Persoon aanmelden voor de PGA", f"/pga/aanmelden/signaal/{signal.pk}")


def register() -> None:
    case_panels.register(pga_panel)
    signal_actions.register(refer_from_signal)
