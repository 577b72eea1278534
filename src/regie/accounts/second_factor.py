"""The TOTP second factor (django-otp): enrolment with a QR code, recovery codes, verification, reset."""

from __future__ import annotations

import secrets

import segno
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.accounts.models import User
from regie.accounts.services import auth_event

RECOVERY_CODE_COUNT = 10


def has_second_factor(user: User) -> bool:
    """True when the user has a confirmed authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def enrolment_device(user: User) -> TOTPDevice:
    """The user's unconfirmed authenticator device, created when there is none yet."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
    return device


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// URL as an SVG QR code in a data URI (allowed by the CSP; no inline script)."""
    return str(segno.make(device.config_url, error="m").svg_data_uri(scale=5, dark="#000", light="#fff"))


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Herstelcodes", confirmed=True)
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def second_factor_confirm(*, actor: User, code: str, request: HttpRequest) -> list[str] | None:
    """Confirm enrolment with a code from the app; returns the new recovery codes, or None for a wrong code."""
    device = enrolment_device(actor)
    if not device.verify_token(code.strip().replace(" ", "")):
        auth_event(
            action="auth.second_factor_failed", request=request, user=actor, details={"step": "enrolment"}
        )
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=actor, confirmed=True).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(actor)
        auth_event(action="second_factor.enrolled", request=request, user=actor)
    otp_login(request, device)
    return codes


def second_factor_verify(*, actor: User, code: str, request: HttpRequest) -> bool:
    """Verify a login with an app code or a one-time recovery code; logs the outcome either way."""
    code = code.strip().replace(" ", "")
    for device in TOTPDevice.objects.filter(user=actor, confirmed=True):
        if device.verify_token(code):
            otp_login(request, device)
            auth_event(action="auth.second_factor_verified", request=request, user=actor)
            return True
    for static in StaticDevice.objects.filter(user=actor, confirmed=True):
        if static.verify_token(code):
            otp_login(request, static)
            auth_event(
                action="auth.recovery_code_used",
                request=request,
                user=actor,
                details={"remaining": static.token_set.count()},
            )
            return True
    auth_event(action="auth.second_factor_failed", request=request, user=actor)
    return False


def second_factor_reset(*, actor: User, user: User, request: HttpRequest | None = None) -> None:
    """Remove a user's authenticator and recovery codes (lost phone); they enrol again at next login."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        auth_event(
            action="second_factor.reset", request=request, user=actor, details={"forUser": user.username}
        )


def session_verified(user: object) -> bool:
    """True when this request's session passed the second factor (django-otp sets `is_verified`)."""
    check = getattr(user, "is_verified", None)
    return bool(check()) if callable(check) else False
