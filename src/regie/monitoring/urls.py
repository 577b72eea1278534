"""Pages of monitoring: the overview, the dashboards per theme, the rebuild and the council's reports."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.monitoring import drilldown, views

urlpatterns: list[URLPattern] = [
    path("monitoring", views.overview, name="monitoring"),
    path("monitoring/herberekenen", views.rebuild, name="monitoring-rebuild"),
    path("monitoring/casussen", drilldown.drilldown, name="monitoring-drilldown"),
    path("monitoring/rapportages", views.reports, name="monitoring-reports"),
    path("monitoring/rapportages/<str:report_id>", views.report_detail, name="monitoring-report"),
    path("monitoring/rapportages/<str:report_id>/pdf", views.report_pdf, name="monitoring-report-pdf"),
    path("monitoring/thema/<slug:theme>", views.theme_page, name="monitoring-theme"),
    path("monitoring/thema/<slug:theme>/csv", views.theme_csv, name="monitoring-theme-csv"),
]
