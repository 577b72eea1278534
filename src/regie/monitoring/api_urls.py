"""Routes of the monitoring API under /api/v1/: plural kebab-case resources, no trailing slash."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.monitoring import api

urlpatterns: list[URLPattern] = [
    path("monitoring/indicators", api.IndicatorList.as_view()),
    path("monitoring/series", api.SeriesView.as_view()),
    path("council-reports", api.CouncilReportList.as_view()),
    path("council-reports/<str:id>", api.CouncilReportDetail.as_view()),
    path("council-reports/<str:id>/pdf", api.CouncilReportPdf.as_view()),
]
