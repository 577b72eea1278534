"""Fixtures for the privacy tests: the privacy world (tests/worlds/privacy.py)."""

from __future__ import annotations

import pytest

from regie.accounts.models import User
from tests.worlds.privacy import DestructionWorld, PrivacyWorld, make_destruction_world, make_privacy_world


@pytest.fixture
def pw(users: dict[str, User]) -> PrivacyWorld:
    return make_privacy_world(users)


@pytest.fixture
def dw(users: dict[str, User], settings, tmp_path) -> DestructionWorld:
    settings.MEDIA_ROOT = str(tmp_path)
    return make_destruction_world(users)
