"""The processing log is evidence: append-only in the database, hash-chained, verifiable, and for the FG only."""

from __future__ import annotations

import io
import threading
import time
import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from regie.processing_log import services
from regie.processing_log.chain import GENESIS_HASH
from regie.processing_log.models import LogCheckpoint, ProcessingLogEntry
from regie.processing_log.services import log_processing
from regie.processing_log.verify import verify_chain

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _entries(n: int) -> list[ProcessingLogEntry]:
    """n new entries, sealed (as the sealing job does every minute), read back with their place and hashes."""
    written = [
        log_processing(
            action="person.viewed",
            username="tester",
            object_type="person",
            object_id=uuid.uuid4(),
            persons=[uuid.uuid4()],
            purpose="test",
        )
        for _ in range(n)
    ]
    services.processing_log_seal()
    return [ProcessingLogEntry.objects.get(pk=e.pk) for e in written]


def test_it_chains_each_entry_to_the_previous_one():
    services.processing_log_seal()
    before = ProcessingLogEntry.objects.order_by("-chain_pos").first()  # the accounts' entries, when seeded
    first, second, third = _entries(3)
    assert first.prev_hash == (before.hash if before else GENESIS_HASH)
    assert second.prev_hash == first.hash and third.prev_hash == second.hash
    assert [first.chain_pos, second.chain_pos, third.chain_pos] == [
        (before.chain_pos if before else 0) + i for i in (1, 2, 3)
    ]
    assert ProcessingLogEntry.objects.get(chain_pos=1).prev_hash == GENESIS_HASH


def test_a_request_appends_unsealed_with_one_insert_and_no_lock(django_assert_num_queries):
    with django_assert_num_queries(1) as captured:  # the INSERT, in the caller's transaction
        entry = log_processing(action="person.viewed", username="tester", object_type="person", persons=[])
    assert "INSERT" in captured.captured_queries[0]["sql"] and "lock" not in captured.captured_queries[0]["sql"]
    stored = ProcessingLogEntry.objects.get(pk=entry.pk)
    assert stored.chain_pos is None and stored.hash == "" and stored.prev_hash == ""
    assert services.processing_log_seal() >= 1
    sealed = ProcessingLogEntry.objects.get(pk=entry.pk)
    assert sealed.chain_pos and len(sealed.hash) == 64


def test_an_entry_committed_after_the_sealer_passed_is_sealed_next_time_at_a_later_place():
    late = log_processing(action="person.viewed", username="tester", object_type="person", persons=[])
    services.processing_log_seal()
    # A transaction that took a lower number but committed after the sealer ran: simulated by sealing again
    # with one more entry; the chain follows the order of sealing, and verify walks it in that order.
    later = log_processing(action="person.viewed", username="tester", object_type="person", persons=[])
    services.processing_log_seal()
    late, later = (ProcessingLogEntry.objects.get(pk=e.pk) for e in (late, later))
    assert later.prev_hash == late.hash and later.chain_pos == late.chain_pos + 1
    assert verify_chain().intact


def test_the_database_refuses_to_reseal_or_to_change_content_while_sealing():
    entry = _entries(1)[0]
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        ProcessingLogEntry.objects.filter(pk=entry.pk).update(hash="0" * 64)
    unsealed = log_processing(action="person.viewed", username="tester", object_type="person", persons=[])
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        ProcessingLogEntry.objects.filter(pk=unsealed.pk).update(
            chain_pos=10**9, prev_hash="a" * 64, hash="b" * 64, purpose="iets anders"
        )


def test_the_seal_job_runs_every_minute():
    from procrastinate.contrib.django import app

    periodic = {t.periodic_id: t for t in app.periodic_registry.periodic_tasks.values()}
    assert periodic["log-seal"].cron == "* * * * *"


def test_it_refuses_update_in_the_database():
    entry = _entries(1)[0]
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        ProcessingLogEntry.objects.filter(pk=entry.pk).update(action="iets.anders")


def test_it_refuses_delete_in_the_database():
    entry = _entries(1)[0]
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        ProcessingLogEntry.objects.filter(pk=entry.pk).delete()


def test_it_refuses_truncate_in_the_database():
    _entries(1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE processing_log_entry")


def _tamper(sql: str, params: list[object]) -> None:
    # As database superuser with the trigger switched off: what an attacker with full access could do.
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE processing_log_entry DISABLE TRIGGER processing_log_append_only")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE processing_log_entry ENABLE TRIGGER processing_log_append_only")


def test_audit_verify_exits_zero_on_an_intact_log():
    _entries(5)
    before = ProcessingLogEntry.objects.count() - 5
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    assert f"intact: {before + 5} regels" in out.getvalue()


def test_audit_verify_names_the_entry_whose_content_was_changed():
    entries = _entries(5)
    _tamper("UPDATE processing_log_entry SET purpose = 'verzonnen' WHERE seq = %s", [entries[2].seq])
    with pytest.raises(CommandError, match=f"GEBROKEN bij regel {entries[2].seq}") as raised:
        call_command("audit", "verify")
    assert raised.value.returncode != 0


def test_audit_verify_names_the_entry_after_a_deleted_one():
    entries = _entries(5)
    _tamper("DELETE FROM processing_log_entry WHERE seq = %s", [entries[1].seq])
    result = verify_chain()
    assert not result.intact and result.first_broken_seq == entries[2].seq
    assert "vorige regel" in result.reason


def test_the_nightly_checkpoint_verifies_only_the_tail_and_records_it():
    before = ProcessingLogEntry.objects.count()
    _entries(3)
    first = services.processing_log_checkpoint()
    assert first.intact and first.entries_checked == before + 3
    _entries(2)
    second = services.processing_log_checkpoint()
    assert second.intact and second.entries_checked == 3  # 2 new + the log entry of the first checkpoint
    assert LogCheckpoint.objects.count() == 2


def test_the_checkpoint_records_a_broken_chain():
    entries = _entries(3)
    _tamper("UPDATE processing_log_entry SET action = 'x' WHERE seq = %s", [entries[0].seq])
    checkpoint = services.processing_log_checkpoint()
    assert not checkpoint.intact and checkpoint.first_broken_seq == entries[0].seq
    assert ProcessingLogEntry.objects.filter(action="audit.chain_broken").exists()


def test_the_checkpoint_job_is_registered_as_a_nightly_periodic_task():
    from procrastinate.contrib.django import app

    periodic = {t.periodic_id: t for t in app.periodic_registry.periodic_tasks.values()}
    assert "nightly-log-checkpoint" in periodic
    assert periodic["nightly-log-checkpoint"].cron == "30 2 * * *"


def test_it_records_who_when_what_and_from_where(sign_in, users):
    client = sign_in(users["privacy"])
    client.get("/privacy/verwerkingslog")
    entry = ProcessingLogEntry.objects.filter(action="processing_log.viewed").latest("seq")
    assert entry.actor_username == "privacy" and entry.actor_role == "privacy"
    assert entry.actor_organisation == "Functionaris Gegevensbescherming"
    assert entry.source_address == "127.0.0.1" and entry.occurred_at is not None


@pytest.mark.parametrize(
    "role",
    [
        "procesregisseur",
        "projectleider",
        "handhaver",
        "jurist",
        "brp",
        "politie",
        "ggz",
        "analist",
        "beheerder",
    ],
)
def test_it_refuses_the_log_page_and_api_to_everyone_but_the_privacy_officer(sign_in, api_as, users, role):
    assert sign_in(users[role]).get("/privacy/verwerkingslog").status_code == 403
    response = api_as(role).get("/api/v1/processing-log")
    assert response.status_code == 403 and response["Content-Type"] == "application/problem+json"


def test_it_filters_the_log_by_person_user_action_and_period(api_as, users):
    person = uuid.uuid4()
    log_processing(action="person.viewed", actor=users["jurist"], persons=[person], object_type="person")
    log_processing(action="case.viewed", actor=users["ggz"], object_type="case", persons=[])
    client = api_as("privacy")
    by_person = client.get(f"/api/v1/processing-log?person={person}").json()
    # The consultation itself concerns that person too, so it is part of the answer.
    assert {r["action"] for r in by_person["results"]} == {"person.viewed", "processing_log.viewed"}
    assert all(r["personIds"] == [str(person)] for r in by_person["results"])
    by_user = client.get("/api/v1/processing-log?user=ggz&action=case.").json()
    assert by_user["count"] == 1 and by_user["results"][0]["action"] == "case.viewed"
    today = by_user["results"][0]["occurredAt"][:10]
    period = client.get(f"/api/v1/processing-log?dateFrom={today}&dateTo={today}&action=person.").json()
    assert period["count"] == 1


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("person=niet-een-uuid", "person"),
        ("dateFrom=2026-13-01", "dateFrom"),
        ("dateFrom=2026-05-02&dateTo=2026-05-01", "dateTo"),
        ("action=DROP TABLE", "action"),
    ],
)
def test_it_refuses_bad_log_filters_with_invalid_params(api_as, query, param):
    response = api_as("privacy").get(f"/api/v1/processing-log?{query}")
    assert response.status_code == 400
    assert param in {p["name"] for p in response.json()["invalidParams"]}


def test_it_refuses_bad_log_filters_on_the_page_in_dutch(sign_in, users):
    response = sign_in(users["privacy"]).get("/privacy/verwerkingslog?date_from=gisteren")
    assert response.status_code == 400
    assert "Vul een geldige datum in" in response.content.decode()


def test_it_logs_that_the_log_itself_was_consulted(api_as):
    api_as("privacy").get("/api/v1/processing-log?user=jurist")
    entry = ProcessingLogEntry.objects.filter(action="processing_log.viewed").latest("seq")
    assert entry.details["filters"] == {"user": "jurist"}


def test_appends_do_not_wait_for_each_other_and_a_late_commit_is_sealed_after(transactional_db):
    """Decision 0015: a transaction holding an unsealed entry open does not block another request's append (with
    the old global lock the second append waited); the entry that took the lower number but committed later is
    chained after the one that committed first."""
    holding, release, slow = threading.Event(), threading.Event(), {}

    def long_transaction() -> None:
        with transaction.atomic():
            slow["entry"] = log_processing(action="person.viewed", username="traag", object_type="person", persons=[])
            holding.set()
            release.wait(20)
        connection.close()

    worker = threading.Thread(target=long_transaction)
    worker.start()
    assert holding.wait(20)
    started = time.monotonic()
    fast = log_processing(action="person.viewed", username="snel", object_type="person", persons=[])
    assert time.monotonic() - started < 2  # did not wait for the open transaction
    services.processing_log_seal()
    assert ProcessingLogEntry.objects.get(pk=fast.pk).chain_pos is not None
    assert not ProcessingLogEntry.objects.filter(pk=slow["entry"].pk).exists()  # not committed: invisible
    release.set()
    worker.join(20)
    services.processing_log_seal()
    late = ProcessingLogEntry.objects.get(pk=slow["entry"].pk)
    fast = ProcessingLogEntry.objects.get(pk=fast.pk)
    assert late.seq < fast.seq and late.chain_pos > fast.chain_pos and late.prev_hash == fast.hash
    assert verify_chain().intact
