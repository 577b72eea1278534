"""Retention and destruction: a rule per case type, the nightly proposal, review, approval by the archivist,
seven days of cooling off, the list's name typed to confirm; the case is gone everywhere, its destruction record
and the processing log remain and the chain verifies; a killed run resumes."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from regie.cases.models import Case
from regie.cases.services.documents import document_path
from regie.privacy.destruction import destruction_list_propose, destruction_resume
from regie.privacy.models import DestructionItem, DestructionList, RetentionRule
from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.services import processing_log_seal
from regie.processing_log.verify import verify_chain
from regie.subjects.models import Person
from tests.conftest import verified_session

pytestmark = pytest.mark.postgres  # its services lock rows: CI runs it on PostgreSQL 15 too

NOT_THE_OFFICER = ["procesregisseur", "jurist", "politie", "analist"]


def _proposed(dw) -> DestructionList:
    dlist = destruction_list_propose()
    assert dlist is not None
    return dlist


def test_the_proposal_holds_only_cases_past_their_term(dw):
    dlist = _proposed(dw)
    assert [i.case_number for i in dlist.items.all()] == [dw.old.number]
    item = dlist.items.get()
    assert item.category_code == "1.1.2" and item.term_years == 10
    assert destruction_list_propose() is None  # already listed: not proposed twice


def test_an_open_request_of_a_data_subject_in_the_case_stops_the_clock(dw, pw, users):
    from tests.worlds.privacy import close_at

    close_at(users["procesregisseur"], pw.cases.case, timezone.now() - timedelta(days=365 * 30))
    RetentionRule.objects.create(
        case_type=pw.cases.case_type, category_code="1.1.1", category_label="x", term_years=5
    )
    numbers = [i.case_number for i in _proposed(dw).items.all()]
    assert pw.cases.case.number not in numbers and dw.old.number in numbers


def test_the_command_proposes_a_list(dw):
    out = io.StringIO()
    call_command("destruction", "propose", stdout=out)
    assert "voorgesteld met 1 record" in out.getvalue()


def _through_review_and_approval(client, archivist_client, dlist):
    base = f"/privacy/vernietigingslijsten/{dlist.pk}"
    assert client.post(f"{base}/beoordelen", {"version": dlist.version}).status_code == 302
    dlist.refresh_from_db()
    own = client.post(f"{base}/goedkeuren", {"version": dlist.version})
    assert own.status_code == 403  # the officer who reviewed never approves: that is the archivist's
    assert archivist_client.post(f"{base}/goedkeuren", {"version": dlist.version}).status_code == 302
    dlist.refresh_from_db()
    return base


def test_the_whole_flow_destroys_the_case_and_keeps_the_record_and_the_log(
    sign_in, users, dw, client_class=None
):
    from django.test import Client

    dlist = _proposed(dw)
    officer = sign_in(users["privacy"])
    archivist = verified_session(Client(), dw.archivist)
    file = document_path(dw.document)
    assert file.exists()
    base = _through_review_and_approval(officer, archivist, dlist)
    early = officer.post(f"{base}/vernietigen", {"confirm_name": dlist.name})
    assert early.status_code == 400 and "bedenktijd" in early.content.decode()
    DestructionList.objects.filter(pk=dlist.pk).update(destroy_after=timezone.now() - timedelta(seconds=1))
    wrong = officer.post(f"{base}/vernietigen", {"confirm_name": "Vernietigingslijst"})
    assert wrong.status_code == 400 and "precies over" in wrong.content.decode()
    assert Case.objects.filter(pk=dw.old.pk).exists()
    assert officer.post(f"{base}/vernietigen", {"confirm_name": dlist.name}).status_code == 302

    assert not Case.objects.filter(pk=dw.old.pk).exists() and not file.exists()
    assert not Person.objects.filter(pk=dw.person.pk).exists()  # nobody else referred to him
    assert Case.objects.filter(pk=dw.recent.pk).exists()
    dlist.refresh_from_db()
    assert dlist.status == "vernietigd" and dlist.items.get().destroyed_at is not None
    assert ProcessingLogEntry.objects.filter(action="case.destroyed", object_id=str(dw.old.pk)).exists()
    assert ProcessingLogEntry.objects.filter(object_id=str(dw.old.pk), action="case.created").exists()
    processing_log_seal()  # chain every entry written, so all of them are verified
    assert verify_chain().intact

    director = sign_in(users["procesregisseur"])
    assert director.get(f"/casussen/{dw.old.pk}").status_code == 404
    assert dw.old.number not in director.get("/casussen").content.decode()
    certificate = sign_in(users["privacy"]).get(f"{base}/verklaring.csv")
    rows = list(csv.reader(io.StringIO(certificate.content.decode()), delimiter=";"))
    assert any(dw.old.number in row for row in rows) and "Smit" not in certificate.content.decode()


def test_a_killed_run_resumes_and_deletes_the_files_left_behind(users, dw):
    dlist = _proposed(dw)
    item = dlist.items.get()
    file = document_path(dw.document)
    # A run killed right after its first case's commit: the list confirmed, the item destroyed, its file left.
    Case.objects.filter(pk=dw.old.pk).delete()
    DestructionItem.objects.filter(pk=item.pk).update(destroyed_at=timezone.now(), pending_files=[file.name])
    DestructionList.objects.filter(pk=dlist.pk).update(
        status="klaar-om-te-vernietigen", destroyed_by=users["privacy"]
    )
    assert file.exists()
    assert len(destruction_resume()) == 1
    dlist.refresh_from_db()
    assert dlist.status == "vernietigd" and not file.exists()
    assert DestructionItem.objects.get(pk=item.pk).pending_files == []


def test_an_item_excluded_with_a_reason_is_kept(sign_in, users, dw):
    dlist = _proposed(dw)
    client = sign_in(users["privacy"])
    base = f"/privacy/vernietigingslijsten/{dlist.pk}"
    item = dlist.items.get()
    refused = client.post(f"{base}/uitzonderen", {"item": str(item.pk), "reason": ""})
    assert refused.status_code == 400 and "Geef de reden" in refused.content.decode()
    assert (
        client.post(f"{base}/uitzonderen", {"item": str(item.pk), "reason": "Bezwaar loopt"}).status_code
        == 302
    )
    item.refresh_from_db()
    assert item.excluded_reason == "Bezwaar loopt"
    missing = client.post(
        f"{base}/uitzonderen", {"item": "00000000-0000-4000-8000-000000000000", "reason": "x"}
    )
    assert missing.status_code == 404


def test_the_pages_show_the_list_and_the_rules(sign_in, users, dw):
    dlist = _proposed(dw)
    client = sign_in(users["privacy"])
    assert dlist.name in client.get("/privacy/vernietigingslijsten").content.decode()
    body = client.get(f"/privacy/vernietigingslijsten/{dlist.pk}").content.decode()
    assert dw.old.number in body and "Smit" not in body
    assert "1.1.2" in client.get("/privacy/bewaartermijnen").content.decode()


def test_proposing_from_the_page(sign_in, users, dw):
    response = sign_in(users["privacy"]).post("/privacy/vernietigingslijsten")
    assert response.status_code == 302 and DestructionList.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {
                "case_type": "handhaving-test",
                "category_code": "",
                "category_label": "x",
                "valuation": "V",
                "term_years": "5",
            },
            "zonder categorie",
        ),
        (
            {
                "case_type": "handhaving-test",
                "category_code": "1.1.2",
                "category_label": "x",
                "valuation": "V",
                "term_years": "",
            },
            "termijn in jaren",
        ),
        (
            {
                "case_type": "handhaving-test",
                "category_code": "1.1.2",
                "category_label": "x",
                "valuation": "V",
                "term_years": "0",
            },
            "ten minste 1 jaar",
        ),
        (
            {
                "case_type": "bestaat-niet",
                "category_code": "1.1.2",
                "category_label": "x",
                "valuation": "V",
                "term_years": "5",
            },
            "uit de lijst",
        ),
        (
            {
                "case_type": "handhaving-test",
                "category_code": "1.1.2",
                "category_label": "x",
                "valuation": "X",
                "term_years": "5",
            },
            "vernietigen (V)",
        ),
    ],
)
def test_a_bad_retention_rule_is_refused_in_dutch(sign_in, users, dw, data, message):
    response = sign_in(users["privacy"]).post("/privacy/bewaartermijnen", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert RetentionRule.objects.get(case_type=dw.case_type).version == 1


def test_setting_a_rule_again_makes_its_next_version(sign_in, users, dw):
    data = {
        "case_type": "handhaving-test",
        "category_code": "1.1.3",
        "category_label": "Toezicht",
        "valuation": "V",
        "term_years": "5",
    }
    assert sign_in(users["beheerder"]).post("/privacy/bewaartermijnen", data).status_code == 302
    rule = RetentionRule.objects.get(case_type=dw.case_type)
    assert rule.version == 2 and rule.term_years == 5
    assert ProcessingLogEntry.objects.filter(action="retention_rule.changed").exists()


def test_the_api_lists_and_sets_rules_and_lists_destruction_lists(api_as, dw):
    client = api_as("privacy")
    rules = client.get("/api/v1/retention-rules").json()["results"]
    assert rules[0]["categoryCode"] == "1.1.2" and rules[0]["caseType"] == "handhaving-test"
    bad = client.post(
        "/api/v1/retention-rules",
        {
            "caseType": "handhaving-test",
            "categoryCode": "",
            "categoryLabel": "x",
            "valuation": "V",
            "termYears": 5,
        },
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad["Content-Type"] == "application/problem+json"
    assert "categoryCode" in {p["name"] for p in bad.json()["invalidParams"]}
    good = client.post(
        "/api/v1/retention-rules",
        {"caseType": "handhaving-test", "categoryCode": "1.1.2", "categoryLabel": "x", "valuation": "B"},
        content_type="application/json",
    )
    assert good.status_code == 201 and good.json()["termYears"] is None
    dlist = DestructionList.objects.create(name="Proeflijst")
    lists = client.get("/api/v1/destruction-lists").json()["results"]
    assert lists[0]["name"] == "Proeflijst"
    assert client.get(f"/api/v1/destruction-lists/{dlist.pk}").json()["status"] == "nieuw"


@pytest.mark.parametrize("role", NOT_THE_OFFICER)
def test_destruction_and_rules_are_refused_to_others(sign_in, api_as, users, dw, role):
    dlist = DestructionList.objects.create(name="Proeflijst")
    client = sign_in(users[role])
    for url in (
        "/privacy/vernietigingslijsten",
        f"/privacy/vernietigingslijsten/{dlist.pk}",
        "/privacy/bewaartermijnen",
    ):
        assert client.get(url).status_code == 403
    assert client.post(f"/privacy/vernietigingslijsten/{dlist.pk}/beoordelen", {}).status_code == 403
    api = api_as(role)
    assert api.get("/api/v1/retention-rules").status_code == 403
    assert api.get("/api/v1/destruction-lists").status_code == 403
