"""API authentication: `Authorization: Token <token>` or the browser session (with CSRF)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from regie.accounts import services
from regie.accounts.models import ApiToken
from regie.accounts.second_factor import session_verified
from regie.accounts.tokens import hash_token


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        parts = header.split()
        if parts[0].lower() != self.keyword.lower():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Ongeldige Authorization-header.")
        token = (
            ApiToken.objects.select_related("user", "user__organisation")
            .filter(key_hash=hash_token(parts[1]), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("Het token is onbekend of ingetrokken.")
        services.api_token_used(token=token, request=request._request)
        request._request.api_token = token  # type: ignore[attr-defined]
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class SessionAuthentication(authentication.SessionAuthentication):
    """The browser session; outside demo mode only once the second factor is verified."""

    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        result = super().authenticate(request)
        if result is None:
            return None
        from django.conf import settings

        user = result[0]
        if settings.REGIE_REQUIRE_SECOND_FACTOR and not session_verified(user):
            return None
        request._request.session["last_activity"] = timezone.now().isoformat()
        return result
