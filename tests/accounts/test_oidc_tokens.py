"""The ID token check, against the real provider's published keys (JWKS): a token is accepted only when the
provider signed it, for Regie, from the configured issuer, and not expired. Tokens are minted here with the
provider's own key (or another) to show each refusal."""

from __future__ import annotations

import time
from typing import Any

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.exceptions import SuspiciousOperation
from django.test import RequestFactory

from regie.accounts.oidc import discovery
from regie.accounts.oidc.backend import RegieOIDCBackend
from regie.accounts.oidc.services import OidcRefused, claim_values, mfa_asserted
from tests.integrations.oidc_provider import RunningProvider
from tests.integrations.oidc_provider.fixtures import provider_fixture, sso_fixture  # noqa: F401

NONCE = "n-0S6_WzA2Mj"


def _kid(provider: RunningProvider) -> str:
    return str(requests.get(f"{provider.issuer}/.well-known/jwks.json", timeout=5).json()["keys"][0]["kid"])


def _token(provider: RunningProvider, key: Any = None, **claims: Any) -> str:
    now = int(time.time())
    payload = {
        "iss": provider.issuer,
        "aud": provider.client_id,
        "sub": "7",
        "iat": now,
        "exp": now + 300,
        "nonce": NONCE,
        **claims,
    }
    return jwt.encode(
        payload, key or provider.private_key_pem, algorithm="RS256", headers={"kid": _kid(provider)}
    )


@pytest.fixture
def backend(sso: RunningProvider) -> RegieOIDCBackend:
    """The backend as the callback view sets it up: the provider of this sign-on and its published endpoints."""
    config = sso.config()
    request = RequestFactory().get("/login/oidc/terug")
    backend = RegieOIDCBackend()
    backend.provider = config
    backend.request = request
    found = discovery.endpoints(config)
    backend.OIDC_OP_JWKS_ENDPOINT = found.jwks
    backend.OIDC_RP_SIGN_ALGO = "RS256"
    backend.OIDC_RP_IDP_SIGN_KEY = None
    backend.OIDC_RP_CLIENT_SECRET = config.client_secret
    return backend


def test_a_token_the_provider_signed_for_regie_is_accepted(backend, sso):
    payload = backend.verify_token(_token(sso), nonce=NONCE)
    assert payload["sub"] == "7" and payload["iss"] == sso.issuer


def test_a_token_from_another_issuer_is_refused_even_with_a_valid_signature(backend, sso):
    with pytest.raises(OidcRefused) as refused:
        backend.verify_token(_token(sso, iss="https://inlog.elders.example"), nonce=NONCE)
    assert refused.value.reason == "unknown_issuer"


def test_a_token_for_another_client_is_refused(backend, sso):
    with pytest.raises(OidcRefused) as refused:
        backend.verify_token(_token(sso, aud="een-andere-applicatie"), nonce=NONCE)
    assert refused.value.reason == "wrong_audience"


def test_a_token_signed_with_another_key_is_refused(backend, sso):
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(_token(sso, key=forger), nonce=NONCE)


def test_an_expired_token_is_refused(backend, sso):
    with pytest.raises(jwt.ExpiredSignatureError):
        backend.verify_token(_token(sso, iat=int(time.time()) - 900, exp=int(time.time()) - 600), nonce=NONCE)


def test_a_provider_clock_a_little_ahead_is_tolerated(backend, sso):
    assert backend.verify_token(_token(sso, iat=int(time.time()) + 30), nonce=NONCE)["sub"] == "7"


def test_a_token_without_an_expiry_is_refused(backend, sso):
    token = jwt.encode(
        {"iss": sso.issuer, "aud": sso.client_id, "sub": "7", "iat": int(time.time()), "nonce": NONCE},
        sso.private_key_pem,
        algorithm="RS256",
        headers={"kid": _kid(sso)},
    )
    with pytest.raises(jwt.MissingRequiredClaimError):
        backend.verify_token(token, nonce=NONCE)


def test_a_token_with_another_nonce_is_refused(backend, sso):
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(_token(sso, nonce="een-andere"), nonce=NONCE)


def test_an_unsigned_token_is_refused(backend, sso):
    unsigned = jwt.encode(
        {"iss": sso.issuer, "aud": sso.client_id, "sub": "7", "nonce": NONCE}, None, algorithm="none"
    )
    with pytest.raises(OidcRefused) as refused:
        backend.verify_token(unsigned, nonce=NONCE)
    assert refused.value.reason == "invalid_token"


@pytest.mark.parametrize(
    ("claims", "amr", "acr", "asserted"),
    [
        ({"amr": ["pwd", "mfa"]}, ("mfa",), (), True),
        ({"amr": ["pwd"]}, ("mfa",), (), False),
        ({"amr": "pwd otp"}, ("otp",), (), True),  # a space-separated string, as some providers send it
        ({"acr": "urn:gemeente:loa:substantieel"}, (), ("urn:gemeente:loa:substantieel",), True),
        ({"acr": "urn:gemeente:loa:laag"}, (), ("urn:gemeente:loa:substantieel",), False),
        ({}, ("mfa",), ("x",), False),
    ],
)
def test_mfa_counts_only_for_the_configured_amr_or_acr_values(sso, claims, amr, acr, asserted):
    assert mfa_asserted(sso.config(mfa_amr=amr, mfa_acr=acr), claims) is asserted


def test_claim_values_reads_lists_strings_and_ignores_other_shapes():
    assert claim_values({"groups": ["a", "b", 3, {"x": 1}]}, "groups") == ["a", "b", "3"]
    assert claim_values({"groups": "a b"}, "groups") == ["a", "b"]
    assert claim_values({"groups": {"a": 1}}, "groups") == []
    assert claim_values({}, "groups") == []
