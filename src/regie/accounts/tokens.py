"""Personal API tokens: a random secret shown once; only its SHA-256 hash is kept."""

from __future__ import annotations

import hashlib
import secrets

TOKEN_PREFIX = "regie_"  # noqa: S105 — a public marker, not a secret


def new_token_secret() -> str:
    """A fresh high-entropy token string."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(secret: str) -> str:
    """The stored form of a token (SHA-256 is enough for a 256-bit random secret)."""
    return hashlib.sha256(secret.encode()).hexdigest()
