"""The shell's end-to-end tests run in demo mode (banner on, no second factor) unless a test says otherwise."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def demo_settings(demo_settings: Any) -> Any:
    """tests/browser.py's `demo_settings`, for every test here (and in the modules that import this fixture)."""
    return demo_settings
