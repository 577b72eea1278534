"""Monitoring pages: the overview, a dashboard per theme (chart, tables, CSV), the rebuild and the council reports.

Aggregates only: these pages read the rollup tables, never a case or a person, so they log no read.
"""

from __future__ import annotations

import csv
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from regie.access.policy import has_permission, request_user, requires
from regie.core.html.form_view import handle_form
from regie.core.html.forms import apply_errors
from regie.core.ids import uuid_or_404
from regie.core.suppression import threshold
from regie.monitoring.drilldown import add_links, may_drill
from regie.monitoring.forms import FilterForm, RebuildForm, ReportForm
from regie.monitoring.models import CouncilReport, ReportStatus, RollupRun
from regie.monitoring.selectors import (
    Period,
    areas_of,
    csv_rows,
    indicator_views,
    indicators_of,
    period_from,
    theme_labels,
)
from regie.monitoring.services.reports import council_report_download, council_report_request
from regie.monitoring.services.rollups import (
    add_months,
    last_computed,
    month_start,
    parse_month,
    rollup_rebuild_request,
)


def _common(request: HttpRequest) -> dict[str, Any]:
    return {
        "themes": theme_labels(),
        "last_run": last_computed(),
        "latest_run": RollupRun.objects.first(),
        "may_manage": has_permission(request.user, "monitoring.manage"),
        "threshold": threshold(),
    }


def _overview(request: HttpRequest, rebuild_form: RebuildForm, status: int = 200) -> HttpResponse:
    """Per theme its indicators: the last two full months side by side, with a link to the dashboard."""
    this_month = month_start(timezone.localdate())
    period = Period(add_months(this_month, -2), add_months(this_month, -1))
    tiles = [
        {"theme": theme, "label": label, "views": indicator_views(indicators_of(theme), period)}
        for theme, label in theme_labels().items()
    ]
    context = {**_common(request), "tiles": tiles, "period": period, "rebuild_form": rebuild_form}
    return render(request, "monitoring/overview.html", context, status=status)


@requires("monitoring.view")
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    return _overview(request, RebuildForm())


def _theme(theme: str) -> str:
    if theme not in theme_labels():
        raise Http404
    return theme


def _filtered(request: HttpRequest, theme: str) -> tuple[FilterForm, Period | None, str]:
    form = FilterForm(request.GET or None, areas=areas_of(theme))
    today = timezone.localdate()
    if request.GET and not form.is_valid():
        return form, None, ""
    data = form.cleaned_data if request.GET else {}
    try:
        period = period_from(data.get("van") or None, data.get("tot") or None, today=today)
    except ValidationError as exc:
        apply_errors(form, exc)
        return form, None, ""
    return form, period, data.get("gebied") or ""


@requires("monitoring.view")
@require_GET
def theme_page(request: HttpRequest, theme: str) -> HttpResponse:
    label = theme_labels().get(_theme(theme), "")
    form, period, area = _filtered(request, theme)
    views = indicator_views(indicators_of(theme), period, area) if period else []
    if may_drill(request.user):
        add_links(views, area)
    context = {
        **_common(request),
        "theme": theme,
        "label": label,
        "form": form,
        "period": period,
        "area": area,
        "views": views,
        "query": request.GET.urlencode(),
        "breadcrumbs": [{"label": "Monitoring", "url": "/monitoring"}, {"label": label}],
    }
    return render(request, "monitoring/theme.html", context, status=200 if period else 400)


@requires("monitoring.view")
@require_GET
def theme_csv(request: HttpRequest, theme: str) -> HttpResponse:
    _theme(theme)
    form, period, area = _filtered(request, theme)
    if period is None:
        errors = "; ".join(str(e) for field in form.errors.values() for e in field)
        return HttpResponse(
            f"Ongeldige filter: {errors}", status=400, content_type="text/plain; charset=utf-8"
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"monitoring-{theme}-{period.first.isoformat()[:7]}-{period.last.isoformat()[:7]}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response, delimiter=";")
    writer.writerows(csv_rows(indicator_views(indicators_of(theme), period, area)))
    return response


@requires("monitoring.manage")
@require_POST
def rebuild(request: HttpRequest) -> HttpResponse:
    form = RebuildForm(request.POST)
    user = request_user(request)

    return handle_form(
        request,
        form,
        action=lambda data: rollup_rebuild_request(
            actor=user, from_month=parse_month(data["from_month"]), request=request
        ),
        render=lambda status: _overview(request, form, status),
        success_url="/monitoring",
        success_message="De cijfers worden opnieuw berekend; de voortgang staat hieronder.",
        aliases={"from_month": "from_month"},
    )


@requires("monitoring.manage")
def reports(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = ReportForm(request.POST or None, initial={"year": timezone.localdate().year})

    def page(status: int) -> HttpResponse:
        context = {
            **_common(request),
            "form": form,
            "reports": CouncilReport.objects.select_related("requested_by")[:50],
            "breadcrumbs": [
                {"label": "Monitoring", "url": "/monitoring"},
                {"label": "Rapportages voor de raad"},
            ],
        }
        return render(request, "monitoring/reports.html", context, status=status)

    return handle_form(
        request,
        form,
        action=lambda data: council_report_request(
            actor=user,
            kind=data["kind"],
            year=data["year"],
            quarter=data["quarter"],
            texts=form.texts(),
            request=request,
        ),
        render=page,
        success_url=lambda report: f"/monitoring/rapportages/{report.pk}",
        success_message="De rapportage wordt gemaakt; deze pagina laat zien hoe ver het is.",
    )


def _report(report_id: str) -> CouncilReport:
    report = CouncilReport.objects.filter(pk=uuid_or_404(report_id)).select_related("requested_by").first()
    if report is None:
        raise Http404
    return report


@requires("monitoring.manage")
@require_GET
def report_detail(request: HttpRequest, report_id: str) -> HttpResponse:
    report = _report(report_id)
    context = {
        **_common(request),
        "report": report,
        "busy": report.status in (ReportStatus.WAITING, ReportStatus.RUNNING),
        "breadcrumbs": [
            {"label": "Monitoring", "url": "/monitoring"},
            {"label": "Rapportages voor de raad", "url": "/monitoring/rapportages"},
            {"label": str(report)},
        ],
    }
    return render(request, "monitoring/report.html", context)


@requires("monitoring.manage")
@require_GET
def report_pdf(request: HttpRequest, report_id: str) -> HttpResponse:
    report = _report(report_id)
    try:
        pdf = council_report_download(actor=request_user(request), report=report, request=request)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return HttpResponseRedirect(f"/monitoring/rapportages/{report.pk}")
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"voortgangsrapportage-{report.year}-{report.quarter or 'jaar'}-v{report.version}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
