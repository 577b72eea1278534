"""Every read of personal data is logged, by construction.

The walk takes every route of the URL conf (and checks that it covers every GET path of the OpenAPI document),
fills in its path parameters with real demo ids — what the user may see first, so the walk reaches the pages
with data — and GETs it as every demo role against the demo municipality (seeded once for the module). A 200 that
shows personal data (a demo person's name or BSN, an address, a case title or number; see read_walk.Markers) must
leave a processing-log entry naming the persons shown: everyone named, and for each case and address shown at
least one of its persons. When the log names a person the user reaches only through break-the-glass, an entry must
be marked with it; no break-the-glass entry may lack its reason. A route escapes only through EXEMPT below, each
with its reason. A new route with a path parameter the walk cannot fill fails here until read_walk.Probe learns
where its ids come from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import pytest
from django.db import transaction
from django.db.models import Q
from django.test import Client, override_settings
from django.utils import timezone

from regie.accounts.models import User
from regie.accounts.services import api_token_create
from regie.cases.models import BreakTheGlass, CaseMember, CaseSubject
from regie.demo.seed import seed_demo
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Person
from tests.access.read_walk import Markers, Probe, Shown, openapi_get_paths, shape, url_conf_routes
from tests.conftest import ROLES, verified_session

# Routes the walk does not hold to the rule, each with its reason. Keep it short: a route that shows persons
# belongs in the log, not here.
EXEMPT: dict[str, str] = {
    "api/v1/openapi.json": "the API's description: no data, only the schema and its invented examples",
    "procedures/starten": "the empty form; its help text's example case number is this year's demo 13b case. "
    "With ?casus= the case is read through get_case_for (case.viewed)",
    "vakantiepark/<str:park_id>/bewerken": "the park's register form; its management's business contact "
    "'Parkbeheer, Marsweg 1' shares the address of the demo's lot 1",
    "privacy/verwerkingslog": "the processing log itself, for the privacy officer: each read is logged as "
    "processing_log.viewed with its filter; naming every person of every entry shown would copy the log into itself",
    "api/v1/processing-log": "the same log through the API (processing_log.viewed, via api)",
    "signalen/<str:signal_id>": "an untriaged signal's free text (a referral naming a case number, typed names) is "
    "about no confirmed person yet; signal.viewed names the confirmed persons and the persons of its case",
    "api/v1/signals/<uuid:id>": "the same signal through the API (signal.viewed)",
    "pga/aanmelden/signaal/<str:signal_id>": "the same signal's free text as the reason of a PGA referral "
    "(signal.viewed, as on the signal page)",
}


@dataclass
class Demo:
    users: dict[str, User]
    tokens: dict[str, str]
    markers: Markers
    routes: list[str]
    openapi: list[str]


@pytest.fixture(scope="module")
def demo(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Demo]:
    """The demo municipality, seeded once for the module inside a transaction that is rolled back at the end;
    each role's walk runs in a savepoint inside it (pytest-django's `db`)."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-documents")), django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            seed_demo()
            users = {
                u.username: u for u in User.objects.select_related("organisation").filter(username__in=ROLES)
            }
            tokens = {
                name: api_token_create(actor=u, user=u, name="walk").secret for name, u in users.items()
            }
            schema = Client(HTTP_AUTHORIZATION=f"Token {tokens['procesregisseur']}").get(
                "/api/v1/openapi.json"
            )
            assert schema.status_code == 200
            yield Demo(
                users, tokens, Markers.from_demo(), url_conf_routes(), openapi_get_paths(schema.json())
            )
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def test_the_walk_covers_every_route_and_the_openapi_document(demo: Demo) -> None:
    shapes = {shape(route) for route in demo.routes}
    assert not [path for path in demo.openapi if shape(path) not in shapes], (
        "OpenAPI paths outside the URL conf"
    )
    assert not set(EXEMPT) - set(demo.routes), "exemptions for routes that no longer exist"
    assert len(ROLES) == 10 and len(demo.routes) >= 140


def _emergency_only_persons(user: User) -> set[UUID]:
    """Persons the user reaches only through a running break-the-glass access (worked out here, not by the door)."""
    emergency = BreakTheGlass.objects.filter(user=user, expires_at__gt=timezone.now()).values("case_id")
    own = Q(case__coordinator=user) | Q(case__in=CaseMember.objects.filter(user=user).values("case_id"))
    if user.organisation_id:
        own |= Q(case__in=CaseMember.objects.filter(organisation_id=user.organisation_id).values("case_id"))
    persons = CaseSubject.objects.filter(person__isnull=False)
    return set(persons.filter(case__in=emergency).values_list("person_id", flat=True)) - set(
        persons.filter(own).values_list("person_id", flat=True)
    )


def _body(response: Any) -> str:
    # Consuming streaming content closes the response the test client's way (closing it again here would end the
    # database connection, as at the end of a real request).
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return bytes(content).decode("utf-8", errors="ignore")


def _verdict(shown: Shown, entries: list[ProcessingLogEntry], emergency: set[UUID]) -> str:
    """What is wrong with the log of one read, or "" when nothing is."""
    logged = {p for e in entries for p in e.person_ids}
    marked = [e for e in entries if e.break_the_glass]
    if any(not e.purpose for e in marked):
        return f"break-the-glass without its reason: {[e.action for e in marked if not e.purpose]}"
    if logged & emergency and not marked:
        return "names persons reached only through break-the-glass, but no entry is marked with it"
    if not shown.markers:
        return ""
    found, actions = sorted(shown.markers)[:6], [e.action for e in entries]
    if not entries:
        return f"no processing-log entry; it shows {found}"
    if shown.persons - logged:
        missing = sorted(str(p) for p in Person.objects.filter(pk__in=shown.persons - logged))
        return f"shows {found}, but the log misses {missing[:6]} ({actions})"
    if any(not (tied & logged) for tied in shown.anchors):
        return f"shows {found}, but the log names no one of a case or address shown ({actions})"
    return ""


def _last_seq() -> int:
    return ProcessingLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


@pytest.mark.parametrize("role", ROLES)
def test_every_read_of_personal_data_is_logged(demo: Demo, db: None, role: str) -> None:
    user = demo.users[role]
    probe, emergency = Probe(user), _emergency_only_persons(user)
    web, api = verified_session(Client(), user), Client(HTTP_AUTHORIZATION=f"Token {demo.tokens[role]}")
    failures: list[str] = []
    for route in demo.routes:
        if route in EXEMPT:
            continue
        try:
            urls = probe.urls(route)
        except LookupError as unknown:
            failures.append(str(unknown))
            continue
        for url in urls:
            before = _last_seq()
            response = (api if route.startswith("api/v1/") else web).get(url)
            if response.status_code != 200:
                continue
            entries = list(
                ProcessingLogEntry.objects.filter(seq__gt=before).exclude(action__startswith="token.")
            )
            verdict = _verdict(demo.markers.shown(_body(response)), entries, emergency)
            if verdict:
                failures.append(f"GET {url}: {verdict}")
    assert not failures, f"{role}: unlogged reads of personal data:\n" + "\n".join(failures)
