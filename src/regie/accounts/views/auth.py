"""Login, second factor, logout: thin views over the accounts services."""

from __future__ import annotations

import base64
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from regie.accounts import lockout, second_factor
from regie.accounts.forms import CodeForm, LoginForm
from regie.accounts.oidc.views import provider_logout_url
from regie.accounts.second_factor import session_verified
from regie.accounts.services import auth_event
from regie.processing_log.services import client_address


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return settings.LOGIN_REDIRECT_URL


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """What django-axes shows a locked-out login: the login page saying until when this username is locked from
    this address (the same words whether or not the username exists)."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    lock = lockout.lockout_for(str(username).strip().lower(), client_address(request))
    return render(
        request,
        "accounts/login.html",
        {
            "form": LoginForm(),
            "locked": True,
            "lock": lock,
            "lock_minutes": int(settings.AXES_COOLOFF_TIME * 60),
            "breadcrumbs": [],
        },
        status=429,
    )


def _warn_of_lockouts_elsewhere(request: HttpRequest, username: str) -> None:
    """Tell the owner, once signed in, that their username is locked from another address: someone else may be
    guessing their password."""
    for lock in lockout.lockouts_of(username):
        until = timezone.localtime(lock.until).strftime("%H:%M")
        messages.warning(
            request,
            f"Let op: na {lock.failures} mislukte aanmeldpogingen met uw gebruikersnaam is inloggen vanaf adres "
            f"{lock.address or 'onbekend'} geblokkeerd tot {until}. Was u dat niet, meld het dan bij de "
            "functioneel beheerder en overweeg uw wachtwoord te wijzigen.",
        )


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and (
        not settings.REGIE_REQUIRE_SECOND_FACTOR or session_verified(request.user)
    ):
        return HttpResponseRedirect(_safe_next(request))
    form = LoginForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"].strip().lower()
        user = authenticate(request, username=username, password=form.cleaned_data["password"])
        if getattr(request, "axes_locked_out", False):
            auth_event(action="auth.locked_out", request=request, username=username)
            return lockout_response(request)
        if user is None:
            auth_event(action="auth.login_failed", request=request, username=username)
            error = "De combinatie van gebruikersnaam en wachtwoord klopt niet."
        else:
            login(request, user)
            auth_event(action="auth.login", request=request, user=user)
            _warn_of_lockouts_elsewhere(request, username)
            if settings.REGIE_REQUIRE_SECOND_FACTOR:
                return HttpResponseRedirect("/login/tweede-factor?next=" + _safe_next(request))
            return HttpResponseRedirect(_safe_next(request))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "accounts/login.html",
        {
            "form": form,
            "error": error,
            "next": _safe_next(request),
            "expired": request.GET.get("verlopen") == "1",
            "breadcrumbs": [],
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def second_factor_view(request: HttpRequest) -> HttpResponse:
    """Verify a code, or — for a user without an authenticator yet — enrol one with a QR code."""
    if not request.user.is_authenticated:
        return HttpResponseRedirect(settings.LOGIN_URL)
    user = request.user
    if not settings.REGIE_REQUIRE_SECOND_FACTOR or session_verified(user):
        return HttpResponseRedirect(_safe_next(request))
    form = CodeForm(request.POST or None)
    enrolled = second_factor.has_second_factor(user)
    error = ""
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if enrolled:
            if second_factor.second_factor_verify(actor=user, code=code, request=request):
                return HttpResponseRedirect(_safe_next(request))
            error = "Deze code klopt niet of is verlopen. Probeer de nieuwste code uit uw app."
        else:
            codes = second_factor.second_factor_confirm(actor=user, code=code, request=request)
            if codes is not None:
                return render(
                    request, "accounts/recovery_codes.html", {"codes": codes, "next": _safe_next(request)}
                )
            error = "Deze code klopt niet. Scan de QR-code opnieuw en vul de nieuwste code in."
    context: dict[str, Any] = {
        "form": form,
        "error": error,
        "enrolled": enrolled,
        "next": _safe_next(request),
    }
    if not enrolled:
        device = second_factor.enrolment_device(user)
        context["qr_code"] = second_factor.qr_code_data_uri(device)
        context["secret"] = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(
        request, "accounts/second_factor.html", context, status=400 if error or form.errors else 200
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        auth_event(action="auth.logout", request=request, user=request.user)
    provider_logout = provider_logout_url(request)  # signed on at a provider: end that session too
    logout(request)
    return HttpResponseRedirect(provider_logout or settings.LOGIN_URL + "?uitgelogd=1")
