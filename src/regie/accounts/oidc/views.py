"""Sign-on pages: start (to the provider), callback (back from it), and the end of the provider's session at logout."""

from __future__ import annotations

from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.views.decorators.http import require_GET
from mozilla_django_oidc.utils import add_state_and_verifier_and_nonce_to_session, generate_code_challenge
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, get_next_url

from regie.accounts.forms import LoginForm
from regie.accounts.oidc import discovery, services
from regie.accounts.oidc.backend import CALLBACK_URL_NAME
from regie.accounts.oidc.config import OidcProvider
from regie.accounts.oidc.middleware import MFA_SESSION_KEY, PROVIDER_SESSION_KEY

STATES_KEY = "oidc_states"


def login_page(request: HttpRequest, *, error: str, status: int) -> HttpResponse:
    """The login page with a sign-on error above it; the local login form stays usable."""
    return render(
        request,
        "accounts/login.html",
        {"form": LoginForm(), "error": error, "next": "/", "breadcrumbs": []},
        status=status,
    )


def _refuse(request: HttpRequest, provider_key: str, refusal: services.OidcRefused) -> HttpResponse:
    services.oidc_refusal_log(
        provider_key=provider_key, reason=refusal.reason, request=request, username=refusal.username
    )
    if refusal.reason == services.NO_ROLE:
        return render(request, "accounts/oidc_no_access.html", {"breadcrumbs": []}, status=403)
    status = 503 if refusal.message == services.UNAVAILABLE else 403
    return login_page(request, error=refusal.message, status=status)


@require_GET
def oidc_start(request: HttpRequest, provider_key: str) -> HttpResponse:
    """Send the browser to the provider's login, with state, nonce and PKCE (mozilla-django-oidc's session helpers);
    a provider that does not answer its discovery document is told here, not after the browser got lost."""
    provider = services.provider_by_key(provider_key)
    if provider is None:
        raise Http404
    try:
        found = discovery.endpoints(provider, fresh=True)
    except discovery.ProviderUnavailable:
        return _refuse(
            request, provider.key, services.OidcRefused("provider_unreachable", services.UNAVAILABLE)
        )
    state = get_random_string(32)
    verifier = get_random_string(64)
    params = {
        "response_type": "code",
        "scope": provider.scopes,
        "client_id": provider.client_id,
        "redirect_uri": request.build_absolute_uri(reverse(CALLBACK_URL_NAME)),
        "state": state,
        "nonce": get_random_string(32),
        "code_challenge": generate_code_challenge(verifier, "S256"),
        "code_challenge_method": "S256",
    }
    add_state_and_verifier_and_nonce_to_session(request, state, params, verifier)
    request.session[STATES_KEY][state]["provider"] = provider.key
    request.session["oidc_login_next"] = get_next_url(request, "next")
    request.session.modified = True
    return HttpResponseRedirect(f"{found.authorization}?{urlencode(params)}")


class CallbackView(OIDCAuthenticationCallbackView):
    """Back from the provider: the library checks state and nonce and calls the backend; Regie answers every
    refusal in Dutch on its own pages and logs it, and asks for its own second factor unless the provider did."""

    provider: OidcProvider | None = None

    def get(self, request: HttpRequest) -> HttpResponse:
        state = request.GET.get("state", "")
        entry = (request.session.get(STATES_KEY) or {}).get(state) or {}
        provider = services.provider_by_key(entry.get("provider"))
        self.provider = provider
        if provider is None:
            # No sign-on started in this browser with this state (or it was used already): nothing is sent on.
            return _refuse(request, "", services.OidcRefused("unknown_state"))
        request.regie_oidc_provider = provider  # type: ignore[attr-defined]
        if request.GET.get("error"):
            del request.session[STATES_KEY][state]  # a state is used once, also when the provider said no
            request.session.modified = True
            return _refuse(request, provider.key, services.OidcRefused("provider_error", services.CANCELLED))
        try:
            return super().get(request)
        except services.OidcRefused as refusal:
            return _refuse(request, provider.key, refusal)
        except (discovery.ProviderUnavailable, requests.ConnectionError, requests.Timeout):
            return _refuse(
                request, provider.key, services.OidcRefused("provider_unreachable", services.UNAVAILABLE)
            )
        except (requests.RequestException, SuspiciousOperation, jwt.InvalidTokenError, ValueError, KeyError):
            return _refuse(request, provider.key, services.OidcRefused("invalid_response"))

    def login_failure(self) -> HttpResponse:
        provider: OidcProvider | None = self.provider
        user = getattr(self, "user", None)
        if user is not None and not user.is_active:
            refusal = services.OidcRefused("inactive", services.INACTIVE, username=user.username)
        else:
            refusal = services.OidcRefused("not_authenticated")
        return _refuse(self.request, provider.key if provider else "", refusal)

    def login_success(self) -> HttpResponse:
        provider = self.provider
        assert provider is not None  # login_success follows get(), which found it
        next_url = self.success_url
        super().login_success()  # django.contrib.auth.login (a new session key)
        mfa = bool(getattr(self.request, "regie_oidc_mfa", False))
        session = self.request.session
        session[PROVIDER_SESSION_KEY] = provider.key
        if mfa:
            session[MFA_SESSION_KEY] = str(self.user.pk)
        services.oidc_login_log(provider=provider, user=self.user, mfa=mfa, request=self.request)
        if settings.REGIE_REQUIRE_SECOND_FACTOR and not mfa:
            return HttpResponseRedirect("/login/tweede-factor?" + urlencode({"next": next_url}))
        return HttpResponseRedirect(next_url)


oidc_callback = CallbackView.as_view()


def provider_logout_url(request: HttpRequest) -> str:
    """Where to send the browser after Regie's own logout to end the provider's session too: its end-session
    endpoint when it publishes one (no ID token in the address: it holds personal data; the provider may ask the
    person to confirm). Empty for local accounts and providers without one, or that do not answer now."""
    provider = services.provider_by_key(request.session.get(PROVIDER_SESSION_KEY))
    if provider is None:
        return ""
    try:
        end_session = discovery.endpoints(provider).end_session
    except discovery.ProviderUnavailable:
        return ""
    if not end_session:
        return ""
    back = request.build_absolute_uri(settings.LOGIN_URL + "?uitgelogd=1")
    separator = "&" if "?" in end_session else "?"
    return (
        end_session
        + separator
        + urlencode({"client_id": provider.client_id, "post_logout_redirect_uri": back})
    )


__all__ = ["CALLBACK_URL_NAME", "oidc_callback", "oidc_start", "provider_logout_url"]
