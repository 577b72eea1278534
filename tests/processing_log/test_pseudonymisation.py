"""Decision 0013: entries past the log's own term are pseudonymised, never deleted, and the chain still verifies."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.pseudonyms import actor_reference, person_reference, reference
from regie.processing_log.selectors import LogFilter, processing_log
from regie.processing_log.services import log_processing, processing_log_pseudonymise, processing_log_seal
from regie.processing_log.verify import verify_chain

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

SIX_YEARS_AGO = datetime(2020, 11, 3, 10, 0, tzinfo=UTC)  # today (time-machine aside) is December 2026
LAST_YEAR = datetime(2025, 11, 3, 10, 0, tzinfo=UTC)


def _viewed(person: uuid.UUID, *, username: str = "handhaver", details: dict[str, object] | None = None):
    return log_processing(
        action="person.viewed",
        username=username,
        object_type="person",
        object_id=person,
        persons=[person],
        purpose="toezicht",
        details=details or {"zoekterm": "Jansen"},
    )


def _logged_at(moment: datetime, person: uuid.UUID, **kwargs: object) -> ProcessingLogEntry:
    """An entry written at that moment, sealed (only sealed entries are ever pseudonymised)."""
    with time_machine.travel(moment, tick=False):
        entry = _viewed(person, **kwargs)  # type: ignore[arg-type]
    processing_log_seal()
    return entry


def _refresh(entry: ProcessingLogEntry) -> ProcessingLogEntry:
    return ProcessingLogEntry.objects.get(pk=entry.pk)


def test_new_entries_carry_keyed_references_of_what_can_name_someone():
    person = uuid.uuid4()
    entry = _refresh(_viewed(person))
    assert entry.hash_version == 2
    assert entry.person_refs == [person_reference(person)]
    assert entry.actor_ref == actor_reference("handhaver")
    assert entry.object_ref == reference("object", str(person))
    assert entry.details_ref == reference("details", {"zoekterm": "Jansen"})
    # A reference is keyed: it is not the plain SHA-256 of the id anyone could compute.
    assert person_reference(person) != reference("person", str(uuid.uuid4()))
    assert str(person) not in "".join(entry.person_refs)


def test_it_pseudonymises_entries_older_than_the_term_and_keeps_younger_ones():
    old_person, recent_person = uuid.uuid4(), uuid.uuid4()
    old = _logged_at(SIX_YEARS_AGO, old_person)
    recent = _logged_at(LAST_YEAR, recent_person)

    count = processing_log_pseudonymise(batch_size=1)

    assert count >= 1
    old, recent = _refresh(old), _refresh(recent)
    assert old.pseudonymised_at is not None
    assert old.person_ids == [] and old.actor_username == "" and old.object_id == "" and old.details == {}
    assert old.source_address is None
    # What the entry was stays: when, which organisation and role, what, for which purpose, and its hash.
    assert old.action == "person.viewed" and old.purpose == "toezicht" and old.occurred_at == SIX_YEARS_AGO
    assert old.person_refs == [person_reference(old_person)]
    assert recent.pseudonymised_at is None and recent.person_ids == [recent_person]
    run = ProcessingLogEntry.objects.filter(action="audit.log_pseudonymised").latest("seq")
    assert run.details["entries"] == count


def test_the_chain_verifies_the_same_before_and_after_pseudonymising():
    for _ in range(3):
        _logged_at(SIX_YEARS_AGO, uuid.uuid4())
    assert verify_chain().intact
    processing_log_pseudonymise()
    result = verify_chain()
    assert result.intact, result.reason


def test_the_log_is_never_shortened_by_pseudonymising():
    _logged_at(SIX_YEARS_AGO, uuid.uuid4())
    before = ProcessingLogEntry.objects.count()
    processing_log_pseudonymise()
    assert ProcessingLogEntry.objects.count() == before + 1  # + the entry recording the run


def test_the_officer_still_finds_a_pseudonymised_entry_by_person_and_by_user():
    person = uuid.uuid4()
    old = _logged_at(SIX_YEARS_AGO, person, username="jurist")
    processing_log_pseudonymise()
    assert old.seq in {e.seq for e in processing_log(LogFilter(person=person))}
    assert old.seq in {e.seq for e in processing_log(LogFilter(persons=(person,)))}
    assert old.seq in {e.seq for e in processing_log(LogFilter(user="jurist"))}
    assert old.seq not in {e.seq for e in processing_log(LogFilter(person=uuid.uuid4()))}


def test_the_database_lets_through_only_the_pseudonymisation_itself():
    entry = _logged_at(SIX_YEARS_AGO, uuid.uuid4())
    rows = ProcessingLogEntry.objects.filter(pk=entry.pk)
    cleared = {"person_ids": [], "actor_username": "", "source_address": None, "object_id": "", "details": {}}
    # Clearing and at the same time changing anything else: refused.
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        rows.update(**cleared, pseudonymised_at=datetime.now(UTC), purpose="iets anders")
    # Clearing only part of what names someone: refused.
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        rows.update(person_ids=[], pseudonymised_at=datetime.now(UTC))
    # Clearing without marking the entry as pseudonymised: refused.
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        rows.update(**cleared)
    rows.update(**cleared, pseudonymised_at=datetime.now(UTC))
    # Once pseudonymised, nothing can be written back.
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        rows.update(actor_username="handhaver")


def test_an_unsealed_entry_is_never_pseudonymised():
    with time_machine.travel(SIX_YEARS_AGO, tick=False):
        entry = _viewed(uuid.uuid4())
    processing_log_pseudonymise()
    assert ProcessingLogEntry.objects.get(pk=entry.pk).pseudonymised_at is None


def test_a_version_one_entry_is_never_pseudonymised_in_place():
    entry = _logged_at(SIX_YEARS_AGO, uuid.uuid4())
    _tamper("UPDATE processing_log_entry SET hash_version = 1 WHERE seq = %s", [entry.seq])
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        ProcessingLogEntry.objects.filter(pk=entry.pk).update(
            person_ids=[], actor_username="", source_address=None, object_id="", details={},
            pseudonymised_at=datetime.now(UTC),
        )


def _tamper(sql: str, params: list[object]) -> None:
    # As database superuser with the trigger switched off: what an attacker with full access could do.
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE processing_log_entry DISABLE TRIGGER processing_log_append_only")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE processing_log_entry ENABLE TRIGGER processing_log_append_only")


def test_verify_detects_a_person_swapped_in_an_entry_that_is_not_yet_pseudonymised():
    entry = _viewed(uuid.uuid4())
    processing_log_seal()
    _tamper("UPDATE processing_log_entry SET person_ids = %s WHERE seq = %s", [[uuid.uuid4()], entry.seq])
    result = verify_chain()
    assert not result.intact and result.first_broken_seq == entry.seq
    assert "persoon" in result.reason


def test_verify_detects_plain_values_written_back_into_a_pseudonymised_entry():
    entry = _logged_at(SIX_YEARS_AGO, uuid.uuid4())
    processing_log_pseudonymise()
    _tamper("UPDATE processing_log_entry SET actor_username = 'iemand' WHERE seq = %s", [entry.seq])
    result = verify_chain()
    assert not result.intact and result.first_broken_seq == entry.seq
    assert "gepseudonimiseerde regel" in result.reason


def test_verify_detects_a_changed_reference():
    entry = _logged_at(SIX_YEARS_AGO, uuid.uuid4())
    processing_log_pseudonymise()
    forged = [person_reference(uuid.uuid4())]
    _tamper("UPDATE processing_log_entry SET person_refs = %s WHERE seq = %s", [forged, entry.seq])
    result = verify_chain()
    assert not result.intact and result.first_broken_seq == entry.seq


def test_a_run_stopped_halfway_is_finished_by_the_next_run():
    entries = [_logged_at(SIX_YEARS_AGO, uuid.uuid4()) for _ in range(3)]
    # The first run pseudonymises whole batches of one entry; simulate its end after the first batch.
    first = entries[0]
    ProcessingLogEntry.objects.filter(pk=first.pk).update(
        person_ids=[], actor_username="", source_address=None, object_id="", details={},
        pseudonymised_at=datetime.now(UTC),
    )
    assert processing_log_pseudonymise(batch_size=1) >= 2
    assert all(_refresh(e).pseudonymised_at is not None for e in entries)
    assert verify_chain().intact


def test_audit_pseudonymise_command_reports_the_count_and_the_cutoff():
    _logged_at(SIX_YEARS_AGO, uuid.uuid4())
    out = io.StringIO()
    call_command("audit", "pseudonymise", stdout=out)
    text = out.getvalue()
    assert "logregels van vóór" in text and "gepseudonimiseerd" in text
    assert int(text.split()[0]) >= 1


def test_the_pseudonymise_job_is_registered_as_a_nightly_periodic_task():
    from procrastinate.contrib.django import app

    periodic = {t.periodic_id: t for t in app.periodic_registry.periodic_tasks.values()}
    assert periodic["nightly-log-pseudonymise"].cron == "45 2 * * *"


def test_the_log_page_says_an_entry_is_pseudonymised(sign_in, users):
    _logged_at(SIX_YEARS_AGO, uuid.uuid4(), username="ggz")
    processing_log_pseudonymise()
    page = sign_in(users["privacy"]).get("/privacy/verwerkingslog", {"action": "person.viewed"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "gepseudonimiseerd" in html and "1 persoon (gepseudonimiseerd)" in html


def test_the_log_api_shows_when_an_entry_was_pseudonymised(api_as):
    person = uuid.uuid4()
    _logged_at(SIX_YEARS_AGO, person)
    processing_log_pseudonymise()
    rows = api_as("privacy").get(f"/api/v1/processing-log?person={person}").json()["results"]
    old = [r for r in rows if r["action"] == "person.viewed"]
    assert len(old) == 1 and old[0]["pseudonymisedAt"] and old[0]["personIds"] == []
    # The consultation just now names the person plainly: it is young.
    assert [r["pseudonymisedAt"] for r in rows if r["action"] == "processing_log.viewed"] == [None]
