"""A provider's discovery document (OpenID Connect Discovery 1.0): its endpoints, fetched on use and kept briefly."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import requests
from django.conf import settings

from regie.accounts.oidc.config import OidcProvider

CACHE_SECONDS = 300
REQUIRED = ("authorization_endpoint", "token_endpoint", "jwks_uri")


class ProviderUnavailable(Exception):
    """The provider did not answer, or answered something that is no discovery document for its issuer."""


@dataclass(frozen=True)
class Endpoints:
    authorization: str
    token: str
    userinfo: str
    jwks: str
    end_session: str  # empty when the provider does not support RP-initiated logout


_cache: dict[str, tuple[float, Endpoints]] = {}


def _parse(provider: OidcProvider, document: Any) -> Endpoints:
    if not isinstance(document, dict):
        raise ProviderUnavailable("geen JSON-object")
    if document.get("issuer") != provider.issuer:
        raise ProviderUnavailable(f"issuer {document.get('issuer')!r} is niet {provider.issuer!r}")
    missing = [name for name in REQUIRED if not isinstance(document.get(name), str)]
    if missing:
        raise ProviderUnavailable("ontbreekt: " + ", ".join(missing))
    return Endpoints(
        authorization=document["authorization_endpoint"],
        token=document["token_endpoint"],
        userinfo=str(document.get("userinfo_endpoint") or ""),
        jwks=document["jwks_uri"],
        end_session=str(document.get("end_session_endpoint") or ""),
    )


def endpoints(provider: OidcProvider, *, fresh: bool = False) -> Endpoints:
    """The provider's endpoints; `fresh` fetches the document again (the start of every sign-on does, so a provider
    that is down is told before the browser is sent there). Raises ProviderUnavailable."""
    cached = _cache.get(provider.discovery_url)
    if cached and not fresh and cached[0] > time.monotonic():
        return cached[1]
    try:
        response = requests.get(
            provider.discovery_url,
            timeout=settings.REGIE_OIDC_TIMEOUT,
            headers={"Accept": "application/json"},
        )
        response.raise_for_status()
        found = _parse(provider, response.json())
    except (requests.RequestException, ValueError) as exc:
        _cache.pop(provider.discovery_url, None)
        raise ProviderUnavailable(type(exc).__name__) from exc
    _cache[provider.discovery_url] = (time.monotonic() + CACHE_SECONDS, found)
    return found


def forget() -> None:
    """Drop every cached document (tests that start another provider on another port)."""
    _cache.clear()
