"""Signal API routes under /api/v1/: plural kebab-case resources, no trailing slash."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.intake.api.public import PublicSignalCreate
from regie.intake.api.signals import SignalDecisions, SignalDetail, SignalList

urlpatterns: list[URLPattern] = [
    path("signals", SignalList.as_view(), name="api-signals"),
    path("signals/<uuid:id>", SignalDetail.as_view(), name="api-signal"),
    path("signals/<uuid:id>/decisions", SignalDecisions.as_view(), name="api-signal-decisions"),
    path("public/signals", PublicSignalCreate.as_view(), name="api-public-signals"),
]
