"""Routes of the park API under /api/v1/: plural kebab-case resources, no trailing slash."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.park import api

urlpatterns: list[URLPattern] = [
    path("park-lots", api.ParkLotList.as_view()),
    path("park-lots/<uuid:id>/brp-refreshes", api.ParkLotBrpRefreshes.as_view()),
]
