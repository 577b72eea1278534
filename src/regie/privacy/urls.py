"""Pages of the privacy officer's workplace."""

from __future__ import annotations

from django.urls import URLPattern, path

from regie.privacy import views

urlpatterns: list[URLPattern] = [
    path("privacy/verwerkingslog", views.processing_log_page, name="processing-log"),
]
