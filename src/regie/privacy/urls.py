"""Pages of the privacy officer's workplace."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.privacy import request_views, retention_views, rights_views, views

urlpatterns: list[URLPattern] = [
    path("privacy/verwerkingslog", views.processing_log_page, name="processing-log"),
    path("privacy/verwerkingsregister", views.register_page, name="processing-register"),
    path("privacy/verzoeken", request_views.request_list, name="data-subject-requests"),
    path("privacy/verzoeken/nieuw", request_views.request_new, name="data-subject-request-new"),
    path("privacy/verzoeken/<uuid:request_id>", request_views.request_detail, name="data-subject-request"),
    path("privacy/verzoeken/<uuid:request_id>/export.json", request_views.request_export_json),
    path("privacy/verzoeken/<uuid:request_id>/verlengen", request_views.request_extend),
    path("privacy/verzoeken/<uuid:request_id>/afhandelen", request_views.request_complete),
    path("privacy/verzoeken/<uuid:request_id>/achterhouden", request_views.request_withhold),
    path("privacy/verzoeken/<uuid:request_id>/besluiten", rights_views.request_decide),
    path("privacy/verzoeken/<uuid:request_id>/beperking-opheffen", rights_views.request_restriction_lift),
    path("privacy/bewaartermijnen", retention_views.retention_rules_page, name="retention-rules"),
    path("privacy/vernietigingslijsten", retention_views.destruction_lists_page, name="destruction-lists"),
    path("privacy/vernietigingslijsten/<uuid:list_id>", retention_views.destruction_list_page),
    path(
        "privacy/vernietigingslijsten/<uuid:list_id>/uitzonderen",
        retention_views.destruction_item_exclude_view,
    ),
    path(
        "privacy/vernietigingslijsten/<uuid:list_id>/beoordelen", retention_views.destruction_list_review_view
    ),
    path(
        "privacy/vernietigingslijsten/<uuid:list_id>/goedkeuren",
        retention_views.destruction_list_approve_view,
    ),
    path(
        "privacy/vernietigingslijsten/<uuid:list_id>/vernietigen",
        retention_views.destruction_list_destroy_view,
    ),
    path(
        "privacy/vernietigingslijsten/<uuid:list_id>/verklaring.csv",
        retention_views.destruction_certificate_csv,
    ),
]
