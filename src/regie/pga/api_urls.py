"""Routes of the Persoonsgerichte aanpak API under /api/v1/: plural kebab-case resources, no trailing slash."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.pga import api

urlpatterns: list[URLPattern] = [
    path("pga-referrals", api.ReferralList.as_view()),
    path("pga-referrals/from-signal", api.ReferralFromSignal.as_view()),
    path("pga-referrals/<uuid:id>", api.ReferralDetail.as_view()),
    path("pga-referrals/<uuid:id>/decision", api.ReferralDecision.as_view()),
    path("pga-cases", api.PgaCaseList.as_view()),
    path("pga-cases/<uuid:id>", api.PgaCaseDetail.as_view()),
    path("pga-cases/<uuid:id>/scores", api.PgaCaseScores.as_view()),
    path("pga-cases/<uuid:id>/plans/<slug:domainCode>", api.PgaCasePlan.as_view()),
]
