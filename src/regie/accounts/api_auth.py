"""API authentication: `Authorization: Token <token>` or the browser session (with CSRF)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from regie.accounts import lockout, services
from regie.accounts.middleware import record_activity
from regie.accounts.models import ApiToken
from regie.accounts.second_factor import session_verified
from regie.accounts.tokens import hash_token
from regie.processing_log.services import client_address


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        parts = header.split()
        if not parts or parts[0].lower() != self.keyword.lower():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Ongeldige Authorization-header: verwacht 'Token <token>'.")
        address = client_address(request._request)
        token = (
            lockout.with_recent_failures(
                ApiToken.objects.select_related("user", "user__organisation"),
                username_field="user__username",
                address=address,
            )
            .filter(key_hash=hash_token(parts[1]), revoked_at__isnull=True)
            .first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed("Het token is onbekend of ingetrokken.")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(
                "Het account van dit token is gedeactiveerd; het token werkt niet meer."
            )
        if token.recent_failures >= lockout.failure_limit():
            lock = lockout.lockout_for(token.user.username, address)
            if lock is not None:
                until = timezone.localtime(lock.until).strftime("%H:%M")
                raise exceptions.AuthenticationFailed(
                    "Het account van dit token is vanaf uw adres geblokkeerd tot "
                    f"{until} na te veel mislukte aanmeldpogingen; tot dan werkt ook het token niet. "
                    "De functioneel beheerder kan de blokkering opheffen."
                )
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
        record_activity(request._request.session)
        return result


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI document describes the personal API token (drf-spectacular finds it by its target)."""

    target_class = TokenAuthentication
    name = "persoonlijkToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Een persoonlijk API-token, als 'Authorization: Token <token>' (zie docs/api.md).",
        }


class SessionAuthenticationScheme(OpenApiAuthenticationExtension):
    """The browser session of a signed-in user (with the second factor verified, and CSRF on writes)."""

    target_class = SessionAuthentication
    name = "sessie"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": "sessionid",
            "description": "De sessie van een aangemelde gebruiker in de browser (tweede factor gecontroleerd).",
        }
