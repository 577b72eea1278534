"""Navigation per role, declared as data: an item shows only to roles whose permission allows it.

The main menu holds the work of the role; what belongs to the person rather than the work (their API tokens, the
API documentation) sits in the user's own menu beside their name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from regie.access.policy import has_permission


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    permission: str | None  # None: every signed-in user
    allowed: Callable[[Any], bool] | None = None  # a rule beyond the role, e.g. the partner's type


def _park_navigation(user: Any) -> bool:
    """The park approach: the municipal park team and the Province's inspectors."""
    organisation = getattr(user, "organisation", None)
    return user.role in {"projectleider", "handhaver", "brp", "procesregisseur"} or (
        user.role == "partner" and organisation is not None and organisation.partner_type == "provincie"
    )


NAVIGATION: tuple[NavItem, ...] = (
    NavItem("Start", "/", None),
    NavItem("Casussen", "/casussen", "cases.view"),
    NavItem("Bekend-check", "/bekend-check", "hit_checks.ask"),
    NavItem("Triage", "/signalen", "signals.triage"),
    NavItem("Noodtoegang", "/noodtoegang", "break_the_glass.start"),
    NavItem("Procedures", "/procedures", "procedures.view"),
    NavItem("Termijnen", "/termijnen", "procedures.oversight"),
    NavItem("Termijncalculator", "/termijncalculator", "deadlines.calculate"),
    NavItem("Vakantiepark", "/vakantiepark", None, allowed=_park_navigation),
    # --- PGA (issue 14) ---
    NavItem("PGA", "/pga", "pga.view"),
    NavItem("PGA-cijfers", "/pga/cijfers", "pga.counts"),
    # --- Ondermijning (issue 17) ---
    NavItem("Ondermijning", "/ondermijning", "ondermijning.awareness"),
    # --- Digitale veiligheid (issue 16) ---
    NavItem("Digitale veiligheid", "/digitale-veiligheid", "digital.statistics"),
    NavItem("Nazorg online criminaliteit", "/nazorg-online", "digital.follow_ups"),
    NavItem("Inhoud digitale veiligheid", "/beheer/digitale-veiligheid", "digital.content"),
    NavItem("Beheer", "/beheer", "accounts.manage"),
    NavItem("Signaalroutering", "/beheer/routering", "intake.configure"),
    NavItem("Brieven en beleid", "/procedurebeheer", "procedures.configure"),
    NavItem("Verwerkingslog", "/privacy/verwerkingslog", "processing_log.view"),
    # --- Casusoverleggen (issue 15) ---
    NavItem("Overleggen", "/overleggen", "meetings.view"),
    # --- Monitoring (issue 20) ---
    NavItem("Monitoring", "/monitoring", "monitoring.view"),
    # --- Privacy governance (issue 18) ---
    NavItem("Verwerkingsregister", "/privacy/verwerkingsregister", "privacy_register.view"),
    NavItem("Verzoeken van betrokkenen", "/privacy/verzoeken", "data_subject_requests.handle"),
    NavItem("Bewaartermijnen", "/privacy/bewaartermijnen", "retention.configure"),
    NavItem("Vernietigingslijsten", "/privacy/vernietigingslijsten", "destruction.handle"),
    NavItem("Noodtoegang beoordelen", "/privacy/noodtoegang", "break_the_glass.review"),
    NavItem("Rolwijzigingen", "/privacy/toegangswijzigingen", "account_changes.view"),
)

USER_MENU: tuple[NavItem, ...] = (
    NavItem("Mijn API-tokens", "/account/api-tokens", "api_tokens.own"),
    NavItem("API-documentatie", "/api/v1/docs", None),
)


def navigation_for(
    user: Any, current_path: str, menu: tuple[NavItem, ...] = NAVIGATION
) -> list[dict[str, Any]]:
    """The items of a menu (the main menu unless told) this user may use, the current one marked."""
    if not getattr(user, "is_authenticated", False):
        return []
    items = []
    for item in menu:
        if item.allowed is not None:
            if not item.allowed(user):
                continue
        elif item.permission is not None and not has_permission(user, item.permission):
            continue
        current = current_path == item.url or (item.url != "/" and current_path.startswith(item.url))
        items.append({"label": item.label, "url": item.url, "current": current})
    return items
