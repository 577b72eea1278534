"""Routes of the privacy API under /api/v1/: plural kebab-case resources, no trailing slash."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.privacy.api import ProcessingLogList

urlpatterns: list[URLPattern] = [
    path("processing-log", ProcessingLogList.as_view()),
]
