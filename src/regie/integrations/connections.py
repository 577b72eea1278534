"""The state of one connection, as `regie check-connections` prints it and the beheerder's page shows it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ConnectionState:
    """What one check found: not configured (Regie works without it), reachable, or configured but failing."""

    key: str  # stable name: "oidc", "brp", "bag", "mail", "zaken"
    label: str  # Dutch, for people: "BRP (Haal Centraal BRP Personen)"
    configured: bool
    ok: bool
    detail: str  # Dutch: the address checked and what came back, or why it is off

    @property
    def status_label(self) -> str:
        if not self.configured:
            return "niet gekoppeld"
        return "werkt" if self.ok else "storing"
