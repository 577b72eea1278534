"""Demo cases (fictional). Filled by the demo-data work."""

from __future__ import annotations


def seed_cases() -> list[str]:
    """Create the demo case types, persons and cases; idempotent."""
    return []
