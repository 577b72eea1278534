"""What the PGA proposes for the agenda of a case meeting (cases.extensions.agenda_proposals, issue 15): the
referrals awaiting triage, for the weekly PGA triage. A proposal names no person: the agenda shows when the
referral came in and how urgent it is; the referral itself is read behind the PGA's own door."""

from __future__ import annotations

from regie.access.pga_access import may_triage, referrals_visible_to
from regie.accounts.models import User
from regie.cases.extensions import AgendaProposal, AgendaProposalSource, agenda_proposals
from regie.pga.models import ReferralStatus, Urgency

SOURCE_KEY = "pga-triage"
MAX_PROPOSALS = 40


def referrals_awaiting_triage(user: User) -> list[AgendaProposal]:
    if not may_triage(user):
        return []
    rows = (
        referrals_visible_to(user)
        .filter(status=ReferralStatus.AWAITING)
        .only("pk", "created_at", "urgency")
        .order_by("created_at")[:MAX_PROPOSALS]
    )
    return [
        AgendaProposal(
            reference=str(r.pk),
            title=f"Aanmelding PGA van {r.created_at:%d-%m-%Y}"
            + (f", urgentie {r.get_urgency_display().lower()}" if r.urgency != Urgency.NORMAL else ""),
            question="Triage: komt deze aanmelding in de persoonsgerichte aanpak?",
            url=f"/pga/aanmeldingen/{r.pk}",
        )
        for r in rows
    ]


def register() -> None:
    agenda_proposals.register(
        AgendaProposalSource(SOURCE_KEY, "PGA-aanmeldingen die wachten op triage", referrals_awaiting_triage)
    )
