"""Rectification, restriction and objection (AVG art. 16, 18, 21): taken in with the identity check and a one-month
deadline, decided with reasons; a granted rectification changes the person through the subjects' service, a
granted restriction (or objection) marks the data as only stored on the case's page until lifted with a reason."""

from __future__ import annotations

from datetime import date

import pytest

from regie.core.periods import add_months
from regie.privacy.models import DataSubjectRequest, ProcessingRestriction, RequestKind
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Person

pytestmark = pytest.mark.postgres  # the services lock rows: CI runs them on PostgreSQL 15 too

NEW = "/privacy/verzoeken/nieuw"
MARKER = "Beperking van de verwerking (AVG art. 18)"


def _take_in(client, person, kind, **extra) -> DataSubjectRequest:
    data = {
        "person": str(person.pk),
        "kind": kind,
        "received_on": "2026-11-30",
        "identity_check": "Paspoort gezien aan de balie",
        "subject_matter": "De betrokkene vraagt dit schriftelijk.",
        **extra,
    }
    response = client.post(NEW, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return DataSubjectRequest.objects.get(kind=kind, person=person)


def _decide(client, dsr, decision, reasons="Na afweging toegewezen."):
    return client.post(f"/privacy/verzoeken/{dsr.pk}/besluiten", {"decision": decision, "reasons": reasons})


def test_a_granted_rectification_corrects_the_person_through_the_subjects_service(sign_in, users, pw):
    client = sign_in(users["privacy"])
    person = pw.cases.person
    dsr = _take_in(client, person, "rectificatie", rectify_field="given_names", rectify_value="Johannes")
    assert dsr.deadline == add_months(date(2026, 11, 30), 1) and dsr.status == "open"
    page = client.get(f"/privacy/verzoeken/{dsr.pk}").content.decode()
    assert "Rectificatie (AVG art. 16)" in page and "gevraagd „Johannes”" in page
    assert _decide(client, dsr, "toegewezen", "Het paspoort toont Johannes.").status_code == 302
    person.refresh_from_db()
    dsr.refresh_from_db()
    assert person.given_names == "Johannes" and dsr.status == "afgehandeld" and dsr.decision == "toegewezen"
    assert ProcessingLogEntry.objects.filter(action="person.changed", person_ids=[person.pk]).exists()
    decided = ProcessingLogEntry.objects.filter(action="data_subject_request.decided").get()
    assert decided.person_ids == [person.pk] and "art. 16" in decided.purpose
    again = _decide(client, dsr, "afgewezen")
    assert again.status_code == 400 and "al afgehandeld" in again.content.decode()


def test_a_refused_rectification_changes_nothing(sign_in, users, pw):
    client = sign_in(users["privacy"])
    dsr = _take_in(client, pw.cases.person, "rectificatie", rectify_field="surname", rectify_value="Vriesch")
    assert _decide(client, dsr, "afgewezen", "Het BRP vermeldt de Vries.").status_code == 302
    assert Person.objects.get(pk=pw.cases.person.pk).surname == "Vries"


@pytest.mark.parametrize(
    ("extra", "field_message"),
    [
        ({"kind": "rectificatie", "rectify_field": ""}, "Kies welk gegeven verbeterd moet worden"),
        ({"kind": "rectificatie", "rectify_field": "birth_date", "rectify_value": "14-05-1980"}, "jjjj-mm-dd"),
        ({"kind": "rectificatie", "rectify_field": "bsn", "rectify_value": "1"}, "gegeven dat verbeterd kan worden"),
        ({"kind": "bezwaar", "subject_matter": ""}, "Beschrijf wat de betrokkene vraagt"),
        ({"kind": "wissen"}, "Kies een bestaande soort verzoek"),
    ],
)
def test_bad_intake_is_refused_in_dutch_and_writes_nothing(sign_in, users, pw, extra, field_message):
    client = sign_in(users["privacy"])
    data = {
        "person": str(pw.cases.person.pk),
        "received_on": "2026-11-30",
        "identity_check": "Paspoort",
        "subject_matter": "Verzoek",
        **extra,
    }
    before = DataSubjectRequest.objects.count()
    response = client.post(NEW, data)
    assert response.status_code == 400 and field_message in response.content.decode()
    assert DataSubjectRequest.objects.count() == before


def test_a_decision_needs_a_choice_and_reasons_and_an_objection_the_weighing(sign_in, users, pw):
    client = sign_in(users["privacy"])
    dsr = _take_in(client, pw.cases.person, "bezwaar")
    no_reasons = client.post(f"/privacy/verzoeken/{dsr.pk}/besluiten", {"decision": "toegewezen", "reasons": ""})
    assert no_reasons.status_code == 400 and "Geef de motivering" in no_reasons.content.decode()
    bad = client.post(f"/privacy/verzoeken/{dsr.pk}/besluiten", {"decision": "misschien", "reasons": "x"})
    assert bad.status_code == 400 and "Kies een bestaand besluit" in bad.content.decode()
    assert DataSubjectRequest.objects.get(pk=dsr.pk).status == "open"
    # the service names the weighing art. 21 asks for
    from django.core.exceptions import ValidationError

    from regie.privacy.rights import rights_request_decide

    with pytest.raises(ValidationError) as refused:
        rights_request_decide(actor=users["privacy"], dsr=dsr, decision="afgewezen", reasons=" ")
    assert "dwingende gerechtvaardigde gronden" in str(refused.value)


def test_a_refused_objection_after_weighing_sets_no_restriction(sign_in, users, pw):
    client = sign_in(users["privacy"])
    dsr = _take_in(client, pw.cases.person, "bezwaar")
    reasons = "De veiligheid van de buurt weegt zwaarder dan de bijzondere situatie die de betrokkene aanvoert."
    assert _decide(client, dsr, "afgewezen", reasons).status_code == 302
    assert not ProcessingRestriction.objects.exists()
    assert reasons in client.get(f"/privacy/verzoeken/{dsr.pk}").content.decode()


@pytest.mark.parametrize("kind", ["beperking", "bezwaar"])
def test_a_granted_restriction_or_objection_marks_the_case_page_until_lifted(sign_in, users, pw, kind):
    client = sign_in(users["privacy"])
    dsr = _take_in(client, pw.cases.person, kind)
    case_url = f"/casussen/{pw.cases.case.pk}"
    coordinator = sign_in(users["procesregisseur"])
    assert MARKER not in coordinator.get(case_url).content.decode()
    client = sign_in(users["privacy"])
    assert _decide(client, dsr, "toegewezen").status_code == 302
    restriction = ProcessingRestriction.objects.get()
    assert restriction.person_id == pw.cases.person.pk and restriction.lifted_at is None
    assert "alleen bewaard" in client.get(f"/privacy/verzoeken/{dsr.pk}").content.decode()
    coordinator = sign_in(users["procesregisseur"])
    page = coordinator.get(case_url)
    assert page.status_code == 200 and MARKER in page.content.decode()  # reads still go through the door

    client = sign_in(users["privacy"])
    lift_url = f"/privacy/verzoeken/{dsr.pk}/beperking-opheffen"
    empty = client.post(lift_url, {"restriction": str(restriction.pk), "reason": ""})
    assert empty.status_code == 400 and "Geef de reden om de beperking op te heffen" in empty.content.decode()
    unknown = client.post(lift_url, {"restriction": "00000000-0000-4000-8000-000000000000", "reason": "x"})
    assert unknown.status_code == 404
    lifted = client.post(lift_url, {"restriction": str(restriction.pk), "reason": "Juistheid vastgesteld"})
    assert lifted.status_code == 302
    assert ProcessingRestriction.objects.get().lifted_at is not None
    assert ProcessingLogEntry.objects.filter(action="data_subject_request.restriction_lifted").exists()
    coordinator = sign_in(users["procesregisseur"])
    assert MARKER not in coordinator.get(case_url).content.decode()


def test_a_rights_request_is_extended_by_two_months_with_a_reason(sign_in, users, pw):
    client = sign_in(users["privacy"])
    dsr = _take_in(client, pw.cases.person, "beperking")
    empty = client.post(f"/privacy/verzoeken/{dsr.pk}/verlengen", {"months": "2", "reason": ""})
    assert empty.status_code == 400 and "Geef de reden" in empty.content.decode()
    extended = client.post(f"/privacy/verzoeken/{dsr.pk}/verlengen", {"months": "2", "reason": "Complex"})
    assert extended.status_code == 302
    dsr.refresh_from_db()
    assert dsr.extended_to == add_months(dsr.deadline, 2)


def test_the_list_names_the_kind(sign_in, users, pw):
    client = sign_in(users["privacy"])
    _take_in(client, pw.cases.person, "bezwaar")
    assert "Bezwaar tegen de verwerking (AVG art. 21)" in client.get("/privacy/verzoeken").content.decode()


@pytest.mark.parametrize("role", ["procesregisseur", "politie", "archivaris", "beheerder", "analist"])
def test_the_rights_pages_are_refused_to_others(sign_in, users, pw, role):
    dsr = DataSubjectRequest.objects.create(
        reference="AVG-2026-0999",
        kind=RequestKind.RESTRICTION,
        person=pw.cases.person,
        received_on=date(2026, 11, 30),
        deadline=date(2026, 12, 30),
        identity_check="Paspoort",
        identity_checked_by=users["privacy"],
    )
    client = sign_in(users[role])
    assert client.get(f"/privacy/verzoeken/{dsr.pk}").status_code == 403
    for step in ("besluiten", "beperking-opheffen", "achterhouden"):
        assert client.post(f"/privacy/verzoeken/{dsr.pk}/{step}", {}).status_code == 403
