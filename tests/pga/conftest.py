"""Fixtures for the PGA tests: the PGA world (tests/worlds/pga.py)."""

from __future__ import annotations

import pytest

from regie.accounts.models import User
from tests.worlds.pga import PgaWorld, make_pga_world


@pytest.fixture
def pga_world(users: dict[str, User]) -> PgaWorld:
    return make_pga_world(users)
