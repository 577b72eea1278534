"""Routes of the procedures app (filled by the procedures work)."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
