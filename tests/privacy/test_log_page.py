"""The processing-log page reads as the privacy officer needs: labels, names, organisations and activities, and a
filter by a person's name or BSN instead of an internal id."""

from __future__ import annotations

from regie.processing_log.models import ProcessingLogEntry


def test_the_log_shows_labels_names_case_numbers_and_activities(sign_in, users, pw):
    response = sign_in(users["privacy"]).get("/privacy/verwerkingslog?person=Vries")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Casus bekeken" in body and "Jan de Vries" in body and pw.cases.case.number in body
    assert "Casusregie zorg en veiligheid" in body and "Afstemmen van de aanpak met de wijkagent" in body
    assert ">case.viewed<" not in body  # the code only as the option value of the filter


def test_the_person_filter_takes_a_bsn_and_logs_the_persons_asked_for(sign_in, users, pw):
    client = sign_in(users["privacy"])
    body = client.get("/privacy/verwerkingslog?person=111222333").content.decode()
    assert "Afstemmen van de aanpak met de wijkagent" in body
    entry = ProcessingLogEntry.objects.filter(action="processing_log.viewed").latest("seq")
    assert entry.person_ids == [pw.cases.person.pk]
    assert "111222333" not in str(entry.details)


def test_a_name_nobody_has_finds_no_entries(sign_in, users, pw):
    body = sign_in(users["privacy"]).get("/privacy/verwerkingslog?person=Zwaluwstaart").content.decode()
    assert "Geen regels voor dit filter." in body


def test_a_bsn_that_fails_the_eleven_test_is_refused_in_dutch(sign_in, users):
    response = sign_in(users["privacy"]).get("/privacy/verwerkingslog?person=123456789")
    assert response.status_code == 400 and "elfproef" in response.content.decode()


def test_a_single_letter_is_refused(sign_in, users):
    response = sign_in(users["privacy"]).get("/privacy/verwerkingslog?person=V")
    assert response.status_code == 400 and "ten minste twee letters" in response.content.decode()
