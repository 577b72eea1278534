"""The council's progress report: requested by the analist, made by a job as PDF (WeasyPrint), versioned.

A request stores a waiting report and defers its job in the same transaction. The job takes the report's row
lock, so two workers never make the same report; a job that dies halfway leaves the row "bezig" or "mislukt"
and the restarted job makes the same report again into the same row — never a second report.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from procrastinate.contrib.django import app

from regie.accounts.models import User
from regie.core.indicators import COUNT, SHARE, Indicator
from regie.core.suppression import Cell, threshold
from regie.monitoring.models import CouncilReport, ReportKind, ReportStatus, RollupValue
from regie.monitoring.selectors import Period, cell_for, indicator_views, indicators_of, theme_labels
from regie.monitoring.services.rollups import add_months, last_computed
from regie.processing_log.services import log_processing

REPORT_TASK = "monitoring.generate_report"
TEXT_MAX = 4000
FIRST_YEAR = 2020


def report_period(kind: str, year: int, quarter: int | None) -> Period:
    if kind == ReportKind.QUARTER:
        assert quarter is not None
        first = date(year, 3 * (quarter - 1) + 1, 1)
        return Period(first, add_months(first, 2))
    return Period(date(year, 1, 1), date(year, 12, 1))


def previous_period(period: Period) -> Period:
    length = len(period.months)
    return Period(add_months(period.first, -length), add_months(period.last, -length))


def _validate(
    kind: str, year: int, quarter: int | None, texts: dict[str, str], today: date
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if kind not in ReportKind.values:
        errors["kind"] = "Kies een kwartaal- of jaarrapportage."
    if not FIRST_YEAR <= year <= today.year:
        errors["year"] = f"Kies een jaar van {FIRST_YEAR} tot en met {today.year}."
    if kind == ReportKind.QUARTER and quarter not in (1, 2, 3, 4):
        errors["quarter"] = "Kies het kwartaal (1 tot en met 4)."
    if (
        not errors
        and report_period(kind, year, quarter if kind == ReportKind.QUARTER else None).first > today
    ):
        errors["quarter" if kind == ReportKind.QUARTER else "year"] = "Deze periode is nog niet begonnen."
    for key, text in texts.items():
        if len(text) > TEXT_MAX:
            errors[f"text_{key}"] = f"Deze tekst is te lang (hoogstens {TEXT_MAX} tekens)."
    return errors


def council_report_request(
    *,
    actor: User,
    kind: str,
    year: int,
    quarter: int | None,
    texts: dict[str, str],
    request: HttpRequest | None = None,
    today: date | None = None,
) -> CouncilReport:
    """Store a waiting report (the next version for its period) and defer the job that makes it."""
    today = today or timezone.localdate()
    quarter = quarter if kind == ReportKind.QUARTER else None
    texts = {key: (text or "").strip() for key, text in texts.items()}
    errors = _validate(kind, year, quarter, texts, today)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        same = CouncilReport.objects.select_for_update().filter(kind=kind, year=year, quarter=quarter)
        version = (same.aggregate(v=Max("version"))["v"] or 0) + 1
        report = CouncilReport.objects.create(
            kind=kind, year=year, quarter=quarter, version=version, texts=texts, requested_by=actor
        )
        log_processing(
            action="council_report.requested",
            actor=actor,
            request=request,
            object_type="council_report",
            object_id=report.pk,
            details={"period": report.period_label, "version": version},
        )
        app.configure_task(name=REPORT_TASK).defer(report_id=str(report.pk))
    return report


def _change(indicator: Indicator, now: Cell, before: Cell) -> str:
    """The change from the previous period in words, only where both figures may be shown."""
    if now.hidden or before.hidden or now.value is None or before.value is None:
        return "–"
    if now.value == before.value:
        return "gelijk"
    word = "hoger" if now.value > before.value else "lager"
    if indicator.rise_is_good is None:
        return word
    good = (now.value > before.value) == indicator.rise_is_good
    return f"{word} ({'gunstig' if good else 'ongunstig'})"


def _period_figure(indicator: Indicator, period: Period) -> tuple[float | None, int]:
    """The indicator's own figure over a period: a flow summed, a stock at its last month, an average weighted."""
    rows = list(
        RollupValue.objects.filter(
            indicator=indicator.code, dimension="", area="", month__gte=period.first, month__lte=period.last
        ).values_list("month", "value", "base")
    )
    if not rows:
        return None, 0
    if indicator.stock:
        _, value, base = max(rows)
        return value, base
    if indicator.kind == COUNT:
        return sum(v for _, v, _ in rows), int(sum(v for _, v, _ in rows))
    base = sum(b for _, _, b in rows)
    return (round(sum(v * b for _, v, b in rows) / base, 1) if base else None), base


def _theme_sections(period: Period) -> list[dict[str, Any]]:
    before = previous_period(period)
    sections = []
    for theme, label in theme_labels().items():
        rows = []
        for indicator in indicators_of(theme):
            now_cell = cell_for(indicator, *_period_figure(indicator, period))
            before_cell = cell_for(indicator, *_period_figure(indicator, before))
            rows.append(
                {
                    "indicator": indicator,
                    "now": now_cell,
                    "before": before_cell,
                    "change": _change(indicator, now_cell, before_cell),
                    # A count names its own unit ("Ontvangen signalen"); an average or share says what it is in.
                    "unit": "" if indicator.kind == COUNT else "%" if indicator.kind == SHARE else indicator.unit,
                }
            )
        trend = Period(add_months(period.last, -23), period.last)
        sections.append(
            {
                "theme": theme,
                "label": label,
                "rows": rows,
                "views": indicator_views(indicators_of(theme), trend),
            }
        )
    return sections


def render_report_html(report: CouncilReport) -> str:
    period = report_period(report.kind, report.year, report.quarter)
    run = last_computed()
    return render_to_string(
        "monitoring/report_pdf.html",
        {
            "report": report,
            "period": period,
            "previous": previous_period(period),
            "sections": _theme_sections(period),
            "texts": report.texts,
            "threshold": threshold(),
            "computed_at": run.finished_at if run else None,
            "made_on": timezone.localdate(),
        },
    )


def council_report_generate(*, report_id: str) -> CouncilReport:
    """Make the PDF of a waiting (or interrupted) report; a finished report is left as it is."""
    from weasyprint import HTML

    with transaction.atomic():
        report = CouncilReport.objects.select_for_update().get(pk=report_id)
        if report.status == ReportStatus.DONE:
            return report
        CouncilReport.objects.filter(pk=report.pk).update(status=ReportStatus.RUNNING, progress=10, error="")
    try:
        html = render_report_html(report)
        CouncilReport.objects.filter(pk=report.pk).update(progress=50)
        document = HTML(string=html).render()
        pdf = document.write_pdf()
    except Exception as exc:
        CouncilReport.objects.filter(pk=report.pk).update(status=ReportStatus.FAILED, error=str(exc)[:2000])
        raise
    with transaction.atomic():
        CouncilReport.objects.filter(pk=report.pk).update(
            status=ReportStatus.DONE,
            progress=100,
            pdf=pdf,
            pages=len(document.pages),
            finished_at=timezone.now(),
        )
        log_processing(
            action="council_report.generated",
            object_type="council_report",
            object_id=report.pk,
            details={"period": report.period_label, "version": report.version, "pages": len(document.pages)},
        )
    report.refresh_from_db()
    return report


def council_report_download(
    *, actor: User, report: CouncilReport, request: HttpRequest | None = None
) -> bytes:
    if report.status != ReportStatus.DONE or not report.pdf:
        raise ValidationError("Deze rapportage is nog niet klaar.")
    log_processing(
        action="council_report.downloaded",
        actor=actor,
        request=request,
        object_type="council_report",
        object_id=report.pk,
        details={"period": report.period_label, "version": report.version},
    )
    return bytes(report.pdf)
