"""The visibility table (cases.CaseVisibility, decision 0019) is exactly the door's union after every mutation that
changes who sees a case or how "open cases by deadline" sorts and filters it; and the lists read from it show what
the union shows, in the same order, and never a case the union would not.

`_drift()` compares, in SQL, the table with what the triggers must derive (one row for the coordinator, one per
team membership, each carrying its case's status, deadline, number, type and coordinator), and then, for every
user and organisation, the case ids of their rows with the door's union: any difference is a named row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from regie.access.case_access import cases_visible_to
from regie.access.case_list import CaseListFilter, CasesByDeadline
from regie.accounts.models import User
from regie.cases.models import Case, CaseMember, CaseStatus
from regie.cases.services.case import case_close, case_update
from regie.cases.services.destruction import case_destroy
from regie.cases.services.emergency import break_the_glass_start
from regie.cases.services.tasks import task_complete, task_create
from regie.cases.services.team import case_member_add, case_member_remove, case_member_update
from tests.conftest import verified_session
from tests.worlds.cases import make_case, make_case_type

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

EXPECTED_ROWS = """
    SELECT c.id, NULL::uuid, c.coordinator_id, NULL::uuid, c.status, c.next_deadline, c.number, c.case_type_id,
           c.coordinator_id
      FROM cases_case c
    UNION ALL
    SELECT c.id, m.id, m.user_id, m.organisation_id, c.status, c.next_deadline, c.number, c.case_type_id,
           c.coordinator_id
      FROM cases_casemember m JOIN cases_case c ON c.id = m.case_id
"""
TABLE_ROWS = """
    SELECT case_id, member_id, user_id, organisation_id, status, next_deadline, number, case_type_id, coordinator_id
      FROM cases_casevisibility
"""


def _drift() -> list[Any]:
    """Rows the table has that the cases and teams do not give, and the other way round (each with its count)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"(({TABLE_ROWS}) EXCEPT ALL ({EXPECTED_ROWS})) UNION ALL "
            f"(({EXPECTED_ROWS}) EXCEPT ALL ({TABLE_ROWS}))"
        )
        return cursor.fetchall()


def _assert_exact() -> None:
    """The table holds exactly the derived rows, and every user's rows give the door's union (without the
    emergency accesses, which the lists take from cases_breaktheglass directly)."""
    assert _drift() == []
    for user in User.objects.all():
        mine = set(
            Case.objects.filter(
                pk__in=connection_rows(
                    "SELECT case_id FROM cases_casevisibility WHERE user_id = %s OR organisation_id = %s",
                    [user.pk, user.organisation_id],
                )
            ).values_list("pk", flat=True)
        )
        union = set(
            Case.objects.filter(pk__in=cases_visible_to_without_emergency(user)).values_list("pk", flat=True)
        )
        assert mine == union, user.username


def connection_rows(sql: str, params: list[Any]) -> list[Any]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def cases_visible_to_without_emergency(user: User) -> list[Any]:
    return connection_rows(
        "SELECT c.id FROM cases_case c WHERE c.coordinator_id = %s "
        "UNION SELECT m.case_id FROM cases_casemember m WHERE m.user_id = %s "
        "UNION SELECT m.case_id FROM cases_casemember m WHERE m.organisation_id = %s",
        [user.pk, user.pk, user.organisation_id],
    )


@pytest.fixture
def world(users: dict[str, User]) -> dict[str, Any]:
    director = users["procesregisseur"]
    case_type = make_case_type(users["beheerder"])
    first = make_case(director, case_type, title="Overlast Dorpsstraat")
    second = make_case(director, case_type, title="Woonfraude Kerkweg")
    return {"users": users, "director": director, "type": case_type, "first": first, "second": second}


def test_a_new_case_gives_its_coordinator_one_row(world: dict[str, Any]) -> None:
    _assert_exact()
    rows = connection_rows("SELECT user_id FROM cases_casevisibility WHERE case_id = %s", [world["first"].pk])
    assert rows == [world["director"].pk]


def test_team_changes_keep_the_table_exact(world: dict[str, Any]) -> None:
    users, director, case = world["users"], world["director"], world["first"]
    police = users["politie"].organisation
    officer = case_member_add(
        actor=director, case=case, case_role="Handhaver", categories=["general"], user=users["handhaver"]
    )
    _assert_exact()
    by_org = case_member_add(
        actor=director, case=case, case_role="Politie", categories=["general"], organisation=police
    )
    _assert_exact()
    case_member_update(
        actor=director,
        member=officer,
        categories=["general", "justice"],
        case_role="Toezicht",
        can_edit=False,
    )
    _assert_exact()
    case_member_remove(actor=director, member=by_org)
    _assert_exact()
    assert not CasesByDeadline(users["politie"], CaseListFilter()).count()


def test_a_membership_moved_by_sql_moves_its_row(world: dict[str, Any]) -> None:
    """The trigger follows any write, not only the services': a membership moved to another case or person."""
    users, director = world["users"], world["director"]
    member = case_member_add(
        actor=director, case=world["first"], case_role="Jurist", categories=["general"], user=users["jurist"]
    )
    CaseMember.objects.filter(pk=member.pk).update(case=world["second"], user=users["brp"])
    _assert_exact()
    CaseMember.objects.filter(pk=member.pk).update(user=None, organisation=users["ggz"].organisation)
    _assert_exact()


def test_status_deadline_and_coordinator_changes_are_copied(world: dict[str, Any]) -> None:
    users, director, case = world["users"], world["director"], world["first"]
    case = case_update(actor=director, case=case, version=None, status=CaseStatus.IN_PROGRESS)
    _assert_exact()
    task = task_create(
        actor=director,
        case=case,
        title="Huisbezoek",
        owner=director,
        due_date=timezone.localdate() + dt.timedelta(3),
    )
    _assert_exact()
    task_complete(actor=director, task=task, version=None)
    _assert_exact()
    case = Case.objects.get(pk=case.pk)
    case_update(actor=director, case=case, version=None, coordinator=users["projectleider"])
    _assert_exact()
    case_close(
        actor=users["projectleider"], case=Case.objects.get(pk=case.pk), version=None, reason="Afgerond"
    )
    _assert_exact()


def test_a_destroyed_case_leaves_no_row(world: dict[str, Any]) -> None:
    case_member_add(
        actor=world["director"],
        case=world["first"],
        case_role="GGZ",
        categories=["general"],
        organisation=world["users"]["ggz"].organisation,
    )
    with transaction.atomic():
        case_destroy(case=Case.objects.get(pk=world["first"].pk))
    _assert_exact()
    assert not connection_rows("SELECT 1 FROM cases_casevisibility WHERE case_id = %s", [world["first"].pk])


def test_the_list_is_the_unions_cases_in_deadline_order(world: dict[str, Any]) -> None:
    users, director = world["users"], world["director"]
    police = users["politie"]
    soon = timezone.localdate() + dt.timedelta(days=2)
    for i in range(7):
        case = make_case(director, world["type"], title=f"Casus {i}")
        if i % 2:
            case_member_add(
                actor=director,
                case=case,
                case_role="Politie",
                categories=["general"],
                organisation=police.organisation,
            )
        if i % 3 == 0:
            case_member_add(
                actor=director, case=case, case_role="Politie", categories=["general"], user=police
            )
        Case.objects.filter(pk=case.pk).update(
            next_deadline=soon + dt.timedelta(days=7 - i) if i != 4 else None
        )
    case_close(actor=director, case=Case.objects.get(title="Casus 5"), version=None, reason="Klaar")
    for user in (director, police):
        for filters, keep in (
            (CaseListFilter(), lambda c: True),
            (CaseListFilter(open_only=True), lambda c: c.status != CaseStatus.CLOSED),
            (CaseListFilter(status=CaseStatus.CLOSED), lambda c: c.status == CaseStatus.CLOSED),
        ):
            expected = [
                c.pk
                for c in sorted(
                    cases_visible_to(user),
                    key=lambda c: (c.next_deadline is None, c.next_deadline or soon, c.number),
                )
                if keep(c)
            ]
            listed = CasesByDeadline(user, filters)
            assert listed.count() == len(expected)
            assert [c.pk for c in listed[0 : len(expected) + 5]] == expected
            assert [c.pk for c in listed[2:5]] == expected[2:5]


def test_an_emergency_access_is_in_the_list_and_a_drifted_row_is_not(world: dict[str, Any]) -> None:
    users = world["users"]
    director = world["director"]
    elsewhere = make_case(users["projectleider"], world["type"], title="Zorgmelding Molenweg")
    assert elsewhere.pk not in [c.pk for c in CasesByDeadline(director, CaseListFilter())[0:25]]
    break_the_glass_start(
        actor=director, case_id=elsewhere.pk, reason="Acute zorgen gemeld door de wijkagent."
    )
    assert elsewhere.pk in [c.pk for c in CasesByDeadline(director, CaseListFilter())[0:25]]
    # A row the union would not give (as after a bug in a trigger): the list leaves the case out.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE cases_casevisibility SET user_id = %s WHERE case_id = %s AND member_id IS NULL",
            [users["ggz"].pk, world["first"].pk],
        )
    assert _drift()
    assert [c.pk for c in CasesByDeadline(users["ggz"], CaseListFilter())[0:25]] == []


def test_the_pages_and_the_api_list_from_the_table(world: dict[str, Any], client: Client) -> None:
    users, director = world["users"], world["director"]
    case_member_add(
        actor=director,
        case=world["second"],
        case_role="Politie",
        categories=["general"],
        organisation=users["politie"].organisation,
    )
    verified_session(client, users["politie"])
    page = client.get("/casussen")
    assert page.status_code == 200
    assert (
        world["second"].number in page.content.decode() and world["first"].number not in page.content.decode()
    )
    refused = Client().get("/casussen")
    assert refused.status_code in (302, 401, 403)
