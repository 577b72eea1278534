"""Fixtures for the park tests: the Province inspector and the park world (tests/worlds/park.py)."""

from __future__ import annotations

import pytest

from regie.accounts.models import User
from tests.worlds.park import ParkWorld, make_park_world, make_province_user


@pytest.fixture
def province_user(users: dict[str, User]) -> User:
    return make_province_user(users)


@pytest.fixture
def park_world(users: dict[str, User], province_user: User) -> ParkWorld:
    return make_park_world(users, province_user)
