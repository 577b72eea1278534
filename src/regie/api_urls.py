"""The /api/v1/ routes: plural kebab-case resources, no trailing slash."""

from __future__ import annotations

from django.urls import include, path

from regie.accounts.api import Me, OrganisationDetail, OrganisationList
from regie.core.api.docs import OpenApiJson, docs_page

urlpatterns = [
    path("openapi.json", OpenApiJson.as_view(), name="openapi"),
    path("docs", docs_page, name="api-docs"),
    path("organisations", OrganisationList.as_view()),
    path("organisations/<uuid:pk>", OrganisationDetail.as_view()),
    path("users/me", Me.as_view()),
    path("", include("regie.cases.api_urls")),
    path("", include("regie.search.api_urls")),
    path("", include("regie.procedures.api_urls")),
    path("", include("regie.intake.api_urls")),
    path("", include("regie.park.api_urls")),
    path("", include("regie.pga.api_urls")),
    path("", include("regie.ondermijning.api_urls")),
    path("", include("regie.digital.api_urls")),
    path("", include("regie.meetings.api_urls")),
    path("", include("regie.monitoring.api_urls")),
    path("", include("regie.privacy.api_urls")),
]
