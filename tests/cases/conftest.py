"""Fixtures for the case pages: documents stored in a temporary directory, and one standard case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regie.accounts.models import User
from tests.worlds.cases import World, make_world


@pytest.fixture(autouse=True)
def _document_storage(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "documents"


@pytest.fixture
def world(users: dict[str, User]) -> World:
    return make_world(users)


def without_tokens(html: str, requested_id: object) -> str:
    """A page without its per-request CSRF tokens and the id it was asked for (the shell links back to the
    requested path), so the answers for two ids can be compared byte for byte."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return html.replace(str(requested_id), "ID")
