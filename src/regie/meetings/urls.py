"""Pages of the case meetings (Dutch paths, no trailing slash)."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.meetings import meeting_views, views

urlpatterns: list[URLPattern] = [
    path("overleggen", views.meetings_home, name="meetings-home"),
    path("overleggen/reeksen/nieuw", views.series_new, name="meetings-series-new"),
    path("overleggen/reeksen/<str:series_id>", views.series_detail, name="meetings-series"),
    path("overleggen/reeksen/<str:series_id>/plannen", views.series_plan, name="meetings-plan"),
    path("overleggen/<str:meeting_id>", meeting_views.meeting_detail, name="meetings-meeting"),
    path("overleggen/<str:meeting_id>/geheimhouding", meeting_views.confirm, name="meetings-confirm"),
    path(
        "overleggen/<str:meeting_id>/agendapunten/<str:item_id>",
        meeting_views.item_detail,
        name="meetings-item",
    ),
    path(
        "overleggen/<str:meeting_id>/agendapunten/<str:item_id>/<slug:part>",
        meeting_views.item_change,
        name="meetings-item-change",
    ),
    path(
        "overleggen/<str:meeting_id>/<slug:part>",
        meeting_views.meeting_change,
        name="meetings-meeting-change",
    ),
]
