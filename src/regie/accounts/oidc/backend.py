"""The mozilla-django-oidc backend, for Regie's providers: the provider of this sign-on (set on the request by the
callback view) supplies the endpoints and client; the ID token's issuer and audience are checked; the user comes
from `services.oidc_sign_in` (stable claim, mapping table), never from an e-mail address."""

from __future__ import annotations

from typing import Any

import jwt
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from regie.accounts.models import User
from regie.accounts.oidc import discovery, services
from regie.accounts.oidc.config import OidcProvider

CALLBACK_URL_NAME = "oidc-callback"
CLOCK_SKEW_SECONDS = 60  # the provider's clock may differ a little from Regie's
REQUIRED_CLAIMS = ["iss", "sub", "aud", "exp", "iat"]  # OpenID Connect Core 1.0, 2: every ID token has them


def request_provider(request: HttpRequest | None) -> OidcProvider | None:
    """The provider the callback view found for this request's sign-on (None for every other request)."""
    return getattr(request, "regie_oidc_provider", None)


class RegieOIDCBackend(OIDCAuthenticationBackend):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The library reads one provider from settings here; Regie's provider is known per request (authenticate).
        self.UserModel = get_user_model()
        self.provider: OidcProvider | None = None

    def get_settings(self, attr: str, *args: Any) -> Any:
        provider = self.provider
        if provider is not None:
            own = {
                "OIDC_RP_SCOPES": provider.scopes,
                "OIDC_AUTHENTICATION_CALLBACK_URL": CALLBACK_URL_NAME,
                "OIDC_TIMEOUT": import_from_settings("REGIE_OIDC_TIMEOUT"),
                "OIDC_USE_NONCE": True,
                "OIDC_STORE_ID_TOKEN": False,  # logout sends no ID token; no need to keep its personal claims
                "OIDC_STORE_ACCESS_TOKEN": False,
                "OIDC_ALLOW_UNSECURED_JWT": False,
                "OIDC_CREATE_USER": False,
            }
            if attr in own:
                return own[attr]
        return import_from_settings(attr, *args)

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        provider = request_provider(request)
        if provider is None or not {"nonce", "code_verifier"} <= set(kwargs):
            return None  # a password login, or a request that is no sign-on callback
        self.provider = provider
        found = discovery.endpoints(provider)  # ProviderUnavailable: the view says so
        self.OIDC_OP_TOKEN_ENDPOINT = found.token
        self.OIDC_OP_USER_ENDPOINT = found.userinfo
        self.OIDC_OP_JWKS_ENDPOINT = found.jwks
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = provider.client_secret
        self.OIDC_RP_SIGN_ALGO = provider.sign_algorithm
        self.OIDC_RP_IDP_SIGN_KEY = None
        return super().authenticate(request, nonce=kwargs["nonce"], code_verifier=kwargs["code_verifier"])

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        """The library checks the signature (JWKS), algorithm, expiry and nonce; Regie adds issuer and audience."""
        if not token:
            raise SuspiciousOperation("Geen ID-token ontvangen.")
        provider = self.provider
        assert provider is not None
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError:
            raise services.OidcRefused("invalid_token") from None
        if header.get("alg") != provider.sign_algorithm:  # "none", or an algorithm nobody agreed on
            raise services.OidcRefused("invalid_token")
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        if payload.get("iss") != provider.issuer:
            raise services.OidcRefused("unknown_issuer")
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if provider.client_id not in audiences:
            raise services.OidcRefused("wrong_audience")
        return payload

    def _verify_jws(self, payload: str, key: Any) -> dict[str, Any]:
        """As the library (signature with the agreed algorithm), plus the claims every ID token must carry and a
        minute's leeway for the provider's clock; the audience is checked in verify_token."""
        try:
            decoded: dict[str, Any] = jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                options={"verify_aud": False, "require": REQUIRED_CLAIMS},
                leeway=CLOCK_SKEW_SECONDS,
            )
        except jwt.DecodeError:
            raise SuspiciousOperation("JWS token verification failed.") from None
        return decoded

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> User:
        provider = self.provider
        assert provider is not None
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            userinfo = self.get_userinfo(access_token, id_token, payload)
            if not isinstance(userinfo, dict) or userinfo.get("sub") != payload.get("sub"):
                raise services.OidcRefused("userinfo_mismatch")
            # The ID token is signed: its claims win (amr/acr only ever come from it).
            claims = {**userinfo, **payload}
        self.request.regie_oidc_mfa = services.mfa_asserted(provider, payload)
        return services.oidc_sign_in(provider=provider, claims=claims, request=self.request)
