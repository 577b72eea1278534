"""Routes of the case-meetings API under /api/v1/: plural kebab-case resources, no trailing slash."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
