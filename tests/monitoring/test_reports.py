"""The council report: requested, made by its job as PDF, versioned, read back (pages, headings, a table, nothing
under the threshold), restartable without a second report; who may; bad input."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from regie.monitoring.models import CouncilReport, ReportStatus
from regie.monitoring.services.reports import REPORT_TASK, council_report_generate, council_report_request
from regie.processing_log.models import ProcessingLogEntry
from tests.intake.conftest import pending_jobs, run_jobs

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]  # locks rows: CI runs it on PostgreSQL 15 too

TEXTS = {"inleiding": "De raad vroeg om cijfers per kwartaal.", "signalen": "Meer meldingen na de campagne."}


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_a_quarter_report_is_made_by_its_job_and_reads_right(users, figures) -> None:
    report = council_report_request(
        actor=users["analist"], kind="kwartaal", year=2026, quarter=1, texts=TEXTS
    )
    assert report.status == ReportStatus.WAITING and report.version == 1
    assert [j["args"] for j in pending_jobs(REPORT_TASK)] == [{"report_id": str(report.pk)}]
    assert run_jobs(REPORT_TASK) == 1
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and report.progress == 100 and report.pdf
    pages, text = _text(bytes(report.pdf))
    shots = Path("/tmp/regie-shots")  # kept to look at (pdftoppm), as the definition of done asks
    shots.mkdir(exist_ok=True)
    (shots / "council-report.pdf").write_bytes(bytes(report.pdf))
    assert pages == report.pages and pages >= 3
    assert "Voortgangsrapportage veiligheidsagenda" in text and "1e kwartaal 2026" in text
    assert "Signalen en meldingen" in text and "Zorg en veiligheid" in text
    assert "Vorige periode" in text and "De raad vroeg om cijfers per kwartaal." in text
    assert "Ontvangen signalen" in text and "17" in text  # 14 in January and 3 in February
    # No count from 1 to 4 stands anywhere as a figure: small numbers read "< 5".
    assert "< 5" in text or "–" in text
    figures_in_tables = re.findall(
        r"(?m)^(?:Ontvangen signalen|Nieuwe casussen|Afgesloten casussen).*$", text
    )
    assert figures_in_tables and not any(re.search(r"\s[1-4]\s", line + " ") for line in figures_in_tables)
    assert ProcessingLogEntry.objects.filter(
        action="council_report.generated", object_id=str(report.pk)
    ).exists()


def test_a_period_that_has_not_begun_is_refused(users) -> None:
    with pytest.raises(ValidationError, match="nog niet begonnen"):
        council_report_request(
            actor=users["analist"], kind="kwartaal", year=2026, quarter=3, texts={}, today=dt.date(2026, 5, 1)
        )


def test_a_second_request_for_the_same_quarter_is_a_new_version(users, figures) -> None:
    first = council_report_request(actor=users["analist"], kind="kwartaal", year=2026, quarter=1, texts={})
    second = council_report_request(actor=users["analist"], kind="kwartaal", year=2026, quarter=1, texts={})
    assert (first.version, second.version) == (1, 2)


def test_a_job_that_runs_again_makes_no_second_report(users, figures) -> None:
    report = council_report_request(actor=users["analist"], kind="jaar", year=2025, quarter=None, texts={})
    # the worker died after it started: the row says "bezig"; the retried job finishes the same report
    CouncilReport.objects.filter(pk=report.pk).update(status=ReportStatus.RUNNING, progress=10)
    council_report_generate(report_id=str(report.pk))
    council_report_generate(report_id=str(report.pk))
    assert CouncilReport.objects.filter(kind="jaar", year=2025).count() == 1
    assert (
        ProcessingLogEntry.objects.filter(action="council_report.generated", object_id=str(report.pk)).count()
        == 1
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "kwartaal", "year": "2026", "quarter": ""}, "Kies het kwartaal"),
        ({"kind": "kwartaal", "year": "2019", "quarter": "1"}, "Kies een jaar van 2020"),
        ({"kind": "kwartaal", "year": "2099", "quarter": "1"}, "Kies een jaar van 2020"),
        ({"kind": "maand", "year": "2026", "quarter": "1"}, "Kies een kwartaal- of jaarrapportage."),
        ({"kind": "jaar", "year": "twintig"}, "Vul een jaar in"),
        ({"kind": "jaar", "year": "2025", "text_inleiding": "x" * 4001}, "te lang"),
    ],
)
def test_bad_report_requests_are_refused_in_dutch(sign_in, users, figures, data, message) -> None:
    response = sign_in(users["analist"]).post("/monitoring/rapportages", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not CouncilReport.objects.exists()


def test_the_pages_request_follow_and_download_a_report(sign_in, users, figures) -> None:
    client = sign_in(users["analist"])
    assert "Nieuwe rapportage" in client.get("/monitoring/rapportages").content.decode()
    response = client.post(
        "/monitoring/rapportages", {"kind": "jaar", "year": "2025", "text_inleiding": "Tekst"}
    )
    report = CouncilReport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/monitoring/rapportages/{report.pk}"
    waiting = client.get(f"/monitoring/rapportages/{report.pk}").content.decode()
    assert "Wacht op verwerking" in waiting and "Bekijk hoe ver het is" in waiting
    early = client.get(f"/monitoring/rapportages/{report.pk}/pdf")
    assert early.status_code == 302  # not ready: back to the report's page with the reason
    run_jobs(REPORT_TASK)
    pdf = client.get(f"/monitoring/rapportages/{report.pk}/pdf")
    assert (
        pdf.status_code == 200
        and pdf["Content-Type"] == "application/pdf"
        and pdf.content.startswith(b"%PDF")
    )
    assert ProcessingLogEntry.objects.filter(action="council_report.downloaded").exists()


@pytest.mark.parametrize(
    "role", ["procesregisseur", "projectleider", "handhaver", "politie", "beheerder", "privacy"]
)
def test_only_the_analist_makes_and_reads_reports(sign_in, users, figures, role) -> None:
    report = council_report_request(actor=users["analist"], kind="jaar", year=2025, quarter=None, texts={})
    client = sign_in(users[role])
    for url in (
        "/monitoring/rapportages",
        f"/monitoring/rapportages/{report.pk}",
        f"/monitoring/rapportages/{report.pk}/pdf",
    ):
        assert client.get(url).status_code == 403, (role, url)
    assert client.post("/monitoring/rapportages", {"kind": "jaar", "year": "2025"}).status_code == 403


def test_an_unknown_report_is_a_404(sign_in, users, figures) -> None:
    client = sign_in(users["analist"])
    assert client.get("/monitoring/rapportages/niet-een-id").status_code == 404
    assert client.get("/monitoring/rapportages/00000000-0000-0000-0000-000000000000").status_code == 404
