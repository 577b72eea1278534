"""Who may make a write that changes who sees what: every demo role × write × channel (API and pages).

The world is the API tests' (tests/api/conftest.py): case M is coordinated by regisseur2 and has every case role
on its team with `general` only, and the organisations of analist, beheerder and privacy with every category
(still they see no case: their roles never do); case H has nobody of them.

The writes:
- take-over: a member with `general` makes themselves coordinator (the probe) — nobody may;
- hand-over-as-coordinator: the coordinator of a case hands it to regisseur2 — every role that can coordinate;
- take-over-holding-everything: a member granted every category makes themselves coordinator — team managers;
- grant-wider / grant-within: a member with `general` adds an organisation with `care` / with `general`;
- widen-own-membership: a member with `general` gives their own membership every category — nobody may;
- break-the-glass: open case H in an emergency — the process director;
- change-others-role / change-others-organisation: give analist a case role / move the police officer to GGZ —
  the administrator, and then it only waits for a second administrator;
- change-own-role: nobody; approve-access-change (asked by beheerder2): an administrator who did not ask;
- merge-person: merge a placeholder person on case M into Piet Jansen (whoever sees one sees the other after it)
  — the municipal case roles that may edit case M; partners on the team and the other roles may not;
- map-sign-on-role: a row of the single sign-on table that gives everyone with a claim a case role — the
  administrator, and then it only waits for a second administrator; approve-sign-on-role (asked by beheerder2):
  an administrator who did not ask.

Refused means: nothing changed (the case, its team, timeline and log; the account and its pending changes).
Break-the-glass and the account writes have no API; `test_the_api_has_no_side_door_for_them` holds that.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from regie.accounts.account_changes import account_change_request
from regie.accounts.models import AccountChange, OidcRoleMapping, Organisation, User
from regie.accounts.oidc.services import oidc_mapping_create
from regie.cases.models import BreakTheGlass, Case, CaseMember, CaseSubject
from regie.cases.services.case import SubjectRef, case_subject_add
from regie.cases.services.team import case_member_update
from regie.subjects.models import Person
from tests.access.case_state import case_state
from tests.api import conftest as api_world
from tests.worlds import api as f
from tests.worlds.api import CASE_ROLES, NO_CASE_ROLES, World

# The API tests' module-scoped world (one build per module, a savepoint per test) and its token clients.
_documents_outside_the_repo = api_world._documents_outside_the_repo
shared = api_world.shared
world = api_world.world
api = api_world.api

ROLES = CASE_ROLES + NO_CASE_ROLES
REASON = "Acute zorgen gemeld door de wijkagent, direct nodig."


def _codes(*, case: int = 0, no_case: int = 0, everyone: int = 0, **roles: int) -> dict[str, int]:
    """Expected status per role: a default for case roles, for roles without case access, or for everyone."""
    table = {r: everyone or (case if r in CASE_ROLES else no_case) for r in ROLES}
    return table | roles


EXPECTED: dict[tuple[str, str], dict[str, int]] = {
    ("take-over", "api"): _codes(case=403, no_case=404),
    ("take-over", "page"): _codes(case=403, no_case=404),
    ("hand-over-as-coordinator", "api"): _codes(case=200),
    ("hand-over-as-coordinator", "page"): _codes(case=302),
    ("take-over-holding-everything", "api"): _codes(
        case=403, no_case=404, procesregisseur=200, projectleider=200
    ),
    ("take-over-holding-everything", "page"): _codes(
        case=403, no_case=404, procesregisseur=302, projectleider=302
    ),
    ("grant-wider", "api"): _codes(case=403, no_case=404, procesregisseur=400, projectleider=400),
    ("grant-wider", "page"): _codes(case=403, no_case=404, procesregisseur=400, projectleider=400),
    ("grant-within", "api"): _codes(case=403, no_case=404, procesregisseur=201, projectleider=201),
    ("grant-within", "page"): _codes(case=403, no_case=404, procesregisseur=302, projectleider=302),
    ("widen-own-membership", "api"): _codes(everyone=405),  # no API changes a membership
    ("widen-own-membership", "page"): _codes(case=403, no_case=404, procesregisseur=400, projectleider=400),
    ("break-the-glass", "page"): _codes(everyone=403, procesregisseur=302),
    ("change-others-role", "page"): _codes(everyone=403, beheerder=302),
    ("change-others-organisation", "page"): _codes(everyone=403, beheerder=302),
    ("change-own-role", "page"): _codes(everyone=403, beheerder=400),
    ("approve-access-change", "page"): _codes(everyone=403, beheerder=302),
    ("merge-person", "page"): _codes(case=302, no_case=403, politie=403, ggz=403),
    ("map-sign-on-role", "page"): _codes(everyone=403, beheerder=302),
    ("approve-sign-on-role", "page"): _codes(everyone=403, beheerder=302),
}
SIGN_ON = "/beheer/eenmalige-aanmelding"


def _json(client: Client, method: str, url: str, body: object) -> Any:
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def _housing() -> Organisation:
    return Organisation.objects.get(name="Woonstichting Lingestroom")


def _membership(world: World, user: User) -> CaseMember:
    """The user's own membership of case M (for roles without case access: their organisation's)."""
    if user.username in CASE_ROLES:
        return CaseMember.objects.get(case=world.member_case, user=user)
    return CaseMember.objects.get(case=world.member_case, organisation=user.organisation)


def _hand_over(client: Client, channel: str, case: Case, to: User) -> Any:
    if channel == "api":
        return _json(
            client, "patch", f"/api/v1/cases/{case.pk}", {"version": case.version, "coordinator": to.username}
        )
    data = {"coordinator": to.pk, "previous_coordinator_categories": ["general"], "version": case.version}
    return client.post(f"/casussen/{case.pk}/team/coordinatie-overdragen", data)


def _grant(client: Client, channel: str, case: Case, categories: list[str]) -> Any:
    housing = _housing()
    if channel == "api":
        body = {"organisation": str(housing.pk), "caseRole": "verhuurder", "categories": categories}
        return _json(client, "post", f"/api/v1/cases/{case.pk}/members", body)
    data = {
        "member": f"org:{housing.pk}",
        "case_role": "verhuurder",
        "categories": categories,
        "can_edit": "on",
    }
    return client.post(f"/casussen/{case.pk}/team/toevoegen", data)


def _user_form(user: User, **overrides: object) -> dict[str, object]:
    assert user.organisation is not None
    data: dict[str, object] = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "phone": user.phone,
        "job_title": user.job_title,
        "role": user.role,
        "organisation": user.organisation.pk,
        "is_active": "on",
        "version": user.version,
    }
    return data | overrides


def _account(username: str) -> tuple[Any, ...]:
    user = User.objects.get(username=username)
    return user.role, user.organisation_id, user.version, AccountChange.objects.filter(status="wacht").count()


Send = Callable[[], Any]


def _persons_state(placeholder: Person) -> tuple[Any, ...]:
    row = Person.objects.get(pk=placeholder.pk)
    links = sorted(str(c) for c in CaseSubject.objects.filter(person=row).values_list("case_id", flat=True))
    return row.merged_into_id, row.version, links


def _mappings() -> list[tuple[Any, ...]]:
    rows = OidcRoleMapping.objects.order_by("claim_value")
    return [(m.claim_value, m.role, m.organisation_id, m.in_effect, m.version) for m in rows]


def _sign_on(write: str, world: World, client: Client) -> tuple[Send, Send]:
    team = Organisation.objects.get(name="Team Zorg en Veiligheid")
    if write == "map-sign-on-role":
        form = {"claim_value": "regie-zorg", "provider": "", "role": "procesregisseur", "organisation": team.pk}
        return lambda: client.post(f"{SIGN_ON}/nieuw", form | {"position": "10"}), _mappings
    asked = oidc_mapping_create(
        actor=world.users["beheerder2"], provider="", claim_value="regie-zorg", role="procesregisseur",
        organisation=team,
    )  # fmt: skip
    return lambda: client.post(f"{SIGN_ON}/{asked.pk}/goedkeuren"), _mappings


def _attempt(write: str, channel: str, world: World, user: User, client: Client) -> tuple[Send, Send]:
    """Set the scene for `user`; returns the write, not yet sent, and a reader of everything it may change."""
    case = world.member_case
    users = world.users
    if write == "take-over":
        return lambda: _hand_over(client, channel, case, user), lambda: case_state(case)
    if write == "hand-over-as-coordinator":
        own = f.case(coordinator=user, title="Eigen casus")
        return lambda: _hand_over(client, channel, own, world.coordinator), lambda: case_state(own)
    if write == "take-over-holding-everything":
        if user.username in CASE_ROLES:
            member = _membership(world, user)
            case_member_update(
                actor=world.coordinator, member=member, categories=f.ALL, case_role="lid", can_edit=True
            )
        case.refresh_from_db()
        return lambda: _hand_over(client, channel, case, user), lambda: case_state(case)
    if write in ("grant-wider", "grant-within"):
        categories = ["care"] if write == "grant-wider" else ["general"]
        return lambda: _grant(client, channel, case, categories), lambda: case_state(case)
    if write == "widen-own-membership":
        member = _membership(world, user)
        if channel == "api":
            url = f"/api/v1/cases/{case.pk}/members/{member.pk}"
            return lambda: _json(client, "patch", url, {"categories": f.ALL}), lambda: case_state(case)
        prefix = f"m{member.pk.hex[:12]}"
        data = {f"{prefix}-case_role": "lid", f"{prefix}-categories": f.ALL, f"{prefix}-can_edit": "on"}
        return lambda: client.post(f"/casussen/{case.pk}/team/{member.pk}", data), lambda: case_state(case)
    if write == "break-the-glass":
        data = {"number": world.hidden_case.number, "reason": REASON}
        return lambda: client.post("/noodtoegang", data), lambda: case_state(world.hidden_case)
    if write == "merge-person":
        placeholder = f.person("Jansen", given_names="P.", bsn=None, birth_date=None)
        case_subject_add(
            actor=world.coordinator, case=case, ref=SubjectRef(role="betrokkene", person=placeholder)
        )
        data = {"survivor": str(world.member_person.pk), "reason": "Zelfde persoon volgens de BRP"}
        return lambda: client.post(f"/personen/{placeholder.pk}/samenvoegen", data), lambda: _persons_state(
            placeholder
        )
    if write in ("map-sign-on-role", "approve-sign-on-role"):
        return _sign_on(write, world, client)
    if write == "change-own-role":
        police = Organisation.objects.get(name__startswith="Politie")
        form = _user_form(user, role="partner", organisation=police.pk)
        return lambda: client.post(f"/beheer/gebruikers/{user.pk}", form), lambda: _account(user.username)
    target = users["politie" if write == "change-others-organisation" else "analist"]
    if write == "change-others-organisation":
        ggz = Organisation.objects.get(name="GGZ Rivierenland Oost")
        form = _user_form(target, organisation=ggz.pk)
        return lambda: client.post(f"/beheer/gebruikers/{target.pk}", form), lambda: _account("politie")
    team = Organisation.objects.get(name="Team Zorg en Veiligheid")
    if write == "change-others-role":
        form = _user_form(target, role="procesregisseur", organisation=team.pk)
        return lambda: client.post(f"/beheer/gebruikers/{target.pk}", form), lambda: _account("analist")
    assert write == "approve-access-change"
    change = account_change_request(
        actor=users["beheerder2"], target=target, role="procesregisseur", organisation=team
    )
    prefix = f"w{change.pk.hex[:12]}"
    data = {f"{prefix}-decision": "goedkeuren", f"{prefix}-note": ""}
    return lambda: client.post(f"/beheer/toegangswijzigingen/{change.pk}", data), lambda: _account("analist")


def _matrix() -> list[Any]:
    return [
        pytest.param(write, channel, role, id=f"{write}-{channel}-{role}")
        for (write, channel), codes in EXPECTED.items()
        for role in ROLES
        if codes[role]
    ]


@pytest.mark.parametrize(("write", "channel", "role"), _matrix())
def test_only_who_may_widen_access_can(
    world: World,
    api: Callable[[str], Client],
    sign_in: Callable[[User], Client],
    write: str,
    channel: str,
    role: str,
) -> None:
    user = world.users[role]
    client = api(role) if channel == "api" else sign_in(user)
    expected = EXPECTED[write, channel][role]
    send, state = _attempt(write, channel, world, user, client)
    before = state()
    response = send()
    assert response.status_code == expected, response.content[:600]
    if channel == "api" and expected >= 400:
        assert response["Content-Type"] == "application/problem+json"
    if expected >= 400:
        assert state() == before
    _check_effect(write, world, user, allowed=expected < 400)


def _check_effect(write: str, world: World, user: User, *, allowed: bool) -> None:
    """What an allowed write did, and that a refused one did nothing of it."""
    case = Case.objects.get(pk=world.member_case.pk)
    if write in ("take-over", "take-over-holding-everything"):
        assert (case.coordinator_id == user.pk) == allowed
        assert case.version == (2 if allowed else 1)
    elif write == "hand-over-as-coordinator":
        own = Case.objects.get(title="Eigen casus")
        assert own.coordinator_id == (world.coordinator.pk if allowed else user.pk)
    elif write in ("grant-wider", "grant-within", "widen-own-membership"):
        housing = CaseMember.objects.filter(case=case, organisation=_housing()).first()
        assert (housing is not None) == (allowed and write == "grant-within")
        assert set(_membership(world, user).categories) == (
            {"general"} if user.username in CASE_ROLES else set(f.ALL)
        )
        assert CaseMember.objects.filter(case=case).count() == len(ROLES) + (1 if housing else 0)
    elif write == "break-the-glass":
        assert BreakTheGlass.objects.filter(case=world.hidden_case, user=user).exists() == allowed
    elif write in ("change-others-role", "change-others-organisation"):
        target = User.objects.get(username="analist" if write == "change-others-role" else "politie")
        assert (target.role, target.version) == (
            ("analist", 1) if write == "change-others-role" else ("partner", 1)
        )
        assert AccountChange.objects.filter(user=target, status="wacht").exists() == allowed
    elif write == "merge-person":
        placeholder = Person.objects.get(given_names="P.", surname="Jansen")
        assert (placeholder.merged_into_id == world.member_person.pk) == allowed
    elif write == "change-own-role":
        assert User.objects.get(pk=user.pk).role == user.role and not AccountChange.objects.exists()
    elif write == "map-sign-on-role":  # even when allowed, the row gives nobody a role until a second approves
        rows = [(m.claim_value, m.in_effect) for m in OidcRoleMapping.objects.all()]
        assert rows == ([("regie-zorg", False)] if allowed else [])
    elif write == "approve-sign-on-role":
        mapping = OidcRoleMapping.objects.get()
        assert mapping.in_effect == allowed
        assert (mapping.approved_by_id == user.pk) == allowed
    else:
        analist = User.objects.get(username="analist")
        assert (analist.role == "procesregisseur") == allowed
        assert AccountChange.objects.get().status == ("goedgekeurd" if allowed else "wacht")


ACCESS_WORDS = (
    "user",
    "account",
    "organisation",
    "role",
    "break",
    "glass",
    "emergency",
    "member",
    "coordinator",
)


def test_the_api_has_no_side_door_for_them(client: Client) -> None:
    """Accounts, organisations and break-the-glass change only on pages; the team only where the matrix tests it."""
    paths = json.loads(client.get("/api/v1/openapi.json").content)["paths"]
    writes = {
        (path, method)
        for path, operations in paths.items()
        for method in operations
        if method in ("post", "put", "patch", "delete")
    }
    assert {w for w in writes if any(word in w[0].lower() for word in ACCESS_WORDS)} == {
        ("/cases/{id}/members", "post"),
        ("/cases/{id}/members/{memberId}", "delete"),
    }
    assert ("/cases/{id}", "patch") in writes  # the coordinator hand-over, in the matrix above
