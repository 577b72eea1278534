"""THE access policy: every "may this user see or do this" is answered here. Default deny; no off switch.

Role-level permissions are declared as named strings (as pretix does) so views and API views state what they
need in one word, and the matrix below is the single place to read who may do what.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from rest_framework.permissions import BasePermission

from regie.accounts.models import Role, User

ALL_STAFF = frozenset(Role.values)

PERMISSIONS: dict[str, frozenset[str]] = {
    # Functional administration: users, organisations, policy tables — never case contents.
    "accounts.manage": frozenset({Role.ADMINISTRATOR}),
    "organisations.view": ALL_STAFF,
    # The processing log and break-the-glass review belong to the privacy officer (FG).
    "processing_log.view": frozenset({Role.PRIVACY}),
    # Every signed-in user may manage their own API tokens (they carry that user's rights, no more).
    "api_tokens.own": ALL_STAFF,
    "self.view": ALL_STAFF,
}


def has_permission(user: Any, permission: str) -> bool:
    """True only when the user is active, signed in and their role is granted the named permission."""
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    granted = PERMISSIONS.get(permission)
    if granted is None:
        return False
    return getattr(user, "role", "") in granted


def requires(permission: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """View decorator: 403 (the Dutch error page) unless the user holds the permission."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if not has_permission(request.user, permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator


class RegiePermission(BasePermission):
    """DRF permission: the view declares `required_permission`; without one, nothing is allowed."""

    def has_permission(self, request: Any, view: Any) -> bool:
        permission = getattr(view, "required_permission", None)
        return isinstance(permission, str) and has_permission(request.user, permission)


def request_user(request: HttpRequest) -> User:
    """The signed-in user of a request that already passed `requires` (anonymous is refused, never assumed)."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user
