"""Routes of the procedures API under /api/v1/: plural kebab-case resources, no trailing slash."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.procedures.api import views

urlpatterns: list[URLPattern] = [
    path("deadlines", views.DeadlineCalculation.as_view()),
    path("procedure-types", views.ProcedureTypeList.as_view()),
    path("procedures", views.ProcedureList.as_view()),
    path("procedures/<str:pk>", views.ProcedureDetail.as_view()),
    path("procedures/<str:pk>/transitions", views.TransitionList.as_view()),
    path("procedures/<str:pk>/letters", views.LetterList.as_view()),
    path("procedures/<str:pk>/addressees", views.AddresseeList.as_view()),
]
