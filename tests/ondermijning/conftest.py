"""Fixtures for the ondermijning tests: the world of tests/worlds/ondermijning.py."""

from __future__ import annotations

import pytest

from regie.accounts.models import User
from tests.worlds.ondermijning import OndermijningWorld, make_ondermijning_world


@pytest.fixture
def world(users: dict[str, User]) -> OndermijningWorld:
    return make_ondermijning_world(users)
