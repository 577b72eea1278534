"""The procedures API: procedure-types, procedures, transitions, letters, addressees — all through the case door."""

from __future__ import annotations

import json

import pytest

from regie.procedures.models import Letter, Procedure

from .conftest import addressee_ids

pytestmark = pytest.mark.django_db

NO_PROCEDURE_ROLE = ["politie", "ggz", "analist", "beheerder", "privacy"]


def post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


@pytest.fixture
def procedure(pr_at) -> Procedure:
    return pr_at("intended-decision")


def test_it_lists_the_procedure_types_with_their_steps(api_as):
    body = api_as("jurist").get("/api/v1/procedure-types").json()
    codes = {t["code"]: t for t in body["results"]}
    assert set(codes) == {"permanent-residence", "opiumwet-13b", "brp-address-investigation"}
    pr = codes["permanent-residence"]
    assert pr["label"] == "Handhaving permanente bewoning" and pr["startStep"] == "signal"
    notification = next(s for s in pr["steps"] if s["code"] == "notification")
    objection = next(t for t in notification["terms"] if t["code"] == "objection")
    assert objection == {
        "code": "objection",
        "label": "Bezwaartermijn",
        "period": "P6W",
        "statutory": True,
        "start": "notification",
        "kind": "expiry",
        "legalBasis": "Awb 6:7 en 6:8",
    }
    assert {"code": "pr-decision", "label": "Besluit handhaving permanente bewoning"} in notification[
        "letters"
    ]


def test_it_lists_procedures_with_their_next_deadline(api_as, procedure):
    body = api_as("jurist").get("/api/v1/procedures").json()
    assert body["count"] == 1
    item = body["results"][0]
    assert item["type"] == "permanent-residence" and item["currentStep"] == "intended-decision"
    assert item["currentStepLabel"] == "Voornemen verzonden"
    assert item["nextDeadline"] is None or set(item["nextDeadline"]) == {"step", "label", "date", "statutory"}


def test_it_shows_the_next_deadline_as_step_date_and_statutory(api_as, pr_at):
    pr_at("notification")
    item = api_as("jurist").get("/api/v1/procedures").json()["results"][0]
    assert item["nextDeadline"] == {
        "step": "notification",
        "label": "Bezwaartermijn",
        "date": "2026-03-19",
        "statutory": True,
    }


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("type=permanent-residence", 1),
        ("type=opiumwet-13b", 0),
        ("step=intended-decision", 1),
        ("step=decision", 0),
        ("status=lopend", 1),
        ("status=afgerond", 0),
        ("deadlineBefore=2026-12-31", 0),
    ],
)
def test_it_filters_procedures(api_as, procedure, query, count):
    assert api_as("jurist").get(f"/api/v1/procedures?{query}").json()["count"] == count


def test_it_filters_procedures_by_case(api_as, procedure, world):
    assert api_as("jurist").get(f"/api/v1/procedures?case={world.pr_case.pk}").json()["count"] == 1
    assert api_as("jurist").get(f"/api/v1/procedures?case={world.brp_case.pk}").json()["count"] == 0


@pytest.mark.parametrize(
    ("query", "name"),
    [("status=klaar", "status"), ("case=geen-uuid", "case"), ("deadlineBefore=morgen", "deadlineBefore")],
)
def test_it_refuses_bad_filters(api_as, procedure, query, name):
    response = api_as("jurist").get(f"/api/v1/procedures?{query}")
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == [name]


def test_it_lists_nothing_for_staff_outside_the_case(api_as, procedure):
    assert api_as("procesregisseur").get("/api/v1/procedures").json()["count"] == 0
    assert api_as("brp").get("/api/v1/procedures").json()["count"] == 0


@pytest.mark.parametrize("role", NO_PROCEDURE_ROLE)
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/procedure-types",
        "/api/v1/procedures",
        "/api/v1/procedures/{id}",
        "/api/v1/procedures/{id}/transitions",
        "/api/v1/procedures/{id}/letters",
        "/api/v1/procedures/{id}/addressees",
    ],
)
def test_it_refuses_roles_without_procedures(api_as, procedure, role, path):
    response = api_as(role).get(path.format(id=procedure.pk))
    assert response.status_code == 403 and response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("suffix", ["", "/transitions", "/letters", "/addressees"])
def test_it_answers_404_alike_for_missing_and_not_yours(api_as, procedure, suffix):
    outsider = api_as("procesregisseur").get(f"/api/v1/procedures/{procedure.pk}{suffix}")
    missing = api_as("jurist").get(f"/api/v1/procedures/00000000-0000-0000-0000-000000000000{suffix}")
    garbage = api_as("jurist").get(f"/api/v1/procedures/geen-id{suffix}")
    for response in (outsider, missing, garbage):
        assert response.status_code == 404
        assert response.json()["detail"] == "De gevraagde bron bestaat niet of is niet voor u beschikbaar."


@pytest.mark.parametrize("suffix", ["/transitions", "/letters", "/addressees"])
def test_it_refuses_writes_by_outsiders_with_404(api_as, procedure, suffix):
    body = {
        "step": "ended",
        "date": "2026-02-20",
        "version": 5,
        "letter": "pr-intended-decision",
        "role": "bewoner",
        "name": "X",
        "addressLine": "X 1",
        "postalLine": "1234 AB X",
    }
    assert (
        post(api_as("procesregisseur"), f"/api/v1/procedures/{procedure.pk}{suffix}", body).status_code == 404
    )


def test_it_keeps_criminal_data_procedures_from_team_members_without_that_category(
    api_as, world, matrix, start
):
    from .conftest import report

    procedure = start(
        "jurist",
        world.o13b_case,
        "opiumwet-13b",
        "2026-01-08",
        data={
            "search_date": "2026-01-06",
            "premises_type": "woning",
            "substances": [{"substance": "cocaine", "amount": "12"}],
            "findings": "x",
        },
        upload=report(),
    ).procedure
    # the project leader is on the team with general data only; the inspector also has the justice category
    assert api_as("projectleider").get(f"/api/v1/procedures/{procedure.pk}").status_code == 404
    assert api_as("projectleider").get("/api/v1/procedures?type=opiumwet-13b").json()["count"] == 0
    assert api_as("handhaver").get(f"/api/v1/procedures/{procedure.pk}").status_code == 200


def test_it_shows_a_procedure_with_addressees_deadlines_and_allowed_steps(api_as, procedure):
    body = api_as("jurist").get(f"/api/v1/procedures/{procedure.pk}").json()
    assert {a["role"] for a in body["addressees"]} == {"bewoner", "eigenaar"}
    assert any(d["code"] == "view" and d["dueDate"] == "2026-02-02" for d in body["deadlines"])
    assert body["allowedSteps"] == [
        "view-received",
        "decision",
        "intended-decision",
        "ended",
        "enforcement-request",
        "enforcement-request-decision",
        "default-notice",
        "default-penalty-decision",
    ]


def test_it_lists_the_history(api_as, procedure):
    body = api_as("jurist").get(f"/api/v1/procedures/{procedure.pk}/transitions").json()
    assert [t["step"] for t in body["results"]] == [
        "signal",
        "inspection-report",
        "exceptions-check",
        "intended-decision",
    ]
    assert body["results"][-1]["data"]["viewPeriod"] == "P2W" and body["results"][-1]["actor"] == "jurist"


def test_it_takes_a_step_through_the_api(api_as, procedure):
    body = {
        "step": "decision",
        "date": "2026-02-03",
        "version": procedure.version,
        "data": {
            "sanction": "penalty-order",
            "amount": "500",
            "unit": "week",
            "maximum": "10000",
            "compliancePeriod": "P3M",
        },
    }
    response = post(api_as("jurist"), f"/api/v1/procedures/{procedure.pk}/transitions", body)
    assert response.status_code == 201, response.content
    out = response.json()
    assert out["step"] == "decision" and out["procedure"]["currentStep"] == "decision"
    assert out["procedure"]["nextDeadline"]["label"] == "Besluit bekendmaken"


def test_it_notifies_per_addressee_through_the_api_and_returns_the_letters(api_as, pr_at):
    procedure = pr_at("decision")
    ids = addressee_ids(procedure)
    body = {
        "step": "notification",
        "date": "2026-02-10",
        "version": procedure.version,
        "data": {
            "notifications": [
                {"addressee": ids["bewoner"], "date": "2026-02-05"},
                {"addressee": ids["eigenaar"], "date": "2026-02-10"},
            ],
            "method": "post",
        },
    }
    response = post(api_as("jurist"), f"/api/v1/procedures/{procedure.pk}/transitions", body)
    assert response.status_code == 201, response.content
    assert len(response.json()["letters"]) == 2
    letters = api_as("jurist").get(f"/api/v1/procedures/{procedure.pk}/letters").json()["results"]
    assert {item["letter"] for item in letters} == {"pr-intended-decision", "pr-decision"}


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ({"date": "2026-02-03", "version": 5}, {"step"}),
        ({"step": "decision", "version": 5}, {"date"}),
        ({"step": "decision", "date": "2026-02-03"}, {"version"}),
        ({"step": "decision", "date": "2026-02-03", "version": "vijf"}, {"version"}),
        ({"step": "decision", "date": "3 februari", "version": 5, "data": {}}, {"date"}),
        ({"step": "decision", "date": "2026-02-03", "version": 5, "data": "geen object"}, {"data"}),
        ({"step": "decision", "date": "2026-02-03", "version": 5, "documents": "x"}, {"documents"}),
        ({"step": "forfeiture", "date": "2026-02-03", "version": 5, "data": {}}, {"step"}),
        (
            {
                "step": "decision",
                "date": "2026-02-03",
                "version": 5,
                "data": {
                    "sanction": "penalty-order",
                    "amount": "99999",
                    "unit": "week",
                    "maximum": "10000",
                    "compliancePeriod": "P3M",
                },
            },
            {"data.amount"},
        ),
        (
            {
                "step": "decision",
                "date": "2026-02-03",
                "version": 5,
                "data": {"sanction": "boete", "compliancePeriod": "drie maanden"},
            },
            {"data.sanction", "data.compliancePeriod"},
        ),
    ],
)
def test_it_answers_a_bad_move_with_invalid_params(api_as, procedure, body, names):
    before = procedure.transitions.count()
    response = post(api_as("jurist"), f"/api/v1/procedures/{procedure.pk}/transitions", body)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert {p["name"] for p in response.json()["invalidParams"]} == names
    assert procedure.transitions.count() == before


def test_it_answers_a_stale_move_with_409(api_as, procedure):
    body = {"step": "ended", "date": "2026-02-03", "version": procedure.version - 1, "data": {"reason": "x"}}
    response = post(api_as("jurist"), f"/api/v1/procedures/{procedure.pk}/transitions", body)
    assert response.status_code == 409
    assert "Iemand anders heeft deze procedure intussen bijgewerkt" in response.json()["detail"]


def test_it_starts_a_procedure_through_the_api(api_as, world):
    body = {
        "case": str(world.pr_case.pk),
        "type": "permanent-residence",
        "date": "2026-02-02",
        "data": {"signal": "Melding."},
    }
    response = post(api_as("handhaver"), "/api/v1/procedures", body)
    assert response.status_code == 201, response.content
    assert response.json()["currentStep"] == "signal" and len(response.json()["addressees"]) == 2


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ({"type": "permanent-residence", "date": "2026-02-02"}, {"case"}),
        ({"case": "geen-uuid", "type": "permanent-residence", "date": "2026-02-02"}, {"case"}),
        ({"case": "{case}", "type": "kerstboom", "date": "2026-02-02"}, {"type"}),
        (
            {
                "case": "{case}",
                "type": "brp-address-investigation",
                "date": "2026-02-02",
                "data": {"reason": "x", "inResearch": "ja"},
            },
            {"type"},
        ),
        (
            {"case": "{case}", "type": "permanent-residence", "date": "2099-02-02", "data": {"signal": "x"}},
            {"date"},
        ),
        (
            {"case": "{case}", "type": "permanent-residence", "date": "2026-02-02", "data": {}},
            {"data.signal"},
        ),
    ],
)
def test_it_answers_a_bad_start_with_invalid_params(api_as, world, body, names):
    body = {k: (v.format(case=world.pr_case.pk) if isinstance(v, str) else v) for k, v in body.items()}
    response = post(api_as("handhaver"), "/api/v1/procedures", body)
    assert response.status_code == 400, response.content
    assert {p["name"] for p in response.json()["invalidParams"]} == names
    assert not Procedure.objects.exists()


def test_it_refuses_to_start_on_a_case_you_cannot_see(api_as, world):
    body = {
        "case": str(world.pr_case.pk),
        "type": "permanent-residence",
        "date": "2026-02-02",
        "data": {"signal": "x"},
    }
    assert post(api_as("procesregisseur"), "/api/v1/procedures", body).status_code == 404


def test_it_generates_a_letter_again(api_as, procedure):
    response = post(
        api_as("jurist"), f"/api/v1/procedures/{procedure.pk}/letters", {"letter": "pr-intended-decision"}
    )
    assert response.status_code == 201 and len(response.json()) == 2
    assert Letter.objects.filter(procedure=procedure).count() == 4


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ({}, "letter"),
        ({"letter": "pr-decision"}, "letter"),
        (
            {"letter": "pr-intended-decision", "addressee": "00000000-0000-0000-0000-000000000000"},
            "addressee",
        ),
    ],
)
def test_it_refuses_a_bad_letter_request(api_as, procedure, body, name):
    response = post(api_as("jurist"), f"/api/v1/procedures/{procedure.pk}/letters", body)
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == [name]


def test_it_adds_an_addressee(api_as, procedure):
    body = {
        "role": "eigenaar",
        "name": "Recreatiepark B.V.",
        "addressLine": "Marsweg 1",
        "postalLine": "6988 BX  Lathum",
    }
    response = post(api_as("jurist"), f"/api/v1/procedures/{procedure.pk}/addressees", body)
    assert response.status_code == 201 and response.json()["addressLine"] == "Marsweg 1"


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ({"role": "koning", "name": "X", "addressLine": "X 1", "postalLine": "1234 AB X"}, {"role"}),
        ({"role": "eigenaar", "name": "", "addressLine": "X 1", "postalLine": "1234 AB X"}, {"name"}),
        (
            {"role": "eigenaar", "name": "X", "addressLine": "", "postalLine": ""},
            {"addressLine", "postalLine"},
        ),
        (
            {"role": "eigenaar", "name": "Marieke de Vos", "addressLine": "X 1", "postalLine": "1234 AB X"},
            {"name"},
        ),
        ({"role": "eigenaar"}, {"name", "addressLine", "postalLine"}),
    ],
)
def test_it_refuses_a_bad_addressee(api_as, procedure, body, names):
    response = post(api_as("jurist"), f"/api/v1/procedures/{procedure.pk}/addressees", body)
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == names


def test_it_logs_reading_a_procedure(api_as, procedure):
    from regie.processing_log.models import ProcessingLogEntry

    api_as("jurist").get(f"/api/v1/procedures/{procedure.pk}")
    entry = ProcessingLogEntry.objects.filter(action="procedure.viewed").latest("seq")
    assert entry.actor_username == "jurist" and entry.object_id == str(procedure.case_id)
