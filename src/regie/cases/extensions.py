"""What apps above `cases` contribute to a case (decision 0010): panels on the case overview, and the single point
of contact that letters about the case name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from regie.accounts.models import User
from regie.cases.models import Case
from regie.core.extensions import ExtensionPoint


@dataclass(frozen=True)
class CasePanel:
    """A section of the case overview: a template (rendered with `panel` = `context`, and `case`) and its data."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


# (user, case, may_write) -> a panel, or None when the app has nothing to show this user on this case. Each
# contribution reads through its own app's door.
CasePanelSource = Callable[[User, Case, bool], CasePanel | None]
case_panels: ExtensionPoint[CasePanelSource] = ExtensionPoint("panelen op het casusoverzicht")

# case -> the person letters about this case name as the contact, or None to leave it to the next contribution
# (and in the end to the case coordinator).
CaseContactSource = Callable[[Case], User | None]
case_contacts: ExtensionPoint[CaseContactSource] = ExtensionPoint(
    "contactpersoon voor brieven over een casus"
)


def panels_for(user: User, case: Case, *, may_write: bool) -> list[CasePanel]:
    """The contributed panels this user sees on this case's overview."""
    return [panel for source in case_panels if (panel := source(user, case, may_write)) is not None]


def contributed_contact(case: Case) -> User | None:
    """The first contributed contact person for letters about this case, if any app names one."""
    for source in case_contacts:
        contact = source(case)
        if contact is not None:
            return contact
    return None


@dataclass(frozen=True)
class AgendaProposal:
    """Something an app above cases proposes for the agenda of a case meeting: a case (seen at the meeting through
    the case door) or, without a case, a title without personal data and a reference that the proposing app opens
    behind its own door at `url`."""

    reference: str
    title: str
    question: str
    url: str = ""
    case: Case | None = None


@dataclass(frozen=True)
class AgendaProposalSource:
    """A source of agenda proposals a meeting series can draw on; `proposals(user)` is what this user (who runs
    the meeting) may propose, read through the contributing app's door."""

    key: str
    label: str
    proposals: Callable[[User], list[AgendaProposal]]


agenda_proposals: ExtensionPoint[AgendaProposalSource] = ExtensionPoint(
    "voorstellen voor de agenda van een overleg"
)
