"""The demo cases: idempotent, realistic, every working role has work, need-to-know visibly at play."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.db.models import Count, Q
from django.test import override_settings
from pytest_django.fixtures import Settings

from regie.access.case_access import cases_visible_to
from regie.accounts.models import User
from regie.cases.models import (
    BreakTheGlass,
    Case,
    CaseLink,
    CaseMember,
    CaseStatus,
    CaseSubject,
    CaseType,
    Document,
    Note,
    Task,
    TimelineEvent,
)
from regie.cases.services.documents import sniff_content_type
from regie.demo import case_data
from regie.demo.accounts import seed_accounts
from regie.demo.cases import demo_pdf, demo_png, seed_cases
from regie.processing_log.models import ProcessingLogEntry
from regie.processing_log.services import processing_log_seal
from regie.processing_log.verify import verify_chain
from regie.subjects.identity import is_valid_kvk
from regie.subjects.models import Address, Business, Location, Person

pytestmark = pytest.mark.postgres

CASE_ROLES = ["procesregisseur", "projectleider", "handhaver", "jurist", "brp", "politie", "ggz"]
MODELS = [
    CaseType,
    Case,
    CaseMember,
    CaseSubject,
    CaseLink,
    Task,
    Note,
    Document,
    TimelineEvent,
    BreakTheGlass,
    Person,
    Address,
    Location,
    Business,
    ProcessingLogEntry,
]


def eleven_test(bsn: str) -> bool:
    """The 11-test written out independently of the code under test."""
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return len(bsn) == 9 and sum(w * int(d) for w, d in zip(weights, bsn, strict=True)) % 11 == 0


@pytest.fixture
def media(settings: Settings, tmp_path: Path) -> Path:
    """Document bytes go to a temporary directory, not to the developer's data directory."""
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def _seeded_once(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[list[str], Path]]:
    """The demo cases, seeded once for the module inside a transaction rolled back at its end; each test reads
    them in a savepoint of its own (pytest-django's `db`), so tests stay independent."""
    media = tmp_path_factory.mktemp("demo-documents")
    with override_settings(MEDIA_ROOT=str(media)), django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            seed_accounts()
            yield seed_cases(), media
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def seeded(_seeded_once: tuple[list[str], Path], db: None) -> list[str]:
    return _seeded_once[0]


@pytest.fixture
def seeded_media(_seeded_once: tuple[list[str], Path]) -> Path:
    return _seeded_once[1]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_seeding_twice_changes_nothing(users: dict[str, User], media: Path) -> None:
    first = seed_cases()
    before, files = counts(), sorted(media.iterdir())
    second = seed_cases()
    assert counts() == before
    assert sorted(media.iterdir()) == files
    totals = [re.sub(r" \([^)]*\)", "", line) for line in first]
    assert [re.sub(r" \([^)]*\)", "", line) for line in second] == totals
    assert all("nieuw" not in line or "niets nieuw" in line for line in second)
    processing_log_seal()  # chain every entry written, so all of them are verified
    assert verify_chain().intact
    # the report: Dutch lines with the counts
    assert first[0].startswith(f"Casustypen: {len(case_data.CASE_TYPES)} ({len(case_data.CASE_TYPES)} nieuw)")
    assert first[2].startswith(f"Casussen: {len(case_data.CASES)} ({len(case_data.CASES)} nieuw)")
    assert "Noodtoegang: 1 wacht op beoordeling" in first[-1]


def test_every_case_type_and_status_is_used(seeded: list[str]) -> None:
    codes = set(Case.objects.values_list("case_type__code", flat=True))
    assert codes == {item["code"] for item in case_data.CASE_TYPES}
    assert set(Case.objects.values_list("status", flat=True)) == set(CaseStatus.values)
    assert 18 <= Case.objects.count() <= 35
    closed = Case.objects.filter(status=CaseStatus.CLOSED)
    assert closed.exists()
    assert all(case.closed_reason and case.closed_at for case in closed)
    assert set(Case.objects.values_list("priority", flat=True)) >= {"laag", "normaal", "hoog", "urgent"}


def test_every_role_that_works_on_cases_sees_a_case(seeded: list[str], users: dict[str, User]) -> None:
    for username in CASE_ROLES:
        assert cases_visible_to(users[username]).exists(), username


def test_partners_are_on_purpose_not_on_every_case(seeded: list[str], users: dict[str, User]) -> None:
    for username in ["ggz", "politie"]:
        user = users[username]
        not_on = Case.objects.exclude(pk__in=cases_visible_to(user).values("pk"))
        assert not_on.exists(), username
        for case in not_on:
            assert case.coordinator_id != user.pk
            assert not case.members.filter(Q(user=user) | Q(organisation=user.organisation)).exists()


def test_roles_without_case_access_see_none(seeded: list[str], users: dict[str, User]) -> None:
    for username in ["analist", "beheerder", "privacy"]:
        assert not cases_visible_to(users[username]).exists(), username


def test_whole_organisations_are_on_teams_with_their_categories(
    seeded: list[str], users: dict[str, User]
) -> None:
    police = users["politie"].organisation
    ggz = users["ggz"].organisation
    assert CaseMember.objects.filter(
        organisation=police, case__case_type__code="opiumwet-13b", categories=["general", "justice"]
    ).exists()
    assert CaseMember.objects.filter(
        organisation=ggz, case__case_type__code="zorg-en-veiligheidscasus", categories=["care", "general"]
    ).exists()


def test_notes_of_every_category(seeded: list[str]) -> None:
    assert set(Note.objects.values_list("category", flat=True)) == {"general", "care", "justice"}
    assert Note.objects.filter(search_vector__isnull=True).count() == 0


def test_persons_known_in_several_cases(seeded: list[str]) -> None:
    repeated = (
        CaseSubject.objects.filter(person__isnull=False)
        .values("person")
        .annotate(cases=Count("case", distinct=True))
        .filter(cases__gte=2)
    )
    assert repeated.count() >= 3


def test_one_break_the_glass_awaits_review_on_a_case_the_director_is_not_on(
    seeded: list[str], users: dict[str, User]
) -> None:
    waiting = BreakTheGlass.objects.filter(reviewed_at__isnull=True)
    assert waiting.count() == 1
    access = waiting.get()
    director = users["procesregisseur"]
    assert access.user == director
    assert access.case.coordinator_id != director.pk
    assert not access.case.members.filter(Q(user=director) | Q(organisation=director.organisation)).exists()
    assert ProcessingLogEntry.objects.filter(action="case.break_the_glass", break_the_glass=True).count() == 1


def test_persons_have_valid_test_bsns_and_realistic_subjects(seeded: list[str]) -> None:
    assert 25 <= Person.objects.count() <= 35
    bsns = [p.bsn for p in Person.objects.exclude(bsn__isnull=True)]
    assert len(bsns) >= 25
    assert all(eleven_test(bsn) for bsn in bsns)
    assert Person.objects.exclude(prefix="").count() >= 5
    assert Business.objects.count() == 3
    assert all(is_valid_kvk(b.kvk_number) for b in Business.objects.all())
    lots = Location.objects.filter(kind="park-lot")
    assert lots.count() >= 3
    assert all(lot.geometry and lot.geometry["type"] == "Polygon" for lot in lots)
    assert Location.objects.filter(kind="farm-shed").exists()
    assert Location.objects.filter(kind="business-unit").exists()


def test_tasks_documents_and_links(seeded: list[str], seeded_media: Path) -> None:
    assert Task.objects.filter(due_date__isnull=False).count() == Task.objects.count()
    assert Task.objects.filter(done_at__isnull=False).exists()
    documents = Document.objects.all()
    assert {d.content_type for d in documents} == {"application/pdf", "image/png"}
    for document in documents:
        assert (seeded_media / document.storage_name).stat().st_size == document.size
    assert CaseLink.objects.count() == len(case_data.LINKS)


def test_generated_files_pass_content_sniffing() -> None:
    pdf = demo_pdf("Proef", ["Regel met (haakjes) en een ë"])
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    assert sniff_content_type(pdf) == "application/pdf"
    xref = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert pdf[xref:].startswith(b"xref")
    assert sniff_content_type(demo_png("Gevel")) == "image/png"
