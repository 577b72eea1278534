"""Pages of the case meetings (Dutch paths, no trailing slash)."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.meetings import export_views, meeting_views, planning_views, views

urlpatterns: list[URLPattern] = [
    path("overleggen", views.meetings_home, name="meetings-home"),
    path("overleggen/reeksen/nieuw", views.series_new, name="meetings-series-new"),
    path("overleggen/reeksen/<str:series_id>", views.series_detail, name="meetings-series"),
    path("overleggen/reeksen/<str:series_id>/plannen", views.series_plan, name="meetings-plan"),
    path("overleggen/agendafeed", export_views.feed_settings, name="meetings-feed-settings"),
    path("overleggen/agenda/<str:secret>.ics", export_views.feed, name="meetings-feed"),
    path(
        "overleggen/casussen/<str:case_id>/bespreken",
        planning_views.case_request,
        name="meetings-case-request",
    ),
    path(
        "overleggen/casussen/<str:case_id>/bespreken/<str:request_id>/intrekken",
        planning_views.case_request_withdraw,
        name="meetings-case-request-withdraw",
    ),
    path("overleggen/<str:meeting_id>", meeting_views.meeting_detail, name="meetings-meeting"),
    path("overleggen/<str:meeting_id>/agenda.pdf", export_views.agenda_pdf_view, name="meetings-agenda-pdf"),
    path("overleggen/<str:meeting_id>/agenda.ics", export_views.meeting_ics, name="meetings-ics"),
    path("overleggen/<str:meeting_id>/vaststellen", planning_views.approve, name="meetings-approve"),
    path(
        "overleggen/<str:meeting_id>/aanmeldingen/<str:request_id>",
        planning_views.request_on_agenda,
        name="meetings-request-on-agenda",
    ),
    path(
        "overleggen/<str:meeting_id>/voorstellen/<str:key>/<str:reference>",
        planning_views.proposal_on_agenda,
        name="meetings-proposal-on-agenda",
    ),
    path("overleggen/<str:meeting_id>/geheimhouding", meeting_views.confirm, name="meetings-confirm"),
    path(
        "overleggen/<str:meeting_id>/agendapunten/<str:item_id>",
        meeting_views.item_detail,
        name="meetings-item",
    ),
    path(
        "overleggen/<str:meeting_id>/agendapunten/<str:item_id>/<slug:part>",
        meeting_views.item_change,
        name="meetings-item-change",
    ),
    path(
        "overleggen/<str:meeting_id>/<slug:part>",
        meeting_views.meeting_change,
        name="meetings-meeting-change",
    ),
]
