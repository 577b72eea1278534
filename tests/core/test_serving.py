"""A serving process loads its URL patterns and freezes what it loaded before its first request, so a full garbage
collection no longer walks (and stalls every thread for) the ~258,000 objects of Django and the apps."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from django.urls import get_resolver

from regie.core.management.commands.serve import _Gunicorn
from regie.core.serving import ready_to_serve


@pytest.fixture
def unfrozen_afterwards() -> Iterator[None]:
    yield
    gc.unfreeze()  # the test process goes on collecting as before


def test_ready_to_serve_freezes_what_is_loaded_and_returns_the_application(unfrozen_afterwards: None):
    gc.unfreeze()
    application = object()
    assert ready_to_serve(application) is application
    assert gc.get_freeze_count() > 50_000  # Django, the apps and the URL patterns, at least
    assert get_resolver()._populated


def test_a_gunicorn_worker_loads_the_application_ready_to_serve(unfrozen_afterwards: None):
    gc.unfreeze()
    server = _Gunicorn.__new__(_Gunicorn)  # only its loader: no config, no socket
    application = server.load()
    assert callable(application)
    assert gc.get_freeze_count() > 50_000
