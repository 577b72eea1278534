"""Pages of the privacy officer's workplace."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.privacy import request_views, views

urlpatterns: list[URLPattern] = [
    path("privacy/verwerkingslog", views.processing_log_page, name="processing-log"),
    path("privacy/verwerkingsregister", views.register_page, name="processing-register"),
    path("privacy/verzoeken", request_views.request_list, name="data-subject-requests"),
    path("privacy/verzoeken/nieuw", request_views.request_new, name="data-subject-request-new"),
    path("privacy/verzoeken/<uuid:request_id>", request_views.request_detail, name="data-subject-request"),
    path("privacy/verzoeken/<uuid:request_id>/export.json", request_views.request_export_json),
    path("privacy/verzoeken/<uuid:request_id>/verlengen", request_views.request_extend),
    path("privacy/verzoeken/<uuid:request_id>/afhandelen", request_views.request_complete),
]
