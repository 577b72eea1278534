"""Pages of the Digitale veiligheid theme."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
