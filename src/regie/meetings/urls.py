"""Pages of the case meetings (Dutch paths, no trailing slash)."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
