"""Processing after storage: classification with a threshold, routing by ordered rules, subject matching.

A failure anywhere in processing never loses the signal: it is marked failed, with the error, and shows up in
the queue as such.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from regie.accounts.models import Organisation
from regie.intake.classifier import service as classifier_service
from regie.intake.models import ProcessingState, RoutingRule, Signal, SignalCategory
from regie.intake.services import policy as intake_policy
from regie.intake.services.inputs import SubjectInput
from regie.intake.services.receive import signal_create_from_inspection
from regie.subjects.services import address_get_or_create, person_create

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_it_suggests_a_category_with_its_confidence(public_report, processed, policy):
    signal = processed(public_report("Achter de sporthal verkopen jongens elke avond zakjes coke en wiet."))
    assert signal.processing_state == ProcessingState.OK
    assert signal.suggested_category.code == "drugs" and signal.category.code == "drugs"
    assert 0.5 <= signal.suggested_confidence <= 1.0


def test_it_leaves_a_signal_below_the_threshold_as_overig(public_report, processed, policy, users):
    intake_policy.threshold_set(actor=users["beheerder"], threshold=Decimal("1.00"))
    signal = processed(public_report("Achter de sporthal verkopen jongens elke avond zakjes coke en wiet."))
    assert signal.category.code == "overig" and signal.suggested_confidence < 1.0


def test_it_routes_by_the_first_matching_rule(public_report, processed, policy):
    signal = processed(
        public_report("In het chalet op het park woont een gezin al jaren vast.", locationKind="park-lot")
    )
    assert signal.queue.name == "Team Openbare Orde en Veiligheid"
    assert signal.routing_rule.name == "Alles op het vakantiepark naar de projectleider"


def test_a_rule_earlier_in_the_order_wins(public_report, processed, policy, municipality, users):
    burgerzaken = Organisation.objects.get(name="Burgerzaken")
    intake_policy.routing_rule_create(
        actor=users["beheerder"],
        municipality=municipality,
        name="Urgent alles naar burgerzaken",
        position=1,
        urgency="urgent",
        target=burgerzaken,
    )
    signal = processed(public_report("Er wordt gedeald bij het station", urgency="urgent"))
    assert signal.queue == burgerzaken


def test_without_a_matching_rule_it_stays_in_the_central_queue(public_report, processed, policy):
    RoutingRule.objects.all().delete()
    signal = processed(public_report("Er wordt gedeald bij het station"))
    assert signal.queue is None and signal.routing_rule is None


def test_it_suggests_known_persons_and_links_exact_addresses(users, policy, processed):
    address = address_get_or_create(
        actor=None, postcode="6851AB", house_number=12, street="Dorpsstraat", city="Huissen"
    )
    known = person_create(
        actor=None,
        surname="Vermeulen",
        given_names="Gerrit",
        birth_date=date(1971, 3, 2),
    )
    signal = signal_create_from_inspection(
        actor=users["handhaver"],
        description="Bewoner is verward en bedreigt buren.",
        subjects=[
            SubjectInput(
                kind="persoon",
                data={"surname": "Vermeulen", "given_names": "Gerrit", "birth_date": "1971-03-02"},
            ),
            SubjectInput(kind="adres", data={"postcode": "6851 ab", "house_number": "12"}),
        ],
    )
    processed(signal)
    place, person = signal.subjects.order_by("kind")
    assert place.kind == "adres" and place.address == address
    assert person.person is None  # a person confirms; the system only suggests
    assert person.suggestions[0]["id"] == str(known.pk) and person.suggestions[0]["score"] >= 90
    assert "zelfde geboortedatum" in person.suggestions[0]["reasons"]


def test_it_keeps_a_signal_and_marks_it_failed_when_classification_fails(
    public_report, processed, policy, monkeypatch, sign_in, users
):
    def broken() -> None:
        raise RuntimeError("model kapot")

    monkeypatch.setattr("regie.intake.services.process.get_classifier", broken)
    signal = processed(public_report("Er wordt gedeald bij het station"))
    assert Signal.objects.filter(pk=signal.pk).exists()
    assert signal.processing_state == ProcessingState.FAILED
    assert "model kapot" in signal.processing_error
    assert signal.triage_due_at is not None  # the clock runs from receipt, whatever happens after
    assert signal.events.filter(kind="signal.processing_failed").exists()
    queue = sign_in(users["procesregisseur"]).get("/signalen").content.decode()
    assert signal.reference in queue and "Verwerking mislukt" in queue
    failed_only = sign_in(users["procesregisseur"]).get("/signalen?mislukt=on").content.decode()
    assert signal.reference in failed_only


def test_it_keeps_a_signal_when_routing_or_matching_fails(public_report, processed, policy, monkeypatch):
    def broken(**kwargs: object) -> None:
        raise ConnectionError("matching onbereikbaar")

    monkeypatch.setattr("regie.intake.services.process.match_persons", broken)
    signal = public_report("Zorgen om buurman", subjects=[])
    signal.subjects.create(kind="persoon", data={"surname": "Jansen"})
    processed(signal)
    assert (
        signal.processing_state == ProcessingState.FAILED
        and "matching onbereikbaar" in signal.processing_error
    )
    assert signal.category is None  # nothing of the failed run was half-written


def test_a_failed_signal_can_be_processed_again(
    public_report, processed, policy, monkeypatch, sign_in, users
):
    monkeypatch.setattr("regie.intake.services.process.get_classifier", lambda: 1 / 0)
    signal = processed(public_report("Er wordt gedeald bij het station"))
    monkeypatch.undo()
    response = sign_in(users["procesregisseur"]).post(f"/signalen/{signal.pk}/opnieuw-verwerken")
    assert response.status_code == 302
    signal = processed(signal)
    assert signal.processing_state == ProcessingState.OK and signal.category.code == "drugs"


def test_processing_twice_changes_nothing(public_report, processed, policy):
    signal = processed(public_report("Er wordt gedeald bij het station"))
    from regie.intake.services.process import signal_process

    before = signal.events.count()
    signal_process(signal_id=signal.pk)
    assert signal.events.count() == before


def test_retraining_uses_stored_corrections(public_report, processed, policy, users, settings, tmp_path):
    settings.REGIE_CLASSIFIER_PATH = str(tmp_path / "model.pkl")
    signal = processed(public_report("De lantaarnpaal bij de bushalte brandt niet"))
    from regie.intake.services.corrections import signal_category_correct

    signal_category_correct(
        actor=users["procesregisseur"], signal=signal, category=SignalCategory.objects.get(code="overlast")
    )
    report = classifier_service.classifier_train()
    assert report.corrections == 1 and report.path.exists()
    assert classifier_service.correction_examples()[0].category == "overlast"
