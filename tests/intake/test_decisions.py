"""Each triage decision, through the signal page: new case, existing case, referral, merge, close."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from regie.cases.models import Case, CaseSubject, CaseType, Document, Note
from regie.cases.services.case import SubjectRef, case_create
from regie.cases.services.case_types import case_type_create
from regie.intake.models import ClassificationCorrection, Decision, Signal, SignalCategory, Status
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Person
from regie.subjects.services import person_create

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def case_type(users) -> CaseType:
    return case_type_create(
        actor=users["beheerder"],
        code="zorg-en-veiligheidscasus",
        label="Zorg- en veiligheidscasus",
        default_categories=["general", "care"],
        retention_years=15,
    )


@pytest.fixture
def director(sign_in, users):
    return sign_in(users["procesregisseur"])


@pytest.fixture
def reported(client, users, policy, processed, jobs):
    """A processed public report with a person, an attachment and the reporter's e-mail address."""
    client.post(
        "/melden",
        {
            "reporter_type": "inwoner",
            "description": "Mijn buurman Gerrit Vermeulen is verward en bedreigt kinderen met een mes.",
            "reporter_email": "buur@voorbeeld.nl",
            "attachments": [SimpleUploadedFile("foto.png", PNG, content_type="image/png")],
        },
    )
    signal = Signal.objects.get()
    signal.subjects.create(kind="persoon", data={"surname": "Vermeulen", "given_names": "Gerrit"})
    jobs("intake.send_signal_mail")
    jobs("integrations.send_mail")  # the outbox sends it
    mail.outbox.clear()
    return processed(signal)


def _decide(client, signal, **data):
    return client.post(f"/signalen/{signal.pk}/besluit", data)


def test_it_starts_a_new_case_with_the_subjects_text_and_attachments(
    director, users, reported, case_type, jobs
):
    response = _decide(
        director,
        reported,
        decision="nieuwe-casus",
        case_type=case_type.pk,
        title="Zorgen om buurman",
        coordinator=users["procesregisseur"].pk,
        priority="hoog",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    reported.refresh_from_db()
    case = reported.case
    assert reported.decision == Decision.NEW_CASE and reported.status == Status.DONE
    assert reported.claimed_by == users["procesregisseur"]  # deciding claims an unclaimed signal
    assert case.title == "Zorgen om buurman" and case.priority == "hoog"
    person = CaseSubject.objects.get(case=case).person
    assert person.surname == "Vermeulen" and reported.subjects.get().person == person
    assert reported.description in Note.objects.get(case=case).text
    assert Document.objects.get(case=case).content_type == "image/png"
    entry = ProcessingLogEntry.objects.filter(action="signal.triaged").latest("seq")
    assert entry.details["decision"] == "nieuwe-casus" and str(person.pk) in [
        str(p) for p in entry.person_ids
    ]
    jobs("intake.send_signal_mail")
    jobs("integrations.send_mail")  # the outbox sends it
    assert mail.outbox[0].to == ["buur@voorbeeld.nl"] and "behandeld" in mail.outbox[0].subject
    assert "Vermeulen" not in mail.outbox[0].body


def test_a_confirmed_person_is_carried_over_instead_of_a_new_one(director, users, reported, case_type):
    known = person_create(actor=None, surname="Vermeulen", given_names="Gerrit", birth_date=date(1971, 3, 2))
    case_create(
        actor=users["procesregisseur"],
        case_type=case_type,
        title="Eerdere casus",
        coordinator=users["procesregisseur"],
        municipality=reported.municipality,
        subjects=[SubjectRef(role="betrokkene", person=known)],
    )
    subject = reported.subjects.get()
    subject.suggestions = [{"id": str(known.pk), "score": 80.0, "reasons": ["zelfde naam"]}]
    subject.save()
    page = director.get(f"/signalen/{reported.pk}").content.decode()
    assert "Gerrit Vermeulen — 80%" in page
    prefix = f"s{subject.pk.hex[:8]}"
    confirm = director.post(
        f"/signalen/{reported.pk}/betrokkenen/{subject.pk}/bevestigen", {f"{prefix}-person": known.pk}
    )
    assert confirm.status_code == 302
    _decide(
        director,
        reported,
        decision="nieuwe-casus",
        case_type=case_type.pk,
        coordinator=users["procesregisseur"].pk,
        priority="normaal",
    )
    reported.refresh_from_db()
    assert CaseSubject.objects.get(case=reported.case).person == known
    assert Person.objects.filter(surname="Vermeulen").count() == 1
    assert reported.case.title == f"Signaal {reported.reference}"


def test_it_adds_a_signal_to_an_existing_case(director, users, reported, case_type):
    case = case_create(
        actor=users["procesregisseur"],
        case_type=case_type,
        title="Lopende casus",
        coordinator=users["procesregisseur"],
        municipality=reported.municipality,
    )
    response = _decide(director, reported, decision="bestaande-casus", case_number=case.number)
    assert response.status_code == 302
    reported.refresh_from_db()
    assert reported.decision == Decision.ADD_TO_CASE and reported.case == case
    assert case.subjects.filter(person__surname="Vermeulen").exists()
    assert Note.objects.filter(case=case, text__contains=reported.reference).exists()


def test_it_refuses_to_add_to_a_case_you_may_not_see(director, users, reported, case_type):
    hidden = case_create(
        actor=users["jurist"],
        case_type=case_type,
        title="Casus van een ander",
        coordinator=users["jurist"],
        municipality=reported.municipality,
    )
    response = _decide(director, reported, decision="bestaande-casus", case_number=hidden.number)
    assert response.status_code == 400
    assert "geen casus met dit nummer die u mag zien" in response.content.decode()
    reported.refresh_from_db()
    assert reported.status != Status.DONE and not hidden.subjects.exists()


def test_it_refers_to_a_partner_and_logs_the_reason_and_what_was_shared(director, users, reported):
    partner = users["ggz"].organisation
    response = _decide(
        director,
        reported,
        decision="doorverwezen",
        partner=partner.pk,
        reason="Bekend bij de GGZ, zij pakken het op.",
        shared="Beschrijving en naam van de buurman; niet de naam van de melder.",
    )
    assert response.status_code == 302
    reported.refresh_from_db()
    assert reported.decision == Decision.REFER and reported.referred_to == partner
    assert reported.first_action_at is not None  # the referral is the first action
    entry = ProcessingLogEntry.objects.filter(action="signal.triaged").latest("seq")
    assert entry.details["partner"] == partner.name
    assert entry.details["shared"].startswith("Beschrijving en naam")
    assert entry.details["reason"] == "Bekend bij de GGZ, zij pakken het op."


def test_a_referral_needs_a_reason_and_what_was_shared(director, users, reported):
    response = _decide(director, reported, decision="doorverwezen", partner=users["ggz"].organisation.pk)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Geef de reden van de doorverwijzing." in html and "Leg vast welke gegevens" in html
    reported.refresh_from_db()
    assert reported.decision == "" and reported.status == Status.NEW


def test_it_refuses_to_refer_to_a_department(director, users, reported):
    response = _decide(
        director,
        reported,
        decision="doorverwezen",
        partner=users["jurist"].organisation.pk,
        reason="x",
        shared="y",
    )
    assert response.status_code == 400
    assert Signal.objects.get(pk=reported.pk).decision == ""


def test_it_merges_a_duplicate_into_an_earlier_signal(director, users, reported, public_report, processed):
    duplicate = processed(public_report("Buurman Vermeulen zwaait weer met een mes"))
    response = _decide(director, duplicate, decision="samengevoegd", duplicate_of=reported.reference)
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.decision == Decision.MERGE and duplicate.merged_into == reported
    assert reported.events.filter(kind="signal.duplicate_merged").exists()
    assert duplicate.reference in director.get(f"/signalen/{reported.pk}").content.decode()


def test_it_refuses_to_merge_a_signal_with_itself(director, reported):
    response = _decide(director, reported, decision="samengevoegd", duplicate_of=reported.reference)
    assert response.status_code == 400 and "met zichzelf" in response.content.decode()


def test_it_closes_without_action_only_with_a_reason(director, reported, jobs):
    refused = _decide(director, reported, decision="gesloten", reason="")
    assert refused.status_code == 400
    assert "Geef de reden waarom dit signaal zonder actie wordt gesloten." in refused.content.decode()
    assert Signal.objects.get(pk=reported.pk).status == Status.NEW
    closed = _decide(director, reported, decision="gesloten", reason="Geen aanwijzingen voor een probleem.")
    assert closed.status_code == 302
    reported.refresh_from_db()
    assert (
        reported.decision == Decision.CLOSE
        and reported.decision_reason == "Geen aanwijzingen voor een probleem."
    )
    jobs("intake.send_signal_mail")
    jobs("integrations.send_mail")  # the outbox sends it
    assert "geen verdere actie" in mail.outbox[0].body
    assert "Geen aanwijzingen" not in mail.outbox[0].body


def test_nobody_decides_a_signal_someone_else_claimed(sign_in, users, reported, public_report):
    from regie.intake.services.claim import signal_claim

    signal_claim(actor=users["procesregisseur"], signal=reported)
    Signal.objects.filter(pk=reported.pk).update(queue=users["projectleider"].organisation)
    response = sign_in(users["projectleider"]).post(
        f"/signalen/{reported.pk}/besluit", {"decision": "gesloten", "reason": "Niets aan de hand"}
    )
    assert response.status_code == 409 and "al opgepakt door Sanne de Wit" in response.content.decode()


def test_a_category_correction_is_stored_for_retraining_and_moves_the_clock(director, reported):
    before = reported.triage_due_at
    response = director.post(f"/signalen/{reported.pk}/categorie", {"category": "overig"})
    assert response.status_code == 302
    reported.refresh_from_db()
    correction = ClassificationCorrection.objects.get(signal=reported)
    assert correction.to_code == "overig" and correction.from_code == "zorg-en-veiligheid"
    assert reported.category == SignalCategory.objects.get(code="overig") and reported.category_set_by_person
    assert reported.triage_due_at > before  # zorg-en-veiligheid: 1 working day, overig: 3


def test_the_owner_records_the_first_action(director, users, reported, case_type):
    _decide(
        director,
        reported,
        decision="nieuwe-casus",
        case_type=case_type.pk,
        coordinator=users["procesregisseur"].pk,
        priority="normaal",
    )
    reported.refresh_from_db()
    assert reported.first_action_at is None
    response = director.post(
        f"/signalen/{reported.pk}/eerste-actie", {"note": "Buurman bezocht met wijkagent."}
    )
    assert response.status_code == 302
    reported.refresh_from_db()
    assert reported.first_action_at is not None
    assert Case.objects.count() == 1
