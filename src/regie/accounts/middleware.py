"""Session rules: an idle timeout, and outside demo mode no page without a verified second factor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone

from regie.accounts import services
from regie.accounts.second_factor import session_verified

SECOND_FACTOR_FREE_PATHS = (
    "/login",
    "/uitloggen",
    "/static/",
    "/healthz",
    "/toegankelijkheid",
    "/melden",
    "/veilig-online",
    "/api/",
)


# The last activity is recorded at most this often, so a session is logged out between IDLE_TIMEOUT minus this
# and IDLE_TIMEOUT after its last request.
ACTIVITY_STEP = timedelta(seconds=30)


def record_activity(session: Any) -> None:
    """Note the session's last activity for the idle timeout; not on every request (writing the session costs an
    UPDATE per page, and the idle limit is minutes), only when the last note is ACTIVITY_STEP old."""
    now = timezone.now()
    raw = session.get("last_activity")
    if not raw or now - datetime.fromisoformat(raw) >= ACTIVITY_STEP:
        session["last_activity"] = now.isoformat()


class IdleTimeoutMiddleware:
    """Logs a session out after REGIE_IDLE_TIMEOUT_MINUTES without requests."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and not request.path.startswith("/static/"):
            raw = request.session.get("last_activity")
            limit = timedelta(minutes=settings.SESSION_IDLE_TIMEOUT_MINUTES)
            if raw and timezone.now() - datetime.fromisoformat(raw) > limit:
                user = request.user
                services.auth_event(action="auth.session_expired", request=request, user=user)
                logout(request)
                if request.path.startswith("/api/"):
                    return self.get_response(request)
                messages.info(request, "U bent automatisch uitgelogd omdat u een tijd niets heeft gedaan.")
                return HttpResponseRedirect(f"{settings.LOGIN_URL}?verlopen=1")
            record_activity(request.session)
        return self.get_response(request)


class SecondFactorRequiredMiddleware:
    """A staff session without a verified second factor only reaches the second-factor pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.REGIE_REQUIRE_SECOND_FACTOR
            and user.is_authenticated
            and not session_verified(user)
            and not request.path.startswith(SECOND_FACTOR_FREE_PATHS)
        ):
            return HttpResponseRedirect("/login/tweede-factor")
        return self.get_response(request)
