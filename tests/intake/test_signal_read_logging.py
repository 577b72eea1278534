"""A signal that went to a case shows that case on its page and is about its persons: reading the signal names them
in the processing log, besides the signal's own confirmed persons. Who may not see the signal leaves no read."""

from __future__ import annotations

import pytest

from regie.cases.models import CaseType
from regie.cases.services.case import SubjectRef, case_create
from regie.intake.models import Signal
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.services import person_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed(client, users, policy, processed):
    """A public report, added by the process director to their running case about Jan de Vries."""
    client.post("/melden", {"reporter_type": "inwoner", "description": "Er is weer geschreeuw bij de buren."})
    signal = processed(Signal.objects.get())
    jan = person_create(actor=None, surname="Vries", prefix="de", given_names="Jan")
    case_type, _ = CaseType.objects.get_or_create(
        code="zorg-en-veiligheidscasus",
        defaults={
            "label": "Zorg- en veiligheidscasus",
            "default_categories": ["general"],
            "retention_years": 5,
        },
    )
    case = case_create(
        actor=users["procesregisseur"],
        case_type=case_type,
        title="Zorgen om Jan",
        coordinator=users["procesregisseur"],
        municipality=signal.municipality,
        subjects=[SubjectRef(role="betrokkene", person=jan)],
    )
    return signal, case, jan


def test_reading_a_signal_that_went_to_a_case_names_the_persons_of_that_case(sign_in, users, filed):
    signal, case, jan = filed
    director = sign_in(users["procesregisseur"])
    decided = director.post(
        f"/signalen/{signal.pk}/besluit", {"decision": "bestaande-casus", "case_number": case.number}
    )
    assert decided.status_code == 302
    assert case.number in director.get(f"/signalen/{signal.pk}").content.decode()
    entry = ProcessingLogEntry.objects.filter(action="signal.viewed", object_id=str(signal.pk)).last()
    assert entry is not None and jan.pk in entry.person_ids


def test_who_may_not_see_the_signal_is_refused_and_leaves_no_read(sign_in, users, filed):
    signal, _, _ = filed
    for username in ("ggz", "analist"):
        assert sign_in(users[username]).get(f"/signalen/{signal.pk}").status_code in (403, 404)
    assert not ProcessingLogEntry.objects.filter(action="signal.viewed", object_id=str(signal.pk)).exists()
