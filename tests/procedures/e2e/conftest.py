"""Procedure pages in the browser run in demo mode, like the shell's e2e suite (browser fixtures: tests/browser.py)."""

from tests.e2e.conftest import demo_settings  # noqa: F401 - fixtures are found by name
