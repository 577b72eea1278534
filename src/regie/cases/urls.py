"""Case pages (HTML). Filled by the case pages work."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
