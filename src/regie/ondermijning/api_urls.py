"""Routes of the Aanpak ondermijning API under /api/v1/: plural kebab-case resources, no trailing slash."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.ondermijning import api

urlpatterns: list[URLPattern] = [
    path("areas", api.AreaList.as_view()),
    path("areas/<str:area_id>/contacts", api.AreaContactList.as_view()),
    path("location-risks", api.LocationRiskList.as_view()),
    path("integral-inspections", api.IntegralInspectionList.as_view()),
    path("kvo-trajectories", api.KvoList.as_view()),
    path("trainings", api.TrainingList.as_view()),
]
