"""Destroying a case whose retention term has ended (issue 18): its rows go in the caller's transaction, the names
of its stored files are handed back so the caller deletes them after the commit (and again on a resumed run).

Called only by the privacy app's destruction of an approved list, with the case read through the privacy door.
The processing log is not touched: it is evidence, append-only and kept for its own term (NEN 7513), so entries
about the case stay, pointing to an id that no longer resolves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import ProtectedError

from regie.cases.models import Case
from regie.cases.services.documents import storage_root


@dataclass(frozen=True)
class DestroyedCase:
    number: str
    files: list[str]  # storage names of the documents (and letters) to delete after the commit
    persons_removed: int  # persons who appeared nowhere else and went with the case


def case_destroy(*, case: Case) -> DestroyedCase:
    """Delete the case with its subjects, team, notes, documents, tasks, timeline, links, emergency accesses and
    procedures (they cascade), and each of its persons nobody else refers to. Must run inside a transaction."""
    assert transaction.get_connection().in_atomic_block, "case_destroy runs in the caller's transaction"
    files = list(case.documents.values_list("storage_name", flat=True))
    persons = {s.person_id: s.person for s in case.subjects.select_related("person") if s.person is not None}
    number = case.number
    case.delete()
    removed = 0
    for person in persons.values():
        try:
            with transaction.atomic():
                person.delete()
            removed += 1
        except ProtectedError:
            continue  # still in another case, a signal, a lot or a request: the person stays
    return DestroyedCase(number, files, removed)


def stored_file(name: str) -> Path:
    """Where a destroyed case's file lies until it is deleted."""
    return storage_root() / name
