"""Fixtures for the case-meeting tests: the meetings world (tests/worlds/meetings.py)."""

from __future__ import annotations

import pytest

from regie.accounts.models import User
from tests.worlds.meetings import MeetingsWorld, make_meetings_world


@pytest.fixture
def meetings_world(users: dict[str, User]) -> MeetingsWorld:
    return make_meetings_world(users)
