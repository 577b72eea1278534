"""django-otp's middleware, plus one rule: a session whose sign-on the identity provider confirmed with a second
factor (`amr`/`acr`, see `services.mfa_asserted`) counts as verified, as after Regie's own TOTP step."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django_otp.middleware import OTPMiddleware as DjangoOTPMiddleware

# The session key holding the id of the user whose provider asserted a second factor at this session's sign-on.
MFA_SESSION_KEY = "regie_oidc_mfa_user"
PROVIDER_SESSION_KEY = "regie_oidc_provider"


def _asserted(request: HttpRequest, user: Any) -> bool:
    return bool(user.is_authenticated) and request.session.get(MFA_SESSION_KEY) == str(user.pk)


class OTPMiddleware(DjangoOTPMiddleware):
    def _verify_user_sync(self, request: HttpRequest, user: Any) -> Any:
        user = super()._verify_user_sync(request, user)
        if user.otp_device is None and _asserted(request, user):
            user.is_verified = lambda: True
        return user
