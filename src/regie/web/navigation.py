"""Navigation per role, declared as data: an item shows only to roles whose permission allows it.

The main menu holds the work of the role; what belongs to the person rather than the work (their API tokens, the
API documentation) sits in the user's own menu beside their name.

An item may have parts (`children`): pages that belong to it, such as the PGA figures under the PGA. A user who
may open the item finds its parts in a local menu on the item's pages, so the main menu stays one line long; a user
who may open a part but not the item itself (the analist's PGA figures) finds the part in the main menu.
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
    children: tuple[NavItem, ...] = ()  # the item's parts, shown in its local menu

    def visible_to(self, user: Any) -> bool:
        if self.allowed is not None:
            return self.allowed(user)
        return self.permission is None or has_permission(user, self.permission)

    def covers(self, path: str) -> bool:
        """Whether a path is this item's page or lies under it ("/pga" covers "/pga/7", not "/pgax")."""
        if self.url == "/":
            return path == "/"
        return path == self.url or path.startswith(self.url.rstrip("/") + "/")


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
    NavItem(
        "Procedures",
        "/procedures",
        "procedures.view",
        children=(
            NavItem("Termijnen", "/termijnen", "procedures.oversight"),
            NavItem("Termijncalculator", "/termijncalculator", "deadlines.calculate"),
        ),
    ),
    NavItem("Vakantiepark", "/vakantiepark", None, allowed=_park_navigation),
    # --- PGA (issue 14) ---
    NavItem(
        "PGA",
        "/pga",
        "pga.view",
        children=(
            NavItem("PGA-cijfers", "/pga/cijfers", "pga.counts"),
            NavItem("PGA-instellingen", "/pga/beheer", "pga.configure"),
        ),
    ),
    # --- Ondermijning (issue 17) ---
    NavItem("Ondermijning", "/ondermijning", "ondermijning.awareness"),
    # --- Digitale veiligheid (issue 16) ---
    NavItem(
        "Digitale veiligheid",
        "/digitale-veiligheid",
        "digital.statistics",
        children=(
            NavItem("Nazorg online criminaliteit", "/nazorg-online", "digital.follow_ups"),
            NavItem("Inhoud digitale veiligheid", "/beheer/digitale-veiligheid", "digital.content"),
        ),
    ),
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
    """The items of a menu (the main menu unless told) this user may use, the current one marked.

    A part of an item stands in the menu itself only when the user may not open the item. Of the items that cover
    the current page, the one with the longest address is current ("/beheer/digitale-veiligheid" is the content
    editor's, not "/beheer"'s); on the item's own page it is marked as the page, under it as the section."""
    if not getattr(user, "is_authenticated", False):
        return []
    entries: list[NavItem] = []
    marks: list[tuple[NavItem, NavItem]] = []  # (page, the entry marked current on it)
    for item in menu:
        if item.visible_to(user):
            entries.append(item)
            marks += [(item, item), *((child, item) for child in item.children if child.visible_to(user))]
        else:
            for child in item.children:
                if child.visible_to(user):
                    entries.append(child)
                    marks.append((child, child))
    page = _current([mark for mark, _ in marks], current_path)
    current = next((entry for mark, entry in marks if mark is page), None)
    return [
        {
            "label": item.label,
            "url": item.url,
            "current": item is current,
            "aria_current": ("page" if item.url == current_path else "true") if item is current else "",
        }
        for item in entries
    ]


def local_navigation_for(user: Any, current_path: str) -> list[dict[str, Any]]:
    """The local menu of the section the page belongs to: the item's overview and the parts this user may open;
    empty where the section has no parts for this user."""
    if not getattr(user, "is_authenticated", False):
        return []
    for item in NAVIGATION:
        if not item.children or not item.visible_to(user):
            continue
        parts = [child for child in item.children if child.visible_to(user)]
        if not parts:
            continue
        section = [NavItem(f"{item.label}: overzicht", item.url, item.permission), *parts]
        current = _current(section, current_path)
        if current is None:
            continue
        return [
            {"label": entry.label, "url": entry.url, "current": entry is current,
             "aria_current": "page" if entry.url == current_path else ("true" if entry is current else "")}
            for entry in section
        ]
    return []


def _current(items: list[NavItem], path: str) -> NavItem | None:
    covering = [item for item in items if item.covers(path)]
    return max(covering, key=lambda item: len(item.url), default=None)
