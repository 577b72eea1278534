"""Routes of the case-meetings API under /api/v1/: plural kebab-case resources, no trailing slash."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.meetings import api

urlpatterns: list[URLPattern] = [
    path("meeting-series", api.MeetingSeriesList.as_view()),
    path("meeting-series/<uuid:id>", api.MeetingSeriesDetail.as_view()),
    path("meetings", api.MeetingList.as_view()),
    path("meetings/<uuid:id>", api.MeetingDetail.as_view()),
    path("meeting-actions", api.MeetingActionList.as_view()),
]
