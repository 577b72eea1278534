"""The shell's end-to-end tests run in demo mode (banner on, no second factor) unless a test says otherwise."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def demo_settings(settings) -> object:
    """Demo mode without a second factor; the middleware reads both per request."""
    settings.DEMO_MODE = True
    settings.REGIE_REQUIRE_SECOND_FACTOR = False
    return settings
