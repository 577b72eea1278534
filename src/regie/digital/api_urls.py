"""Routes of the Digitale veiligheid API under /api/v1/: plural kebab-case resources, no trailing slash."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.digital import api, api_follow_ups

urlpatterns: list[URLPattern] = [
    path("public/self-checks", api.PublicSelfCheckList.as_view(), name="api-public-self-checks"),
    path("public/self-checks/<str:code>", api.PublicSelfCheckDetail.as_view(), name="api-public-self-check"),
    path(
        "public/self-checks/<str:code>/results",
        api.PublicSelfCheckResults.as_view(),
        name="api-public-self-check-results",
    ),
    path("public/victim-guide", api.PublicVictimGuide.as_view(), name="api-public-victim-guide"),
    path("campaigns", api.CampaignList.as_view(), name="api-campaigns"),
    path("campaigns/<str:id>", api.CampaignDetail.as_view(), name="api-campaign"),
    path("self-check-statistics", api.SelfCheckStatistics.as_view(), name="api-self-check-statistics"),
    path("victim-follow-ups", api_follow_ups.FollowUpList.as_view(), name="api-victim-follow-ups"),
    path("victim-follow-ups/<str:id>", api_follow_ups.FollowUpDetail.as_view(), name="api-victim-follow-up"),
]
