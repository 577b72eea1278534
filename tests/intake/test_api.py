"""The `signals` resource: list with filters, detail, corrections and claims, and triage decisions."""

from __future__ import annotations

import pytest

from regie.cases.services.case_types import case_type_create
from regie.intake.models import ClassificationCorrection, Decision, Signal, Status

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture
def signals(public_report, processed, policy):
    return [
        processed(public_report("Achter de sporthal wordt elke avond coke verkocht.")),
        processed(
            public_report("Mijn buurvrouw is verward en eet niet meer, ik maak me zorgen.", urgency="urgent")
        ),
    ]


def test_it_lists_signals_in_camel_case_most_urgent_first(api_as, signals):
    response = api_as("procesregisseur").get("/api/v1/signals")
    assert response.status_code == 200 and response["API-Version"] == "1.0.0"
    body = response.json()
    assert body["count"] == 2
    first = body["results"][0]
    assert first["reference"] == signals[1].reference  # urgent: due in hours
    assert {"receivedAt", "triageDueAt", "suggestedCategory", "processingState"} <= set(first)
    assert (
        first["suggestedCategory"]["code"] == "zorg-en-veiligheid"
        and 0 < first["suggestedCategory"]["confidence"] <= 1
    )


def test_it_filters_by_reference_category_and_urgency(api_as, signals):
    client = api_as("procesregisseur")
    by_reference = client.get(f"/api/v1/signals?reference={signals[0].reference}").json()
    assert [s["reference"] for s in by_reference["results"]] == [signals[0].reference]
    assert client.get("/api/v1/signals?category=drugs").json()["count"] == 1
    assert (
        client.get("/api/v1/signals?urgency=urgent").json()["results"][0]["reference"] == signals[1].reference
    )
    assert client.get("/api/v1/signals?overdue=true").json()["count"] == 0


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("status=kwijt", "status"),
        ("reference=123", "reference"),
        ("overdue=misschien", "overdue"),
        ("queue=xyz", "queue"),
    ],
)
def test_it_refuses_bad_filters_with_400(api_as, signals, query, name):
    response = api_as("procesregisseur").get(f"/api/v1/signals?{query}")
    assert response.status_code == 400 and name in {p["name"] for p in response.json()["invalidParams"]}


def test_it_answers_a_trailing_slash_with_404(api_as, signals):
    assert api_as("procesregisseur").get("/api/v1/signals/").status_code == 404


def test_it_shows_one_signal_with_its_history(api_as, signals):
    body = api_as("procesregisseur").get(f"/api/v1/signals/{signals[0].pk}").json()
    assert body["description"].startswith("Achter de sporthal")
    assert [e["kind"] for e in body["events"]][:2] == ["signal.received", "signal.processed"]


def test_it_claims_releases_and_corrects_through_patch(api_as, signals):
    client = api_as("procesregisseur")
    url = f"/api/v1/signals/{signals[0].pk}"
    claimed = client.patch(url, {"claimed": True}, content_type=JSON).json()
    assert claimed["status"] == "opgepakt" and claimed["claimedBy"]["username"] == "procesregisseur"
    released = client.patch(url, {"claimed": False}, content_type=JSON).json()
    assert released["status"] == "nieuw" and released["claimedBy"] is None
    corrected = client.patch(url, {"category": "overlast"}, content_type=JSON).json()
    assert corrected["category"]["code"] == "overlast"
    assert ClassificationCorrection.objects.get().to_code == "overlast"


def test_it_refuses_an_empty_or_unknown_patch(api_as, signals):
    client = api_as("procesregisseur")
    url = f"/api/v1/signals/{signals[0].pk}"
    assert client.patch(url, {}, content_type=JSON).status_code == 400
    unknown = client.patch(url, {"category": "ufo"}, content_type=JSON)
    assert unknown.status_code == 400 and unknown.json()["invalidParams"][0]["name"] == "category"


def test_it_records_each_decision_through_the_api(api_as, users, signals, public_report, processed):
    case_type_create(
        actor=users["beheerder"],
        code="zorg",
        label="Zorgcasus",
        default_categories=["general"],
        retention_years=10,
    )
    client = api_as("procesregisseur")
    new_case = client.post(
        f"/api/v1/signals/{signals[1].pk}/decisions",
        {"decision": "nieuwe-casus", "caseType": "zorg", "title": "Buurvrouw"},
        content_type=JSON,
    )
    assert new_case.status_code == 201, new_case.content
    assert new_case.json()["decision"] == "nieuwe-casus" and new_case.json()["case"].startswith("20")
    third = processed(public_report("Weer coke bij de sporthal"))
    merged = client.post(
        f"/api/v1/signals/{third.pk}/decisions",
        {"decision": "samengevoegd", "duplicateOf": signals[0].reference},
        content_type=JSON,
    )
    assert merged.status_code == 201 and merged.json()["mergedInto"] == signals[0].reference
    referred = client.post(
        f"/api/v1/signals/{signals[0].pk}/decisions",
        {
            "decision": "doorverwezen",
            "partner": str(users["politie"].organisation_id),
            "reason": "Strafbaar",
            "shared": "Tekst",
        },
        content_type=JSON,
    )
    assert referred.status_code == 201 and referred.json()["referredTo"]["name"].startswith("Politie")
    assert set(Signal.objects.values_list("status", flat=True)) == {Status.DONE}
    assert set(Signal.objects.values_list("decision", flat=True)) == {
        Decision.NEW_CASE,
        Decision.MERGE,
        Decision.REFER,
    }


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ({"decision": "nieuwe-casus"}, "caseType"),
        ({"decision": "nieuwe-casus", "caseType": "bestaat-niet"}, "caseType"),
        ({"decision": "bestaande-casus"}, "caseNumber"),
        ({"decision": "bestaande-casus", "caseNumber": "2026-99999"}, "caseNumber"),
        (
            {
                "decision": "doorverwezen",
                "partner": "00000000-0000-0000-0000-000000000000",
                "reason": "x",
                "shared": "y",
            },
            "partner",
        ),
        ({"decision": "doorverwezen", "partner": "00000000-0000-0000-0000-000000000000"}, "reason"),
        ({"decision": "samengevoegd", "duplicateOf": "M-1999-000001"}, "duplicateOf"),
        ({"decision": "gesloten"}, "reason"),
        ({"decision": "verbranden"}, "decision"),
    ],
)
def test_it_refuses_incomplete_decisions_and_changes_nothing(api_as, signals, body, name):
    response = api_as("procesregisseur").post(
        f"/api/v1/signals/{signals[0].pk}/decisions", body, content_type=JSON
    )
    assert response.status_code == 400, response.content
    assert name in {p["name"] for p in response.json()["invalidParams"]}
    signal = Signal.objects.get(pk=signals[0].pk)
    assert signal.decision == "" and signal.status != Status.DONE


def test_it_describes_the_signal_resources_in_openapi(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/signals", "/signals/{id}", "/signals/{id}/decisions", "/public/signals"} <= set(paths)
    assert "401" not in paths["/public/signals"]["post"]["responses"]
    assert "429" in paths["/public/signals"]["post"]["responses"]
