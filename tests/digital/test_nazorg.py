"""A consented call-back request becomes a signal (digitale-criminaliteit, source slachtoffer) in intake's triage,
its case is of the nazorg type with the checklist on the case overview, and a withdrawal anonymises all of it."""

from __future__ import annotations

import pytest
from django.test import Client

from regie.cases.models import CaseType
from regie.cases.services.case_types import case_type_update
from regie.digital.models import FollowUpStatus, SelfCheckResult
from regie.digital.services.follow_ups import follow_up_withdraw
from regie.digital.services.nazorg import CATEGORY, NAZORG_CASE_TYPE
from regie.digital.services.self_checks import self_check_submit
from regie.intake.models import Channel, LocationKind, Signal, SignalCategory, SignalEvent, Source
from regie.intake.selectors import case_type_for
from regie.intake.services.consent import ERASED
from regie.intake.services.decisions import signal_start_case
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.models import Address, Person
from tests.digital.conftest import BUSINESSES, RESIDENTS, answers_for, make_follow_up

pytestmark = pytest.mark.postgres  # intake.services.consent locks the signal (select_for_update)


def _named_counts() -> tuple[int, int, int, int]:
    named = ProcessingLogEntry.objects.exclude(person_ids=[]).count()
    return Person.objects.count(), Address.objects.count(), Signal.objects.count(), named


def test_no_self_check_submission_creates_a_person_address_signal_or_log_row_naming_one(users):
    before = _named_counts()
    entries = ProcessingLogEntry.objects.count()
    for kind in (RESIDENTS, BUSINESSES):
        self_check_submit(kind=kind, answers=answers_for(kind, "first"), postcode_area="6681")
    assert SelfCheckResult.objects.count() == 2
    assert _named_counts() == before and ProcessingLogEntry.objects.count() == entries


def test_a_consented_request_becomes_a_signal_of_digital_crime_from_a_victim(users):
    before = _named_counts()
    item, _key = make_follow_up()
    persons, addresses, signals, named = _named_counts()
    assert (persons, addresses, signals) == (before[0] + 1, before[1], before[2] + 1) and named > before[3]
    signal = Signal.objects.select_related("category").get(pk=item.signal_id)
    assert (signal.source, signal.channel, signal.location_kind) == (
        Source.VICTIM, Channel.PUBLIC_FORM, LocationKind.ONLINE
    )  # fmt: skip
    assert signal.category is not None and signal.category.code == CATEGORY
    assert (signal.reporter_name, signal.reporter_phone) == ("Fenna Oosterhuis", "0612345678")
    assert (
        item.reference in signal.description and "950 euro" not in signal.description
    )  # the story stays here
    subject = signal.subjects.get()
    assert subject.person_id == item.person_id and subject.confirmed_at is not None
    logged = ProcessingLogEntry.objects.get(action="digital_follow_up.requested")
    assert logged.person_ids == [item.person_id] and logged.details["signal"] == signal.reference
    # The nazorg case type is in place (stored once, as the administrator would) and triage preselects it.
    assert case_type_for(signal) == CaseType.objects.get(code=NAZORG_CASE_TYPE)


def test_category_and_case_type_are_stored_once_and_an_administrator_switching_one_off_is_respected(users):
    make_follow_up()
    make_follow_up(surname="Bakker")
    assert SignalCategory.objects.filter(code=CATEGORY).count() == 1
    assert CaseType.objects.filter(code=NAZORG_CASE_TYPE).count() == 1
    SignalCategory.objects.filter(code=CATEGORY).update(active=False)
    case_type = CaseType.objects.get(code=NAZORG_CASE_TYPE)
    case_type_update(
        actor=users["beheerder"], case_type=case_type, version=case_type.version, code=case_type.code,
        label=case_type.label, default_categories=case_type.default_categories,
        retention_years=case_type.retention_years, active=False,
    )  # fmt: skip
    item, _ = make_follow_up(surname="De Vries")
    assert Signal.objects.get(pk=item.signal_id).category is None  # triage chooses one
    assert SignalCategory.objects.filter(code=CATEGORY).count() == 1
    assert CaseType.objects.filter(code=NAZORG_CASE_TYPE).count() == 1


def test_a_nazorg_case_from_the_signal_shows_the_checklist_to_the_team_only(users, sign_in):
    item, key = make_follow_up()
    director = users["procesregisseur"]
    case = signal_start_case(
        actor=director, signal=Signal.objects.get(pk=item.signal_id),
        case_type=CaseType.objects.get(code=NAZORG_CASE_TYPE), title="Nazorg", coordinator=director, priority="normaal",
    )  # fmt: skip
    assert case.case_type.code == NAZORG_CASE_TYPE
    assert list(case.subjects.values_list("person_id", flat=True)) == [item.person_id]
    page = sign_in(director).get(f"/casussen/{case.pk}").content.decode()
    assert "Nazorg na online criminaliteit" in page
    assert (
        "Nog te doen: Contact opgenomen (binnen 2 werkdagen)" in page and "Nog te doen: Doorverwezen" in page
    )
    assert f'href="/nazorg-online/{item.pk}"' in page
    assert ProcessingLogEntry.objects.filter(
        action="digital_follow_up.viewed", person_ids=[item.person_id]
    ).exists()
    # No one outside the follow-up team reads the checklist on the case (the door decides, default deny).
    case.members.create(user=users["handhaver"], case_role="lid", categories=["general"])
    other = sign_in(users["handhaver"]).get(f"/casussen/{case.pk}")
    assert other.status_code == 200 and "Nazorg na online criminaliteit" not in other.content.decode()
    follow_up_withdraw(key=key)
    page = sign_in(director).get(f"/casussen/{case.pk}").content.decode()
    assert "toestemming ingetrokken" in page and "Fenna" not in page


def test_a_withdrawal_anonymises_the_signal_and_the_person(users):
    item, key = make_follow_up()
    follow_up_withdraw(key=key)
    item.refresh_from_db()
    signal = Signal.objects.get(pk=item.signal_id)
    assert item.status == FollowUpStatus.WITHDRAWN
    assert (signal.reporter_name, signal.reporter_email, signal.reporter_phone) == ("", "", "")
    assert "Fenna" not in signal.description and "Oosterhuis" not in signal.description
    assert "toestemming ingetrokken" in signal.description and signal.description.endswith(ERASED)
    assert signal.subjects.get().data == {}
    person = Person.objects.get(pk=item.person_id)
    assert (person.surname, person.given_names, person.email, person.phone) == ("Geanonimiseerd", "", "", "")
    assert SignalEvent.objects.filter(signal=signal, kind="signal.erased").exists()
    logged = ProcessingLogEntry.objects.get(action="digital_follow_up.withdrawn")
    assert logged.details["signal"] == signal.reference


def test_without_consent_there_is_no_signal(client: Client, users):
    response = client.post(
        "/veilig-online/terugbellen",
        {"situation": "phishing", "surname": "Jansen", "phone": "0687654321", "story": "", "consent": ""},
    )
    assert response.status_code == 400 and Signal.objects.count() == 0
