"""Demo procedures (filled by the procedures work)."""

from __future__ import annotations


def seed_procedures() -> list[str]:
    """Start demo procedures on demo cases; idempotent."""
    return []
