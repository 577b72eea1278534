from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from regie.access.policy import has_permission
from regie.search.selectors import search_hint
from regie.web.navigation import USER_MENU, local_navigation_for, navigation_for

SEARCH_PATH = "/zoeken"


def shell(request: HttpRequest) -> dict[str, Any]:
    """What every page's shell needs: municipality, demo banner, main, local and user menu and search box for this
    user."""
    user = getattr(request, "user", None)
    return {
        "municipality_name": settings.REGIE_MUNICIPALITY_NAME,
        "demo_mode": settings.DEMO_MODE,
        "navigation": navigation_for(user, request.path),
        "user_menu": navigation_for(user, request.path, USER_MENU),
        "local_navigation": local_navigation_for(user, request.path),
        "header_search": _header_search(user, request.path),
    }


def _header_search(user: Any, path: str) -> dict[str, str] | None:
    """The search box in the header, for roles that may search; the search page has its own box instead."""
    if path == SEARCH_PATH or not has_permission(user, "search.use"):
        return None
    return {"hint": search_hint(user)}
