"""The register of processing activities: complete for every activity the action registry names, shown on its page
and through `processing-activities`, and every log entry reaches its activity."""

from __future__ import annotations

import pytest

from regie.privacy.models import ProcessingActivity
from regie.privacy.register import processing_register_ensure
from regie.processing_log.actions import all_actions
from regie.processing_log.services import log_processing

NOT_FOR_REGISTER = ["procesregisseur", "handhaver", "politie", "ggz", "analist", "jurist"]


def test_every_activity_of_the_action_registry_is_in_the_register(db):
    names = set(ProcessingActivity.objects.values_list("name", flat=True))
    assert {action.activity for action in all_actions()} <= names
    assert processing_register_ensure() == 0  # idempotent: nothing missing, nothing written


def test_each_entry_has_purpose_legal_basis_categories_recipients_retention_and_controller(db):
    for activity in ProcessingActivity.objects.all():
        assert activity.purpose and activity.legal_basis.startswith("AVG art. 6")
        assert activity.data_categories and activity.person_categories and activity.recipients
        assert activity.retention and activity.controller
    care = ProcessingActivity.objects.get(code="casusregie")
    assert "art. 9" in care.special_basis and "WGS" in care.joint_controllers


def test_an_entry_changed_by_the_officer_is_not_overwritten(db):
    ProcessingActivity.objects.filter(code="signalen").update(purpose="Eigen tekst", version=2)
    processing_register_ensure()
    assert ProcessingActivity.objects.get(code="signalen").purpose == "Eigen tekst"


def test_the_register_page_shows_every_activity_with_its_log_actions(sign_in, users):
    response = sign_in(users["privacy"]).get("/privacy/verwerkingsregister")
    body = response.content.decode()
    assert response.status_code == 200
    for activity in ProcessingActivity.objects.all():
        assert f'id="{activity.code}"' in body
    assert "Casus bekeken" in body and "AVG art. 6 lid 1 sub e" in body


def test_the_administrator_reads_the_register_too(sign_in, users):
    assert sign_in(users["beheerder"]).get("/privacy/verwerkingsregister").status_code == 200


@pytest.mark.parametrize("role", NOT_FOR_REGISTER)
def test_the_register_is_refused_to_case_roles(sign_in, api_as, users, role):
    assert sign_in(users[role]).get("/privacy/verwerkingsregister").status_code == 403
    response = api_as(role).get("/api/v1/processing-activities")
    assert response.status_code == 403 and response["Content-Type"] == "application/problem+json"


def test_the_api_lists_and_shows_activities(api_as):
    client = api_as("privacy")
    listing = client.get("/api/v1/processing-activities").json()
    assert listing["count"] == ProcessingActivity.objects.count()
    first = listing["results"][0]
    assert {"legalBasis", "dataCategories", "personCategories", "jointControllers"} <= set(first)
    detail = client.get(f"/api/v1/processing-activities/{first['id']}")
    assert detail.status_code == 200 and detail.json()["code"] == first["code"]


def test_an_unknown_activity_is_a_problem_404(api_as):
    response = api_as("privacy").get("/api/v1/processing-activities/00000000-0000-4000-8000-000000000000")
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"
    assert api_as("privacy").get("/api/v1/processing-activities/geen-id").status_code == 404


def test_every_log_entry_in_the_api_carries_its_activity(api_as, users):
    log_processing(action="case.viewed", actor=users["ggz"], object_type="case", persons=[])
    rows = api_as("privacy").get("/api/v1/processing-log?action=case.viewed").json()["results"]
    activity = ProcessingActivity.objects.get(code="casusregie")
    assert rows[0]["activity"] == activity.name and rows[0]["activityId"] == str(activity.pk)
