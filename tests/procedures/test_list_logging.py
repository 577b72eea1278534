"""The procedure list (page and API) and the deadline overview are reads of the cases they show: each is logged
with the persons of those cases, and marked with the break-the-glass access it relies on. Roles that may not
read them get their refusal and leave no such read in the log."""

from __future__ import annotations

import pytest
from django.test import Client

from regie.accounts.models import User
from regie.accounts.services import api_token_create
from regie.cases.services.emergency import break_the_glass_start
from regie.processing_log.models import ProcessingLogEntry
from tests.worlds.procedures import World

pytestmark = pytest.mark.django_db

REASON = "Melding van de meldkamer over deze woning; direct overleg met de handhaver nodig."
READS = [
    ("/procedures", "procedure.listed"),
    ("/termijnen", "deadline.listed"),
    ("/api/v1/procedures", "procedure.listed"),
]


def _client(sign_in, user: User, path: str) -> Client:
    if path.startswith("/api/"):
        return Client(HTTP_AUTHORIZATION=f"Token {api_token_create(actor=user, user=user, name='t').secret}")
    return sign_in(user)


def _last(action: str) -> ProcessingLogEntry:
    entry = ProcessingLogEntry.objects.filter(action=action).order_by("seq").last()
    assert entry is not None, f"no {action} entry"
    return entry


@pytest.mark.parametrize(("path", "action"), READS)
def test_a_list_of_procedures_or_deadlines_names_the_persons_of_their_cases(
    sign_in, world: World, pr_at, path, action
):
    pr_at("notification")
    jurist = world.users["jurist"]
    assert _client(sign_in, jurist, path).get(path).status_code == 200
    entry = _last(action)
    assert entry.actor_username == "jurist" and entry.details["cases"] == [world.pr_case.number]
    assert set(entry.person_ids) == {world.resident.pk, world.owner.pk}
    assert entry.break_the_glass is False and entry.purpose == ""


@pytest.mark.parametrize(("path", "action"), [READS[0], READS[2]])
def test_a_procedure_seen_through_break_the_glass_marks_the_list_with_its_reason(
    sign_in, world: World, pr_at, path, action
):
    pr_at("notification")
    director = world.users["procesregisseur"]  # on none of the world's cases
    client = _client(sign_in, director, path)
    assert client.get(path).status_code == 200
    assert set(_last(action).person_ids) == set() and _last(action).break_the_glass is False
    break_the_glass_start(actor=director, case_id=world.pr_case.pk, reason=REASON)
    assert client.get(path).status_code == 200
    entry = _last(action)
    assert set(entry.person_ids) == {world.resident.pk, world.owner.pk}
    assert entry.break_the_glass is True and entry.purpose == REASON


@pytest.mark.parametrize(("path", "action"), READS)
@pytest.mark.parametrize("role", ["politie", "analist", "privacy"])
def test_roles_without_procedures_get_a_403_and_leave_no_read(
    sign_in, world: World, pr_at, path, action, role
):
    pr_at("notification")
    assert _client(sign_in, world.users[role], path).get(path).status_code == 403
    assert not ProcessingLogEntry.objects.filter(action=action).exists()
