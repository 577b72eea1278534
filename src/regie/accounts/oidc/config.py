"""The identity providers, from the environment. Imported by `regie.settings`: plain Python, no Django.

One provider (the common case):

    REGIE_OIDC_ISSUER=https://login.gemeente.example/realms/medewerkers
    REGIE_OIDC_CLIENT_ID=regie
    REGIE_OIDC_CLIENT_SECRET=…

Several providers: REGIE_OIDC_PROVIDERS=gemeente,ggd and per key the same names with the key in them
(REGIE_OIDC_GEMEENTE_ISSUER, REGIE_OIDC_GGD_CLIENT_ID, …). The claim and MFA settings (REGIE_OIDC_USER_CLAIM, …) may be
given per key and otherwise come from the un-prefixed name, then from the default. Nothing set: sign-on is off.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

DEFAULT_KEY = "gemeente"
DEFAULT_LABEL = "Inloggen met de gemeentelijke account"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
KEY_PATTERN = re.compile(r"[a-z][a-z0-9-]{0,29}")
CLAIM_PATTERN = re.compile(r"[A-Za-z0-9_:./-]{1,100}")
SIGN_ALGORITHMS = {"RS256", "RS384", "RS512", "ES256", "ES384", "ES512"}


@dataclass(frozen=True)
class OidcProvider:
    """One identity provider Regie trusts for staff sign-on."""

    key: str  # in URLs and the processing log: "gemeente"
    label: str  # the button on the login page
    issuer: str  # exactly as the provider writes it in `iss`
    client_id: str
    client_secret: str
    scopes: str = "openid profile email"
    user_claim: str = "sub"  # the stable claim a user is matched by (Entra ID: "oid")
    role_claim: str = "groups"  # the claim whose values the mapping table turns into a role and organisation
    username_claim: str = "preferred_username"
    mfa_amr: tuple[str, ...] = ("mfa",)  # amr values that count as a second factor
    mfa_acr: tuple[str, ...] = ()  # acr values that count as a second factor
    sign_algorithm: str = "RS256"

    @property
    def discovery_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"


def _words(raw: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in raw.split(",") if w.strip())


def _provider(env: Mapping[str, str], key: str, prefix: str) -> OidcProvider:
    def get(name: str, default: str = "", *, shared: bool = False) -> str:
        value = env.get(f"{prefix}{name}", "").strip()
        if not value and shared:
            value = env.get(f"REGIE_OIDC_{name}", "").strip()
        return value or default

    issuer = get("ISSUER")
    parts = urlsplit(issuer)
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        raise ImproperlyConfigured(f"{prefix}ISSUER moet een adres zijn (https://…), niet {issuer!r}.")
    if parts.scheme == "http" and parts.hostname not in LOOPBACK_HOSTS:
        raise ImproperlyConfigured(
            f"{prefix}ISSUER moet https gebruiken (http alleen op 127.0.0.1 of localhost)."
        )
    client_id, secret = get("CLIENT_ID"), get("CLIENT_SECRET")
    if not client_id or not secret:
        raise ImproperlyConfigured(
            f"{prefix}CLIENT_ID en {prefix}CLIENT_SECRET zijn nodig als {prefix}ISSUER is gezet."
        )
    claims = {
        name: get(name, default, shared=True)
        for name, default in (
            ("USER_CLAIM", "sub"),
            ("ROLE_CLAIM", "groups"),
            ("USERNAME_CLAIM", "preferred_username"),
        )
    }
    for name, value in claims.items():
        if not CLAIM_PATTERN.fullmatch(value):
            raise ImproperlyConfigured(f"{prefix}{name} is geen geldige claimnaam: {value!r}.")
    algorithm = get("SIGN_ALGORITHM", "RS256", shared=True)
    if algorithm not in SIGN_ALGORITHMS:
        raise ImproperlyConfigured(
            f"{prefix}SIGN_ALGORITHM moet een van {', '.join(sorted(SIGN_ALGORITHMS))} zijn, niet {algorithm!r}."
        )
    scopes = get("SCOPES", "openid profile email", shared=True)
    if "openid" not in scopes.split():
        raise ImproperlyConfigured(f"{prefix}SCOPES moet 'openid' bevatten.")
    return OidcProvider(
        key=key,
        label=get("LABEL", DEFAULT_LABEL),
        issuer=issuer,
        client_id=client_id,
        client_secret=secret,
        scopes=scopes,
        user_claim=claims["USER_CLAIM"],
        role_claim=claims["ROLE_CLAIM"],
        username_claim=claims["USERNAME_CLAIM"],
        mfa_amr=_words(get("MFA_AMR", "mfa", shared=True)),
        mfa_acr=_words(get("MFA_ACR", "", shared=True)),
        sign_algorithm=algorithm,
    )


def providers_from_environment(env: Mapping[str, str]) -> tuple[OidcProvider, ...]:
    """The configured providers (none: sign-on is off); a bad value raises ImproperlyConfigured naming it."""
    keys = _words(env.get("REGIE_OIDC_PROVIDERS", ""))
    if not keys:
        if not env.get("REGIE_OIDC_ISSUER", "").strip():
            return ()
        return (_provider(env, DEFAULT_KEY, "REGIE_OIDC_"),)
    providers = []
    for key in keys:
        if not KEY_PATTERN.fullmatch(key):
            raise ImproperlyConfigured(
                f"REGIE_OIDC_PROVIDERS: {key!r} is geen geldige sleutel (kleine letters, cijfers en -)."
            )
        prefix = f"REGIE_OIDC_{key.upper().replace('-', '_')}_"
        if not env.get(f"{prefix}ISSUER", "").strip():
            raise ImproperlyConfigured(
                f"{prefix}ISSUER ontbreekt voor aanbieder {key!r} uit REGIE_OIDC_PROVIDERS."
            )
        providers.append(_provider(env, key, prefix))
    if len(set(keys)) != len(keys):
        raise ImproperlyConfigured("REGIE_OIDC_PROVIDERS noemt een aanbieder twee keer.")
    return tuple(providers)
