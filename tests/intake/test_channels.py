"""Every channel stores a signal the same way: staff form, partner form and API, public page and API, inspections."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from regie.intake.models import Channel, ProcessingState, Signal, Source, Status
from regie.intake.services.inputs import SubjectInput
from regie.intake.services.receive import signal_create_from_inspection
from regie.processing_log.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def test_it_shows_a_report_button_on_every_staff_page_that_remembers_the_page(sign_in, users):
    html = sign_in(users["jurist"]).get("/casussen").content.decode()
    assert 'href="/signalen/nieuw?van=/casussen"' in html
    assert "Meld een signaal" in html


def test_it_prefills_the_staff_form_with_the_page_you_came_from(sign_in, users):
    html = sign_in(users["analist"]).get("/signalen/nieuw?van=/casussen/abc").content.decode()
    assert 'name="van" value="/casussen/abc"' in html


def test_it_stores_a_staff_signal_and_sends_you_back_where_you_came_from(sign_in, users, policy, jobs):
    client = sign_in(users["handhaver"])
    response = client.post(
        "/signalen/nieuw",
        {
            "description": "Bij de school wordt elke middag wiet verkocht aan leerlingen.",
            "urgency": "normaal",
            "location_kind": "area",
            "van": "/casussen",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/casussen"
    signal = Signal.objects.get()
    assert signal.source == Source.STAFF and signal.channel == Channel.STAFF_FORM
    assert signal.submitted_by == users["handhaver"] and signal.came_from == "/casussen"
    assert signal.reference.startswith("M-") and signal.status == Status.NEW
    assert signal.processing_state == ProcessingState.PENDING
    assert jobs("intake.process_signal") == 1
    signal.refresh_from_db()
    assert signal.processing_state == ProcessingState.OK and signal.category.code == "drugs"
    assert signal.queue.name == "Toezicht en Handhaving"


def test_it_never_redirects_off_site_after_a_staff_report(sign_in, users, policy):
    response = sign_in(users["brp"]).post(
        "/signalen/nieuw", {"description": "Iets", "urgency": "normaal", "van": "//evil.example/x"}
    )
    assert response.status_code == 302 and response["Location"] == "/"
    assert Signal.objects.get().came_from == ""


def test_it_stores_a_partner_form_signal_with_the_partner_organisation(sign_in, users, policy):
    sign_in(users["politie"]).post(
        "/signalen/nieuw",
        {
            "description": "Verwarde man bedreigt buren met een mes, GGZ is bekend.",
            "urgency": "urgent",
            "surname": "Vermeulen",
            "given_names": "Gerrit",
            "birth_date": "1971-03-02",
        },
    )
    signal = Signal.objects.get()
    assert signal.source == Source.PARTNER and signal.partner_organisation == users["politie"].organisation
    subject = signal.subjects.get()
    assert subject.kind == "persoon" and subject.data["surname"] == "Vermeulen"
    assert subject.data["birth_date"] == "1971-03-02"


def test_it_accepts_a_partner_signal_through_the_api_with_a_token(api_as, users, policy):
    response = api_as("ggz").post(
        "/api/v1/signals",
        {
            "description": "Cliënt dreigt zijn woning kwijt te raken en is agressief tegen hulpverleners.",
            "urgency": "normaal",
            "subjects": [
                {"kind": "persoon", "surname": "de Vries", "givenNames": "Anna", "birthDate": "1985-06-01"}
            ],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["reference"].startswith("M-") and body["source"] == "partner"
    assert body["processingState"] == "wachtend"
    signal = Signal.objects.get(pk=body["id"])
    assert signal.partner_organisation == users["ggz"].organisation and signal.channel == Channel.API


def test_it_shows_the_public_page_without_login_with_a_privacy_statement(client: Client, users):
    response = client.get("/melden")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wat doen wij met uw gegevens?" in html and "anoniem" in html.lower()
    assert 'name="website"' in html  # the honeypot


def test_it_stores_a_public_report_and_confirms_it_with_a_reference(client: Client, users, policy):
    response = client.post(
        "/melden",
        {
            "reporter_type": "inwoner",
            "description": "Al weken staat er 's nachts een busje bij de lege loods en de ramen zijn afgeplakt.",
            "location_kind": "farm-shed",
            "reporter_email": "Buur@Voorbeeld.nl",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/melden/ontvangen"
    signal = Signal.objects.get()
    assert signal.source == Source.RESIDENT and signal.channel == Channel.PUBLIC_FORM
    assert signal.reporter_email == "buur@voorbeeld.nl"
    page = client.get("/melden/ontvangen").content.decode()
    assert signal.reference in page


def test_it_stores_an_anonymous_public_report_without_contact(client: Client, users, policy):
    client.post(
        "/melden", {"reporter_type": "anoniem", "description": "In chalet 14 woont een gezin permanent."}
    )
    signal = Signal.objects.get()
    assert signal.source == Source.ANONYMOUS and not signal.reporter_email and not signal.reporter_name


def test_it_refuses_contact_details_with_an_anonymous_report(client: Client, users, policy):
    response = client.post(
        "/melden", {"reporter_type": "anoniem", "description": "Overlast", "reporter_email": "a@b.nl"}
    )
    assert response.status_code == 400
    assert "U koos anoniem melden" in response.content.decode()
    assert not Signal.objects.exists()


def test_it_does_not_keep_the_public_reporters_address_in_the_log(client: Client, users, policy):
    client.post("/melden", {"reporter_type": "anoniem", "description": "Er wordt gedeald bij het station."})
    entry = ProcessingLogEntry.objects.get(action="signal.received")
    assert entry.source_address is None and entry.actor_username == "publiek"


def test_it_answers_the_public_api_with_201_and_the_reference(client: Client, users, policy):
    response = client.post(
        "/api/v1/public/signals",
        {
            "description": "Mijn oma is opgelicht via WhatsApp door iemand die zich voordeed als haar kleinzoon."
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response["API-Version"] == "1.0.0"
    reference = response.json()["reference"]
    assert set(response.json()) == {"reference"}
    signal = Signal.objects.get(reference=reference)
    assert signal.channel == Channel.PUBLIC_API and signal.source == Source.ANONYMOUS


def test_it_mails_the_reporter_a_confirmation_after_commit_from_a_job(client: Client, users, policy, jobs):
    client.post(
        "/api/v1/public/signals",
        {
            "reporterType": "inwoner",
            "description": "Overlast van scooters",
            "reporter": {"email": "melder@voorbeeld.nl"},
        },
        content_type="application/json",
    )
    assert mail.outbox == []  # nothing is sent inside the request
    jobs("intake.send_signal_mail")
    assert mail.outbox == []  # in the outbox; its own job sends it (and retries while the server is away)
    jobs("integrations.send_mail")
    signal = Signal.objects.get()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["melder@voorbeeld.nl"] and signal.reference in mail.outbox[0].subject
    assert "Overlast van scooters" not in mail.outbox[0].body


def test_it_hands_out_gap_free_references_per_year(client: Client, users, policy):
    refs = [
        client.post(
            "/api/v1/public/signals", {"description": f"Melding {i}"}, content_type="application/json"
        ).json()["reference"]
        for i in range(3)
    ]
    numbers = [int(r.rsplit("-", 1)[1]) for r in refs]
    assert numbers == [numbers[0], numbers[0] + 1, numbers[0] + 2]
    assert all(len(r) == len("M-2026-000123") for r in refs)


def test_inspections_create_signals_through_the_same_service(users, policy, jobs):
    signal = signal_create_from_inspection(
        actor=users["handhaver"],
        description="Bij de controle op kavel 22 bleek dat er een gezin permanent woont.",
        location_kind="park-lot",
        category_code="permanente-bewoning",
        subjects=[SubjectInput(kind="persoon", data={"surname": "Jansen", "given_names": "Piet"})],
    )
    assert signal.source == Source.INSPECTION and signal.channel == Channel.INSPECTION
    jobs("intake.process_signal")
    signal.refresh_from_db()
    assert signal.category.code == "permanente-bewoning" and signal.suggested_category is None
    assert signal.queue.name == "Team Openbare Orde en Veiligheid"
