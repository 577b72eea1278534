"""Browser fixtures for every suite (a pytest plugin loaded by tests/conftest.py): one headless system Chromium
per session, a fresh context per test, the live server, axe-core.

Defined once here, so a session-scoped browser is never started twice in one run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from regie.demo.accounts import DEMO_PASSWORD

# Playwright's sync API keeps an event loop running in this thread; Django's ORM calls from the test
# (fixtures, assertions on the database) are still plain synchronous calls.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
BLOCKING_IMPACTS = {"serious", "critical"}


# Screenshots a browser test leaves for a person to look at (desktop and phone size).
SHOTS = Path("/tmp/regie-shots")


def screenshot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def demo_settings(settings: Any) -> Any:
    """Demo mode without a second factor; the middleware reads both per request."""
    settings.DEMO_MODE = True
    settings.REGIE_REQUIRE_SECOND_FACTOR = False
    return settings


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} ontbreekt: installeer het Debian-pakket chromium (apt-get install chromium)."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def base_url(live_server) -> str:
    return str(live_server.url)


@pytest.fixture
def console_errors() -> list[str]:
    """Console errors of the page, filled while the test runs."""
    return []


@pytest.fixture
def page(browser: Browser, base_url: str, console_errors: list[str]) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(10_000)
    expect.set_options(timeout=10_000)
    page = context.new_page()

    def _collect(message: ConsoleMessage) -> None:
        if message.type == "error":
            console_errors.append(message.text)

    page.on("console", _collect)
    yield page
    context.close()


@pytest.fixture
def log_in(page: Page) -> Callable[..., Page]:
    """Sign in through the real login form, as a person would."""

    def _log_in(username: str, password: str = DEMO_PASSWORD) -> Page:
        page.goto("/login")
        page.get_by_label("Gebruikersnaam", exact=True).fill(username)
        page.get_by_label("Wachtwoord", exact=True).fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        return page

    return _log_in


def _measured_low_contrast(incomplete: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Colour-contrast results axe leaves for review although it measured a ratio below the norm.

    axe reports text in the same colour as its background (white on white: ratio 1) as "incomplete", since
    it might be hidden on purpose; in this shell it never is, so a measured shortfall counts as a violation.
    """
    found = []
    for result in incomplete:
        if result["id"] != "color-contrast":
            continue
        nodes = []
        for node in result["nodes"]:
            for check in node.get("any", []):
                data = check.get("data") or {}
                ratio, norm = data.get("contrastRatio"), str(data.get("expectedContrastRatio") or "")
                if ratio and norm and float(ratio) < float(norm.split(":")[0]):
                    nodes.append(node)
                    break
        if nodes:
            found.append({**result, "nodes": nodes, "help": result["help"] + " (gemeten, ter beoordeling)"})
    return found


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


@pytest.fixture
def assert_accessible(axe: Axe) -> Callable[[Page], None]:
    """Fail on axe-core violations with impact serious or critical, naming the rule and the elements."""

    def _assert(page: Page) -> None:
        assert page.locator("html").get_attribute("lang") == "nl", f"{page.url}: <html lang> is niet nl"
        results = axe.run(page)
        blocking = [v for v in results.response["violations"] if v.get("impact") in BLOCKING_IMPACTS]
        blocking += _measured_low_contrast(results.response["incomplete"])
        report = "\n".join(
            f"  {v['id']} ({v['impact']}): {v['help']} — "
            + ", ".join(" ".join(map(str, node["target"])) for node in v["nodes"])
            for v in blocking
        )
        assert not blocking, f"axe-core op {page.url}:\n{report}"

    return _assert
