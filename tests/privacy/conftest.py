"""Fixtures for the privacy tests: the privacy world (tests/worlds/privacy.py)."""

from __future__ import annotations

import pytest

from regie.accounts.models import User
from tests.worlds.privacy import PrivacyWorld, make_privacy_world


@pytest.fixture
def pw(users: dict[str, User]) -> PrivacyWorld:
    return make_privacy_world(users)
