"""Monitoring API: `monitoring/indicators`, `monitoring/series` (suppressed as on the pages) and `council-reports`.

A hidden figure has `value` null, `hidden` true and `shown` "< 5" (or "–" for an average over too few): the same
policy as the pages, the CSV and the PDF (core.suppression).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from regie.accounts.models import User
from regie.core.api.casing import snakify
from regie.core.api.conventions import wire_names
from regie.core.errors import ConflictError
from regie.core.ids import uuid_or_404
from regie.core.indicators import THEMES, indicators
from regie.core.suppression import Cell
from regie.monitoring.models import CouncilReport, ReportKind
from regie.monitoring.selectors import Period, areas_of, indicator_by_code, indicator_views, period_from
from regie.monitoring.services.reports import council_report_download, council_report_request
from regie.monitoring.services.rollups import add_months, last_computed, month_start


def _cell(cell: Cell) -> dict[str, Any]:
    return {"value": cell.value, "shown": cell.text, "hidden": cell.hidden}


def _user(request: Request) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


class IndicatorList(APIView):
    """Every indicator with its theme, unit and the last two full months (suppressed)."""

    required_permission = "monitoring.view"

    @extend_schema(responses={200: serializers.JSONField()})
    def get(self, request: Request) -> Response:
        this_month = month_start(timezone.localdate())
        period = Period(add_months(this_month, -2), add_months(this_month, -1))
        views = indicator_views(list(indicators), period)
        run = last_computed()
        return Response(
            {
                "computedAt": run.finished_at.isoformat() if run and run.finished_at else None,
                "indicators": [
                    {
                        "code": v.indicator.code,
                        "theme": v.indicator.theme,
                        "themeLabel": THEMES.get(v.indicator.theme, v.indicator.theme),
                        "label": v.indicator.label,
                        "description": v.indicator.description,
                        "kind": v.indicator.kind,
                        "unit": v.indicator.unit,
                        "months": [
                            {"month": f"{m:%Y-%m}", **_cell(c)}
                            for m, c in zip(v.months, v.totals, strict=True)
                        ],
                    }
                    for v in views
                ],
            }
        )


class SeriesQuery(serializers.Serializer[Any]):
    indicator = serializers.CharField(max_length=80)
    from_month = serializers.CharField(required=False, allow_blank=True, max_length=7)
    to_month = serializers.CharField(required=False, allow_blank=True, max_length=7)
    area = serializers.CharField(required=False, allow_blank=True, max_length=120, default="")


class SeriesView(APIView):
    """One indicator per month over a period (at most 36 months), its total and its breakdowns, suppressed."""

    required_permission = "monitoring.view"

    @extend_schema(
        parameters=[
            OpenApiParameter("indicator", str, required=True, description="Code van de indicator"),
            OpenApiParameter(
                "fromMonth", str, description="Eerste maand, JJJJ-MM (standaard 11 maanden terug)"
            ),
            OpenApiParameter("toMonth", str, description="Laatste maand, JJJJ-MM (standaard deze maand)"),
            OpenApiParameter("area", str, description="Gebied (leeg: de hele gemeente)"),
        ],
        responses={200: serializers.JSONField()},
    )
    def get(self, request: Request) -> Response:
        query = SeriesQuery(data=snakify(dict(request.query_params.items())))
        query.is_valid(raise_exception=True)
        params = query.validated_data
        indicator = indicator_by_code(params["indicator"])
        if indicator is None:
            raise serializers.ValidationError({"indicator": ["Er is geen indicator met deze code."]})
        if params["area"] and params["area"] not in areas_of(indicator.theme):
            raise serializers.ValidationError(
                {"area": ["Voor dit gebied zijn geen cijfers; laat het leeg voor de hele gemeente."]}
            )
        with wire_names(van="fromMonth", tot="toMonth", from_month="fromMonth"):
            period = period_from(
                params.get("from_month") or None, params.get("to_month") or None, today=timezone.localdate()
            )
        (view,) = indicator_views([indicator], period, params["area"])
        return Response(
            {
                "indicator": indicator.code,
                "label": indicator.label,
                "unit": indicator.unit,
                "area": params["area"],
                "months": [
                    {"month": f"{m:%Y-%m}", **_cell(c)} for m, c in zip(view.months, view.totals, strict=True)
                ],
                "breakdowns": [
                    {
                        "dimension": b.dimension,
                        "members": [
                            {
                                "member": row["member"],
                                "months": [
                                    {"month": f"{m:%Y-%m}", **_cell(c)}
                                    for m, c in zip(view.months, row["cells"], strict=True)
                                ],
                            }
                            for row in b.rows
                        ],
                    }
                    for b in view.breakdowns
                ],
                "crossTables": [
                    {
                        "dimensions": [t.first, t.second],
                        "rows": [
                            {
                                "member": line["member"],
                                "cells": [
                                    {"column": col, **_cell(c)}
                                    for col, c in zip(t.columns, line["cells"], strict=True)
                                ],
                                "total": _cell(line["total"]),
                            }
                            for line in t.lines
                        ],
                        "columnTotals": [
                            {"column": col, **_cell(c)}
                            for col, c in zip(t.columns, t.column_totals, strict=True)
                        ],
                        "total": _cell(t.grand_total),
                    }
                    for t in view.crosses
                ],
            }
        )


class CouncilReportSerializer(serializers.ModelSerializer[CouncilReport]):
    period = serializers.CharField(source="period_label", read_only=True)

    class Meta:
        model = CouncilReport
        fields = [
            "id",
            "kind",
            "year",
            "quarter",
            "version",
            "period",
            "status",
            "progress",
            "pages",
            "created_at",
        ]
        read_only_fields = fields


class CouncilReportRequest(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=ReportKind.choices)
    year = serializers.IntegerField()
    quarter = serializers.IntegerField(required=False, allow_null=True, default=None)
    texts = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False, default=dict)


class CouncilReportList(APIView):
    """The council's progress reports (newest first); POST asks for a new one, made by a job."""

    required_permission = "monitoring.manage"

    @extend_schema(responses={200: CouncilReportSerializer(many=True)})
    def get(self, request: Request) -> Response:
        return Response(CouncilReportSerializer(CouncilReport.objects.all()[:100], many=True).data)

    @extend_schema(request=CouncilReportRequest, responses={201: CouncilReportSerializer})
    def post(self, request: Request) -> Response:
        body = CouncilReportRequest(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        allowed = {"inleiding", *THEMES}
        unknown = set(data["texts"]) - allowed
        if unknown:
            raise serializers.ValidationError(
                {"texts": [f"Onbekend onderdeel: {', '.join(sorted(unknown))}."]}
            )
        with wire_names(**{f"text_{k}": "texts" for k in allowed}):
            report = council_report_request(
                actor=_user(request),
                kind=data["kind"],
                year=data["year"],
                quarter=data["quarter"],
                texts=data["texts"],
                request=request._request,
            )
        return Response(CouncilReportSerializer(report).data, status=status.HTTP_201_CREATED)


def _report(report_id: Any) -> CouncilReport:
    report = CouncilReport.objects.filter(pk=uuid_or_404(report_id)).first()
    if report is None:
        raise Http404
    return report


class CouncilReportDetail(APIView):
    required_permission = "monitoring.manage"

    @extend_schema(responses={200: CouncilReportSerializer})
    def get(self, request: Request, id: Any) -> Response:
        return Response(CouncilReportSerializer(_report(id)).data)


class CouncilReportPdf(APIView):
    """The report's PDF once it is made (409 while it is being made)."""

    required_permission = "monitoring.manage"

    @extend_schema(responses={200: OpenApiResponse(description="De PDF (application/pdf)")})
    def get(self, request: Request, id: Any) -> HttpResponse:
        report = _report(id)
        try:
            pdf = council_report_download(actor=_user(request), report=report, request=request._request)
        except DjangoValidationError as exc:
            raise ConflictError(exc.messages[0]) from None
        return HttpResponse(pdf, content_type="application/pdf")
