"""The lists of emergency accesses — the director's own on /noodtoegang, the privacy officer's review list — show
case numbers (and reasons that name people): each read names the persons of those cases in the processing log."""

from __future__ import annotations

import pytest

from regie.cases.services.emergency import break_the_glass_start
from regie.processing_log.models import ProcessingLogEntry
from regie.subjects.services import person_create
from tests.worlds.cases import make_case

pytestmark = pytest.mark.django_db

REASON = "Acute dreiging bij de woning gemeld door de meldkamer, direct overleg nodig."


@pytest.fixture
def opened(users, world):
    """The project leader's case about Els Bakker, opened by the process director through break-the-glass."""
    els = person_create(actor=None, surname="Bakker", given_names="Els")
    case = make_case(users["projectleider"], world.case_type, title="Casus van de projectleider", person=els)
    break_the_glass_start(actor=users["procesregisseur"], case_id=case.pk, reason=REASON)
    return case, els


def _listed() -> ProcessingLogEntry:
    entry = ProcessingLogEntry.objects.filter(action="break_the_glass.list_viewed").order_by("seq").last()
    assert entry is not None
    return entry


def test_the_directors_own_emergency_accesses_are_a_marked_read_of_those_cases(sign_in, users, opened):
    case, els = opened
    assert case.number in sign_in(users["procesregisseur"]).get("/noodtoegang").content.decode()
    entry = _listed()
    assert entry.actor_username == "procesregisseur" and entry.person_ids == [els.pk]
    assert entry.break_the_glass is True and entry.purpose == REASON


def test_the_review_list_names_the_persons_of_the_cases_on_it(sign_in, users, opened):
    case, els = opened
    assert REASON in sign_in(users["privacy"]).get("/privacy/noodtoegang").content.decode()
    entry = _listed()
    assert entry.actor_username == "privacy" and entry.person_ids == [els.pk]
    assert entry.details["cases"] == [case.number] and entry.break_the_glass is False


def test_who_may_not_see_these_lists_is_refused_and_leaves_no_read(sign_in, users, opened):
    assert sign_in(users["ggz"]).get("/noodtoegang").status_code == 403
    assert sign_in(users["procesregisseur"]).get("/privacy/noodtoegang").status_code == 403
    assert not ProcessingLogEntry.objects.filter(action="break_the_glass.list_viewed").exists()
