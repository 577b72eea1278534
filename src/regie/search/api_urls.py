"""Search and hit/no-hit routes under /api/v1/."""

from __future__ import annotations

from django.urls import path

from regie.search.api import HitCheck, Search

urlpatterns = [
    path("search", Search.as_view()),
    path("hit-checks", HitCheck.as_view()),
]
