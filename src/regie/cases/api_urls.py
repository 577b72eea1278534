"""Case and subject API routes under /api/v1/. Filled by the case API work."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
