"""`cases` and `cases/{id}`: filters, creation and changes through the services, bad input answered."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

import pytest
from django.test import Client

from regie.cases.models import Case, CaseMember
from regie.processing_log.models import ProcessingLogEntry
from tests.api.conftest import invalid_names, problem, without_instance
from tests.worlds import api as f
from tests.worlds.api import World

Api = Callable[[str], Client]


def _post(client: Client, url: str, body: object) -> object:
    return client.post(url, json.dumps(body), content_type="application/json")


def _patch(client: Client, url: str, body: object) -> object:
    return client.patch(url, json.dumps(body), content_type="application/json")


def _new_case(world: World, **overrides: object) -> dict[str, object]:
    return {
        "caseType": "pga",
        "title": "Overlast Dorpsstraat",
        "priority": "hoog",
        "coordinator": "procesregisseur",
        "subjects": [{"role": "betrokkene", "person": str(world.member_person.pk)}],
    } | overrides


def test_it_lists_cases_soonest_deadline_first_with_filters(world: World, api: Api) -> None:
    f.case_type("bibob", ["general"])
    other = f.case(coordinator=world.users["projectleider"], title="Loods", ct=f.case_type("bibob"))
    f.task(world.member_case, by=world.coordinator, title="Eerst", period="P1W")
    client = api("projectleider")
    numbers = [c["number"] for c in client.get("/api/v1/cases").json()["results"]]
    assert numbers == [world.member_case.number, other.number]
    by_type = client.get("/api/v1/cases?type=bibob").json()["results"]
    assert [c["id"] for c in by_type] == [str(other.pk)]
    by_coordinator = client.get("/api/v1/cases?coordinator=regisseur2").json()["results"]
    assert [c["id"] for c in by_coordinator] == [str(world.member_case.pk)]
    assert client.get("/api/v1/cases?status=gesloten").json()["count"] == 0
    first = client.get("/api/v1/cases").json()["results"][0]
    assert first["nextDeadline"] and first["caseType"] == {"code": "pga", "label": "PGA"}


def test_it_refuses_an_unknown_status_filter(api: Api) -> None:
    assert invalid_names(api("jurist").get("/api/v1/cases?status=weg")) == {"status"}


def test_it_creates_a_case_through_the_service(world: World, api: Api) -> None:
    response = _post(api("handhaver"), "/api/v1/cases", _new_case(world))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["caseType"]["code"] == "pga" and body["priority"] == "hoog" and body["version"] == 1
    assert body["coordinator"]["username"] == "procesregisseur"
    assert body["subjects"][0]["person"]["id"] == str(world.member_person.pk)
    assert "bsn" not in body["subjects"][0]["person"]
    assert body["access"]["canEdit"] is True and body["access"]["isCoordinator"] is False
    case = Case.objects.get(pk=body["id"])
    assert CaseMember.objects.filter(case=case, user=world.users["handhaver"]).exists()
    entry = ProcessingLogEntry.objects.filter(action="case.created", object_id=str(case.pk)).get()
    assert world.member_person.pk in entry.person_ids


@pytest.mark.parametrize("role", ["politie", "ggz", "analist", "beheerder", "privacy"])
def test_it_lets_only_municipal_case_workers_create_cases(world: World, api: Api, role: str) -> None:
    before = Case.objects.count()
    problem(_post(api(role), "/api/v1/cases", _new_case(world)), 403)
    assert Case.objects.count() == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"caseType": "bestaat-niet"}, "caseType"),
        ({"caseType": ""}, "caseType"),
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"priority": "heel-hoog"}, "priority"),
        ({"coordinator": "niemand"}, "coordinator"),
        ({"coordinator": "analist"}, "coordinator"),
        ({"subjects": [{"role": "betrokkene", "person": "geen-uuid"}]}, "subjects.0.person"),
        ({"subjects": [{"role": "betrokkene", "person": str(uuid.uuid4())}]}, "subjects.0.person"),
        ({"subjects": [{"role": "baas", "person": str(uuid.uuid4())}]}, "subjects.0.role"),
    ],
)
def test_it_refuses_bad_input_for_a_new_case_and_saves_nothing(
    world: World, api: Api, change: dict[str, object], field: str
) -> None:
    before = Case.objects.count(), ProcessingLogEntry.objects.filter(action="case.created").count()
    assert invalid_names(_post(api("procesregisseur"), "/api/v1/cases", _new_case(world, **change))) == {
        field
    }
    assert (Case.objects.count(), ProcessingLogEntry.objects.filter(action="case.created").count()) == before


def test_it_refuses_to_link_a_person_the_creator_may_not_see(world: World, api: Api) -> None:
    hidden = _new_case(world, subjects=[{"role": "betrokkene", "person": str(world.hidden_person.pk)}])
    missing = _new_case(world, subjects=[{"role": "betrokkene", "person": str(uuid.uuid4())}])
    client = api("procesregisseur")
    one, other = _post(client, "/api/v1/cases", hidden), _post(client, "/api/v1/cases", missing)
    assert without_instance(problem(one, 400)) == without_instance(problem(other, 400))


def test_it_answers_json_that_is_no_object_with_a_400(api: Api) -> None:
    client = api("procesregisseur")
    problem(client.post("/api/v1/cases", "{niet json", content_type="application/json"), 400)
    problem(client.post("/api/v1/cases", "[1, 2]", content_type="application/json"), 400)


def test_it_answers_an_id_that_is_no_uuid_like_a_missing_one(api: Api) -> None:
    client = api("procesregisseur")
    bad = problem(client.get("/api/v1/cases/12345"), 404)
    missing = problem(client.get(f"/api/v1/cases/{uuid.uuid4()}"), 404)
    assert without_instance(bad) == without_instance(missing)


def test_it_changes_a_case_with_the_version_it_read(world: World, api: Api) -> None:
    url = f"/api/v1/cases/{world.member_case.pk}"
    response = _patch(api("jurist"), url, {"version": 1, "title": "Nieuwe titel", "priority": "urgent"})
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Nieuwe titel" and response.json()["version"] == 2
    assert ProcessingLogEntry.objects.filter(
        action="case.changed", object_id=str(world.member_case.pk)
    ).exists()


def test_it_answers_a_stale_version_with_a_409_and_keeps_the_other_change(world: World, api: Api) -> None:
    url = f"/api/v1/cases/{world.member_case.pk}"
    assert _patch(api("jurist"), url, {"version": 1, "title": "Eerste"}).status_code == 200
    conflict = problem(_patch(api("handhaver"), url, {"version": 1, "title": "Tweede"}), 409)
    assert "opnieuw" in conflict["detail"]
    assert Case.objects.get(pk=world.member_case.pk).title == "Eerste"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "Zonder versie"}, "version"),
        ({"version": 0, "title": "x"}, "version"),
        ({"version": 1, "title": ""}, "title"),
        ({"version": 1, "status": "weg"}, "status"),
        ({"version": 1, "status": "gesloten"}, "closedReason"),
        ({"version": 1, "status": "gesloten", "closedReason": "   "}, "closedReason"),
        ({"version": 1, "status": "gesloten", "closedReason": "klaar", "title": "x"}, "status"),
        ({"version": 1, "closedReason": "klaar"}, "closedReason"),
        ({"version": 1}, "nonFieldErrors"),
        ({"version": 1, "coordinator": "niemand"}, "coordinator"),
    ],
)
def test_it_refuses_bad_changes_and_saves_nothing(
    world: World, api: Api, body: dict[str, object], field: str
) -> None:
    url = f"/api/v1/cases/{world.member_case.pk}"
    assert invalid_names(_patch(api("regisseur2"), url, body)) == {field}
    case = Case.objects.get(pk=world.member_case.pk)
    assert (case.version, case.status, case.title) == (1, "open", "Zorgen om Piet")


def test_it_closes_a_case_for_its_coordinator_with_a_reason(world: World, api: Api) -> None:
    url = f"/api/v1/cases/{world.member_case.pk}"
    problem(
        _patch(api("procesregisseur"), url, {"version": 1, "status": "gesloten", "closedReason": "Klaar"}),
        403,
    )
    response = _patch(
        api("regisseur2"), url, {"version": 1, "status": "gesloten", "closedReason": "Doel bereikt"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "gesloten" and response.json()["closedReason"] == "Doel bereikt"
    assert invalid_names(_patch(api("regisseur2"), url, {"version": 2, "title": "Later"})) == {"status"}


def test_it_lets_a_read_only_member_read_but_not_change(world: World, api: Api) -> None:
    the_case = f.case(coordinator=world.coordinator, persons=[world.member_person])
    f.member(the_case, by=world.coordinator, user=world.users["brp"], can_edit=False)
    client = api("brp")
    assert client.get(f"/api/v1/cases/{the_case.pk}").json()["access"]["canEdit"] is False
    problem(_patch(client, f"/api/v1/cases/{the_case.pk}", {"version": 1, "title": "Niet van mij"}), 403)


def test_it_lets_only_a_team_manager_who_sees_everything_change_the_coordinator(
    world: World, api: Api
) -> None:
    # A coordinator sees every category: a team manager with `general` only may not hand that out, not even
    # to themselves (tests/api/test_coordinator_hand_over.py has the rule in full).
    url = f"/api/v1/cases/{world.member_case.pk}"
    problem(_patch(api("handhaver"), url, {"version": 1, "coordinator": "handhaver"}), 403)
    problem(_patch(api("projectleider"), url, {"version": 1, "coordinator": "projectleider"}), 403)
    response = _patch(api("regisseur2"), url, {"version": 1, "coordinator": "projectleider"})
    assert response.status_code == 200 and response.json()["coordinator"]["username"] == "projectleider"


def test_it_keeps_the_previous_coordinator_on_the_team_after_a_hand_over(world: World, api: Api) -> None:
    url = f"/api/v1/cases/{world.member_case.pk}"
    response = _patch(api("regisseur2"), url, {"version": 1, "coordinator": "handhaver"})
    assert response.status_code == 200
    previous = api("regisseur2").get(url).json()["access"]
    assert previous["isCoordinator"] is False
    assert api("handhaver").get(url).json()["access"]["isCoordinator"] is True


@pytest.mark.parametrize(
    "path",
    [
        "cases/",
        "cases/{case}/",
        "cases/{case}/notes/",
        "cases/{case}/tasks/",
        "cases/{case}/members/",
        "cases/{case}/documents/",
        "cases/{case}/timeline/",
        "persons/",
        "addresses/",
        "locations/",
        "businesses/",
        "search/?q=jansen",
        "hit-checks/",
    ],
)
def test_it_answers_a_trailing_slash_with_a_404_problem(world: World, api: Api, path: str) -> None:
    response = api("procesregisseur").get("/api/v1/" + path.format(case=world.member_case.pk))
    problem(response, 404)


def test_it_refuses_a_new_coordinator_who_cannot_work_on_cases(world: World, api: Api) -> None:
    url = f"/api/v1/cases/{world.member_case.pk}"
    assert invalid_names(_patch(api("regisseur2"), url, {"version": 1, "coordinator": "analist"})) == {
        "coordinator"
    }
