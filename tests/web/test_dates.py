"""One date style wherever a person reads a date: "4 december 2026" (with "14:30" where a time is shown), never
"4 Dec 2026" or "04-12-2026".

Rendered over the demo municipality, so every list and detail page has dates to show.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from regie.accounts.models import User
from regie.cases.models import Case
from regie.demo.seed import seed_demo
from regie.intake.models import Signal
from regie.park.models import InspectionRound, Park, ParkLot
from regie.procedures.models import Procedure
from regie.web.navigation import NAVIGATION, USER_MENU, local_navigation_for, navigation_for
from tests.conftest import ROLES, verified_session

SRC = Path(__file__).resolve().parents[2] / "src" / "regie"
# What a template may pass to |date: the written-out date (optionally with weekday, time or seconds), and the
# machine forms for <time datetime> and the year alone.
# "F Y" names a month ("januari 2026": a monthly figure), never a day.
ALLOWED_TEMPLATE_FORMATS = {"j F Y", "j F Y H:i", "j F Y H:i:s", "l j F Y", "l j F Y H:i", "F Y", "Y-m-d", "c", "Y"}
# ("mei" is the full name of May, so it is not in this list of abbreviations.)
MONTH_ABBREVIATION = re.compile(
    r"\b\d{1,2}\.?\s+(Jan|Feb|Mar|Mrt|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Okt|Nov|Dec)\b\.?", re.IGNORECASE
)
ENGLISH_MONTH = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
NUMERIC_DATE = re.compile(
    r"(?<!bijvoorbeeld )\b\d{1,2}-\d{1,2}-\d{4}\b"
)  # an input hint may show what to type
TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.DOTALL)


def _text(html: str) -> str:
    """What a person reads: the page without tags, attributes, scripts and styles."""
    return re.sub(r"\s+", " ", TAG.sub(" ", html))


def test_every_template_writes_dates_in_one_style() -> None:
    found = {}
    for template in SRC.rglob("templates/**/*.html"):
        for fmt in re.findall(r"\|date:[\"']([^\"']*)[\"']", template.read_text()):
            if fmt not in ALLOWED_TEMPLATE_FORMATS:
                found[str(template.relative_to(SRC))] = fmt
    assert not found, f"andere datumnotatie dan '4 december 2026': {found}"


@pytest.fixture
def demo(users: dict[str, User], settings: Any, tmp_path: Path) -> dict[str, User]:
    settings.MEDIA_ROOT = tmp_path / "documents"
    settings.REGIE_CLASSIFIER_PATH = str(tmp_path / "classifier.pkl")
    seed_demo()
    return {u.username: u for u in User.objects.select_related("organisation")}


def _pages_of(user: User) -> list[str]:
    """The role's start page, main and user menu, and one of each detail page the demo has."""
    paths = [item["url"] for item in navigation_for(user, "/") + navigation_for(user, "/", USER_MENU)]
    paths = list(dict.fromkeys(paths + [part["url"] for path in paths for part in local_navigation_for(user, path)]))
    paths = [p for p in paths if not p.startswith("/api/")]
    details = {
        "/casussen": lambda: f"/casussen/{Case.objects.order_by('number').first().pk}",  # type: ignore[union-attr]
        "/signalen": lambda: f"/signalen/{Signal.objects.order_by('received_at').first().pk}",  # type: ignore[union-attr]
        "/procedures": lambda: f"/procedures/{Procedure.objects.order_by('created_at').first().pk}",  # type: ignore[union-attr]
        "/vakantiepark": lambda: f"/vakantiepark/{Park.objects.first().pk}",  # type: ignore[union-attr]
    }
    for path in list(paths):
        if path in details:
            paths.append(details[path]())
    if "/vakantiepark" in paths:
        paths.append(f"/vakantiepark/rondes/{InspectionRound.objects.order_by('planned_on').first().pk}")  # type: ignore[union-attr]
        paths.append(f"/vakantiepark/kavels/{ParkLot.objects.order_by('number').first().pk}")  # type: ignore[union-attr]
    return paths


@pytest.mark.django_db
def test_the_main_pages_of_every_role_show_dates_in_dutch_words(demo: dict[str, User]) -> None:
    checked = 0
    problems: list[str] = []
    for username in ROLES:
        client = verified_session(Client(), demo[username])
        for path in _pages_of(demo[username]):
            response = client.get(path, follow=True)
            if response.status_code != 200:  # a detail page of a case this role may not see
                assert response.status_code in {403, 404}, (username, path, response.status_code)
                continue
            text = _text(response.content.decode())
            for pattern in (MONTH_ABBREVIATION, ENGLISH_MONTH, NUMERIC_DATE):
                for match in pattern.finditer(text):
                    context = text[max(0, match.start() - 60) : match.end() + 20]
                    problems.append(f"{username} {path}: {match.group(0)!r} in …{context}…")
            checked += 1
    assert checked >= 40, checked
    assert not problems, "\n".join(problems)


def test_the_api_lives_in_the_users_own_menu_not_in_the_main_menu() -> None:
    assert not [item for item in NAVIGATION if "api" in item.url.lower()]
    assert [item.url for item in USER_MENU] == ["/account/api-tokens", "/api/v1/docs"]
