from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from regie.web.navigation import navigation_for


def shell(request: HttpRequest) -> dict[str, Any]:
    """What every page's shell needs: municipality, demo banner, navigation for this user."""
    return {
        "municipality_name": settings.REGIE_MUNICIPALITY_NAME,
        "demo_mode": settings.DEMO_MODE,
        "navigation": navigation_for(getattr(request, "user", None), request.path),
    }
